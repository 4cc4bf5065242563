/**
 * The Checker port on hand-built workbooks (no LibreOffice, no real template): the quirks of each family's Checker
 * (docs/checker.md), one at a time, from a complete declaration. The row structure of every version is compared
 * with docs/checker-spec.json; cached.test.ts compares the blank templates with Excel's own values, and
 * differential.test.ts random and edge cases with LibreOffice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../../src/core/grid';
import { parseA1 } from '../../../src/core/grid';
import { chooseLayout, type TemplateLayout } from '../../../src/core/layouts';
import type { Family } from '../../../src/core/model';
import { layoutFor, readTemplate } from '../../../src/core/read';
import { checkerFindings, checkerInputCells, evaluateChecker, runChecker, type CheckerResult } from '../../../src/core/checker';
import { makeFullDeclaration } from '../followup/fixtures';

const TITLES: Record<Family, string> = {
  CMRT: 'Conflict Minerals Reporting Template (CMRT)',
  EMRT: 'Extended Minerals Reporting Template (EMRT)',
  CRT: 'Cobalt Reporting Template (CRT)',
  AMRT: 'Additional Minerals Reporting Template (AMRT)',
};

type Cells = Record<string, CellValue>;

interface Input {
  /** Declaration cells (merged over the complete declaration; null empties one). */
  decl?: Cells;
  /** Smelter List rows from row 5, by column letter; replaces the complete declaration's rows when given. */
  smelters?: Cells[];
  /** Other cells, "Sheet!A1" -> value. */
  cells?: Record<string, CellValue>;
  /** "Sheet!A1" cells that hold a formula (their value is what it shows). */
  formulas?: string[];
  /** Start from an empty declaration instead of a complete one (the hidden "No" rows stay). */
  bare?: boolean;
}

function layoutOf(family: Family, version: string): TemplateLayout {
  return chooseLayout(family, version)!.layout;
}

function set(sheet: SheetGrid, address: string, value: CellValue, formula = false): void {
  const { row, col } = parseA1(address);
  while (sheet.values.length < row) sheet.values.push([]);
  const line = sheet.values[row - 1]!;
  while (line.length < col) line.push(null);
  line[col - 1] = value;
  if (formula) {
    sheet.formulas ??= [];
    while (sheet.formulas.length < row) sheet.formulas.push([]);
    const f = sheet.formulas[row - 1]!;
    while (f.length < col) f.push(null);
    f[col - 1] = '=""';
  }
}

/** Cells of a complete declaration: every required field, every question "Yes", every metal with a smelter. */
function complete(l: TemplateLayout): { decl: Cells; smelters: Cells[] } {
  const d = l.declaration;
  const decl: Cells = {};
  const c = d.company;
  Object.assign(decl, {
    [c.companyName]: 'Acme', [c.declarationScope]: 'A. Company', [c.contactName]: 'Jane', [c.contactEmail]: 'jane@acme.example',
    [c.contactPhone]: '1', [c.authorizerName]: 'John', [c.authorizerEmail]: 'john@acme.example', [c.effectiveDate]: 45413,
  });
  let metals = [...d.minerals];
  if (d.mineralSelectionCells.length) {
    metals = l.family === 'EMRT' ? ['Cobalt'] : ['Zinc'];
    d.mineralSelectionCells.forEach((cell, i) => (decl[cell] = i === 0 ? metals[0]! : null));
  }
  for (const q of d.questions) for (const s of q.slots) if (s.metal !== null || s.slot < metals.length) decl[s.answerCell] = 'Yes';
  for (const q of d.companyQuestions) {
    // the "other format" questions (EMRT 1.x E, CRT G) pass with "No", not with a plain "Yes"
    const otherFormat = (l.family === 'EMRT' && !d.mineralSelectionCells.length && q.id === 'E') || (l.family === 'CRT' && q.id === 'G');
    decl[q.answerCell] = otherFormat ? 'No' : 'Yes';
    decl[q.commentCell] = 'https://acme.example/policy';
  }
  const cols = l.smelterList.columns;
  const smelters = metals.map((m) => (l.family === 'AMRT' && l.version === '1.2'
    ? { [cols.metal!]: m, [cols.name!]: 'Some Smelter', [cols.country!]: 'CHINA' }
    : { [cols.metal!]: m, [cols.lookup!]: 'Some Smelter', [cols.country!]: 'CHINA' }));
  return { decl, smelters };
}

/** Hidden leftover rows the shipped templates pre-fill with "No". */
const SHIPPED: Partial<Record<Family, Cells>> = { EMRT: { D28: 'No', D29: 'No' }, CRT: { D27: 'No', D28: 'No', D29: 'No' } };

function workbook(family: Family, version: string, input: Input = {}): WorkbookGrid {
  const l = layoutOf(family, version);
  const decl: SheetGrid = { name: 'Declaration', values: [] };
  const list: SheetGrid = { name: 'Smelter List', values: [] };
  const products: SheetGrid = { name: 'Product List', values: [] };
  const sheets = { Declaration: decl, 'Smelter List': list, 'Product List': products } as Record<string, SheetGrid>;
  set(decl, 'D2', TITLES[family]);
  set(decl, 'D3', 'English');
  set(decl, l.declaration.versionCell, `Revision ${version}\nJanuary 1, 2025`);
  const base = input.bare ? { decl: {}, smelters: [] } : complete(l);
  const slotFamily = l.declaration.mineralSelectionCells.length > 0;
  const cells: Cells = { ...(slotFamily ? {} : SHIPPED[family]), ...base.decl, ...input.decl };
  const formulas = new Set(input.formulas ?? []);
  for (const [a, v] of Object.entries(cells)) set(decl, a, v, formulas.has(`Declaration!${a}`));
  (input.smelters ?? base.smelters).forEach((row, i) => {
    for (const [col, v] of Object.entries(row)) set(list, `${col}${5 + i}`, v, formulas.has(`Smelter List!${col}${5 + i}`));
  });
  for (const [key, v] of Object.entries(input.cells ?? {})) {
    const [sheet, a] = key.split('!') as [string, string];
    set(sheets[sheet]!, a, v, formulas.has(key));
  }
  // The Smelter List's formulas are known (none, or the ones given): as from the xlsx reader or Office.js 1.9+.
  list.formulas ??= [];
  return { sheets: Object.values(sheets) };
}

function check(family: Family, version: string, input: Input = {}): CheckerResult {
  const { declaration } = readTemplate(workbook(family, version, input));
  return runChecker(declaration, layoutFor(declaration.template));
}

const items = (r: CheckerResult) => r.items.map((i) => i.item);

describe('a complete declaration has nothing incomplete, in every version', () => {
  const versions = [['CMRT', '6.01'], ['CMRT', '6.1'], ['CMRT', '6.22'], ['CMRT', '6.31'], ['CMRT', '6.4'], ['CMRT', '6.5'], ['EMRT', '1.1'], ['EMRT', '1.11'], ['EMRT', '1.2'], ['EMRT', '1.3'], ['EMRT', '2.0'], ['EMRT', '2.1'], ['CRT', '2.2'], ['AMRT', '1.2'], ['AMRT', '1.3']] as const;
  it.each(versions)('%s %s', (family, version) => {
    expect(check(family, version)).toEqual({ incomplete: 0, items: [] });
  });
});

describe('row structure: the port has the rows of docs/checker-spec.json, in order, counted as the template counts them', () => {
  interface SpecRow { row: number; F?: { formula?: string; constant?: unknown }; inTotal: boolean; kind: string; item: string | null }
  const spec = (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'checker-spec.json'), 'utf8')) as { templates: { file: string; family: Family; version: string; rows: SpecRow[] }[] }).templates;
  it.each(spec.map((t) => [t.file, t] as const))('%s', (_file, t) => {
    const { declaration } = readTemplate(workbook(t.family, chooseLayout(t.family, t.version)!.layout.version, { bare: true }));
    const rows = evaluateChecker(declaration, layoutFor(declaration.template));
    // Rows with an empty F (authorizer phone, EMRT 1.x Q4 Mica) can never be flagged; broken rows are not summed.
    const expected = t.rows
      .filter((r) => r.kind !== 'header' && r.kind !== 'broken' && r.F !== undefined && (r.F.formula !== undefined || (r.F.constant !== null && r.F.constant !== undefined)))
      .map((r) => [r.item, r.inTotal]);
    expect(rows.map((r) => [r.key, r.inTotal])).toEqual(expected);
  });
});

describe('value semantics (all families)', () => {
  it('"empty" is B=0: an empty cell and the number 0 are empty; " ", "0" and a formula showing "" are filled', () => {
    expect(items(check('CMRT', '6.5', { decl: { D8: null } }))).toEqual(['Declaration!D8']);
    expect(items(check('CMRT', '6.5', { decl: { D8: 0 } }))).toEqual(['Declaration!D8']);
    expect(items(check('CMRT', '6.5', { decl: { D8: ' ' } }))).toEqual([]);
    expect(items(check('CMRT', '6.5', { decl: { D8: '0' } }))).toEqual([]);
    expect(items(check('EMRT', '2.1', { decl: { D8: '' }, formulas: ['Declaration!D8'] }))).toEqual([]);
    expect(items(check('EMRT', '2.1', { decl: { D8: null }, formulas: ['Declaration!D8'] }))).toEqual([]);
  });

  it('e-mails need an "@" anywhere ("@" alone passes); other fields accept anything', () => {
    expect(items(check('AMRT', '1.3', { decl: { D21: 'jane.acme.example', D25: '@' } }))).toEqual(['Declaration!D21']);
    expect(check('AMRT', '1.3', { decl: { D21: 0 } }).items[0]!.message).toBe('Provide a valid contact email (the Checker needs an "@").');
  });

  it('the scope description is needed for any scope but A. Company / B. Product (case-insensitive), not for a blank one', () => {
    expect(items(check('CRT', '2.2', { decl: { D9: "C. User defined [Specify in 'Description of scope']" } }))).toEqual(['Declaration!D10']);
    expect(items(check('CRT', '2.2', { decl: { D9: 'a. company' } }))).toEqual([]);
    expect(items(check('CRT', '2.2', { decl: { D9: 'A. Company ' } }))).toEqual(['Declaration!D10']);
    expect(items(check('CRT', '2.2', { decl: { D9: null } }))).toEqual(['Declaration!D9']);
  });

  it('a product scope needs \'Product List\'!B6 only: B7 alone is not enough, " " or 0 in B6 is', () => {
    const product = { D9: 'b. product (or list of products)' };
    expect(items(check('EMRT', '1.3', { decl: product }))).toEqual(['Product List']);
    expect(items(check('EMRT', '1.3', { decl: product, cells: { 'Product List!B7': 'P-1' } }))).toEqual(['Product List']);
    expect(items(check('EMRT', '1.3', { decl: product, cells: { 'Product List!B6': ' ' } }))).toEqual([]);
    expect(items(check('EMRT', '1.3', { decl: product, cells: { 'Product List!B6': 0 } }))).toEqual([]);
    const r = check('AMRT', '1.2', { decl: { D9: 'B. Product (or List of Products)' } });
    expect(r.items).toEqual([{ item: 'Product List', sheet: 'Product List', cell: 'B6', row: 6, message: expect.stringContaining('Product List') }]);
  });

  it('the policy URL comment needs 2+ characters, only when the policy question is "Yes" (any case)', () => {
    expect(items(check('CMRT', '6.5', { decl: { G77: 'x' } }))).toEqual(['Declaration!G77']);
    expect(items(check('CMRT', '6.5', { decl: { G77: null } }))).toEqual(['Declaration!G77']);
    expect(items(check('CMRT', '6.5', { decl: { G77: '  ' } }))).toEqual([]);
    expect(items(check('CMRT', '6.5', { decl: { G77: 12 } }))).toEqual([]);
    expect(items(check('CMRT', '6.5', { decl: { D77: 'yes', G77: null } }))).toEqual(['Declaration!G77']);
    expect(items(check('CMRT', '6.5', { decl: { D77: 'No', G77: null } }))).toEqual([]);
  });
});

describe('Smelter List rows', () => {
  const cmrt = (smelters: Cells[], decl: Cells = {}) => items(check('CMRT', '6.5', { smelters, decl: { D26: 'No', D28: 'No', D29: 'No', ...decl } }));

  it('"Smelter List:Tin": a row with the metal in B and a non-empty look-up in C (any case; not trimmed)', () => {
    expect(cmrt([{ B: 'Tin', C: 'Some Smelter' }])).toEqual([]);
    expect(cmrt([{ B: 'tin', C: ' ' }])).toEqual([]);
    expect(cmrt([{ B: 'Tin' }])).toEqual(['Smelter List:Tin']);
    expect(cmrt([{ B: ' Tin', C: 'Some Smelter' }])).toEqual(['Smelter List:Tin']);
    expect(cmrt([{ C: 'Some Smelter' }])).toEqual(['Smelter List:Tin']);
  });

  it('the two COUNTIFs are independent: a "Tin" row without look-up and a "Tinplate" row complete Tin', () => {
    expect(cmrt([{ B: 'Tin' }, { B: 'Tinplate' }])).toEqual([]);
    expect(cmrt([{ B: 'Tinplate' }])).toEqual(['Smelter List:Tin']);
  });

  it('only for metals whose Q3 is necessary', () => {
    expect(cmrt([], { D27: 'No' })).toEqual([]);
    expect(cmrt([], { D33: 'No' })).toEqual([]);
    expect(cmrt([])).toEqual(['Smelter List:Tin']);
  });

  it('"Smelter not listed" (any case) needs a name (D) and a country (E); a space counts; the row also counts for its metal', () => {
    expect(cmrt([{ B: 'Tin', C: 'smelter NOT listed' }])).toEqual(['Smelter List:not-listed']);
    expect(cmrt([{ B: 'Tin', C: 'Smelter not listed', D: 'Foo' }])).toEqual(['Smelter List:not-listed']);
    expect(cmrt([{ B: 'Tin', C: 'Smelter not listed', D: ' ', E: 'CHINA' }])).toEqual([]);
    expect(cmrt([{ B: 'Tin', C: 'Smelter not listed', D: 'Foo', E: '' }], {})).toEqual(['Smelter List:not-listed']);
    const r = check('CMRT', '6.5', { smelters: [{ B: 'Tin', C: 'Some' }, { B: 'Tin', C: 'Smelter not listed' }], decl: { D26: 'No', D28: 'No', D29: 'No' } });
    expect(r.items).toEqual([{ item: 'Smelter List:not-listed', sheet: 'Smelter List', cell: 'D6', row: 6, message: 'Give the name and country of every "Smelter not listed" row (1 row(s), first at row 6).' }]);
  });

  it('CMRT 6.01/6.1 check C5:C2504 for "Smelter not listed", 6.22 onwards the whole column', () => {
    const far = { cells: { 'Smelter List!B2600': 'Tin', 'Smelter List!C2600': 'Smelter not listed' } };
    expect(items(check('CMRT', '6.1', far))).toEqual([]);
    expect(items(check('CMRT', '6.22', far))).toEqual(['Smelter List:not-listed']);
  });
});

describe('CMRT', () => {
  it('Q2 onwards count only after Q1 "Yes": Q1 "Unknown" (or "No ") keeps Q2-Q8 required and never complete', () => {
    for (const q1 of ['Unknown', 'No ']) {
      const r = check('CMRT', '6.5', { decl: { D26: q1 } });
      expect(items(r)).toEqual(['Declaration!D32', 'Declaration!D38', 'Declaration!D44', 'Declaration!D50', 'Declaration!D56', 'Declaration!D62', 'Declaration!D68']);
    }
  });

  it('Q1 "no" (any case) drops the metal; Q2 "No" drops Q3 onwards only after Q1 "Yes"', () => {
    expect(items(check('CMRT', '6.5', { decl: { D26: 'no', D32: null, D38: null } }))).toEqual([]);
    expect(items(check('CMRT', '6.5', { decl: { D32: 'NO', D38: null } }))).toEqual([]);
    // Q1 blank: B19 = IF($B$14="Yes",D32,0) = 0, so Q2 "No" neither counts as an answer nor gates Q3 onwards
    expect(items(check('CMRT', '6.5', { decl: { D26: null, D32: 'No' } }))).toEqual(['Declaration!D26', ...['D32', 'D38', 'D44', 'D50', 'D56', 'D62', 'D68'].map((c) => `Declaration!${c}`)]);
  });

  it('every metal "No": only the company fields remain of a blank declaration (8)', () => {
    const r = check('CMRT', '6.5', { bare: true, decl: { D26: 'No', D27: 'No', D28: 'No', D29: 'No' } });
    expect(r.incomplete).toBe(8);
    expect(r.items.every((i) => i.sheet === 'Declaration' && i.row! <= 22)).toBe(true);
  });
});

describe('EMRT 1.x', () => {
  it('No, Unknown and "Not applicable for this declaration" gate Q2/Q3 onwards, company questions and smelters', () => {
    for (const q1 of ['No', 'unknown', 'Not applicable for this declaration']) {
      const r = check('EMRT', '1.3', { bare: true, decl: { D26: q1, D27: 'No' } });
      expect(items(r).filter((i) => !/^Declaration!D(8|9|1\d|2[0-2])$/.test(i))).toEqual([]);
    }
    expect(items(check('EMRT', '1.3', { decl: { D32: 'Unknown', D38: null, D74: null } }))).toEqual([]);
  });

  it('Q4 for Mica is never required (its Checker row has no condition)', () => {
    expect(items(check('EMRT', '1.2', { decl: { D45: null, D44: null } }))).toEqual(['Declaration!D44']);
  });

  it('question C is per mineral', () => {
    expect(items(check('EMRT', '1.1', { decl: { D74: null, D75: null } }))).toEqual(['Declaration!D74', 'Declaration!D75']);
    expect(items(check('EMRT', '1.1', { decl: { D27: 'No', D75: null } }))).toEqual([]);
  });

  it('1.1/1.11 have two URL rows (after A and B), 1.2/1.3 one (after B)', () => {
    expect(items(check('EMRT', '1.11', { decl: { G69: null, G71: null } }))).toEqual(['Declaration!G69', 'Declaration!G71']);
    expect(items(check('EMRT', '1.2', { decl: { G69: null, G71: null } }))).toEqual(['Declaration!G71']);
  });

  it('question E "Yes, Using Other Format (Describe)" needs the description in G79; other answers pass as they are', () => {
    expect(items(check('EMRT', '1.3', { decl: { D79: 'Yes, Using Other Format (Describe)', G79: null } }))).toEqual(['Declaration!D79']);
    expect(items(check('EMRT', '1.3', { decl: { D79: 'yes, using other format (describe)', G79: ' ' } }))).toEqual([]);
    expect(items(check('EMRT', '1.3', { decl: { D79: 'No' } }))).toEqual([]);
    expect(items(check('EMRT', '1.3', { decl: { D79: 'Yes' } }))).toEqual(['Declaration!D79']);
  });

  it('"Smelter not listed" counts in 1.2/1.3, not in 1.1/1.11 (outside the SUM)', () => {
    const smelters = [{ B: 'Cobalt', C: 'Smelter not listed' }, { B: 'Mica', C: 'Some' }];
    expect(items(check('EMRT', '1.1', { smelters }))).toEqual([]);
    expect(items(check('EMRT', '1.3', { smelters }))).toEqual(['Smelter List:not-listed']);
    const rows = evaluateChecker(readTemplate(workbook('EMRT', '1.1', { smelters })).declaration, layoutOf('EMRT', '1.1'));
    expect(rows.find((r) => r.key === 'Smelter List:not-listed')).toMatchObject({ inTotal: false, h: 1 });
  });

  it('the hidden Gold/Tungsten rows (shipped "No") flag when cleared', () => {
    expect(items(check('EMRT', '1.3', { decl: { D28: null } }))).toEqual(['Declaration!D28', ...['D40', 'D46', 'D52', 'D58', 'D64'].map((c) => `Declaration!${c}`)]);
  });

  it('smelter rows: B5:B2500 and B&C in AB5:AB2499 (1.1) / AB5:AB2500 (1.2)', () => {
    const far = { smelters: [{ B: 'Mica', C: 'x' }], cells: { 'Smelter List!B2500': 'Cobalt', 'Smelter List!C2500': 'x' } };
    expect(items(check('EMRT', '1.1', far))).toEqual(['Smelter List:Cobalt']);
    expect(items(check('EMRT', '1.2', far))).toEqual([]);
  });
});

describe('EMRT 2.x', () => {
  const sel = (cells: Cells) => ({ D12: null, E12: null, G12: null, D13: null, E13: null, G13: null, ...cells });

  it('no mineral selected: "Declaration!D12:I13" and the company fields', () => {
    expect(items(check('EMRT', '2.1', { decl: sel({}) }))).toEqual(['Declaration!D12:I13']);
  });

  it('slots follow the sorted selection: a slot\'s smelter item is named by its mineral', () => {
    const r = check('EMRT', '2.0', { decl: sel({ D12: null, G13: 'Nickel', E12: 'Copper', D30: 'Yes', D31: 'Yes' }), smelters: [{ B: 'Nickel', C: 'x' }] });
    // slot 1 = Copper (D30..), slot 2 = Nickel (D31..)
    expect(items(r)).toEqual(['Declaration!D43', 'Declaration!D55', 'Declaration!D67', 'Declaration!D79', 'Declaration!D91', 'Declaration!D103', 'Smelter List:Copper']);
    expect(items(check('EMRT', '2.0', { decl: sel({ G13: 'Nickel', E12: 'Copper', D31: 'Yes', D43: 'Yes', D55: 'Yes', D67: 'Yes', D79: 'Yes', D91: 'Yes', D103: 'Yes', D121: null }), smelters: [{ B: 'Nickel', C: 'x' }, { B: 'Copper', C: 'x' }] }))).toEqual(['Declaration!D121']);
  });

  it('"(Delete Cobalt)" empties the slot, or takes D14 when it has a name; duplicates (any case) make one slot', () => {
    expect(items(check('EMRT', '2.1', { decl: sel({ D12: '(Delete Cobalt)' }) }))).toEqual(['Declaration!D12:I13']);
    const named = check('EMRT', '2.1', { decl: sel({ D12: '(Delete Cobalt)', D14: 'Tellurium' }), smelters: [] });
    expect(items(named)).toContain('Smelter List:Tellurium');
    const dup = check('EMRT', '2.1', { decl: sel({ D12: 'cobalt', E12: 'Cobalt' }), smelters: [{ B: 'COBALT', C: 'x' }] });
    expect(dup.items).toEqual([]);
  });

  it('Q1 No/Unknown/"Not declaring" gate the slot; Q2 "Not declaring" does not gate Q3', () => {
    for (const q1 of ['No', 'Unknown', 'not declaring']) expect(items(check('EMRT', '2.1', { decl: { D30: q1, D42: null, D54: null, D120: null }, smelters: [] }))).toEqual([]);
    expect(items(check('EMRT', '2.1', { decl: { D42: 'Not declaring', D54: null } }))).toEqual(['Declaration!D54']);
    expect(items(check('EMRT', '2.1', { decl: { D42: 'Unknown', D54: null, D120: null }, smelters: [] }))).toEqual([]);
  });

  it('a smelter row counts with a non-empty look-up (IF(C="","",B)); B5:B2497 in 2.1, B5:B2504 in 2.0', () => {
    expect(items(check('EMRT', '2.1', { smelters: [{ B: 'Cobalt' }] }))).toEqual(['Smelter List:Cobalt']);
    expect(items(check('EMRT', '2.1', { smelters: [{ B: 'Cobalt', C: ' ' }] }))).toEqual([]);
    const far = { smelters: [], cells: { 'Smelter List!B2498': 'Cobalt', 'Smelter List!C2498': 'x' } };
    expect(items(check('EMRT', '2.1', far))).toEqual(['Smelter List:Cobalt']);
    expect(items(check('EMRT', '2.0', far))).toEqual([]);
  });
});

describe('CRT', () => {
  it('Q3-Q6 follow Q2\'s necessity (Q1 No/Unknown), not its answer', () => {
    expect(items(check('CRT', '2.2', { decl: { D32: 'No', D38: null } }))).toEqual(['Declaration!D38']);
    expect(items(check('CRT', '2.2', { decl: { D26: 'Unknown', D32: null, D38: null, D63: null }, smelters: [] }))).toEqual([]);
  });

  it('question G "Yes, Using Other Format (Describe)" needs G75; "Yes, CRT" passes', () => {
    expect(items(check('CRT', '2.2', { decl: { D75: 'Yes, Using Other Format (Describe)', G75: null } }))).toEqual(['Declaration!D75']);
    expect(items(check('CRT', '2.2', { decl: { D75: 'yes, crt' } }))).toEqual([]);
  });

  it('the URL row follows question A (G63)', () => {
    expect(items(check('CRT', '2.2', { decl: { G63: 'x' } }))).toEqual(['Declaration!G63']);
  });

  it('the Cobalt smelter row is dead once Q1 is answered: flagged only while Q1 is empty, Q2 "Yes" and no Cobalt row', () => {
    expect(items(check('CRT', '2.2', { smelters: [] }))).toEqual([]);
    expect(items(check('CRT', '2.2', { decl: { D26: null }, smelters: [] }))).toEqual(['Declaration!D26', 'Smelter List:Cobalt']);
    expect(items(check('CRT', '2.2', { decl: { D26: null }, smelters: [{ B: 'Cobalt' }] }))).toEqual(['Declaration!D26']);
    expect(items(check('CRT', '2.2', { decl: { D26: null, D32: 'No' }, smelters: [] }))).toEqual(['Declaration!D26']);
  });

  it('the hidden Tin/Gold/Tungsten rows gate the company questions too', () => {
    const r = check('CRT', '2.2', { bare: true, decl: { D26: 'No', D27: 'Yes', D8: 'Acme' } });
    expect(items(r)).toContain('Declaration!D33');
    expect(items(r)).toContain('Declaration!D63');
  });

  it('"Smelter not listed" is outside the total', () => {
    expect(items(check('CRT', '2.2', { smelters: [{ B: 'Cobalt', C: 'Smelter not listed' }] }))).toEqual([]);
  });
});

describe('AMRT', () => {
  it('question 2 is flagged by the Checker but never counted', () => {
    const r = check('AMRT', '1.3', { decl: { D43: null } });
    expect(r).toEqual({ incomplete: 0, items: [] });
    const rows = evaluateChecker(readTemplate(workbook('AMRT', '1.3', { decl: { D43: null } })).declaration, layoutOf('AMRT', '1.3'));
    expect(rows.find((x) => x.key === 'Declaration!D43')).toMatchObject({ inTotal: false, h: 1 });
  });

  it('1.3: a row with only the metal completes the mineral (look-up and country are formulas), unless one is cleared', () => {
    const f = ['Smelter List!C5', 'Smelter List!E5'];
    expect(items(check('AMRT', '1.3', { smelters: [{ B: 'Zinc', C: '', E: '' }], formulas: f }))).toEqual([]);
    expect(items(check('AMRT', '1.3', { smelters: [{ B: 'Zinc', C: null, E: '' }], formulas: ['Smelter List!E5'] }))).toEqual(['Smelter List:Zinc']);
    expect(items(check('AMRT', '1.3', { smelters: [{ B: 'zinc', C: 'x', E: 'CHINA' }] }))).toEqual([]);
  });

  it('1.2: metal, name and country are needed (plain inputs, a space counts); there is no "Smelter not listed" row', () => {
    expect(items(check('AMRT', '1.2', { smelters: [{ A: 'Zinc', B: 'Z' }] }))).toEqual(['Smelter List:Zinc']);
    expect(items(check('AMRT', '1.2', { smelters: [{ A: 'Zinc', B: ' ', C: ' ' }] }))).toEqual([]);
  });

  it('Q1 No/Unknown/"Not declaring" drops the smelter row; a blank Q1 keeps it', () => {
    expect(items(check('AMRT', '1.3', { decl: { D31: 'Not declaring' }, smelters: [] }))).toEqual([]);
    expect(items(check('AMRT', '1.3', { decl: { D31: null }, smelters: [] }))).toEqual(['Declaration!D31', 'Smelter List:Zinc']);
  });

  it('1.3: every "Other [specify below]" needs a name below it; the name becomes the slot\'s mineral', () => {
    expect(items(check('AMRT', '1.3', { decl: { E12: 'Other [specify below]' } }))).toEqual(['Declaration!D15:I16']);
    const r = check('AMRT', '1.3', { decl: { E12: 'Other [specify below]', E15: 'Tellurium', D32: 'Yes' } });
    expect(items(r)).toEqual(['Smelter List:Tellurium']);
    expect(items(check('AMRT', '1.3', { decl: { H16: 'Stray' } }))).toEqual([]);
  });

  it('1.2: "Other [specify below]" breaks the template: #REF! from G12 on, a mineral of that name in D12/E12', () => {
    const r = check('AMRT', '1.2', { decl: { G12: 'Other [specify below]' } });
    expect(r.totalError).toBe('#REF!');
    expect(items(r)).toEqual(['Declaration!D12:I13', 'Declaration!D28']);
    expect(r.items[0]!.message).toMatch(/^The template's own Checker shows #REF! for this item/);
    expect(items(check('AMRT', '1.2', { decl: { D12: 'Other [specify below]' }, smelters: [] }))).toEqual(['Smelter List:Other [specify below]']);
  });
});

describe('without the raw cells (a hand-built declaration): model fields and the shipped values', () => {
  it('a complete model-only declaration is complete; an empty e-mail is flagged', () => {
    const layout = layoutFor(makeFullDeclaration().template);
    expect(runChecker(makeFullDeclaration({ smelters: [{ metal: 'Tin', lookup: 'X' }, { metal: 'Gold', lookup: 'Y' }] }), layout)).toEqual({ incomplete: 0, items: [] });
    const r = runChecker(makeFullDeclaration({ company: { contactEmail: null }, smelters: [{ metal: 'Tin', lookup: 'X' }, { metal: 'Gold', lookup: 'Y' }] }), layout);
    expect(items(r)).toEqual(['Declaration!D16']);
  });
});

describe('checkerFindings and checkerInputCells', () => {
  it('items become error findings of rule checker/required', () => {
    const { declaration } = readTemplate(workbook('CMRT', '6.5', { decl: { D16: null } }));
    const layout = layoutFor(declaration.template);
    expect(checkerFindings(runChecker(declaration, layout))).toEqual([{
      rule: 'checker/required', severity: 'error', sheet: 'Declaration', cell: 'D16', row: 16,
      message: 'Provide a valid contact email (the Checker needs an "@").', fix: 'Provide a valid contact email (the Checker needs an "@").', data: { item: 'Declaration!D16' },
    }]);
  });

  it('the reader copies every cell the Checker reads, hidden leftover rows and mineral helpers included', () => {
    expect(checkerInputCells(layoutOf('EMRT', '1.1'))).toEqual(expect.arrayContaining(['Declaration!D28', 'Declaration!D65', 'Declaration!G79', 'Product List!B6']));
    expect(checkerInputCells(layoutOf('AMRT', '1.3'))).toEqual(expect.arrayContaining(['Declaration!F12', 'Declaration!I16', 'Declaration!AA21']));
    const { declaration } = readTemplate(workbook('CRT', '2.2'));
    expect(declaration.checkerInputs?.cells['Declaration!D27']).toEqual({ raw: 'No' });
  });
});
