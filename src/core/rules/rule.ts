/**
 * Rules, in the spirit of ESLint: one file, one stable id, one doc paragraph; each reports findings with exact
 * positions. `createRule` only adds types; it keeps rule files declarative.
 */
import type { Declaration, Finding, LookupEntry, Severity } from '../model';
import type { TemplateLayout } from '../layouts/types';

export type Role = 'supplier' | 'buyer';

export interface RuleMeta {
  /** Stable id, "area/name", e.g. "declaration/email-format". Never renamed once released. */
  id: string;
  /** Default severity of the findings it reports. */
  severity: Severity;
  /** One paragraph: what it checks and why it matters to a supplier or buyer. */
  doc: string;
}

export interface RuleContext<Extra = unknown> {
  declaration: Declaration;
  /** The template's own Smelter Look-up list. */
  lookup: readonly LookupEntry[];
  layout: TemplateLayout;
  role: Role;
  /** "Today", injected so that tests are deterministic. */
  now: Date;
  extra: Extra;
}

export type Report = (finding: Omit<Finding, 'rule' | 'severity'> & { severity?: Severity }) => void;

export interface Rule<Extra = unknown> {
  meta: RuleMeta;
  check(context: RuleContext<Extra>, report: Report): void;
}

export function createRule<Extra = unknown>(rule: Rule<Extra>): Rule<Extra> {
  if (!/^[a-z]+\/[a-z0-9-]+$/.test(rule.meta.id)) throw new Error(`Bad rule id: ${rule.meta.id}`);
  return rule;
}

/** Runs rules and collects their findings in a stable order (by sheet, row, column, rule). */
export function runRules<Extra>(rules: readonly Rule<Extra>[], context: RuleContext<Extra>): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    rule.check(context, (f) => {
      findings.push({ rule: rule.meta.id, severity: f.severity ?? rule.meta.severity, sheet: f.sheet, cell: f.cell, row: f.row, message: f.message, ...(f.fix ? { fix: f.fix } : {}), ...(f.data ? { data: f.data } : {}) });
    });
  }
  return findings;
}
