/**
 * Helpers shared by the smelter rules: the analysis of the Smelter List (see ../../smelter-analysis.ts) and the
 * wording of IDs, rows and sources in messages.
 */
import type { RuleContext } from '../rule';
import type { ReviewReference } from '../../reference';
import { analyseSmelters, type SmelterAnalysis } from '../../smelter-analysis';
import { historyIndex } from '../../reference/history';

export { SMELTER_SHEET } from '../../smelter-analysis';

export type SmelterRuleContext = RuleContext<ReviewReference>;

export function analysis(ctx: RuleContext<unknown>): SmelterAnalysis {
  return analyseSmelters(ctx);
}

/** "CMRT 6.5, EMRT 2.1, CRT 2.2, AMRT 1.3" */
export function newestTemplates(): string {
  return Object.entries(historyIndex().latest).map(([f, v]) => `${f} ${v.version}`).join(', ');
}

/** Quotes a cell value for a message, shortened when long. */
export function q(value: string | null | undefined): string {
  const v = value ?? '';
  return `"${v.length > 80 ? `${v.slice(0, 77)}...` : v}"`;
}
