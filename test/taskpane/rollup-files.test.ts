/**
 * "Review several files…" without a browser: rollUpFiles over the real engine (browser-safe reader, review,
 * roll-up), with a recording sheet writer. The tables match what the CLI's read path gives for the same files.
 */
import { reviewBytes } from '../../src/cli/load';
import { createRollup, rollupAdd, rollupRows, rollupTotals, summariseForRollup, SUPPLIER_HEADERS, SMELTER_HEADERS, FINDING_HEADERS } from '../../src/core/rollup';
import * as engine from '../../src/taskpane/engine';
import { defaultSettings } from '../../src/taskpane/settings';
import { ROLLUP_SHEETS, rollUpFiles, rollupMessage, type PickedFile, type RollupProgress } from '../../src/taskpane/rollup-files';
import { filledTemplate, truncated } from '../support/rollup-fixtures';

jest.setTimeout(60_000);

const picked = (name: string, bytes: Uint8Array): PickedFile => ({
  name,
  arrayBuffer: async () => bytes.slice().buffer,
});

describe('rollUpFiles', () => {
  const acme = filledTemplate({ template: 'RMI_CMRT_6.5.xlsx', company: 'Acme Metals', rows: 12 });
  const epsilon = filledTemplate({ template: 'RMI_CMRT_6.5.xlsx', company: 'Epsilon Tin', rows: 6 });
  const broken = truncated(acme);
  const files = [picked('acme.xlsx', acme), picked('epsilon.xlsm', epsilon), picked('broken.xlsx', broken)];
  const settings = { ...defaultSettings(), role: 'buyer' as const };
  const now = new Date('2026-07-01T09:00:00Z');

  test('reads, reviews and rolls up each file, reports progress, then writes the three sheets', async () => {
    const written: [string, (string | number)[][]][] = [];
    const progress: RollupProgress[] = [];
    let pauses = 0;
    const outcome = await rollUpFiles(files, {
      engine,
      settings,
      now,
      writeSheet: async (name, rows) => void written.push([name, rows.map((r) => [...r])]),
      onProgress: (p) => progress.push(p),
      pause: async () => void pauses++,
    });

    expect(progress.map((p) => `${p.done}/${p.total} ${p.current ?? '-'}`)).toEqual(['0/3 acme.xlsx', '1/3 epsilon.xlsm', '2/3 broken.xlsx', '3/3 -']);
    expect(pauses).toBe(4);
    expect(outcome.sheets).toEqual([ROLLUP_SHEETS.suppliers, ROLLUP_SHEETS.smelters, ROLLUP_SHEETS.findings]);
    expect(written.map(([n]) => n)).toEqual(outcome.sheets);
    expect(written[0]![1][0]).toEqual([...SUPPLIER_HEADERS]);
    expect(written[1]![1][0]).toEqual([...SMELTER_HEADERS]);
    expect(written[2]![1][0]).toEqual([...FINDING_HEADERS]);
    for (const name of outcome.sheets) expect(name.length).toBeLessThanOrEqual(31);

    expect(outcome.totals).toMatchObject({ files: 3, unreadable: 1 });
    expect(outcome.totals.uniqueSmelters).toBeGreaterThan(5);
    const broke = written[0]![1].find((r) => r[0] === 'broken.xlsx')!;
    expect(broke[6]).toBe('unreadable');
    expect(String(broke[7])).not.toBe('');

    // The same tables as the CLI's read path.
    const cli = createRollup();
    for (const [name, bytes] of [['acme.xlsx', acme], ['epsilon.xlsm', epsilon], ['broken.xlsx', broken]] as const) {
      const r = reviewBytes(bytes, { role: 'buyer', now, reference: undefined });
      rollupAdd(cli, summariseForRollup(name, r.review, r.error));
    }
    const expected = rollupRows(cli);
    expect(written[0]![1].map((r) => r.slice(0, 7))).toEqual(expected.suppliers.map((r) => r.slice(0, 7)));
    expect(written[1]![1]).toEqual(expected.smelters);
    expect(outcome.totals).toEqual(rollupTotals(cli));

    const m = rollupMessage(outcome);
    expect(m.intent).toBe('warning');
    expect(m.text).toContain(`3 files reviewed, 1 unreadable: ${outcome.totals.uniqueSmelters} unique smelters`);
    expect(m.text).toContain(`Sheets written: ${ROLLUP_SHEETS.suppliers}, ${ROLLUP_SHEETS.smelters}, ${ROLLUP_SHEETS.findings}.`);
  });

  test('a file whose bytes cannot be had is unreadable, with the reason', async () => {
    const gone: PickedFile = { name: 'gone.xlsx', arrayBuffer: () => Promise.reject(new Error('NotFoundError')) };
    const written: (string | number)[][][] = [];
    const outcome = await rollUpFiles([gone], { engine, settings, now, writeSheet: async (_, rows) => void written.push(rows.map((r) => [...r])), pause: async () => undefined });
    expect(outcome.totals).toMatchObject({ files: 1, unreadable: 1 });
    expect(written[0]![1]![7]).toBe('The file could not be opened: NotFoundError');
  });
});
