/**
 * Shared pieces of the importers: input as CSV text or as rows, header matching that ignores case, spaces and
 * punctuation, locating the header row below title rows, reading dates, and listing rows compactly in messages.
 */
import { parseCsv } from '../csv';
import type { ImportMessage } from './types';

/** CSV text, or rows already read from a spreadsheet (cells of any primitive type). */
export type TableInput = string | readonly (readonly unknown[])[];

export function toRows(input: TableInput): string[][] {
  if (typeof input === 'string') return parseCsv(input).rows;
  return input.map((r) => r.map(cellText));
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** "State/Province/Region" -> "stateprovinceregion". */
export const headerKey = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

export interface ColumnSpec<K extends string> {
  key: K;
  /** Display name used in messages. */
  label: string;
  /** Accepted header spellings (compared by headerKey). */
  names: string[];
  required: boolean;
}

export interface HeaderMatch<K extends string> {
  /** 0-based index of the header row. */
  headerRow: number;
  columns: Partial<Record<K, number>>;
  missing: ColumnSpec<K>[];
}

/**
 * Finds the header row: the first of the first `scan` rows with the most recognised column names (at least
 * `minHits`). Title rows above it are skipped.
 */
export function findHeader<K extends string>(rows: readonly string[][], specs: readonly ColumnSpec<K>[], minHits = 2, scan = 30): HeaderMatch<K> | null {
  const lookup = new Map<string, ColumnSpec<K>>();
  for (const s of specs) for (const n of s.names) lookup.set(headerKey(n), s);
  let best: HeaderMatch<K> | null = null;
  let bestHits = 0;
  for (let r = 0; r < Math.min(rows.length, scan); r++) {
    const columns: Partial<Record<K, number>> = {};
    let hits = 0;
    rows[r]!.forEach((cell, c) => {
      const spec = lookup.get(headerKey(cell));
      if (spec && columns[spec.key] === undefined) {
        columns[spec.key] = c;
        hits++;
      }
    });
    if (hits >= minHits && hits > bestHits) {
      bestHits = hits;
      best = { headerRow: r, columns, missing: specs.filter((s) => s.required && columns[s.key] === undefined) };
    }
  }
  return best;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const iso = (y: number, m: number, d: number): string | null => {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/**
 * Finds a date in free text: ISO (2026-05-03), "May 3, 2026", "3 May 2026", or d/m/y and m/d/y when only one
 * reading is possible. Returns an ISO date or null.
 */
export function findDate(text: string): string | null {
  let m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(text);
  if (m && MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) >= 0) return iso(+m[3]!, MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, +m[2]!);
  m = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (m && MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) >= 0) return iso(+m[3]!, MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, +m[1]!);
  m = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/.exec(text);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    if (a > 12 && b <= 12) return iso(+m[3]!, b, a);
    if (b > 12 && a <= 12) return iso(+m[3]!, a, b);
    if (a === b) return iso(+m[3]!, a, b);
  }
  return null;
}

/** A date given as a Date or text, as an ISO date. */
export function toIsoDate(v: string | Date | null | undefined): string | null {
  if (!v) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  return findDate(v);
}

export function daysBetween(isoDate: string, now: Date): number {
  const t = Date.parse(`${isoDate}T00:00:00Z`);
  return Math.floor((now.getTime() - t) / 86_400_000);
}

/** "rows 4, 7, 9 and 12 more" */
export function listRows(rows: readonly number[], max = 10): string {
  const shown = rows.slice(0, max).join(', ');
  return rows.length > max ? `${shown} and ${rows.length - max} more` : shown;
}

/** "a, b, c and 4 more" */
export function listValues(values: readonly string[], max = 10): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

export function message(severity: ImportMessage['severity'], code: string, text: string, rows?: number[]): ImportMessage {
  return { severity, code, message: text, ...(rows && rows.length ? { rows } : {}) };
}
