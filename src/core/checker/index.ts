/**
 * The template's own Checker, re-implemented on the model. Each item names what the Checker flags:
 * "Declaration!D16" (an input cell), "Declaration!G77" (the policy URL comment), "Product List",
 * "Smelter List:Tin" (one per metal or mineral), "Smelter List:not-listed", "Mine List".
 * `incomplete` is the count the template's own Checker shows.
 *
 * The conditions follow the Checker formulas of the real templates (see docs/checker.md):
 *  - always-required company fields; emails need an "@" (SEARCH("@", ...)), the rest need any value;
 *  - the scope description when the scope is neither "A. Company" nor "B. Product (or List of Products)";
 *  - the product list (its first row) for a product scope;
 *  - Q1 for every metal; Q2 unless Q1 is "No"; Q3 onwards unless Q1 or Q2 is "No";
 *  - the company questions when any metal needs Q3 onwards; the policy URL comment when B is "Yes";
 *  - for each metal that needs Q3 onwards, at least one Smelter List row with that metal and a look-up choice;
 *  - a name and a country on every "Smelter not listed" row.
 */
import type { Declaration, Field, Finding, MetalAnswers } from '../model';
import type { TemplateLayout } from '../layouts';
import { a1, parseA1 } from '../grid';

export interface CheckerItem {
  /** "Declaration!D16", "Declaration!G77", "Product List", "Smelter List:Tin", "Smelter List:not-listed", "Mine List". */
  item: string;
  sheet: string;
  cell: string | null;
  row: number | null;
  message: string;
}

export interface CheckerResult {
  incomplete: number;
  items: CheckerItem[];
}

/** Excel's `cell=0` test on a referenced cell: true only for a truly empty cell (or the number 0). */
function isBlank(f: Field): boolean {
  return f.raw === null || f.raw === 0;
}

/** Excel string "=" compares case-insensitively. */
function eq(f: Field | undefined, text: string): boolean {
  if (!f || typeof f.raw !== 'string') return false;
  return f.raw.toLowerCase() === text.toLowerCase();
}

const LABELS: Record<string, string> = {
  companyName: 'company name', declarationScope: 'declaration scope', scopeDescription: 'description of scope',
  contactName: 'contact name', contactEmail: 'contact email', contactPhone: 'contact phone',
  authorizerName: 'authorizer', authorizerEmail: 'authorizer email', effectiveDate: 'effective date',
};

const ALWAYS = ['companyName', 'declarationScope', 'contactName', 'contactEmail', 'contactPhone', 'authorizerName', 'authorizerEmail', 'effectiveDate'] as const;

function numberOf(m: MetalAnswers, topic: string): number | undefined {
  for (const [n, t] of Object.entries(m.topics)) if (t === topic) return Number(n);
  return undefined;
}

export function runChecker(d: Declaration, layout: TemplateLayout): CheckerResult {
  const items: CheckerItem[] = [];
  const cellItem = (f: Field, message: string): void => {
    items.push({ item: `${f.sheet}!${f.cell}`, sheet: f.sheet, cell: f.cell, row: parseA1(f.cell).row, message });
  };
  const c = d.company;
  for (const key of ALWAYS) {
    const f = c[key];
    const missing = key === 'contactEmail' || key === 'authorizerEmail' ? typeof f.raw !== 'string' || !f.raw.includes('@') : isBlank(f);
    if (missing) cellItem(f, key.endsWith('Email') ? `Provide a valid ${LABELS[key]} (the Checker needs an "@").` : `Provide the ${LABELS[key]}.`);
  }
  const scopeCompanyOrProduct = c.scope === 'company' || c.scope === 'product' || isBlank(c.declarationScope);
  if (!scopeCompanyOrProduct && isBlank(c.scopeDescription)) cellItem(c.scopeDescription, 'Describe the user-defined scope.');

  // Per metal: Q1 always; Q2 unless Q1 "No"; Q3+ unless Q1 or Q2 "No".
  const needsRest = new Map<string, boolean>();
  for (const m of d.answers) {
    const nums = Object.keys(m.answers).map(Number).sort((x, y) => x - y);
    const q1 = m.answers[nums[0]!];
    const remainsNo = numberOf(m, 'remains');
    const q2 = remainsNo !== undefined ? m.answers[remainsNo] : undefined;
    const rest = !eq(q1, 'No') && !eq(q2, 'No');
    needsRest.set(m.metal, rest);
    for (const n of nums) {
      const f = m.answers[n]!;
      const needed = n === nums[0] ? true : n === remainsNo ? !eq(q1, 'No') : rest;
      if (needed && isBlank(f)) cellItem(f, `Answer question ${n} for ${m.metal}.`);
    }
  }
  const anyInScope = [...needsRest.values()].some(Boolean);
  if (anyInScope) {
    for (const q of d.companyQuestions) {
      if (isBlank(q.answer)) cellItem(q.answer, `Answer company question ${q.id}${q.metal ? ` for ${q.metal}` : ''}.`);
      if (q.topic === 'policy-public' && eq(q.answer, 'Yes') && String(q.comment.raw ?? '').length <= 1) {
        cellItem(q.comment, 'Give the URL of the published policy in the comment of question B.');
      }
    }
  }
  if (c.scope === 'product') {
    const first = d.products.find((p) => p.row === layout.productList.firstRow && p.number !== null);
    if (!first) {
      const col = layout.productList.columns.number ?? 'B';
      items.push({ item: 'Product List', sheet: layout.productList.sheet, cell: `${col}${layout.productList.firstRow}`, row: layout.productList.firstRow, message: 'List the products this declaration covers on the Product List, starting in its first row.' });
    }
  }
  for (const [metal, rest] of needsRest) {
    if (!rest) continue;
    const has = d.smelters.some((s) => s.metal !== null && s.metal.toLowerCase() === metal.toLowerCase() && s.lookup !== null);
    if (!has) items.push({ item: `Smelter List:${metal}`, sheet: layout.smelterList.sheet, cell: null, row: null, message: `List the smelters for ${metal} on the Smelter List (metal and smelter look-up).` });
  }
  const nameCol = layout.smelterList.columns.name ?? 'D';
  const badNotListed = d.smelters.filter((s) => s.lookupKind === 'not-listed' && s.lookup !== null && (s.name === null || s.country === null));
  if (badNotListed.length) {
    const first = badNotListed[0]!;
    items.push({ item: 'Smelter List:not-listed', sheet: layout.smelterList.sheet, cell: a1(first.row, parseA1(`${nameCol}1`).col), row: first.row, message: `Give the name and country of every "Smelter not listed" row (${badNotListed.length} row(s), first at row ${first.row}).` });
  }
  return { incomplete: items.length, items };
}

/** Checker items as findings (severity error: the customer's Checker will flag them too). */
export function checkerFindings(result: CheckerResult, _d: Declaration, _layout: TemplateLayout): Finding[] {
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
