/**
 * One review of one workbook: read → Checker → rules → smelters of interest → summary. Pure: both hosts (the
 * task pane over Excel, the CLI over xlsx files) call this with cell grids and get the same answer.
 */
import type { WorkbookGrid } from './grid';
import { readTemplate, layoutFor } from './read';
import type { Declaration, Finding, LookupEntry, Severity, TemplateInfo } from './model';
import type { TemplateLayout } from './layouts';
import { runRules, type Role, type Rule, type RuleContext } from './rules/rule';
import { SMELTER_RULES } from './rules/smelter';
import { DECLARATION_RULES } from './rules/declaration';
import { createReviewReference, type ReviewReference } from './reference';
import { assessSmelters, summariseSmelters, type SmelterAssessment, type SmelterSummary } from './smelters';
import { runChecker, checkerFindings, type CheckerResult } from './checker';

export interface ReviewOptions {
  role?: Role;
  /** "Today"; injected for deterministic tests. */
  now?: Date;
  reference?: ReviewReference;
}

export interface ReviewSummary {
  errors: number;
  warnings: number;
  infos: number;
  smelters: number;
  smeltersOfInterest: number;
  /** The count the template's own Checker shows. */
  checkerIncomplete: number;
}

export interface Review {
  template: TemplateInfo;
  declaration: Declaration;
  lookup: LookupEntry[];
  layout: TemplateLayout;
  checker: CheckerResult;
  /** Checker items (as findings) first, then the rules' findings, in sheet/row order. */
  findings: Finding[];
  smelters: SmelterAssessment[];
  smelterSummary: SmelterSummary;
  summary: ReviewSummary;
}

export const ALL_RULES: readonly Rule<ReviewReference>[] = [...(DECLARATION_RULES as readonly Rule<ReviewReference>[]), ...SMELTER_RULES];

const SHEET_ORDER = ['Declaration', 'Smelter List', 'Product List', 'Mine List', 'Checker'];

function compareFindings(a: Finding, b: Finding): number {
  const sa = SHEET_ORDER.indexOf(a.sheet), sb = SHEET_ORDER.indexOf(b.sheet);
  if (sa !== sb) return (sa < 0 ? 99 : sa) - (sb < 0 ? 99 : sb);
  return (a.row ?? 0) - (b.row ?? 0);
}

export function count(findings: readonly Finding[], severity: Severity): number {
  let n = 0;
  for (const f of findings) if (f.severity === severity) n++;
  return n;
}

/** Reviews a workbook's grids. Throws TemplateError when the workbook is not a template. */
export function reviewWorkbook(wb: WorkbookGrid, options: ReviewOptions = {}): Review {
  const { declaration, lookup } = readTemplate(wb);
  return reviewDeclaration(declaration, lookup, options);
}

export function reviewDeclaration(declaration: Declaration, lookup: LookupEntry[], options: ReviewOptions = {}): Review {
  const layout = layoutFor(declaration.template);
  const reference = options.reference ?? createReviewReference();
  const ctx: RuleContext<ReviewReference> = {
    declaration, lookup, layout, role: options.role ?? 'buyer', now: options.now ?? new Date(), extra: reference,
  };
  const checker = runChecker(declaration, layout);
  const findings = [...checkerFindings(checker), ...runRules(ALL_RULES, ctx).sort(compareFindings)];
  const smelters = assessSmelters(ctx);
  const smelterSummary = summariseSmelters(smelters, reference);
  return {
    template: declaration.template,
    declaration,
    lookup,
    layout,
    checker,
    findings,
    smelters,
    smelterSummary,
    summary: {
      errors: count(findings, 'error'),
      warnings: count(findings, 'warning'),
      infos: count(findings, 'info'),
      smelters: smelterSummary.total,
      smeltersOfInterest: smelterSummary.ofInterest,
      checkerIncomplete: checker.incomplete,
    },
  };
}
