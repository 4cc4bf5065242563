/**
 * Reading the open workbook into a WorkbookGrid: constant round trips, under Excel on the web's payload limit for a
 * full 2,500-row Smelter List, formulas where the reader needs them, and the same grid the core reader accepts.
 */
import type { CellValue, WorkbookGrid } from '../../src/core/grid';
import { formulaAt, getSheet } from '../../src/core/grid';
import { NEEDED_SHEETS, readTemplate } from '../../src/core/read';
import { FakeWorkbook } from '../../src/excel/fake';
import { DEFAULT_READ_PLAN, FORMULA_PLACEHOLDER, readWorkbook } from '../../src/excel/read';
import { fakeCmrt, SMELTER_FIRST_ROW, syntheticCmrt } from './support/workbooks';

const FIVE_MB = 5 * 1024 * 1024;

function trimmed(values: CellValue[][]): CellValue[][] {
  const rows = Array.from(values, (r = []) => {
    const out = Array.from(r, (v) => (v === undefined || v === '' ? null : v));
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

describe('readWorkbook', () => {
  test('2,500 smelter rows: two syncs, under 5 MB, values exactly as in the workbook', async () => {
    const grid = syntheticCmrt(2500);
    const wb = fakeCmrt({ rows: 2500 });
    const r = await wb.run((ctx) => readWorkbook(ctx, undefined, { isSetSupported: wb.isSetSupported }));
    expect(r.syncs).toBeLessThanOrEqual(4);
    expect(r.syncs).toBe(2);
    expect(wb.lastContext.syncCount).toBe(2);
    const payload = Math.max(...wb.lastContext.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)));
    expect(payload).toBeLessThan(FIVE_MB);
    expect(r.truncated).toEqual([]);
    for (const name of ['Declaration', 'Smelter List', 'Smelter Look-up', 'Product List', 'Checker']) {
      expect(trimmed(getSheet(r.grid, name)!.values)).toEqual(trimmed(getSheet(grid, name)!.values));
    }
    expect(r.grid.sheets.map((s) => [s.name, s.visibility, s.protection?.protected])).toEqual(grid.sheets.map((s) => [s.name, s.visibility ?? 'visible', true]));
    // Sheets outside the plan are listed, without their cells.
    expect(getSheet(r.grid, 'Instructions')!.values).toEqual([]);
  });

  test('formula texts for the Declaration; only formula positions for the Smelter List (typed-over cells have none)', async () => {
    const wb = fakeCmrt({ rows: 30 });
    const { grid } = await wb.run((ctx) => readWorkbook(ctx, undefined, { isSetSupported: wb.isSetSupported }));
    const decl = getSheet(grid, 'Declaration')!;
    expect(formulaAt(decl, 2, 2)).toBe('=L!B2');
    expect(formulaAt(decl, 8, 4)).toBeNull();
    const list = getSheet(grid, 'Smelter List')!;
    const r = SMELTER_FIRST_ROW + 1;
    expect(formulaAt(list, r, 6)).toBe(FORMULA_PLACEHOLDER);
    expect(formulaAt(list, r, 2)).toBe(FORMULA_PLACEHOLDER);
    expect(formulaAt(list, r, 1)).toBeNull();
    // Row 5 (i = 0) is "Smelter not listed": the supplier typed over E:J.
    expect(formulaAt(list, SMELTER_FIRST_ROW, 6)).toBeNull();
    expect(list.formulas![SMELTER_FIRST_ROW - 1]).toBeDefined();
    expect(list.formulas!.length).toBeGreaterThanOrEqual(list.values.length);
  });

  test('ExcelApi 1.7: no getSpecialCells, so no formula information for the Smelter List (and it says so)', async () => {
    const wb = fakeCmrt({ rows: 30, apiMinor: 7 });
    const r = await wb.run((ctx) => readWorkbook(ctx, undefined, { isSetSupported: wb.isSetSupported }));
    expect(r.formulasUnknown).toEqual(['Smelter List']);
    expect(getSheet(r.grid, 'Smelter List')!.formulas).toBeUndefined();
    expect(formulaAt(getSheet(r.grid, 'Declaration'), 2, 2)).toBe('=L!B2');
  });

  test('sheet names are matched ignoring case and spaces; data away from A1 keeps its position; rows past the bound are flagged', async () => {
    const grid: WorkbookGrid = {
      sheets: [
        { name: ' smelter list ', values: [[], [], [null, null, 'C3'], [null, 'B4', 'C4']] },
        { name: 'Product List', values: Array.from({ length: 30 }, (_, i) => [`p${i + 1}`]) },
      ],
    };
    const wb = FakeWorkbook.fromGrid(grid);
    const r = await wb.run((ctx) =>
      readWorkbook(ctx, { sheets: [{ name: 'Smelter List', range: 'A:Q', formulas: 'cells' }, { name: 'Product List', range: 'A:F', formulas: 'none' }], maxRows: 20 }, { isSetSupported: wb.isSetSupported }),
    );
    expect(r.grid.sheets[0]!.values).toEqual([[], [], [null, null, 'C3'], [null, 'B4', 'C4']]);
    expect(r.grid.sheets[1]!.values).toHaveLength(20);
    expect(r.truncated).toEqual(['Product List']);
  });

  test('the default plan covers every sheet the core reader needs', () => {
    const planned = DEFAULT_READ_PLAN.sheets.map((s) => s.name);
    for (const name of NEEDED_SHEETS) expect(planned).toContain(name);
  });

  test('the grid goes through the core reader like the file reader output does', async () => {
    const wb = fakeCmrt({ rows: 40 });
    const { grid } = await wb.run((ctx) => readWorkbook(ctx, undefined, { isSetSupported: wb.isSetSupported }));
    const direct = readTemplate(syntheticCmrt(40));
    const viaExcel = readTemplate(grid);
    expect(viaExcel.declaration.smelters.map((s) => [s.row, s.metal, s.id])).toEqual(direct.declaration.smelters.map((s) => [s.row, s.metal, s.id]));
    expect(viaExcel.declaration.company.contactEmail.value).toBe('jane@example');
  });
});
