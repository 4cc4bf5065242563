/**
 * The pure parts of marking: what gets marked (plan.ts) and the record kept in the workbook (store.ts).
 */
import { planMarks, MARKER, LEGEND_LINES, isOwnNote, noteText } from '../../src/excel/plan';
import { cellKey, MARKS_NAMESPACE, mergeRecords, parseRecord, serializeRecord, type MarkRecord } from '../../src/excel/store';
import { parseArea, quoteSheet, rectA1, runsByKey, splitAreas } from '../../src/excel/address';

describe('planMarks', () => {
  test('rows of interest span A:Q with the reasons on A; a stronger mark wins; info findings are not marked', () => {
    const plan = planMarks({
      smeltersOfInterest: [{ row: 7, reasons: ['On the watch list', 'CAHRA'] }],
      findings: [
        { rule: 'smelter/id', severity: 'error', sheet: 'Smelter List', cell: 'F7', row: 7, message: 'Unknown ID', fix: 'Use the look-up.' },
        { rule: 'smelter/dup', severity: 'warning', sheet: 'Smelter List', cell: null, row: 9, message: 'Duplicate of row 7' },
        { rule: 'x/info', severity: 'info', sheet: 'Declaration', cell: 'D8', row: 8, message: 'fyi' },
        { rule: 'x/none', severity: 'error', sheet: 'Declaration', cell: null, row: null, message: 'no position' },
      ],
    });
    expect(plan.sheets.map((s) => s.sheet)).toEqual(['Smelter List']);
    const s = plan.sheets[0]!;
    expect(s.cells.filter((c) => c.row === 7)).toHaveLength(17);
    expect(s.cells.find((c) => c.row === 7 && c.col === 6)!.kind).toBe('error');
    expect(s.cells.find((c) => c.row === 7 && c.col === 1)!.kind).toBe('interest');
    expect(s.cells.filter((c) => c.row === 9).map((c) => c.kind)).toEqual(Array(17).fill('warning'));
    expect(s.notes).toEqual([
      { row: 1, col: 1, lines: [...LEGEND_LINES], legend: true },
      { row: 7, col: 1, lines: ['Smelter of interest: On the watch list', 'Smelter of interest: CAHRA'] },
      { row: 7, col: 6, lines: ['Error: Unknown ID Fix: Use the look-up.'] },
      { row: 9, col: 1, lines: ['Warning: Duplicate of row 7'] },
    ]);
  });

  test('row spans per sheet, no legend on request, notes recognised by their marker', () => {
    const plan = planMarks({ smeltersOfInterest: [{ sheet: 'Mine List', row: 5, reasons: [] }], legend: false, rowColumns: { 'Mine List': ['B', 'C'] } });
    expect(plan.sheets[0]!.cells.map((c) => c.col)).toEqual([2, 3]);
    expect(plan.sheets[0]!.notes).toEqual([{ row: 5, col: 2, lines: ['Smelter of interest'] }]);
    expect(noteText(['a'])).toBe(`${MARKER}\na`);
    expect(isOwnNote(noteText(['a']))).toBe(true);
    expect(isOwnNote('my note [CMRT Review]')).toBe(false);
    const long = noteText(Array.from({ length: 500 }, (_, i) => `Error: finding number ${i} with a long explanation`));
    expect(long.length).toBeLessThanOrEqual(8_000);
    expect(long).toMatch(/more in the CMRT Review task pane\)$/);
  });
});

describe('the record', () => {
  test('round-trips through XML, with runs, no-fill, patterns, unknown fonts, notes and awkward sheet names', () => {
    const rec: MarkRecord = new Map([
      [
        `Sm'elter <List> & "co"`,
        {
          cells: new Map([
            [cellKey(5, 1), { orig: { fill: null, fontColor: '#000000', bold: false }, kind: 'interest' }],
            [cellKey(5, 2), { orig: { fill: null, fontColor: '#000000', bold: false }, kind: 'interest' }],
            [cellKey(5, 8), { orig: { fill: '#FFFFFF', fontColor: '#000000', bold: false }, kind: 'interest' }],
            [cellKey(5, 9), { orig: { fill: '#FF0000', pattern: 'Gray50', fontColor: null, bold: null }, kind: 'error' }],
            [cellKey(2500, 17), { orig: { fill: null, fontColor: '#123456', bold: true } }],
          ]),
          notes: new Map([
            ['A5', 'add-in' as const],
            ['P3', 'supplier' as const],
          ]),
        },
      ],
    ]);
    const xml = serializeRecord(rec);
    expect(xml).toContain(`xmlns="${MARKS_NAMESPACE}"`);
    expect(xml).toContain('<f r="5" c="1" c2="2" fill="none" font="#000000" bold="0" kind="interest"/>');
    expect(parseRecord(xml)).toEqual(rec);
  });

  test('merging: the first record wins for a cell both have', () => {
    const a: MarkRecord = new Map([['S', { cells: new Map([[1, { orig: { fill: null, fontColor: null, bold: null } }]]), notes: new Map() }]]);
    const b: MarkRecord = new Map([['S', { cells: new Map([[1, { orig: { fill: '#FF0000', fontColor: null, bold: null } }], [2, { orig: { fill: '#00FF00', fontColor: null, bold: null } }]]), notes: new Map([['A1', 'add-in' as const]]) }]]);
    const m = mergeRecords([a, b]).get('S')!;
    expect(m.cells.get(1)!.orig.fill).toBeNull();
    expect(m.cells.get(2)!.orig.fill).toBe('#00FF00');
    expect(m.notes.get('A1')).toBe('add-in');
  });
});

describe('addresses', () => {
  test('parse and print A1 areas as Excel writes them', () => {
    expect(parseArea("'Smelter List'!A5:Q5")).toEqual({ sheet: 'Smelter List', r1: 5, c1: 1, r2: 5, c2: 17 });
    expect(parseArea("'it''s'!$B$2")).toEqual({ sheet: "it's", r1: 2, c1: 2, r2: 2, c2: 2 });
    expect(parseArea('A:Q')).toMatchObject({ r1: 1, r2: 1_048_576, c1: 1, c2: 17 });
    expect(parseArea('5:7')).toMatchObject({ r1: 5, r2: 7, c1: 1, c2: 16_384 });
    expect(splitAreas("'a,b'!A1,Sheet2!B2:C3, D4")).toEqual(["'a,b'!A1", 'Sheet2!B2:C3', 'D4']);
    expect(splitAreas("A1:B2; 'x;y'!A5:B5")).toEqual(['A1:B2', "'x;y'!A5:B5"]);
    expect(quoteSheet('Declaration')).toBe('Declaration');
    expect(quoteSheet('Smelter List')).toBe("'Smelter List'");
    expect(quoteSheet('A1')).toBe("'A1'");
    expect(rectA1({ r1: 3, c1: 2, r2: 3, c2: 2 })).toBe('B3');
    expect(() => parseArea('A1:5')).toThrow();
  });

  test('row runs of equal keys', () => {
    const cells = [1, 2, 3, 5, 6].map((col) => ({ row: 1, col, value: col < 3 ? 'x' : 'y' })).concat([{ row: 2, col: 1, value: 'x' }]);
    expect(runsByKey(cells, (v) => v).map((r) => [r.run, r.value])).toEqual([
      [{ row: 1, c1: 1, c2: 2 }, 'x'],
      [{ row: 1, c1: 3, c2: 3 }, 'y'],
      [{ row: 1, c1: 5, c2: 6 }, 'y'],
      [{ row: 2, c1: 1, c2: 1 }, 'x'],
    ]);
  });
});
