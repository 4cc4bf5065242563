/**
 * Workbooks for the Excel adapter tests: a synthetic CMRT-shaped grid (any number of smelter rows) with the real
 * template's formatting pattern, and - once the xlsx reader and the fill helper exist - the real RMI CMRT 6.5.
 */
import type { CellValue, SheetGrid, WorkbookGrid } from '../../../src/core/grid';
import type { Finding } from '../../../src/core/model';
import { FakeWorkbook, type FakeExcelOptions, type FakeFormat, type FromGridOptions } from '../../../src/excel/fake';
import type { SmelterOfInterest } from '../../../src/excel/plan';

export const SMELTER_FIRST_ROW = 5;

/**
 * The Smelter List's formatting as RMI CMRT 6.5 has it on every data row: no fill in A:G, K:O and Q, a solid white
 * fill in H:J and P (white and "no fill" look alike, so restoring must tell them apart), unlocked input cells.
 */
export function smelterRowFormats(rows: number): Record<string, Partial<FakeFormat>> {
  const last = SMELTER_FIRST_ROW + rows - 1;
  return {
    [`A${SMELTER_FIRST_ROW}:Q${last}`]: { locked: false },
    [`H${SMELTER_FIRST_ROW}:J${last}`]: { fill: { color: '#FFFFFF', pattern: 'Solid' } },
    [`P${SMELTER_FIRST_ROW}:P${last}`]: { fill: { color: '#FFFFFF', pattern: 'Solid' } },
    'A4:Q4': { fill: { color: '#D9E1F2', pattern: 'Solid' }, bold: true },
  };
}

const METALS = ['Tantalum', 'Tin', 'Gold', 'Tungsten'];

/** A CMRT-shaped workbook: Declaration with formulas, a Smelter List with `rows` filled rows, a look-up list. */
export function syntheticCmrt(rows: number): WorkbookGrid {
  const decl: CellValue[][] = [];
  const declF: (string | null)[][] = [];
  const set = (g: CellValue[][], r: number, c: number, v: CellValue) => {
    (g[r - 1] ??= [])[c - 1] = v;
  };
  set(decl, 3, 10, 'Revision 6.5\nApril 25, 2025');
  set(decl, 8, 4, 'Acme Metals Ltd');
  set(decl, 9, 4, 'Company');
  set(decl, 11, 4, 'ACME-001');
  set(decl, 15, 4, 'Jane Doe');
  set(decl, 16, 4, 'jane@example');
  set(decl, 20, 4, 45678);
  set(decl, 2, 2, 'Conflict Minerals Reporting Template');
  (declF[1] ??= [])[1] = '=L!B2';
  set(decl, 24, 4, 'Yes');
  set(decl, 25, 4, 'No');

  const list: CellValue[][] = [];
  const listF: (string | null)[][] = [];
  set(list, 4, 1, 'Smelter Identification Number Input Column');
  'Metal,Smelter Look-up,Smelter Name,Smelter Country,Smelter Identification,Source,Street,City,State,Contact,Email,Next steps,Mine,Mine country,Recycled,Comments'
    .split(',')
    .forEach((h, i) => set(list, 4, i + 2, h));
  for (let i = 0; i < rows; i++) {
    const r = SMELTER_FIRST_ROW + i;
    const id = `CID${String(1000 + (i % 900)).padStart(6, '0')}`;
    set(list, r, 1, i % 5 === 0 ? id : null);
    set(list, r, 2, METALS[i % 4]!);
    set(list, r, 3, i % 7 === 0 ? 'Smelter not listed' : `Smelter ${i}`);
    set(list, r, 4, `Smelter ${i}`);
    set(list, r, 5, i % 3 === 0 ? 'CHINA' : 'BOLIVIA');
    set(list, r, 6, i % 11 === 0 ? '#N/A' : id);
    set(list, r, 7, 'RMI');
    set(list, r, 9, 'City');
    set(list, r, 13, i % 2 ? 'Ask for audit' : '=literal text, not a formula');
    // Template formulas in B, E:G, H:J (typed over in every 7th row: "Smelter not listed").
    for (const c of [5, 6, 7, 8, 9, 10]) if (i % 7 !== 0) (listF[r - 1] ??= [])[c - 1] = `=IFERROR(VLOOKUP($C${r},'Smelter Look-up'!$B:$I,${c - 3},0),"")`;
    (listF[r - 1] ??= [])[1] = `=IF(A${r}="","",VLOOKUP(A${r},'Smelter Look-up'!$F:$G,2,0))`;
  }

  const lookup: CellValue[][] = [];
  set(lookup, 4, 1, 'Metal');
  for (let i = 0; i < 640; i++) {
    set(lookup, 5 + i, 1, METALS[i % 4]!);
    set(lookup, 5 + i, 2, `Smelter ${i}`);
    set(lookup, 5 + i, 6, `CID${String(1000 + i).padStart(6, '0')}`);
  }

  const sheet = (name: string, values: CellValue[][], formulas?: (string | null)[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({
    name,
    values: Array.from({ length: values.length }, (_, i) => values[i] ?? []),
    ...(formulas ? { formulas: Array.from({ length: formulas.length }, (_, i) => formulas[i] ?? []) } : {}),
    protection: { protected: true, passwordProtected: false },
    ...extra,
  });
  return {
    sheets: [
      sheet('Revision', [['Revision history']]),
      sheet('Instructions', [['Instructions']]),
      sheet('Declaration', decl, declF),
      sheet('Smelter List', list, listF),
      sheet('Checker', [['Checker'], ['x']]),
      sheet('Product List', [[], [], [], [], [null, 'Product number', 'Product name']]),
      sheet('Smelter Look-up', lookup),
      sheet('L', [['Language'], [null, 'English']], undefined, { visibility: 'hidden' }),
    ],
  };
}

export interface FakeCmrtOptions extends FromGridOptions, FakeExcelOptions {
  rows?: number;
}

/** A fake Excel holding the synthetic CMRT, protected without password as RMI ships it. */
export function fakeCmrt(opts: FakeCmrtOptions = {}): FakeWorkbook {
  const rows = opts.rows ?? 60;
  const base: Record<string, Record<string, Partial<FakeFormat>>> = {
    'Smelter List': smelterRowFormats(rows),
    Declaration: { 'D8:D30': { locked: false, fill: { color: '#FFFF99', pattern: 'Solid' } } },
  };
  const formats = { ...base };
  for (const [sheet, f] of Object.entries(opts.formats ?? {})) formats[sheet] = { ...base[sheet], ...f };
  const notes: Record<string, Record<string, string>> = { Declaration: { P3: 'Language selection (template note)' } };
  for (const [sheet, n] of Object.entries(opts.notes ?? {})) notes[sheet] = { ...notes[sheet], ...n };
  return FakeWorkbook.fromGrid(syntheticCmrt(rows), { ...opts, formats, notes });
}

/** Every 3rd smelter row of interest, plus ID errors and Declaration findings. */
export function manyMarks(rows: number): { smeltersOfInterest: SmelterOfInterest[]; findings: Finding[] } {
  const smeltersOfInterest: SmelterOfInterest[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < rows; i += 3) {
    smeltersOfInterest.push({ row: SMELTER_FIRST_ROW + i, reasons: [`Listed on the watch list (${i})`, 'Located in a CAHRA'] });
  }
  for (let i = 0; i < rows; i += 11) {
    const row = SMELTER_FIRST_ROW + i;
    findings.push({ rule: 'smelter/id-unknown', severity: 'error', sheet: 'Smelter List', cell: `F${row}`, row, message: `Smelter ID at F${row} is #N/A`, fix: 'Pick the smelter from the look-up list.' });
  }
  findings.push(
    { rule: 'declaration/email-format', severity: 'error', sheet: 'Declaration', cell: 'D16', row: 16, message: 'Contact email is not a valid address.' },
    { rule: 'declaration/required', severity: 'error', sheet: 'Declaration', cell: 'D12', row: 12, message: 'Authority is missing.' },
    { rule: 'declaration/date', severity: 'warning', sheet: 'Declaration', cell: 'D20', row: 20, message: 'Effective date is old.' },
    { rule: 'declaration/language', severity: 'warning', sheet: 'Declaration', cell: 'P3', row: 3, message: 'Language cell has a note of its own.' },
  );
  return { smeltersOfInterest, findings };
}
