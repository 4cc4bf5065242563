/**
 * The adapter on the real RMI CMRT 6.5, its Smelter List filled with 2,500 rows the way a supplier fills it
 * (test/support/fill.ts), read back by the xlsx reader and loaded into the fake Excel with the template's own
 * fills, fonts, locked cells, hidden rows, notes and protection options (support/real.ts).
 */
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { formulaAt, getSheet } from '../../src/core/grid';
import { NEEDED_SHEETS, readTemplate } from '../../src/core/read';
import { reviewWorkbook } from '../../src/core/review';
import { clearMarks, markWorkbook } from '../../src/excel/mark';
import { markRequestFromReview, type MarkRequest } from '../../src/excel/plan';
import { readWorkbook } from '../../src/excel/read';
import type { FakeWorkbook } from '../../src/excel/fake';
import { realCmrt } from './support/real';

const ROWS = 2500;
const FIVE_MB = 5 * 1024 * 1024;
jest.setTimeout(180_000);

const maxPayload = (wb: FakeWorkbook) => Math.max(...wb.lastContext.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)));
const norm = (v: CellValue | undefined): CellValue => (v === undefined || v === '' ? null : v);

function sameValues(a: SheetGrid, b: SheetGrid, cols: number): void {
  const rows = Math.max(a.values.length, b.values.length);
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) {
      const x = norm(a.values[r - 1]?.[c - 1]);
      const y = norm(b.values[r - 1]?.[c - 1]);
      if (x !== y) throw new Error(`${a.name} R${r}C${c}: ${JSON.stringify(x)} != ${JSON.stringify(y)}`);
    }
  }
}

function contents(wb: FakeWorkbook): string {
  return JSON.stringify(wb.doc.sheets.map((s) => wb.contents(s.name)));
}

describe('RMI CMRT 6.5 with 2,500 smelter rows', () => {
  test('read: two syncs, under 5 MB, the same grid the xlsx reader gives, and the same model from the core reader', async () => {
    const { workbook: wb, grid: file } = realCmrt({ rows: ROWS });
    const r = await wb.run((ctx) => readWorkbook(ctx, undefined, { isSetSupported: wb.isSetSupported }));
    expect(r.syncs).toBe(2);
    expect(maxPayload(wb)).toBeLessThan(FIVE_MB);
    expect(r.truncated).toEqual([]);
    for (const [name, cols] of [['Declaration', 34], ['Smelter List', 17], ['Smelter Look-up', 11], ['Product List', 6], ['Checker', 12]] as const) {
      sameValues(getSheet(r.grid, name)!, getSheet(file, name)!, cols);
    }
    // Formula texts on the Declaration, formula positions on the Smelter List - both where the file has formulas.
    const decl = getSheet(r.grid, 'Declaration')!;
    const fileDecl = getSheet(file, 'Declaration')!;
    const differ: string[] = [];
    for (let row = 1; row <= 119; row++) for (let c = 1; c <= 34; c++) if (formulaAt(decl, row, c) !== formulaAt(fileDecl, row, c)) differ.push(`Declaration R${row}C${c}`);
    const list = getSheet(r.grid, 'Smelter List')!;
    const fileList = getSheet(file, 'Smelter List')!;
    let formulas = 0;
    for (let row = 5; row <= ROWS + 4; row++) {
      for (let c = 1; c <= 17; c++) {
        const has = formulaAt(fileList, row, c) !== null;
        if ((formulaAt(list, row, c) !== null) !== has) differ.push(`Smelter List R${row}C${c}`);
        if (has) formulas++;
      }
    }
    expect(differ).toEqual([]);
    expect(formulas).toBeGreaterThan(ROWS * 5);
    // The core reads the same declaration from both hosts.
    for (const name of NEEDED_SHEETS) expect(getSheet(r.grid, name) === undefined).toBe(getSheet(file, name) === undefined);
    const viaExcel = readTemplate(r.grid);
    const viaFile = readTemplate(file);
    expect(viaExcel.declaration.template).toEqual(viaFile.declaration.template);
    expect(viaExcel.declaration.smelters).toEqual(viaFile.declaration.smelters);
    expect(viaExcel.declaration.company).toEqual(viaFile.declaration.company);
  });

  test('review, mark (every 3rd row of interest) and clear: within budget, values untouched, formats restored - also after reopen', async () => {
    const { workbook: wb } = realCmrt({ rows: ROWS });
    const opts = { isSetSupported: wb.isSetSupported };
    const start = wb.snapshot();
    const values = contents(wb);
    const { grid } = await wb.run((ctx) => readWorkbook(ctx, undefined, opts));
    const review = reviewWorkbook(grid);
    const fromReview = markRequestFromReview(review);
    const request: MarkRequest = {
      findings: [
        ...(fromReview.findings ?? []),
        { rule: 'declaration/email-format', severity: 'error', sheet: 'Declaration', cell: 'D16', row: 16, message: 'Contact email is not a valid address.' },
        { rule: 'declaration/required', severity: 'error', sheet: 'Declaration', cell: 'D8', row: 8, message: 'Company name is missing.' },
      ],
      smeltersOfInterest: [
        ...(fromReview.smeltersOfInterest ?? []),
        ...Array.from({ length: Math.ceil(ROWS / 3) }, (_, i) => ({ row: 5 + 3 * i, reasons: ['On the watch list'] })),
      ],
    };

    const marked = await wb.run((ctx) => markWorkbook(ctx, request, opts));
    expect(marked.outcome).toBe('marked');
    expect(marked.syncs).toBeLessThanOrEqual(4);
    expect(maxPayload(wb)).toBeLessThan(FIVE_MB);
    expect(marked.cellsMarked).toBeGreaterThan(14_000);
    expect(contents(wb)).toBe(values);
    // The template's own notes stay; protection is back with each sheet's own options.
    expect(wb.notes('Declaration').P3).toBe('location number in language list');
    expect(wb.sheet('Smelter List').protection.protected).toBe(true);
    expect(wb.sheet('Smelter List').protection.options.allowFormatRows).toBe(true);

    const reopened = wb.reopen();
    const cleared = await reopened.run((ctx) => clearMarks(ctx, opts));
    expect(cleared.syncs).toBeLessThanOrEqual(4);
    expect(maxPayload(reopened)).toBeLessThan(FIVE_MB);
    expect(reopened.snapshot()).toEqual(start);
  });

  test('the copy in shared/templates has passwords on its sheets and structure: no marks, nothing written, a clear message', async () => {
    const { workbook: wb } = realCmrt({ rows: ROWS, protection: 'as-stored' });
    const start = wb.snapshot();
    const r = await wb.run((ctx) =>
      markWorkbook(ctx, { smeltersOfInterest: [{ row: 5, reasons: ['x'] }], findings: [{ rule: 'a/b', severity: 'error', sheet: 'Declaration', cell: 'D16', row: 16, message: 'm' }] }, { isSetSupported: wb.isSetSupported }),
    );
    expect(r.outcome).toBe('not-written');
    expect(r.message).toMatch(/protected with a password/);
    expect(r.message).toMatch(/task pane only/);
    expect(wb.snapshot()).toEqual(start);
  });
});
