/**
 * What the pane shows, computed from a Review without React or Excel: the summary for a supplier or a buyer, the
 * findings grouped by area with the cell each one goes to, the smelter table rows, and the mark request. Pure, so
 * it is unit-tested in Node (test/taskpane).
 */
import type { Declaration, Finding, Severity } from '../core/model';
import type { Review } from '../core/review';
import type { SmelterAssessment } from '../core/smelters';
import type { InterestCategory } from '../core/policy';
import type { MarkRequest, SmelterOfInterest } from '../excel/plan';
import type { Role } from './settings';
import { CATEGORY_LABELS } from './settings';

// ---- Summary ----

export interface ReviewCounts {
  errors: number;
  warnings: number;
  infos: number;
  /** Items the template's own Checker reports as incomplete (what a customer's Checker will flag). */
  missing: number;
  /** Smelter identification problems (IDs, look-up names, duplicates, mismatches). */
  idProblems: number;
  smelters: number;
  smeltersOfInterest: number;
}

export interface SummaryView {
  role: Role;
  /** "Ready to send", "3 to do before sending", "4 smelters of interest", ... */
  headline: string;
  intent: 'success' | 'warning' | 'error' | 'info';
  /** Supplier: errors to fix before sending. */
  todo: number;
  counts: ReviewCounts;
  /** Sentences under the headline. */
  details: string[];
}

/** Rules about identifying smelters (as opposed to answers or completeness). */
export const ID_RULES: ReadonlySet<string> = new Set([
  'smelter/unknown-id',
  'smelter/malformed-id',
  'smelter/typed-id-mismatch',
  'smelter/removed-id',
  'smelter/lookup-not-in-list',
  'smelter/duplicate',
  'smelter/name-mismatch',
  'smelter/country-mismatch',
  'smelter/metal-mismatch',
  'smelter/not-listed',
]);

export function isIdProblem(f: Finding): boolean {
  return ID_RULES.has(f.rule) && f.severity !== 'info';
}

export function isMissingItem(f: Finding): boolean {
  return f.rule === 'checker/required';
}

export function countReview(review: Review): ReviewCounts {
  let errors = 0,
    warnings = 0,
    infos = 0,
    missing = 0,
    idProblems = 0;
  for (const f of review.findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
    if (isMissingItem(f)) missing++;
    if (isIdProblem(f)) idProblems++;
  }
  return {
    errors,
    warnings,
    infos,
    missing,
    idProblems,
    smelters: review.smelterSummary.total,
    smeltersOfInterest: review.smelterSummary.ofInterest,
  };
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function summarize(review: Review, role: Role): SummaryView {
  const counts = countReview(review);
  if (role === 'supplier') {
    const todo = counts.errors;
    const details: string[] = [];
    if (counts.missing) details.push(`${plural(counts.missing, 'required item')} the customer's Checker will flag.`);
    if (counts.idProblems) details.push(`${plural(counts.idProblems, 'smelter ID problem')}.`);
    if (counts.warnings) details.push(`${plural(counts.warnings, 'warning')} worth a look before sending.`);
    if (counts.smeltersOfInterest) details.push(`${plural(counts.smeltersOfInterest, 'smelter')} your customer may ask about.`);
    if (todo === 0) {
      return {
        role,
        todo,
        counts,
        details,
        headline: 'Ready to send',
        intent: counts.warnings ? 'warning' : 'success',
      };
    }
    return { role, todo, counts, details, headline: `${todo} to do before sending`, intent: 'error' };
  }
  const details: string[] = [];
  details.push(`${plural(counts.smelters, 'smelter')} listed.`);
  if (!review.smelterSummary.auditStatusKnown) details.push('Audit status unknown: import the RMI facility list in Settings.');
  const clean = counts.missing === 0 && counts.idProblems === 0 && counts.smeltersOfInterest === 0;
  return {
    role,
    todo: counts.errors,
    counts,
    details,
    headline: clean ? 'Complete, no follow-up needed' : 'Follow-up needed',
    intent: clean ? 'success' : counts.missing || counts.idProblems ? 'warning' : 'info',
  };
}

// ---- Findings by area ----

export type Area = 'company' | 'questions' | 'company-questions' | 'smelters' | 'products' | 'mines' | 'other';

export const AREA_LABELS: Readonly<Record<Area, string>> = {
  company: 'Company information',
  questions: 'Minerals questions',
  'company-questions': 'Company questions',
  smelters: 'Smelter List',
  products: 'Product List',
  mines: 'Mine List',
  other: 'Other',
};

const AREA_ORDER: readonly Area[] = ['company', 'questions', 'company-questions', 'smelters', 'products', 'mines', 'other'];

export interface Target {
  sheet: string;
  cell: string;
}

export interface FindingItem {
  /** Stable key for React lists. */
  key: string;
  finding: Finding;
  /** Where "go to" takes the user. */
  target: Target | null;
  /** "Declaration!D16", "Smelter List row 12", "Smelter List". */
  location: string;
}

export interface FindingGroup {
  area: Area;
  label: string;
  items: FindingItem[];
  errors: number;
  warnings: number;
  infos: number;
}

/** Declaration cells by area, from the model (the layout differs per family and version). */
export function declarationAreas(d: Declaration): Map<string, Area> {
  const m = new Map<string, Area>();
  const add = (sheet: string, cell: string, area: Area): void => void m.set(`${sheet}!${cell}`, area);
  for (const [k, f] of Object.entries(d.company)) {
    if (k !== 'scope' && f && typeof f === 'object' && 'cell' in f) add(f.sheet, f.cell, 'company');
  }
  for (const a of d.answers) {
    for (const f of Object.values(a.answers)) add(f.sheet, f.cell, 'questions');
    for (const f of Object.values(a.comments)) add(f.sheet, f.cell, 'questions');
  }
  for (const q of d.companyQuestions) {
    add(q.answer.sheet, q.answer.cell, 'company-questions');
    add(q.comment.sheet, q.comment.cell, 'company-questions');
  }
  return m;
}

export function areaOf(f: Finding, cells: Map<string, Area>, review: Pick<Review, 'layout'>): Area {
  if (f.cell) {
    const hit = cells.get(`${f.sheet}!${f.cell}`);
    if (hit) return hit;
  }
  const s = f.sheet.toLowerCase();
  if (s === review.layout.smelterList.sheet.toLowerCase() || s === 'smelter list') return 'smelters';
  if (s === review.layout.productList.sheet.toLowerCase() || s === 'product list') return 'products';
  if (s === 'mine list') return 'mines';
  if (s === 'declaration') return f.rule.startsWith('declaration/') ? 'company' : 'other';
  return 'other';
}

export function targetOf(f: Finding, review: Pick<Review, 'layout'>): Target | null {
  if (f.cell) return { sheet: f.sheet, cell: f.cell };
  if (f.row) return { sheet: f.sheet, cell: `A${f.row}` };
  const s = f.sheet.toLowerCase();
  if (s === review.layout.smelterList.sheet.toLowerCase()) return { sheet: f.sheet, cell: `B${review.layout.smelterList.firstRow}` };
  if (s === review.layout.productList.sheet.toLowerCase()) return { sheet: f.sheet, cell: `B${review.layout.productList.firstRow}` };
  return f.sheet ? { sheet: f.sheet, cell: 'A1' } : null;
}

export function locationOf(f: Finding): string {
  if (f.cell) return `${f.sheet}!${f.cell}`;
  if (f.row) return `${f.sheet} row ${f.row}`;
  return f.sheet;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function groupFindings(review: Review): FindingGroup[] {
  const cells = declarationAreas(review.declaration);
  const groups = new Map<Area, FindingGroup>();
  review.findings.forEach((f, i) => {
    const area = areaOf(f, cells, review);
    let g = groups.get(area);
    if (!g) groups.set(area, (g = { area, label: AREA_LABELS[area], items: [], errors: 0, warnings: 0, infos: 0 }));
    g.items.push({ key: `${i}:${f.rule}:${f.sheet}:${f.cell ?? f.row ?? ''}`, finding: f, target: targetOf(f, review), location: locationOf(f) });
    if (f.severity === 'error') g.errors++;
    else if (f.severity === 'warning') g.warnings++;
    else g.infos++;
  });
  for (const g of groups.values()) {
    // Errors first, then in sheet order (the review's order) within a severity.
    g.items = g.items
      .map((item, i) => ({ item, i }))
      .sort((a, b) => SEVERITY_RANK[a.item.finding.severity] - SEVERITY_RANK[b.item.finding.severity] || a.i - b.i)
      .map((x) => x.item);
  }
  return AREA_ORDER.filter((a) => groups.has(a)).map((a) => groups.get(a)!);
}

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Note' };

// ---- Smelters ----

export type BadgeColor = 'danger' | 'severe' | 'warning' | 'important' | 'informative' | 'subtle' | 'brand' | 'success';

export const CATEGORY_COLORS: Readonly<Record<InterestCategory, BadgeColor>> = {
  'audit-status': 'warning',
  sanctions: 'danger',
  'high-risk-geography': 'severe',
  unrecognized: 'important',
  watchlist: 'informative',
};

export interface ReasonBadge {
  category: InterestCategory;
  label: string;
  color: BadgeColor;
  /** The reasons of that category, joined (for the row's details and accessible name). */
  text: string;
}

export interface SmelterRowView {
  key: string;
  row: number;
  metal: string;
  name: string;
  id: string;
  country: string;
  interest: boolean;
  badges: ReasonBadge[];
  assessment: SmelterAssessment;
}

export function reasonBadges(a: SmelterAssessment): ReasonBadge[] {
  const by = new Map<InterestCategory, string[]>();
  for (const r of a.reasons) {
    const list = by.get(r.category) ?? [];
    list.push(r.message);
    by.set(r.category, list);
  }
  return [...by].map(([category, texts]) => ({
    category,
    label: CATEGORY_LABELS[category],
    color: CATEGORY_COLORS[category],
    text: texts.join(' '),
  }));
}

export function smelterRows(review: Review, options: { onlyInterest: boolean }): SmelterRowView[] {
  return review.smelters
    .filter((s) => !options.onlyInterest || s.interest)
    .map((s) => ({
      key: `row-${s.row}`,
      row: s.row,
      metal: s.metal ?? '—',
      name: s.name ?? '(no name)',
      id: s.cid ?? '—',
      country: s.country ?? '—',
      interest: s.interest,
      badges: reasonBadges(s),
      assessment: s,
    }));
}

/** The cell a smelter row goes to: its name cell. */
export function smelterTarget(review: Pick<Review, 'layout'>, row: number): Target {
  const col = review.layout.smelterList.columns.name ?? 'D';
  return { sheet: review.layout.smelterList.sheet, cell: `${col}${row}` };
}

// ---- Marks ----

export function markRequestFor(review: Review): MarkRequest {
  const smeltersOfInterest: SmelterOfInterest[] = review.smelters
    .filter((s) => s.interest)
    .map((s) => ({
      sheet: review.layout.smelterList.sheet,
      row: s.row,
      reasons: s.reasons.map((r) => `${CATEGORY_LABELS[r.category]}: ${r.message}`),
    }));
  // Marks go on cells of the template's sheets only; a finding without a cell (e.g. "no smelters for Tin") stays
  // in the pane.
  const findings = review.findings.filter((f) => f.cell !== null || f.row !== null);
  return { findings, smeltersOfInterest, severities: ['error', 'warning'] };
}
