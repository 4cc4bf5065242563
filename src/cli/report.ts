/**
 * Report shapes and formatters for the CLI: one JSON document for machines, a readable summary for people.
 */
import type { Review } from '../core/review';
import type { LoadError } from './load';

export interface FileReport {
  file: string;
  error: LoadError | null;
  template: { family: string; version: string; language: string } | null;
  declaration: Review['declaration'] | null;
  checker: Review['checker'] | null;
  findings: Review['findings'];
  smelters: Review['smelters'];
  summary: (Review['summary'] & { auditStatusKnown: boolean; messages: string[] }) | null;
}

export function fileReport(file: string, review: Review | null, error: LoadError | null): FileReport {
  if (!review) return { file, error, template: null, declaration: null, checker: null, findings: [], smelters: [], summary: null };
  const t = review.template;
  return {
    file,
    error: null,
    template: { family: t.family, version: t.version, language: t.language },
    declaration: review.declaration,
    checker: review.checker,
    findings: review.findings,
    smelters: review.smelters,
    summary: { ...review.summary, auditStatusKnown: review.smelterSummary.auditStatusKnown, messages: review.smelterSummary.messages },
  };
}

export function formatJson(tool: { name: string; version: string }, files: FileReport[]): string {
  return JSON.stringify({ tool, files }, null, 2);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatText(r: FileReport, review: Review | null): string {
  const lines: string[] = [];
  if (r.error || !review) {
    lines.push(`${r.file}: cannot be reviewed: ${r.error?.message ?? 'unknown error'}`);
    return lines.join('\n');
  }
  const t = review.template;
  const c = review.declaration.company;
  lines.push(`${r.file}: ${t.family} ${t.version} (${t.language})${t.layoutVersion !== t.version ? `, read with the ${t.layoutVersion} layout` : ''}`);
  lines.push(`  Company: ${c.companyName.value ?? '(missing)'} · Scope: ${c.declarationScope.value ?? '(missing)'} · Effective: ${c.effectiveDate.value ?? String(c.effectiveDate.raw ?? '(missing)')}`);
  const s = review.summary;
  lines.push(`  Checker: ${s.checkerIncomplete === 0 ? 'complete' : `${plural(s.checkerIncomplete, 'required field')} incomplete`} · ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info · ${plural(s.smelters, 'smelter')}, ${s.smeltersOfInterest} of interest`);
  for (const m of review.smelterSummary.messages.slice(0, 2)) lines.push(`  ${m}`);
  for (const f of review.findings) {
    const where = f.cell ? `${f.sheet}!${f.cell}` : f.row ? `${f.sheet} row ${f.row}` : f.sheet;
    lines.push(`  ${f.severity.padEnd(7)} ${where.padEnd(22)} ${f.message}  [${f.rule}]`);
  }
  const soi = review.smelters.filter((x) => x.interest);
  if (soi.length) {
    lines.push('  Smelters of interest:');
    for (const x of soi) lines.push(`    row ${x.row}: ${x.metal ?? '?'} · ${x.name ?? '?'} (${x.cid ?? 'no ID'}, ${x.country ?? '?'}) — ${x.reasons.map((q) => q.category).join(', ')}`);
  }
  return lines.join('\n');
}
