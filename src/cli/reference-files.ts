/**
 * The user's own reference files for the CLI: the RMI facility list export (CSV or XLSX) and the watch list (CSV).
 * Parsing lives in the core; this only reads the bytes and reports the import messages.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { readXlsx } from '../xlsx/read';
import { importFacilityList } from '../core/reference/import-facility-list';
import { importWatchlist } from '../core/reference/import-watchlist';
import type { TableInput } from '../core/reference/import-common';
import type { ImportMessage } from '../core/reference/types';
import type { ReviewReference } from '../core/reference';

function readTable(path: string, fail: (m: string) => Error): { table: TableInput; date: Date } {
  let bytes: Buffer;
  let date: Date;
  try {
    bytes = readFileSync(path);
    date = statSync(path).mtime;
  } catch {
    throw fail(`Cannot read ${path}.`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') {
    try {
      const wb = readXlsx(bytes, { formulas: false });
      const sheet = wb.sheets.find((s) => s.values.length > 0);
      if (!sheet) throw fail(`${path} has no data.`);
      return { table: sheet.values, date };
    } catch (e) {
      throw fail(`${path}: ${(e as Error).message}`);
    }
  }
  return { table: new TextDecoder('utf-8').decode(bytes), date };
}

function report(path: string, messages: readonly ImportMessage[], warn: (s: string) => void): void {
  for (const m of messages) if (m.severity !== 'error') warn(`${basename(path)}: ${m.message}\n`);
}

export function loadReferenceFiles(
  args: { status?: string; watchlist?: string },
  now: Date,
  warn: (s: string) => void,
  fail: (m: string) => Error,
): Partial<ReviewReference> {
  const parts: Partial<ReviewReference> = {};
  if (args.status) {
    const { table, date } = readTable(args.status, fail);
    const r = importFacilityList(table, { now, fileDate: date, name: `RMI facility list (${basename(args.status)})` });
    if (!r.list) throw fail(`${args.status}: ${r.messages.filter((m) => m.severity === 'error').map((m) => m.message).join(' ') || 'no facilities could be imported.'}`);
    report(args.status, r.messages, warn);
    parts.facilityList = r.list;
  }
  if (args.watchlist) {
    const { table, date } = readTable(args.watchlist, fail);
    const r = importWatchlist(table, { fileDate: date, name: `Watch list (${basename(args.watchlist)})` });
    if (!r.list) throw fail(`${args.watchlist}: ${r.messages.filter((m) => m.severity === 'error').map((m) => m.message).join(' ') || 'no IDs could be imported.'}`);
    report(args.watchlist, r.messages, warn);
    parts.watchlist = r.list;
  }
  return parts;
}
