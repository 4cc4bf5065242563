/**
 * Filled copies of the real RMI CMRT 6.5 for the browser tests: a complete declaration a supplier could send, and a
 * received one with gaps, ID problems and smelters of interest. Written the way Excel stores a supplier's entries
 * (test/support/fill.ts), with the cached results of the template's Smelter List formulas.
 */
import { chooseLayout } from '../../src/core/layouts';
import type { CompanyFieldKey } from '../../src/core/model';
import type { TemplateLayout } from '../../src/core/layouts/types';
import { readXlsx } from '../../src/xlsx/read';
import { fillTemplate, readTemplateBytes, smelterListPlan, type CellWrite } from '../support/fill';
import { GOOD_COMPANY } from '../support/declaration-grid';
import type { CellValue } from '../../src/core/grid';

export const TEMPLATE = 'RMI_CMRT_6.5.xlsx';

export function cmrtLayout(): TemplateLayout {
  return chooseLayout('CMRT', '6.5')!.layout;
}

/** The complete company block of the declaration tests, dated 2026-01-01. */
const COMPANY: Partial<Record<CompanyFieldKey, CellValue>> = { ...GOOD_COMPANY, effectiveDate: 46023 };

/** Answers that make a consistent, complete declaration (Q1-Q8 per metal). */
const ANSWERS: Record<string, string> = {
  intentional: 'Yes',
  remains: 'Yes',
  'covered-countries': 'No',
  cahra: 'No',
  recycled: 'No',
  'response-rate': '100%',
  'all-identified': 'Yes',
  'all-reported': 'Yes',
};

function declarationWrites(layout: TemplateLayout, company: Partial<Record<CompanyFieldKey, CellValue>>): CellWrite[] {
  const d = layout.declaration;
  const writes: CellWrite[] = [];
  for (const [key, value] of Object.entries(company))
    writes.push({ sheet: 'Declaration', cell: d.company[key as CompanyFieldKey], value: value ?? null });
  for (const q of d.questions) {
    for (const slot of q.slots) writes.push({ sheet: 'Declaration', cell: slot.answerCell, value: ANSWERS[q.topic] ?? 'Yes' });
  }
  for (const q of d.companyQuestions) {
    const answer = q.topic === 'other' ? 'No' : 'Yes';
    writes.push({ sheet: 'Declaration', cell: q.answerCell, value: q.topic === 'annual-filing' ? 'Yes, with the SEC' : answer });
    if (q.topic === 'policy-public')
      writes.push({ sheet: 'Declaration', cell: q.commentCell, value: 'https://acme-metals.example/conflict-minerals-policy' });
  }
  return writes;
}

/** Look-up rows of the template to list: one per metal, in countries without CAHRA or covered-country signals. */
const SUPPLIER_SMELTERS = ['CID002550', 'CID000402', 'CID000035', 'CID000004'];

/**
 * Smelter List writes for the given RMI IDs, in rows 5.., as a supplier fills them with the dropdowns (metal and
 * look-up name), with the formulas' cached results.
 */
export function smelterWrites(template: Uint8Array, ids: readonly string[], firstRow = 5): CellWrite[] {
  const wb = readXlsx(template, { sheets: ['Smelter Look-up'] });
  const lookup = wb.sheets[0]!.values;
  // The plan fills look-up rows in order; ask for enough rows to reach every wanted ID, then move them up.
  const wantedRows = ids.map((id) => {
    const r = lookup.findIndex((row, i) => i >= 4 && String(row?.[4] ?? '').trim() === id);
    if (r < 0) throw new Error(`${id} is not on the template's Smelter Look-up`);
    return r;
  });
  const plan = smelterListPlan({ template, rows: Math.max(...wantedRows) + 2 });
  const writes: CellWrite[] = [];
  ids.forEach((id, i) => {
    const info = plan.rows.find((x) => x.smelterId === id);
    if (!info) throw new Error(`${id}: no plan row`);
    const target = firstRow + i;
    for (const w of plan.writes) {
      const m = /^([A-Z]+)(\d+)$/.exec(w.cell)!;
      if (Number(m[2]) === info.row) writes.push({ ...w, cell: `${m[1]}${target}` });
    }
  });
  return writes;
}

/** A complete CMRT 6.5, ready to send. */
export function supplierWorkbook(): Uint8Array {
  const template = readTemplateBytes(TEMPLATE);
  const layout = cmrtLayout();
  return fillTemplate(template, [...declarationWrites(layout, COMPANY), ...smelterWrites(template, SUPPLIER_SMELTERS)]);
}

/**
 * A received CMRT 6.5 with follow-up to do: a missing contact email, a smelter in a covered country (Q3 answered
 * No), a Russian gold refiner (sanctions and RMI actions), a "Smelter not listed" row and a typo'd smelter ID.
 */
export function buyerWorkbook(): Uint8Array {
  const template = readTemplateBytes(TEMPLATE);
  const layout = cmrtLayout();
  const sl = layout.smelterList;
  const company = { ...COMPANY, companyName: 'Borealis Components GmbH', contactEmail: null };
  const listed = smelterWrites(template, [...SUPPLIER_SMELTERS, BUYER_INTEREST.russianGold]);
  const next = 5 + SUPPLIER_SMELTERS.length + 1;
  const col = (k: keyof typeof sl.columns) => sl.columns[k]!;
  const extra: CellWrite[] = [
    // "Smelter not listed", with name and country typed.
    { sheet: sl.sheet, cell: `${col('metal')}${next}`, value: 'Tin' },
    { sheet: sl.sheet, cell: `${col('lookup')}${next}`, value: 'Smelter not listed' },
    { sheet: sl.sheet, cell: `${col('name')}${next}`, value: 'Kivu Tin Works' },
    { sheet: sl.sheet, cell: `${col('country')}${next}`, value: 'RWANDA' },
  ];
  return fillTemplate(template, [...declarationWrites(layout, company), ...listed, ...extra]);
}

export const BUYER_INTEREST = {
  russianGold: 'CID000927',
};

/** Not a template: a workbook with one ordinary sheet (the template's own Revision sheet left alone is not enough). */
export function notTemplateGrid() {
  return {
    sheets: [
      {
        name: 'Budget',
        values: [
          ['Item', 'Cost'],
          ['Paper', 12],
        ],
      },
    ],
  };
}
