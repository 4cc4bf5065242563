/**
 * Marking and clearing on the fake Excel: supplier data untouched, formats restored exactly (also after save and
 * reopen), protection restored even when a batch fails midway, idempotent re-marking, hidden rows, passwords,
 * requirement-set fallbacks, and round trips within budget for 2,500 rows.
 */
import { isOwnSheet } from '../../src/excel/sheets';
import { clearMarks, markWorkbook, MarkError, type MarkOptions } from '../../src/excel/mark';
import { MARK_STYLES, MARKER } from '../../src/excel/plan';
import { MARKS_NAMESPACE, parseRecord } from '../../src/excel/store';
import { CMRT_PROTECTION_OPTIONS, type FakeWorkbook } from '../../src/excel/fake';
import type { MarkRequest } from '../../src/excel/plan';
import { fakeCmrt, manyMarks, SMELTER_FIRST_ROW } from './support/workbooks';

const FIVE_MB = 5 * 1024 * 1024;

const opts = (wb: FakeWorkbook): MarkOptions => ({ isSetSupported: wb.isSetSupported });
const mark = (wb: FakeWorkbook, req: MarkRequest) => wb.run((ctx) => markWorkbook(ctx, req, opts(wb)));
const clear = (wb: FakeWorkbook) => wb.run((ctx) => clearMarks(ctx, opts(wb)));

/** Values and formulas of every cell of every sheet. */
function contents(wb: FakeWorkbook): Record<string, unknown> {
  return Object.fromEntries(wb.doc.sheets.map((s) => [s.name, wb.contents(s.name)]));
}

/** The supplier's sheets as a user or a formula sees them (add-in sheets and the record left out). */
function supplierState(wb: FakeWorkbook): unknown {
  return (wb.snapshot() as { name: string }[]).filter((s) => !isOwnSheet(s.name));
}

function maxPayload(wb: FakeWorkbook): number {
  return Math.max(...wb.lastContext.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)));
}

describe('marking', () => {
  test('marks rows of interest, ID errors and Declaration cells, with notes and a legend; values and formulas untouched', async () => {
    const wb = fakeCmrt({ rows: 60 });
    const before = contents(wb);
    const req = manyMarks(60);
    const result = await mark(wb, req);

    expect(result).toMatchObject({ outcome: 'marked', noteKind: 'notes', passwordSheets: [] });
    expect(contents(wb)).toEqual(before);
    // A row of interest: A:Q filled, note on A with the reasons.
    for (const col of ['A', 'G', 'H', 'Q']) expect(wb.format('Smelter List', `${col}${SMELTER_FIRST_ROW + 3}`).fill).toEqual({ color: MARK_STYLES.interest.fill, pattern: 'Solid' });
    expect(wb.format('Smelter List', `R${SMELTER_FIRST_ROW + 3}`).fill).toBeNull();
    expect(wb.notes('Smelter List')[`A${SMELTER_FIRST_ROW + 3}`]).toBe(`${MARKER}\nSmelter of interest: Listed on the watch list (3)\nSmelter of interest: Located in a CAHRA`);
    // An ID error inside a row of interest: red and bold wins over orange.
    expect(wb.format('Smelter List', `F${SMELTER_FIRST_ROW}`)).toMatchObject({ fill: { color: MARK_STYLES.error.fill }, fontColor: MARK_STYLES.error.fontColor, bold: true });
    expect(wb.notes('Smelter List')[`F${SMELTER_FIRST_ROW}`]).toContain('Smelter ID at F5 is #N/A Fix: Pick the smelter from the look-up list.');
    // Declaration cells; the template's own note on P3 is left alone.
    expect(wb.format('Declaration', 'D16').fill).toEqual({ color: MARK_STYLES.error.fill, pattern: 'Solid' });
    expect(wb.format('Declaration', 'D20').fill).toEqual({ color: MARK_STYLES.warning.fill, pattern: 'Solid' });
    expect(wb.notes('Declaration').P3).toBe('Language selection (template note)');
    expect(result.notesSkipped).toEqual(['Declaration!P3']);
    // Legend notes on A1 of the marked sheets; no sheet added (the workbook structure stays as it is).
    expect(wb.notes('Declaration').A1).toMatch(/^\[CMRT Review\]\nMarks added by the CMRT Review add-in/);
    expect(wb.notes('Smelter List').A1).toContain('orange row: smelter of interest');
    expect(wb.doc.sheets.map((s) => s.name)).not.toContain('CMRT Review findings');
    // Protection back on with the same options; calculation suspended while writing.
    for (const s of ['Declaration', 'Smelter List']) expect(wb.sheet(s).protection).toEqual({ protected: true, options: CMRT_PROTECTION_OPTIONS, password: null });
    expect(wb.lastContext.syncs.some((s) => s.suspendedCalculation && s.suspendedScreenUpdating)).toBe(true);
    // The record is in the workbook.
    expect(wb.doc.customXmlParts.map((p) => p.namespaceUri)).toEqual([MARKS_NAMESPACE]);
  });

  test('mark then clear restores every format, note and protection exactly; values never change', async () => {
    const wb = fakeCmrt({ rows: 120 });
    const start = wb.snapshot();
    const before = contents(wb);
    await mark(wb, manyMarks(120));
    expect(contents(wb)).toEqual(before);
    const cleared = await clear(wb);
    expect(cleared.cellsRestored).toBeGreaterThan(600);
    expect(wb.snapshot()).toEqual(start);
    expect(wb.doc.customXmlParts).toEqual([]);
  });

  test('white fill and no fill are told apart (the real template has both on every smelter row)', async () => {
    const wb = fakeCmrt({ rows: 10 });
    await mark(wb, { smeltersOfInterest: [{ row: SMELTER_FIRST_ROW, reasons: ['x'] }] });
    await clear(wb);
    expect(wb.format('Smelter List', `G${SMELTER_FIRST_ROW}`).fill).toBeNull();
    expect(wb.format('Smelter List', `H${SMELTER_FIRST_ROW}`).fill).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
  });

  test('clearing works after save, close and reopen (the record is a custom XML part)', async () => {
    const wb = fakeCmrt({ rows: 90 });
    const start = wb.snapshot();
    await mark(wb, manyMarks(90));
    const reopened = wb.reopen();
    expect(reopened.snapshot()).toEqual(wb.snapshot());
    await clear(reopened);
    expect(reopened.snapshot()).toEqual(start);
  });

  test('marking twice replaces, never stacks; re-marking with fewer findings restores the rest', async () => {
    const once = fakeCmrt({ rows: 60 });
    await mark(once, manyMarks(60));

    const twice = fakeCmrt({ rows: 60 });
    const start = twice.snapshot();
    await mark(twice, manyMarks(60));
    await mark(twice, manyMarks(60));
    expect(twice.snapshot()).toEqual(once.snapshot());
    expect(twice.doc.customXmlParts).toHaveLength(1);
    expect(twice.doc.customXmlParts[0]!.xml).toBe(once.doc.customXmlParts[0]!.xml);

    // Fewer marks now: the Declaration is fixed, a single smelter remains (and its ID cell is now only a warning).
    const fewer: MarkRequest = {
      smeltersOfInterest: [{ row: SMELTER_FIRST_ROW + 6, reasons: ['still of interest'] }],
      findings: [{ rule: 'smelter/id', severity: 'warning', sheet: 'Smelter List', cell: `F${SMELTER_FIRST_ROW}`, row: SMELTER_FIRST_ROW, message: 'check' }],
    };
    await mark(twice, fewer);
    const fresh = fakeCmrt({ rows: 60 });
    await mark(fresh, fewer);
    expect(twice.snapshot()).toEqual(fresh.snapshot());
    expect(parseRecord(twice.doc.customXmlParts[0]!.xml)).toEqual(parseRecord(fresh.doc.customXmlParts[0]!.xml));
    await clear(twice);
    expect(twice.snapshot()).toEqual(start);
  });

  test('marking with nothing to mark removes the earlier marks, as clear does', async () => {
    const wb = fakeCmrt({ rows: 30 });
    const start = wb.snapshot();
    await mark(wb, manyMarks(30));
    const r = await mark(wb, {});
    expect(r).toMatchObject({ outcome: 'marked', cellsMarked: 0, syncs: 3 });
    expect(wb.snapshot()).toEqual(start);
    expect(wb.doc.customXmlParts).toEqual([]);
  });

  test('a sheet renamed between marking and clearing is found again by its id', async () => {
    const wb = fakeCmrt({ rows: 30 });
    await mark(wb, manyMarks(30));
    wb.sheet('Smelter List').name = 'Smelters';
    const renamed = wb.snapshot();
    await clear(wb);
    const after = wb.snapshot() as { name: string; formats: unknown }[];
    const fresh = fakeCmrt({ rows: 30 });
    fresh.sheet('Smelter List').name = 'Smelters';
    expect(after).toEqual(fresh.snapshot());
    expect(after).not.toEqual(renamed);
  });

  test('positions stay right on sheets with hidden rows', async () => {
    const hidden = Array.from({ length: 15 }, (_, i) => SMELTER_FIRST_ROW + 1 + i);
    const wb = fakeCmrt({ rows: 40, hiddenRows: { 'Smelter List': hidden } });
    const start = wb.snapshot();
    const row = SMELTER_FIRST_ROW + 20;
    await mark(wb, { smeltersOfInterest: [{ row, reasons: ['r'] }], findings: [{ rule: 'x/y', severity: 'error', sheet: 'Smelter List', cell: `F${row + 2}`, row: row + 2, message: 'm' }] });
    const filled = Object.entries(wb.formats('Smelter List'))
      .filter(([, f]) => f.fill && f.fill.color !== '#FFFFFF' && f.fill.color !== '#D9E1F2')
      .map(([a]) => a);
    expect(filled).toEqual([...'ABCDEFGHIJKLMNOPQ'].map((c) => `${c}${row}`).concat(`F${row + 2}`));
    expect(Object.keys(wb.notes('Smelter List'))).toEqual(['A1', `A${row}`, `F${row + 2}`]);
    expect([...wb.sheet('Smelter List').hiddenRows]).toEqual(hidden);
    await clear(wb);
    expect(wb.snapshot()).toEqual(start);
  });

  test("the supplier's own notes are kept; the add-in's notes are replaced and removed", async () => {
    const wb = fakeCmrt({ rows: 20, notes: { 'Smelter List': { [`A${SMELTER_FIRST_ROW + 3}`]: 'my own note' } } });
    const start = wb.snapshot();
    const r = await mark(wb, manyMarks(20));
    expect(r.notesSkipped).toContain(`Smelter List!A${SMELTER_FIRST_ROW + 3}`);
    expect(wb.notes('Smelter List')[`A${SMELTER_FIRST_ROW + 3}`]).toBe('my own note');
    expect(r.message).toMatch(/already have a note/);
    await mark(wb, { smeltersOfInterest: [{ row: SMELTER_FIRST_ROW, reasons: ['changed reason'] }] });
    expect(wb.notes('Smelter List')[`A${SMELTER_FIRST_ROW}`]).toBe(`${MARKER}\nSmelter of interest: changed reason`);
    expect(Object.values(wb.notes('Smelter List')).filter((n) => n.startsWith(MARKER))).toHaveLength(2);
    expect(wb.notes('Declaration')).toEqual({ P3: 'Language selection (template note)' });
    await clear(wb);
    expect(wb.snapshot()).toEqual(start);
  });
});

describe('failures and protection', () => {
  test.each([
    ['the second fill of the Smelter List', { sync: 3, label: 'RangeFill.color', sheet: 'Smelter List', skip: 1 }],
    ['the first fill of the Declaration (the Smelter List done)', { sync: 3, label: 'RangeFill.color', sheet: 'Declaration' }],
    ['a note in the middle', { sync: 3, label: 'NoteCollection.add', skip: 5 }],
    ['the re-protection of the Smelter List', { sync: 3, label: 'WorksheetProtection.protect', sheet: 'Smelter List' }],
  ])('a failure at %s leaves protection on with the same options, and clear still restores everything', async (_what, fault) => {
    const wb = fakeCmrt({ rows: 60 });
    const start = wb.snapshot();
    wb.faults.push(fault);
    await expect(mark(wb, manyMarks(60))).rejects.toThrow(MarkError);
    for (const s of ['Declaration', 'Smelter List']) expect(wb.sheet(s).protection).toEqual({ protected: true, options: CMRT_PROTECTION_OPTIONS, password: null });
    expect(wb.lastContext.syncCount).toBe(5);
    wb.faults.length = 0;
    await clear(wb);
    expect(wb.snapshot()).toEqual(start);
  });

  test('a failure while re-marking keeps both records, and clear merges them', async () => {
    const wb = fakeCmrt({ rows: 60 });
    const start = wb.snapshot();
    await mark(wb, manyMarks(60));
    wb.faults.push({ sync: 3, label: 'RangeFill.color', sheet: 'Smelter List', skip: 1 });
    await expect(mark(wb, { smeltersOfInterest: [{ row: 40, reasons: ['new'] }] })).rejects.toThrow(MarkError);
    expect(wb.doc.customXmlParts).toHaveLength(2);
    wb.faults.length = 0;
    await clear(wb);
    expect(wb.snapshot()).toEqual(start);
  });

  test('a failure while clearing leaves protection on and the record in place; clearing again finishes', async () => {
    const wb = fakeCmrt({ rows: 60 });
    const start = wb.snapshot();
    await mark(wb, manyMarks(60));
    wb.faults.push({ sync: 3, label: 'RangeFill.color', sheet: 'Declaration' });
    await expect(clear(wb)).rejects.toThrow(/stopped midway/);
    for (const s of ['Declaration', 'Smelter List']) expect(wb.sheet(s).protection).toEqual({ protected: true, options: CMRT_PROTECTION_OPTIONS, password: null });
    expect(wb.doc.customXmlParts).toHaveLength(1);
    wb.faults.length = 0;
    await clear(wb);
    expect(wb.snapshot()).toEqual(start);
  });

  test.each([
    ['desktop (the unprotect probe fails)', false],
    ['Excel on the web (isPasswordProtected)', true],
  ])('a password-protected sheet: a clear message, the findings on a review sheet, supplier sheets untouched - %s', async (_host, online) => {
    const wb = fakeCmrt({ rows: 30, passwords: { 'Smelter List': 'secret' }, online });
    const start = supplierState(wb);
    const req = manyMarks(30);
    const r = await mark(wb, req);
    expect(r.outcome).toBe('findings-sheet');
    expect(r.passwordSheets).toContain('Smelter List');
    expect(r.message).toMatch(/"Smelter List" is protected with a password/);
    expect(r.message).toMatch(/written to the "CMRT Review findings" sheet/);
    expect(supplierState(wb)).toEqual(start);
    expect(wb.doc.customXmlParts).toEqual([]);
    const sheet = wb.contents('CMRT Review findings');
    expect(sheet.A1).toEqual({ v: 'Sheet' });
    const rows = Object.keys(sheet).filter((a) => a.startsWith('A')).length;
    expect(rows).toBe(1 + req.smeltersOfInterest.length + req.findings.length);
    expect(Object.values(sheet).some((c) => c.v === 'Contact email is not a valid address.')).toBe(true);
    expect(r.passwordSheets).toEqual(['Smelter List']);
    expect(wb.lastContext.syncCount).toBeLessThanOrEqual(4);
  });

  test('password-protected sheet and a password-protected workbook structure: nothing is written, the message says so', async () => {
    const wb = fakeCmrt({ rows: 10, passwords: { Declaration: 'secret' }, structure: { protected: true, password: 'book' } });
    const start = wb.snapshot();
    const r = await mark(wb, manyMarks(10));
    expect(r.outcome).toBe('not-written');
    expect(r.passwordSheets).toEqual(['Declaration']);
    expect(r.message).toMatch(/"Declaration" is protected with a password.*task pane only/);
    expect(wb.snapshot()).toEqual(start);
    expect(wb.doc.structure).toEqual({ protected: true, password: 'book' });
  });

  test('a workbook structure protected without password is unprotected for the findings sheet and protected again', async () => {
    const wb = fakeCmrt({ rows: 10, passwords: { Declaration: 'secret' }, structure: { protected: true } });
    const r = await mark(wb, manyMarks(10));
    expect(r.outcome).toBe('findings-sheet');
    expect(wb.doc.structure).toEqual({ protected: true, password: null });
  });
});

describe('large batches', () => {
  test('a write batch over the request budget is split into several syncs, with the same result and protection', async () => {
    const small = { writeBudgetBytes: 20_000 };
    const split = fakeCmrt({ rows: 300 });
    const start = split.snapshot();
    const r = await split.run((ctx) => markWorkbook(ctx, manyMarks(300), { ...opts(split), ...small }));
    expect(r.syncs).toBeGreaterThan(4);
    // Every write sync suspends calculation; the reads before them do not.
    const suspended = split.lastContext.syncs.filter((s) => s.suspendedCalculation).length;
    expect(suspended).toBeGreaterThan(1);
    expect(split.lastContext.syncs.slice(-suspended).every((s) => s.suspendedCalculation)).toBe(true);
    const whole = fakeCmrt({ rows: 300 });
    await mark(whole, manyMarks(300));
    expect(split.snapshot()).toEqual(whole.snapshot());
    const c = await split.run((ctx) => clearMarks(ctx, { ...opts(split), ...small }));
    expect(c.syncs).toBeGreaterThan(3);
    expect(split.snapshot()).toEqual(start);
  });

  test('a failure in a later part of a split batch still ends with every sheet protected as before', async () => {
    const wb = fakeCmrt({ rows: 300 });
    const start = wb.snapshot();
    wb.faults.push({ sync: 5, label: /NoteCollection\.add/ });
    await expect(wb.run((ctx) => markWorkbook(ctx, manyMarks(300), { ...opts(wb), writeBudgetBytes: 20_000 }))).rejects.toThrow(MarkError);
    for (const s of ['Declaration', 'Smelter List']) expect(wb.sheet(s).protection).toEqual({ protected: true, options: CMRT_PROTECTION_OPTIONS, password: null });
    wb.faults.length = 0;
    await clear(wb);
    expect(wb.snapshot()).toEqual(start);
  });
});

describe('older Excel', () => {
  test('ExcelApi 1.10-1.17: threaded comments carry the reasons, in a sync of their own; clear removes them', async () => {
    const wb = fakeCmrt({ rows: 30, apiMinor: 12 });
    const start = wb.snapshot();
    const req = manyMarks(30);
    // P3 holds a template note that the comments API cannot see.
    req.findings = req.findings.filter((f) => f.cell !== 'P3');
    const r = await mark(wb, req);
    expect(r).toMatchObject({ outcome: 'marked', noteKind: 'comments', message: null });
    expect(r.syncs).toBe(4);
    expect(wb.comments('Smelter List')[`A${SMELTER_FIRST_ROW}`]).toMatch(/^\[CMRT Review\]\nSmelter of interest/);
    await clear(wb);
    expect(wb.snapshot()).toEqual(start);
  });

  test('ExcelApi 1.10-1.17: a comment that cannot be added (a hidden note is there) costs the comments, not the marks', async () => {
    const wb = fakeCmrt({ rows: 30, apiMinor: 12 });
    const start = wb.snapshot();
    const r = await mark(wb, manyMarks(30));
    expect(r.outcome).toBe('marked');
    expect(r.message).toMatch(/could not all be added as comments/);
    expect(wb.format('Declaration', 'D16').fill?.color).toBe(MARK_STYLES.error.fill);
    for (const s of ['Declaration', 'Smelter List']) expect(wb.sheet(s).protection.protected).toBe(true);
    await clear(wb);
    expect(wb.snapshot()).toEqual(start);
  });

  test('ExcelApi 1.7 (the manifest minimum): fills only, no notes; restored, with white fill read as no fill', async () => {
    // Some coloured cells in the smelter rows: their segments are read cell by cell.
    const wb = fakeCmrt({ rows: 30, apiMinor: 7, formats: { 'Smelter List': { 'C5:D30': { fill: { color: '#FF0000', pattern: 'Solid' }, fontColor: '#0000FF', locked: false } } } });
    const start = wb.snapshot() as { name: string; formats: Record<string, { fill?: unknown }> }[];
    const r = await mark(wb, manyMarks(30));
    expect(r).toMatchObject({ outcome: 'marked', noteKind: 'none', notesWritten: 0 });
    expect(wb.notes('Smelter List')).toEqual({});
    await clear(wb);
    // Without RangeFill.pattern (ExcelApi 1.9) a white fill cannot be told from no fill: those come back as no fill.
    const whiteToNone = (s: typeof start) =>
      JSON.parse(JSON.stringify(s).replace(/"fill":\{"color":"#FFFFFF","pattern":"Solid"\},?/g, '').replace(/,\}/g, '}').replace(/"[A-Z]+\d+":\{\},?/g, '').replace(/,\}/g, '}'));
    expect(whiteToNone(wb.snapshot() as typeof start)).toEqual(whiteToNone(start));
    expect(wb.format('Declaration', 'D8').fill).toEqual({ color: '#FFFF99', pattern: 'Solid' });
    expect(wb.format('Smelter List', 'C8')).toMatchObject({ fill: { color: '#FF0000', pattern: 'Solid' }, fontColor: '#0000FF' });
  });
});

describe('budget: 2,500 smelter rows, every 3rd of interest', () => {
  test('mark and clear take at most 4 syncs each and stay under 5 MB per request and response', async () => {
    const wb = fakeCmrt({ rows: 2500 });
    const start = wb.snapshot();
    const before = contents(wb);
    const m = await mark(wb, manyMarks(2500));
    expect(m.cellsMarked).toBeGreaterThan(14_000);
    expect(m.syncs).toBeLessThanOrEqual(4);
    expect(wb.lastContext.syncCount).toBe(m.syncs);
    expect(maxPayload(wb)).toBeLessThan(FIVE_MB);
    expect(contents(wb)).toEqual(before);

    const again = await mark(wb, manyMarks(2500));
    expect(again.syncs).toBeLessThanOrEqual(4);
    expect(maxPayload(wb)).toBeLessThan(FIVE_MB);

    const c = await clear(wb);
    expect(c.syncs).toBeLessThanOrEqual(4);
    expect(wb.lastContext.syncCount).toBe(c.syncs);
    expect(maxPayload(wb)).toBeLessThan(FIVE_MB);
    expect(wb.snapshot()).toEqual(start);
  }, 60_000);
});
