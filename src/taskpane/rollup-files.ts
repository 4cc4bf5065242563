/**
 * "Review several files…" (the buyer roll-up in the pane): the picked template files are read one at a time with the
 * browser-safe reader, reviewed with the pane's settings and folded into the roll-up (src/core/rollup.ts, through
 * the lazily loaded engine); then the three tables go to the add-in's own sheets of the open workbook.
 *
 * No React and no Excel here: the engine, the sheet writer and the pause between files are passed in, so that the
 * flow is tested in Node (test/taskpane/rollup-files.test.ts) and in the browser (test/browser/rollup.test.ts).
 */
import type { RollupTotals } from '../core/rollup';
import type { Engine } from './load-engine';
import type { PaneMessage } from './messages';
import type { PaneSettings } from './settings';
import type { SheetRow } from './host';
import { plural } from './view-model';

/** The add-in's roll-up sheets (the "CMRT Review" prefix lets writeSheet write them; each name fits Excel's 31). */
export const ROLLUP_SHEETS = {
  suppliers: 'CMRT Review roll-up suppliers',
  smelters: 'CMRT Review roll-up smelters',
  findings: 'CMRT Review roll-up findings',
} as const;

/** A picked file: the browser's File, or anything with a name and bytes on demand. */
export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type RollupEngine = Pick<Engine, 'summariseFileForRollup' | 'createRollup' | 'rollupAdd' | 'rollupRows' | 'rollupTotals'>;

export interface RollupProgress {
  /** Files done so far. */
  done: number;
  total: number;
  /** The file being read now, null once all are read (the sheets are being written). */
  current: string | null;
}

export interface RollupDeps {
  engine: RollupEngine;
  settings: PaneSettings;
  now: Date;
  writeSheet(name: string, rows: readonly SheetRow[]): Promise<unknown>;
  onProgress?(p: RollupProgress): void;
  /** Lets the pane paint between files; a macrotask by default. */
  pause?(): Promise<void>;
}

export interface RollupOutcome {
  totals: RollupTotals;
  /** The sheets written, in the order written. */
  sheets: string[];
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Reads, reviews and rolls up the files in the order given, then writes the three sheets (replacing earlier ones). */
export async function rollUpFiles(files: readonly PickedFile[], deps: RollupDeps): Promise<RollupOutcome> {
  const { engine } = deps;
  const pause = deps.pause ?? macrotask;
  const state = engine.createRollup();
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    deps.onProgress?.({ done: i, total: files.length, current: file.name });
    await pause();
    let summary;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      summary = await engine.summariseFileForRollup(file.name, bytes, deps.settings, deps.now);
    } catch (e) {
      // The browser could not give the bytes (file moved or removed since it was picked).
      summary = await engine.summariseFileForRollup(file.name, new Uint8Array(0), deps.settings, deps.now).then((s) => ({
        ...s,
        reason: `The file could not be opened: ${e instanceof Error ? e.message : String(e)}`,
        reasonCode: 'unreadable',
      }));
    }
    engine.rollupAdd(state, summary);
  }
  deps.onProgress?.({ done: files.length, total: files.length, current: null });
  await pause();
  const tables = engine.rollupRows(state);
  const sheets: string[] = [];
  for (const key of ['suppliers', 'smelters', 'findings'] as const) {
    await deps.writeSheet(ROLLUP_SHEETS[key], tables[key]);
    sheets.push(ROLLUP_SHEETS[key]);
  }
  return { totals: engine.rollupTotals(state), sheets };
}

/** What the pane says when the roll-up is written. */
export function rollupMessage(o: RollupOutcome): PaneMessage {
  const t = o.totals;
  const unreadable = t.unreadable ? `, ${t.unreadable} unreadable` : '';
  return {
    intent: t.unreadable ? 'warning' : 'success',
    title: 'Roll-up written',
    text:
      `${plural(t.files, 'file')} reviewed${unreadable}: ${plural(t.uniqueSmelters, 'unique smelter')}, ` +
      `${plural(t.uniqueSmeltersOfInterest, 'smelter')} of interest. ` +
      `Sheets written: ${o.sheets.join(', ')}.` +
      (t.unreadable ? ' The reasons for unreadable files are in the suppliers sheet.' : ''),
  };
}
