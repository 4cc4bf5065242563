/**
 * The ExcelHost over the fake Excel (what the preview and the browser tests run on), in Node: read, describe,
 * review, go to, mark, clear and write the add-in's sheets, exactly as the pane calls them.
 */
import { FakeWorkbook } from '../../src/excel/fake';
import { readXlsx } from '../../src/xlsx/read';
import { createExcelHost } from '../../src/taskpane/excel-host';
import { describeWorkbook, runReview } from '../../src/taskpane/engine';
import { defaultSettings, memoryStore } from '../../src/taskpane/settings';
import { settableThemeSource } from '../../src/taskpane/theme';
import { markRequestFor, smelterTarget } from '../../src/taskpane/view-model';
import { buyerWorkbook } from '../browser/fixtures';

function host(protection: 'no-password' | 'grid' = 'no-password') {
  const workbook = FakeWorkbook.fromGrid(readXlsx(buyerWorkbook(), { formulas: true }), { protection });
  return {
    workbook,
    host: createExcelHost({
      kind: 'preview',
      run: (batch) => workbook.run(batch),
      isSetSupported: workbook.isSetSupported,
      settings: memoryStore(),
      theme: settableThemeSource(false),
    }),
  };
}

test('read, describe and review through the host', async () => {
  const { host: h } = host();
  const { grid, truncated } = await h.readGrid();
  expect(truncated).toEqual([]);
  const d = describeWorkbook(grid);
  if (!d.ok) throw new Error(d.message);
  expect(d.info.companyName).toBe('Borealis Components GmbH');
  const review = runReview(d.declaration, d.lookup, { ...defaultSettings(), role: 'buyer' }, new Date('2026-07-01'));
  expect(review.smelterSummary.ofInterest).toBe(2);
});

test('go to a smelter row; a hidden or missing sheet gives a message', async () => {
  const { host: h, workbook } = host();
  const { grid } = await h.readGrid();
  const d = describeWorkbook(grid);
  if (!d.ok) throw new Error(d.message);
  const review = runReview(d.declaration, d.lookup, defaultSettings(), new Date('2026-07-01'));
  const t = smelterTarget(review, 10);
  expect(await h.goTo(t.sheet, t.cell)).toEqual({ ok: true });
  const sel = workbook.doc.selection!;
  expect(workbook.doc.sheets.find((s) => s.id === sel.sheetId)?.name).toBe('Smelter List');
  expect(sel.rect).toMatchObject({ r1: 10, c1: 4 });
  expect(await h.goTo('No such sheet', 'A1')).toMatchObject({ ok: false, message: expect.stringMatching(/does not exist/) });
});

test('mark, clear, and the add-in sheets; password-protected sheets fall back to the findings sheet', async () => {
  const { host: h, workbook } = host();
  const before = JSON.stringify(workbook.snapshot());
  const { grid } = await h.readGrid();
  const d = describeWorkbook(grid);
  if (!d.ok) throw new Error(d.message);
  const review = runReview(d.declaration, d.lookup, { ...defaultSettings(), role: 'buyer' }, new Date('2026-07-01'));
  const marked = await h.mark(markRequestFor(review));
  expect(marked).toMatchObject({ outcome: 'marked', noteKind: 'notes' });
  expect(marked.cellsMarked).toBeGreaterThan(30);
  const cleared = await h.clear();
  expect(cleared.cellsRestored).toBe(marked.cellsMarked);
  expect(JSON.stringify(workbook.snapshot())).toBe(before);

  const w = await h.writeSheet('CMRT Review follow-up request', [['Follow-up request'], ['Subject', 'x']]);
  expect(w.created).toBe(true);
  await expect(h.writeSheet('Smelter List', [['x']])).rejects.toThrow(/only writes its own sheets/);

  const locked = host('grid');
  const r = await locked.host.mark(markRequestFor(review));
  expect(r.outcome).toBe('findings-sheet');
  expect(r.message).toMatch(/protected with a password/);
});
