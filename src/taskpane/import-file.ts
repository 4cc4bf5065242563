/**
 * Reference files chosen in the Settings pane (an <input type="file">), read in the browser: CSV or text as text,
 * XLSX through the browser-safe reader (src/xlsx/read.ts, loaded only when an XLSX file is chosen), then handed to
 * the core importers. Nothing is uploaded.
 */
import type { CellValue, WorkbookGrid } from '../core/grid';
import type { FacilityListImport } from '../core/reference/import-facility-list';
import type { WatchlistImport } from '../core/reference/import-watchlist';
import type { TableInput } from '../core/reference/import-common';
import { loadEngine } from './load-engine';

export interface ChosenFile {
  name: string;
  /** Modification time (ms since epoch), as File.lastModified. */
  lastModified: number;
  bytes: Uint8Array;
}

/** A ZIP container (XLSX) starts with "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Text from bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM (Excel's "Unicode text"). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.replace(/^\uFEFF/, '');
}

/** The sheet holding the list: the visible sheet with the most non-empty rows. */
export function listRowsOf(grid: WorkbookGrid): CellValue[][] {
  let best: CellValue[][] = [];
  let bestCount = -1;
  for (const sheet of grid.sheets) {
    if (sheet.visibility && sheet.visibility !== 'visible') continue;
    const count = sheet.values.filter((r) => r?.some((v) => v !== null && v !== '')).length;
    if (count > bestCount) {
      best = sheet.values.map((r) => r ?? []);
      bestCount = count;
    }
  }
  return best;
}

export async function tableOf(file: ChosenFile): Promise<TableInput> {
  if (isZip(file.bytes)) {
    const { readXlsx } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/read');
    return listRowsOf(readXlsx(file.bytes));
  }
  return decodeText(file.bytes);
}

export async function importFacilityFile(file: ChosenFile, now: Date, maxAgeDays: number): Promise<FacilityListImport> {
  const [table, engine] = await Promise.all([tableOf(file), loadEngine()]);
  return engine.importFacilityList(table, { now, fileDate: new Date(file.lastModified), name: `RMI facility list (${file.name})`, maxAgeDays });
}

export async function importWatchlistFile(file: ChosenFile): Promise<WatchlistImport> {
  const [table, engine] = await Promise.all([tableOf(file), loadEngine()]);
  return engine.importWatchlist(table, { fileDate: new Date(file.lastModified), name: file.name });
}

export async function chosenFile(file: File): Promise<ChosenFile> {
  return { name: file.name, lastModified: file.lastModified, bytes: new Uint8Array(await file.arrayBuffer()) };
}
