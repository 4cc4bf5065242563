/**
 * CSV reading and writing, RFC 4180 style, for text already decoded by the host.
 *
 * Reading: a leading BOM is dropped; CRLF, LF and lone CR all end a record; quoted fields may hold delimiters,
 * doubled quotes and line breaks; the delimiter (",", ";" or tab) is detected from the first records unless given.
 *
 * Writing: cells that a spreadsheet would run as a formula — text beginning with "=", "+", "-" or "@" (also after
 * leading spaces), or with a tab or carriage return — get a leading apostrophe, so that a smelter name such as
 * `=HYPERLINK(...)` from a supplier's file stays text when the CSV is opened in Excel (OWASP "CSV injection").
 */

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvParseOptions {
  /** Force a delimiter instead of detecting it. */
  delimiter?: CsvDelimiter;
}

export interface CsvParseResult {
  rows: string[][];
  delimiter: CsvDelimiter;
}

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

/** Counts each candidate delimiter outside quotes, per record, over the first few records. */
export function detectDelimiter(text: string, sampleRecords = 10): CsvDelimiter {
  const counts: Record<string, number[]> = { ',': [0], ';': [0], '\t': [0] };
  let quoted = false;
  let records = 0;
  for (let i = 0; i < text.length && records < sampleRecords; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') i++;
      else quoted = !quoted;
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      records++;
      for (const d of CANDIDATES) counts[d]!.push(0);
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) {
      const arr = counts[ch]!;
      arr[arr.length - 1]!++;
    }
  }
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const perRecord = counts[d]!.filter((_, i, arr) => i < arr.length - 1 || arr[i]! > 0);
    const used = perRecord.filter((n) => n > 0);
    if (used.length === 0) continue;
    // Prefer a delimiter present in most records with a steady count; then the larger count.
    const mode = [...used].sort((a, b) => used.filter((x) => x === b).length - used.filter((x) => x === a).length)[0]!;
    const steady = perRecord.filter((n) => n === mode).length / perRecord.length;
    const score = steady * 1000 + mode;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Parses CSV text into rows of strings. Blank lines are kept as `[""]` except at the very end. */
export function parseCsv(text: string, options: CsvParseOptions = {}): CsvParseResult {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(s);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = s.length;
  let atFieldStart = true;
  while (i < n) {
    const ch = s[i]!;
    if (atFieldStart && ch === '"') {
      // Quoted field: read to the closing quote; "" is a literal quote.
      i++;
      for (;;) {
        const close = s.indexOf('"', i);
        if (close === -1) {
          field += s.slice(i);
          i = n;
          break;
        }
        field += s.slice(i, close);
        if (s[close + 1] === '"') {
          field += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      atFieldStart = false;
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      atFieldStart = false;
      i++;
    }
  }
  if (!atFieldStart || row.length > 0 || field !== '') {
    row.push(field);
    rows.push(row);
  }
  return { rows, delimiter };
}

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
  /** Line ending, default CRLF (RFC 4180; what Excel writes). */
  eol?: '\r\n' | '\n';
  /** Prefix a UTF-8 BOM so that Excel detects the encoding (default true). */
  bom?: boolean;
}

/**
 * A text cell made safe to open in a spreadsheet: prefixed with an apostrophe when it would start a formula.
 * Numbers and booleans are written as they are (they cannot carry a formula).
 */
export function neutraliseCell(value: string): string {
  if (value === '') return value;
  const first = value.charCodeAt(0);
  if (first === 0x09 || first === 0x0d) return `'${value}`;
  const trimmed = value.replace(/^[\s\u00a0\u3000]+/, '');
  const c = trimmed[0];
  if (c === '=' || c === '+' || c === '-' || c === '@' || c === '\uff1d' || c === '\uff0b' || c === '\uff0d' || c === '\uff20') return `'${value}`;
  return value;
}

function encodeCell(cell: CsvCell, delimiter: string): string {
  let v: string;
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') v = Number.isFinite(cell) ? String(cell) : '';
  else if (typeof cell === 'boolean') v = cell ? 'TRUE' : 'FALSE';
  else v = neutraliseCell(cell);
  if (v.includes(delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r') || /^\s|\s$/.test(v)) {
    return `"${v.replace(/"/g, '""')}"`;
  }
  return v;
}

/** Writes rows as CSV text, neutralising formula-like text cells. */
export function writeCsv(rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const eol = options.eol ?? '\r\n';
  const body = rows.map((r) => r.map((c) => encodeCell(c, delimiter)).join(delimiter)).join(eol);
  return (options.bom === false ? '' : '\uFEFF') + body + (rows.length ? eol : '');
}
