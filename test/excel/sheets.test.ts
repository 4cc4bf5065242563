/**
 * The add-in's own sheets (follow-up request, review log), navigation, and requirement-set detection - on the fake
 * Excel and, for a few small cases, on office-addin-mock.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { capabilities, officeIsSetSupported } from '../../src/excel/capabilities';
import { assertOwnSheet, goTo, isOwnSheet, SheetWriteError, writeSheet } from '../../src/excel/sheets';
import { fakeCmrt } from './support/workbooks';

describe('writeSheet', () => {
  test('creates the sheet; text stays text (no formulas from "=...", no numbers from "00123"), numbers stay numbers', async () => {
    const wb = fakeCmrt({ rows: 5 });
    const r = await wb.run((ctx) =>
      writeSheet(ctx, 'CMRT Review follow-up', [
        ['Smelter', 'Question', 'Count'],
        ['=HYPERLINK("http://x")', '00123', 42],
        ['+1 555', '-', 3.5],
      ]),
    );
    expect(r).toEqual({ syncs: 2, firstRow: 1, created: true });
    expect(wb.contents('CMRT Review follow-up')).toEqual({
      A1: { v: 'Smelter' }, B1: { v: 'Question' }, C1: { v: 'Count' },
      A2: { v: '=HYPERLINK("http://x")' }, B2: { v: '00123' }, C2: { v: 42 },
      A3: { v: '+1 555' }, B3: { v: '-' }, C3: { v: 3.5 },
    });
  });

  test('append writes after the last used row and never overwrites; replace mode replaces', async () => {
    const wb = fakeCmrt({ rows: 5 });
    const log = 'CMRT Review log';
    await wb.run((ctx) => writeSheet(ctx, log, [['When', 'What'], ['2026-01-01', 'first']], { append: true }));
    const second = await wb.run((ctx) => writeSheet(ctx, log, [['2026-01-02', 'second'], ['2026-01-03', 'third']], { append: true }));
    expect(second).toEqual({ syncs: 3, firstRow: 3, created: false });
    expect(Object.values(wb.contents(log)).map((c) => c.v)).toEqual(['When', 'What', '2026-01-01', 'first', '2026-01-02', 'second', '2026-01-03', 'third']);
    await wb.run((ctx) => writeSheet(ctx, log, [['only']]));
    expect(wb.contents(log)).toEqual({ A1: { v: 'only' } });
  });

  test("refuses to write the supplier's sheets", async () => {
    const wb = fakeCmrt({ rows: 5 });
    const before = wb.snapshot();
    await expect(wb.run((ctx) => writeSheet(ctx, 'Smelter List', [['x']]))).rejects.toThrow(SheetWriteError);
    await expect(wb.run((ctx) => writeSheet(ctx, 'Declaration', [['x']], { append: true }))).rejects.toThrow(/only writes its own sheets/);
    expect(wb.snapshot()).toEqual(before);
  });

  test('a workbook structure protected without password is unprotected for the add and protected again', async () => {
    const wb = fakeCmrt({ rows: 5, structure: { protected: true } });
    await wb.run((ctx) => writeSheet(ctx, 'CMRT Review follow-up', [['a']]));
    expect(wb.doc.structure).toEqual({ protected: true, password: null });
    expect(wb.contents('CMRT Review follow-up')).toEqual({ A1: { v: 'a' } });
  });

  test('a structure protected with a password: a clear error, nothing changed', async () => {
    const wb = fakeCmrt({ rows: 5, structure: { protected: true, password: 'pw' } });
    const before = wb.snapshot();
    await expect(wb.run((ctx) => writeSheet(ctx, 'CMRT Review follow-up', [['a']]))).rejects.toThrow(/workbook structure is protected/);
    expect(wb.snapshot()).toEqual(before);
    expect(wb.doc.structure).toEqual({ protected: true, password: 'pw' });
  });
});

describe('goTo', () => {
  test('activates the sheet and selects the cell, by A1 whatever rows are hidden', async () => {
    const wb = fakeCmrt({ rows: 30, hiddenRows: { 'Smelter List': [6, 7, 8] } });
    const r = await wb.run((ctx) => goTo(ctx, 'Smelter List', 'F12'));
    expect(r).toEqual({ ok: true });
    expect(wb.doc.activeSheetId).toBe(wb.sheet('Smelter List').id);
    expect(wb.doc.selection).toEqual({ sheetId: wb.sheet('Smelter List').id, rect: { r1: 12, r2: 12, c1: 6, c2: 6 } });
  });

  test('a hidden or missing sheet gives a message', async () => {
    const wb = fakeCmrt({ rows: 5 });
    expect(await wb.run((ctx) => goTo(ctx, 'L', 'A1'))).toEqual({ ok: false, message: expect.stringMatching(/hidden/) });
    expect(await wb.run((ctx) => goTo(ctx, 'Nope', 'A1'))).toEqual({ ok: false, message: expect.stringMatching(/does not exist/) });
  });

  test('with office-addin-mock', async () => {
    const calls: string[] = [];
    const mock = new OfficeMockObject({
      workbook: {
        worksheets: {
          sheet: {
            visibility: 'Visible',
            activate: () => calls.push('activate'),
            getRange: (address: string) => ({ select: () => calls.push(`select ${address}`) }),
          },
          getItemOrNullObject: function (this: { sheet: unknown }, name: string) {
            calls.push(`get ${name}`);
            return this.sheet;
          },
        },
      },
    }) as unknown as { workbook: { worksheets: { sheet: { isNullObject: boolean } } } };
    // office-addin-mock has no null objects: say this one exists.
    mock.workbook.worksheets.sheet.isNullObject = false;
    const r = await goTo(mock as unknown as Excel.RequestContext, 'Declaration', 'D16');
    expect(r).toEqual({ ok: true });
    expect(calls).toEqual(['get Declaration', 'activate', 'select D16']);
  });
});

describe('requirement sets', () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  test('without Office (tests, the CLI) nothing above the minimum is assumed', () => {
    expect(officeIsSetSupported('ExcelApi', '1.7')).toBe(false);
    expect(capabilities()).toEqual({ api19: false, comments: false, suspendScreenUpdating: false, notes: false, passwordInfo: false });
  });

  test('Office.context.requirements.isSetSupported, through office-addin-mock', () => {
    const supported = new Set(['ExcelApi 1.7', 'ExcelApi 1.9', 'ExcelApi 1.10']);
    (globalThis as { Office?: unknown }).Office = new OfficeMockObject({
      context: { requirements: { isSetSupported: (name: string, version: string) => supported.has(`${name} ${version}`) } },
    });
    expect(capabilities()).toEqual({ api19: true, comments: true, suspendScreenUpdating: false, notes: false, passwordInfo: false });
  });

  test('an isSetSupported that throws counts as unsupported', () => {
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: () => { throw new Error('boom'); } } } };
    expect(capabilities().notes).toBe(false);
  });
});

describe('which sheets the add-in may write', () => {
  it('writes its named sheets and "CMRT Review …" sheets, never a template sheet', () => {
    expect(isOwnSheet('Follow-up request')).toBe(true);
    expect(isOwnSheet('Review log')).toBe(true);
    expect(isOwnSheet('CMRT Review findings')).toBe(true);
    for (const name of ['Declaration', 'Smelter List', 'Product List', 'Checker', 'Smelter Look-up', 'Sheet1']) {
      expect(isOwnSheet(name)).toBe(false);
      expect(() => assertOwnSheet(name)).toThrow(/only writes its own sheets/);
    }
  });
});
