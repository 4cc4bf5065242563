/**
 * The template's own Checker, re-implemented on the model, exactly per family and version (CMRT 6.01-6.5, EMRT
 * 1.1-2.1, CRT 2.2/2.21, AMRT 1.2/1.3): the same rows, the same conditions, the same count. The logic is data
 * (profiles.ts: a base per family, each version a small override), evaluated with Excel's semantics (excel.ts) over
 * the raw cells the reader copies (`Declaration.checkerInputs`, `SmelterRow.rawText`/`emptyFormula`). docs/checker.md
 * specifies every row; test/core/checker/differential.test.ts compares this port with LibreOffice recalculating the
 * real templates.
 *
 * Items (one per Checker row that the template counts and flags):
 *  - "Declaration!D16": an input cell (company field, question answer, company question);
 *  - "Declaration!G77": a policy-URL comment (CMRT G77, EMRT 1.x G69/G71, EMRT 2.x G117, CRT G63);
 *  - "Declaration!D12:I13" (EMRT 2.x, AMRT: no mineral selected), "Declaration!D15:I16" (AMRT 1.3: unnamed "Other");
 *  - "Product List";
 *  - "Smelter List:Tin": per metal (CMRT, EMRT 1.x, CRT) or per selected mineral - an EMRT 2.x/AMRT slot is named by
 *    the mineral the template sorted into it (Declaration!AA12:AA21, the Checker's column A), e.g.
 *    "Smelter List:Cobalt"; an empty slot is never flagged;
 *  - "Smelter List:not-listed".
 * `incomplete` is the count the template's Checker shows (its D2); when the Checker shows an error there (AMRT 1.2
 * with "Other [specify below]" selected: #REF!), `totalError` holds it and `incomplete` counts the numeric rows.
 */
import type { Declaration, Finding } from '../model';
import type { TemplateLayout } from '../layouts';
import { evaluateChecker, type CheckerRow } from './evaluate';

export { evaluateChecker, type CheckerRow } from './evaluate';
export { checkerInputCells } from './inputs';
export { profileFor, type CheckerProfile } from './profiles';

export interface CheckerItem {
  /** "Declaration!D16", "Declaration!G77", "Product List", "Smelter List:Tin", "Smelter List:not-listed", ... */
  item: string;
  sheet: string;
  cell: string | null;
  row: number | null;
  message: string;
}

export interface CheckerResult {
  /** The count the template's own Checker shows. */
  incomplete: number;
  items: CheckerItem[];
  /** The error the template's Checker shows instead of a count (e.g. "#REF!"), when it does. */
  totalError?: string;
}

/** The Checker's verdict: the counted rows it flags, and its total. */
export function runChecker(d: Declaration, layout: TemplateLayout): CheckerResult {
  return checkerResult(evaluateChecker(d, layout));
}

/** Summarises evaluated Checker rows the way the Checker's D2 does (`SUM` of the counted H values). */
export function checkerResult(rows: readonly CheckerRow[]): CheckerResult {
  let incomplete = 0;
  let totalError: string | undefined;
  const items: CheckerItem[] = [];
  for (const r of rows) {
    if (!r.inTotal || r.h === 0) continue;
    if (typeof r.h === 'number') incomplete += r.h;
    else totalError ??= r.h;
    items.push({ item: r.item, sheet: r.sheet, cell: r.cell, row: r.row, message: r.message });
  }
  return totalError ? { incomplete, items, totalError } : { incomplete, items };
}

/** Checker items as findings (severity error: the customer's Checker will flag them too). */
export function checkerFindings(result: CheckerResult): Finding[] {
  return result.items.map((i) => ({
    rule: 'checker/required',
    severity: 'error' as const,
    sheet: i.sheet,
    cell: i.cell,
    row: i.row,
    message: i.message,
    fix: i.message,
    data: { item: i.item },
  }));
}
