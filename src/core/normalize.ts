/**
 * Normalising real-world cell values: stray whitespace, numbers where text belongs, dates in every shape,
 * percentages as numbers or text, and the variant spellings of the same dropdown answer.
 */
import { isErrorValue, type CellValue } from './grid';

// Whitespace, no-break spaces and the invisible zero-width characters that pasted text carries.
const EDGE_SPACE = /^(?:\s|\u00a0|\u200b|\u200c|\u200d|\u2060|\ufeff)+|(?:\s|\u00a0|\u200b|\u200c|\u200d|\u2060|\ufeff)+$/g;

/** Trimmed text of a cell, or null when it is empty, blank or an error value. Numbers become their text. */
export function cleanText(v: CellValue | Date | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isErrorValue(v)) return null;
  const t = v.replace(EDGE_SPACE, '');
  return t === '' ? null : t;
}

/** A comparison key: case, spacing, punctuation and bracket style removed. "IPC-1755 [e.g., CMRT]" == "IPC1755 (e.g., CMRT)". */
export function answerKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}%]+/gu, '');
}

/**
 * The canonical spelling of an answer among `allowed`, matching case-, space- and punctuation-insensitively.
 * Numbers that mean a percentage (1 = 100%) are mapped first. Returns null when nothing matches.
 */
export function canonicalAnswer(v: CellValue, allowed: readonly string[]): string | null {
  let text = typeof v === 'number' ? percentText(v) : cleanText(v);
  if (text === null) return null;
  if (/^\d+(\.\d+)?\s*%$/.test(text)) text = text.replace(/\s+/g, '');
  const key = answerKey(text);
  for (const a of allowed) if (answerKey(a) === key) return a;
  return null;
}

function percentText(n: number): string {
  if (n === 1) return '100%';
  if (n > 0 && n < 1) return `${Math.round(n * 1000) / 10}%`;
  return String(n);
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null; // 31-Feb etc.
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Excel serial (1900 date system) to ISO date. Serial 60 is Excel's phantom 29-Feb-1900 and is rejected. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466 || serial === 60) return null;
  const whole = Math.floor(serial);
  const days = whole > 60 ? whole - 25569 : whole - 25568; // 25569 = 1970-01-01
  const dt = new Date(days * 86400000);
  return iso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export interface ParsedDate {
  /** ISO date, or null when the value is not a real calendar date. */
  iso: string | null;
  /** True when the text could be read two ways (e.g. 03/04/2024) and we chose month/day (US, Excel's default). */
  ambiguous?: boolean;
}

/**
 * Dates as Excel serials, as Date objects, and as text: 02-May-2024, 2024-05-02, 5/2/2024, 02.05.2024,
 * 2 May 2024, May 2, 2024, 2024年5月2日.
 */
export function parseDate(v: CellValue | Date | undefined): ParsedDate {
  if (v === null || v === undefined) return { iso: null };
  if (v instanceof Date) return { iso: Number.isNaN(v.getTime()) ? null : iso(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) };
  if (typeof v === 'number') return { iso: serialToIso(v) };
  const t = cleanText(v);
  if (t === null) return { iso: null };
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(t))) return { iso: iso(+m[1]!, +m[2]!, +m[3]!) };
  if ((m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(t))) return { iso: iso(+m[1]!, +m[2]!, +m[3]!) };
  if ((m = /^(\d{1,2})[-\s./]([A-Za-z]{3,9})\.?[-\s./,]+(\d{2,4})$/.exec(t))) {
    const mon = MONTHS[m[2]!.toLowerCase().slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3)];
    return { iso: mon ? iso(year(+m[3]!), mon, +m[1]!) : null };
  }
  if ((m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t))) {
    const mon = MONTHS[m[1]!.toLowerCase().slice(0, 3)];
    return { iso: mon ? iso(+m[3]!, mon, +m[2]!) : null };
  }
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{2,4})$/.exec(t))) return { iso: iso(year(+m[3]!), +m[2]!, +m[1]!) };
  if ((m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})$/.exec(t))) {
    const a = +m[1]!, b = +m[2]!, y = year(+m[3]!);
    if (a > 12) return { iso: iso(y, b, a) };
    if (b > 12) return { iso: iso(y, a, b) };
    return { iso: iso(y, a, b), ambiguous: a !== b };
  }
  if (/^\d+(\.\d+)?$/.test(t)) return { iso: serialToIso(Number(t)) };
  return { iso: null };
}

function year(y: number): number {
  return y < 100 ? 2000 + y : y;
}

/** The CID format RMI uses: "CID" and six digits. */
export const CID_PATTERN = /^CID\d{6}$/;
