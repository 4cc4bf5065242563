/**
 * Importer for the user's watch list: CSV text (or rows) of `id,reason`, with or without a header row. Extra
 * columns are ignored; a header may name the columns in another order ("Reason, Smelter ID").
 */
import { ID_PATTERN } from './smelter-index';
import { cellText, findHeader, headerKey, listValues, message, toIsoDate, toRows, type ColumnSpec, type TableInput } from './import-common';
import type { ImportedWatchlist, ImportMessage, WatchlistEntry } from './types';

export interface WatchlistImportOptions {
  /** The file's date, shown as the source's date. */
  fileDate?: string | Date | null;
  /** The source's name as shown with each reason, e.g. "Watch list (watch.csv)"; default "Watch list". */
  name?: string;
}

export interface WatchlistImport {
  list: ImportedWatchlist | null;
  messages: ImportMessage[];
  stats: { dataRows: number; imported: number; duplicates: number; invalidIds: number };
}

const COLUMNS: readonly ColumnSpec<'id' | 'reason'>[] = [
  { key: 'id', label: 'id', names: ['id', 'cid', 'smelter id', 'facility id', 'rmi id', 'smelter identification'], required: true },
  { key: 'reason', label: 'reason', names: ['reason', 'note', 'notes', 'comment', 'comments', 'why'], required: false },
];

export const DEFAULT_WATCH_REASON = 'On the watch list (no reason given)';

export function importWatchlist(input: TableInput, options: WatchlistImportOptions = {}): WatchlistImport {
  const messages: ImportMessage[] = [];
  const stats = { dataRows: 0, imported: 0, duplicates: 0, invalidIds: 0 };
  const rows = toRows(input);
  // A header is optional: use one when the first non-blank row names an id column and holds no ID itself.
  const firstIdx = rows.findIndex((r) => r.some((c) => cellText(c)));
  let start = firstIdx < 0 ? rows.length : firstIdx;
  let idCol = 0;
  let reasonCol: number | null = 1;
  const first = rows[start];
  if (first && !first.some((c) => ID_PATTERN.test(cellText(c).toUpperCase()))) {
    const header = findHeader([first], COLUMNS, 1, 1);
    if (header?.columns.id !== undefined) {
      idCol = header.columns.id;
      reasonCol = header.columns.reason ?? null;
      start++;
    } else if (first.some((c) => /\bid\b/i.test(cellText(c)) || headerKey(cellText(c)) === 'reason')) {
      messages.push(message('error', 'missing-columns', `The watch list header (${first.map(cellText).join(', ')}) has no ID column; expected "id,reason".`));
      return { list: null, messages, stats };
    }
  }
  const entries = new Map<string, WatchlistEntry>();
  const firstRow = new Map<string, number>();
  const dupes: string[] = [];
  const bad: string[] = [];
  const badRows: number[] = [];
  const dupeRows: number[] = [];
  const noReason: number[] = [];
  for (let r = start; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((c) => !cellText(c))) continue;
    stats.dataRows++;
    const fileRow = r + 1;
    const raw = cellText(row[idCol]);
    const id = raw.toUpperCase().replace(/\s+/g, '');
    if (!ID_PATTERN.test(id)) {
      bad.push(`${raw || '(empty)'} (row ${fileRow})`);
      badRows.push(fileRow);
      continue;
    }
    if (entries.has(id)) {
      dupes.push(`${id} (rows ${firstRow.get(id)} and ${fileRow})`);
      dupeRows.push(fileRow);
      continue;
    }
    // Without a header, everything after the ID is the reason (an unquoted comma in the reason splits it).
    const reason = reasonCol === null ? '' : (start > firstIdx ? cellText(row[reasonCol]) : row.slice(1).map(cellText).filter(Boolean).join(', '));
    if (!reason) noReason.push(fileRow);
    entries.set(id, { id, reason: reason || DEFAULT_WATCH_REASON, row: fileRow });
    firstRow.set(id, fileRow);
  }
  stats.imported = entries.size;
  stats.duplicates = dupes.length;
  stats.invalidIds = bad.length;
  if (bad.length) messages.push(message('warning', 'invalid-id', `${bad.length} row(s) skipped: not an RMI ID (CID + 6 digits): ${listValues(bad)}.`, badRows));
  if (dupes.length) messages.push(message('warning', 'duplicate-id', `${dupes.length} duplicate ID(s); the first row of each is kept: ${listValues(dupes)}.`, dupeRows));
  if (noReason.length) messages.push(message('info', 'missing-reason', `${noReason.length} entr${noReason.length > 1 ? 'ies have' : 'y has'} no reason; shown as "${DEFAULT_WATCH_REASON}".`, noReason));
  if (entries.size === 0) {
    messages.push(message('error', 'no-rows', 'The watch list has no usable rows (expected lines of "id,reason", e.g. "CID000123,Open grievance").'));
    return { list: null, messages, stats };
  }
  const date = toIsoDate(options.fileDate ?? null);
  messages.push(message('info', 'imported', `Imported ${entries.size} watch-list entr${entries.size > 1 ? 'ies' : 'y'}.`));
  return { list: { source: { name: options.name || 'Watch list', date: date ?? 'unknown' }, entries }, messages, stats };
}
