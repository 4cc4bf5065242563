/**
 * The record of what marking changed, kept IN the workbook as a custom XML part, so that "Clear marks" restores the
 * original formatting after save, close and reopen - on any machine. Per marked cell: the original fill (or no
 * fill), fill pattern, font colour and bold, and the kind of mark applied (its style says whether the font was
 * changed); per note anchor: whether the add-in added the note or found the supplier's own there (left alone).
 *
 *   <marks xmlns="urn:cmrt-review:marks:v1" version="1">
 *     <sheet name="Smelter List" id="{00000000-0001-0000-0000-000000000000}">
 *       <f r="5" c="1" c2="7" fill="none" font="#000000" bold="0" kind="interest"/>
 *       <f r="5" c="8" c2="10" fill="#FFFFFF" font="#000000" bold="0" kind="interest"/>
 *       <note cell="A5" by="add-in"/>
 *     </sheet>
 *   </marks>
 *
 * Pure: no Office.js. Parsing is by regular expressions over the format written here (no DOMParser in Node).
 */
import { runsByKey } from './address';

export const MARKS_NAMESPACE = 'urn:cmrt-review:marks:v1';

/** A cell's formatting that marks may change. `null` font fields: not known (left as they are on restore). */
export interface CellFormat {
  /** `null` = no fill. */
  fill: string | null;
  /** Fill pattern when known and not plain ("Solid"); restored with ExcelApi 1.9. */
  pattern?: string;
  fontColor: string | null;
  bold: boolean | null;
}

/** A marked cell: its original format and the kind of mark on it (absent in records that did not say). */
export interface MarkedCell {
  orig: CellFormat;
  kind?: string;
}

export interface SheetRecord {
  /** Worksheet.id when it was marked: finds the sheet again after a rename. */
  id?: string;
  /** Marked cells by cell key (see cellKey). */
  cells: Map<number, MarkedCell>;
  /** Note anchors (A1) and who wrote the note there. */
  notes: Map<string, 'add-in' | 'supplier'>;
}

export type MarkRecord = Map<string, SheetRecord>;

export function cellKey(row: number, col: number): number {
  return row * 16_385 + col;
}

export function keyCell(k: number): { row: number; col: number } {
  return { row: Math.floor(k / 16_385), col: k % 16_385 };
}

export function formatKey(f: CellFormat): string {
  return `${f.fill}|${f.pattern ?? ''}|${f.fontColor}|${f.bold}`;
}

function markedKey(m: MarkedCell): string {
  return `${formatKey(m.orig)}|${m.kind ?? ''}`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function unesc(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

export function sheetRecord(record: MarkRecord, sheet: string): SheetRecord {
  let s = record.get(sheet);
  if (!s) record.set(sheet, (s = { cells: new Map(), notes: new Map() }));
  return s;
}

export function serializeRecord(record: MarkRecord): string {
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8"?>`, `<marks xmlns="${MARKS_NAMESPACE}" version="1">`];
  for (const [name, s] of record) {
    if (!s.cells.size && !s.notes.size) continue;
    out.push(`<sheet name="${esc(name)}"${s.id ? ` id="${esc(s.id)}"` : ''}>`);
    const cells = [...s.cells].sort((a, b) => a[0] - b[0]).map(([k, value]) => ({ ...keyCell(k), value }));
    for (const { run, value: { orig: f, kind } } of runsByKey(cells, markedKey)) {
      const attrs = [`r="${run.row}"`, `c="${run.c1}"`];
      if (run.c2 !== run.c1) attrs.push(`c2="${run.c2}"`);
      attrs.push(`fill="${f.fill === null ? 'none' : esc(f.fill)}"`);
      if (f.pattern && f.pattern !== 'Solid') attrs.push(`pattern="${esc(f.pattern)}"`);
      if (f.fontColor !== null) attrs.push(`font="${esc(f.fontColor)}"`);
      if (f.bold !== null) attrs.push(`bold="${f.bold ? 1 : 0}"`);
      if (kind) attrs.push(`kind="${esc(kind)}"`);
      out.push(`<f ${attrs.join(' ')}/>`);
    }
    for (const [cell, by] of [...s.notes].sort()) out.push(`<note cell="${esc(cell)}" by="${by}"/>`);
    out.push(`</sheet>`);
  }
  out.push(`</marks>`);
  return out.join('\n');
}

function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1]!] = unesc(m[2]!);
  return out;
}

/** Parses a record; unknown elements are ignored, so later versions can add to the format. */
export function parseRecord(xml: string): MarkRecord {
  const record: MarkRecord = new Map();
  for (const m of xml.matchAll(/<sheet\s([^>]*?)(\/>|>([\s\S]*?)<\/sheet>)/g)) {
    const { name, id } = attrsOf(m[1]!);
    if (name === undefined) continue;
    const s = sheetRecord(record, name);
    if (id) s.id = id;
    for (const t of (m[3] ?? '').matchAll(/<(f|note)\s([^>]*?)\/>/g)) {
      const a = attrsOf(t[2]!);
      if (t[1] === 'note') {
        if (a.cell) s.notes.set(a.cell, a.by === 'supplier' ? 'supplier' : 'add-in');
        continue;
      }
      const row = Number(a.r);
      const c1 = Number(a.c);
      const c2 = a.c2 ? Number(a.c2) : c1;
      if (!(row > 0 && c1 > 0 && c2 >= c1)) continue;
      const f: CellFormat = {
        fill: a.fill === undefined || a.fill === 'none' ? null : a.fill,
        fontColor: a.font ?? null,
        bold: a.bold === undefined ? null : a.bold === '1',
      };
      if (a.pattern) f.pattern = a.pattern;
      const m: MarkedCell = a.kind ? { orig: f, kind: a.kind } : { orig: f };
      for (let c = c1; c <= c2; c++) s.cells.set(cellKey(row, c), m);
    }
  }
  return record;
}

/**
 * Several records (left by an interrupted marking) as one: for a cell in more than one, the first record's
 * original wins - every record carries the true original forward, so they agree.
 */
export function mergeRecords(records: readonly MarkRecord[]): MarkRecord {
  const out: MarkRecord = new Map();
  for (const r of records) {
    for (const [name, s] of r) {
      const t = sheetRecord(out, name);
      if (s.id && !t.id) t.id = s.id;
      for (const [k, f] of s.cells) if (!t.cells.has(k)) t.cells.set(k, f);
      for (const [cell, by] of s.notes) if (!t.notes.has(cell)) t.notes.set(cell, by);
    }
  }
  return out;
}

/** The record keyed by the sheets' current names: a sheet renamed since is found by its id; a deleted one is dropped. */
export function resolveSheets(record: MarkRecord, sheets: readonly { name: string; id: string }[]): MarkRecord {
  const out: MarkRecord = new Map();
  for (const [name, s] of record) {
    const sheet = sheets.find((x) => x.name === name && (!s.id || x.id === s.id)) ?? sheets.find((x) => s.id !== undefined && x.id === s.id) ?? sheets.find((x) => x.name === name);
    if (sheet) out.set(sheet.name, { ...s, id: sheet.id });
  }
  return out;
}
