/**
 * Test and benchmark utility: fill copies of the real RMI templates in code, the way a supplier (and Excel)
 * would, by patching the sheet XML inside the zip. Every part that is not written to stays byte-identical
 * (after inflation); xl/calcChain.xml is dropped so that Excel and LibreOffice rebuild it silently.
 *
 * Node-only (fs/path); never shipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { colIndex, colLetters } from '../../src/core/grid';
import { compileShift, renderShift } from '../../src/xlsx/formula';
import { readXlsx } from '../../src/xlsx/read';

export interface CellWrite {
  sheet: string;
  /** A1 address. */
  cell: string;
  value: string | number | boolean | null;
  /** Keep the cell's formula and only set its cached value (what Excel stores after recalculating). */
  keepFormula?: boolean;
  /** Write this error value (e.g. "#N/A") instead of `value`: as a cached formula result with keepFormula. */
  error?: string;
}

export interface FillOptions {
  /** How literal strings are stored: inline (`t="inlineStr"`, default) or appended to the shared strings. */
  strings?: 'inline' | 'shared';
  /** Deflate level of the parts (default 6, about what Excel writes; 1 is several times faster). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

// ---------------------------------------------------------------------------------------------------------
// Templates on disk

/** Folder with the real blank RMI templates (shared/templates next to the project). */
export function templatesDir(): string {
  return path.resolve(__dirname, '../../../shared/templates');
}

/** Names of the template files available, e.g. "RMI_CMRT_6.5.xlsx". */
export function listTemplates(): string[] {
  const dir = templatesDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.toLowerCase().endsWith('.xlsx'))
    .sort();
}

/** Bytes of a template from shared/templates ("RMI_CMRT_6.5.xlsx"; the extension may be left out). */
export function readTemplateBytes(name: string): Uint8Array {
  const dir = templatesDir();
  if (!fs.existsSync(dir)) {
    throw new Error(
      `The RMI template folder ${dir} does not exist: the tests need the real blank templates in shared/templates beside the project.`,
    );
  }
  const file = path.join(dir, /\.xlsx$/i.test(name) ? name : `${name}.xlsx`);
  if (!fs.existsSync(file)) {
    throw new Error(`Template ${name} is not in ${dir} (found: ${listTemplates().join(', ') || 'nothing'}).`);
  }
  return new Uint8Array(fs.readFileSync(file));
}

// ---------------------------------------------------------------------------------------------------------
// XML helpers

function escapeXmlText(s: string): string {
  // a literal "_xHHHH_" in the text must not read as an escape: escape its underscore first
  const text = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0xfffe || c === 0xffff) {
      out += `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`; // includes CR: Excel writes _x000D_
    } else out += ch;
  }
  return out;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

function attrsOf(tag: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) m.set(a[1]!, a[2] ?? a[3] ?? '');
  return m;
}

function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${a1}`);
  return { row: Number(m[2]), col: colIndex(m[1]!) };
}

// ---------------------------------------------------------------------------------------------------------
// Package: sheet name -> part

function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const wb = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (!wb || !rels) throw new Error('fillTemplate: not an xlsx workbook (xl/workbook.xml is missing)');
  const relTargets = new Map<string, string>();
  for (const m of strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    const target = a.get('Target') ?? '';
    relTargets.set(a.get('Id') ?? '', target.startsWith('/') ? target.slice(1) : path.posix.join('xl', target));
  }
  const out = new Map<string, string>();
  for (const m of strFromU8(wb).matchAll(/<sheet\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    const target = relTargets.get(a.get('r:id') ?? '');
    if (target) out.set(decodeXml(a.get('name') ?? ''), target);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Shared strings (only when options.strings === 'shared')

class SharedStringTable {
  private readonly added: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly baseCount: number) {}
  static from(files: Record<string, Uint8Array>): SharedStringTable | null {
    const sst = files['xl/sharedStrings.xml'];
    if (!sst) return null;
    const xml = strFromU8(sst);
    let n = 0;
    for (let i = xml.indexOf('<si'); i >= 0; i = xml.indexOf('<si', i + 3)) {
      const c = xml[i + 3];
      if (c === '>' || c === ' ' || c === '/') n++;
    }
    return new SharedStringTable(n);
  }
  add(s: string): number {
    const hit = this.index.get(s);
    if (hit !== undefined) return hit;
    const k = this.baseCount + this.added.length;
    this.added.push(s);
    this.index.set(s, k);
    return k;
  }
  write(files: Record<string, Uint8Array>): void {
    if (this.added.length === 0) return;
    let xml = strFromU8(files['xl/sharedStrings.xml']!);
    const items = this.added.map((s) => `<si><t xml:space="preserve">${escapeXmlText(s)}</t></si>`).join('');
    xml = xml.replace(/<\/sst>\s*$/, `${items}</sst>`);
    xml = xml.replace(/<sst\b[^>]*>/, (tag) =>
      tag
        .replace(/\bcount="(\d+)"/, (_, c: string) => `count="${Number(c) + this.added.length}"`)
        .replace(/\buniqueCount="(\d+)"/, () => `uniqueCount="${this.baseCount + this.added.length}"`),
    );
    files['xl/sharedStrings.xml'] = strToU8(xml);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Sheet patching

interface CellTok {
  col: number;
  xml: string;
}

interface RowTok {
  r: number;
  /** Start tag text, e.g. '<row r="6" spans="1:34" ht="20">' (never self-closed here). */
  open: string;
  cells: CellTok[];
  /** Original text, reused verbatim when the row is not touched. */
  original: string;
}

const CELL_RE = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

function parseRowCells(inner: string, rowNum: number): CellTok[] {
  const cells: CellTok[] = [];
  let prev = 0;
  for (const m of inner.matchAll(CELL_RE)) {
    const tag = /^<c\b[^>]*?\/?>/.exec(m[0])![0];
    const r = attrsOf(tag).get('r');
    const col = r ? parseA1(r).col : prev + 1;
    if (r && parseA1(r).row !== rowNum) throw new Error(`fillTemplate: cell ${r} found in row ${rowNum}`);
    cells.push({ col, xml: m[0] });
    prev = col;
  }
  return cells;
}

interface FormulaInfo {
  /** Full `<f ...>...</f>` or `<f .../>` element. */
  element: string;
  attrs: Map<string, string>;
  text: string;
}

function formulaOf(cellXml: string): FormulaInfo | null {
  const m = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(cellXml);
  if (!m) return null;
  return { element: m[0], attrs: attrsOf(m[1] ?? ''), text: decodeXml(m[2] ?? '') };
}

function cellStartTag(cellXml: string): Map<string, string> {
  return attrsOf(/^<c\b[^>]*?\/?>/.exec(cellXml)![0]);
}

function buildCell(
  ref: string,
  old: string | null,
  w: CellWrite,
  sst: SharedStringTable | null,
  where: string,
): string {
  const oldAttrs = old ? cellStartTag(old) : new Map<string, string>();
  const f = old ? formulaOf(old) : null;
  let attrs = `r="${ref}"`;
  const s = oldAttrs.get('s');
  if (s !== undefined) attrs += ` s="${s}"`;
  let body = '';
  if (w.keepFormula) {
    if (!f) throw new Error(`fillTemplate: keepFormula was asked for ${where}, which has no formula`);
    const cm = oldAttrs.get('cm');
    if (cm !== undefined) attrs += ` cm="${cm}"`;
    body = f.element;
  }
  let type = '';
  let v: string | null = null;
  if (w.error !== undefined) {
    type = 'e';
    v = escapeXmlText(w.error);
  } else if (typeof w.value === 'string') {
    if (w.keepFormula) {
      type = 'str';
      v = escapeXmlText(w.value);
    } else if (sst) {
      type = 's';
      v = String(sst.add(w.value));
    } else {
      return `<c ${attrs} t="inlineStr"><is><t xml:space="preserve">${escapeXmlText(w.value)}</t></is></c>`;
    }
  } else if (typeof w.value === 'number') {
    if (!Number.isFinite(w.value)) throw new Error(`fillTemplate: ${where}: ${w.value} is not a finite number`);
    v = String(w.value);
  } else if (typeof w.value === 'boolean') {
    type = 'b';
    v = w.value ? '1' : '0';
  }
  if (type) attrs += ` t="${type}"`;
  if (v !== null) body += `<v>${v}</v>`;
  return body ? `<c ${attrs}>${body}</c>` : `<c ${attrs}/>`;
}

/** Replaces `<f t="shared" si=".."/>` children of orphaned masters with the formula they stood for. */
function expandChild(
  cellXml: string,
  rowNum: number,
  col: number,
  orphans: Map<string, { template: ReturnType<typeof compileShift>; row: number; col: number }>,
): string {
  const f = formulaOf(cellXml);
  if (!f || f.attrs.get('t') !== 'shared') return cellXml;
  const m = orphans.get(f.attrs.get('si') ?? '');
  if (!m || f.text !== '') return cellXml;
  const text = renderShift(m.template, rowNum - m.row, col - m.col);
  const keep = [...f.attrs].filter(([k]) => k !== 't' && k !== 'si' && k !== 'ref');
  const attrText = keep.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  return cellXml.replace(f.element, `<f${attrText}>${escapeXmlText(text)}</f>`);
}

function patchSheet(xml: string, sheetName: string, writes: CellWrite[], sst: SharedStringTable | null): string {
  const sdOpen = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!sdOpen) throw new Error(`fillTemplate: sheet ${sheetName} has no sheetData`);
  const selfClosed = sdOpen[1] === '/';
  const contentStart = sdOpen.index + sdOpen[0].length;
  const contentEnd = selfClosed ? contentStart : xml.indexOf('</sheetData>', contentStart);
  const content = xml.slice(contentStart, contentEnd);

  // rows
  const rows: RowTok[] = [];
  const rowRe = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
  let lastRow = 0;
  for (const m of content.matchAll(rowRe)) {
    const open = /^<row\b[^>]*?\/?>/.exec(m[0])![0];
    const rAttr = attrsOf(open).get('r');
    const r = rAttr ? Number(rAttr) : lastRow + 1;
    lastRow = r;
    const selfClosing = open.endsWith('/>');
    rows.push({
      r,
      open: selfClosing ? open.slice(0, -2).trimEnd() + '>' : open,
      cells: [],
      original: m[0],
    });
  }
  const rowIndex = new Map(rows.map((r, i) => [r.r, i]));
  const parsed = new Set<number>();
  const cellsOf = (row: RowTok): CellTok[] => {
    if (!parsed.has(row.r)) {
      const inner = row.original.endsWith('/>') ? '' : row.original.slice(row.original.indexOf('>') + 1, -'</row>'.length);
      row.cells = parseRowCells(inner, row.r);
      parsed.add(row.r);
    }
    return row.cells;
  };

  // group writes by row; a later write to the same cell wins
  const byRow = new Map<number, Map<number, CellWrite>>();
  let maxRow = 0;
  let maxCol = 0;
  for (const w of writes) {
    const { row, col } = parseA1(w.cell);
    let m = byRow.get(row);
    if (!m) byRow.set(row, (m = new Map()));
    m.set(col, w);
    maxRow = Math.max(maxRow, row);
    maxCol = Math.max(maxCol, col);
  }

  // shared-formula masters overwritten by literals: their children must get the formula spelled out
  const orphans = new Map<string, { template: ReturnType<typeof compileShift>; row: number; col: number }>();
  for (const [r, colMap] of byRow) {
    const k = rowIndex.get(r);
    if (k === undefined) continue;
    for (const cell of cellsOf(rows[k]!)) {
      const w = colMap.get(cell.col);
      if (!w || w.keepFormula) continue;
      const f = formulaOf(cell.xml);
      if (f && f.attrs.get('t') === 'shared' && f.attrs.has('ref') && f.text !== '') {
        orphans.set(f.attrs.get('si') ?? '', { template: compileShift(f.text), row: r, col: cell.col });
      }
    }
  }

  const touched = new Set<number>(byRow.keys());
  if (orphans.size > 0) {
    const siRe = new RegExp(`<f\\b[^>]*\\bsi="(?:${[...orphans.keys()].map((s) => s.replace(/\W/g, '')).join('|')})"`);
    for (const row of rows) if (siRe.test(row.original)) touched.add(row.r);
  }

  const renderRow = (row: RowTok): string => {
    const colMap = byRow.get(row.r);
    const cells = cellsOf(row).slice();
    const out: string[] = [];
    const existing = new Map(cells.map((c) => [c.col, c]));
    const cols = new Set<number>(existing.keys());
    if (colMap) for (const c of colMap.keys()) cols.add(c);
    for (const col of [...cols].sort((a, b) => a - b)) {
      const w = colMap?.get(col);
      const old = existing.get(col);
      const ref = colLetters(col) + String(row.r);
      const oldXml = old ? (orphans.size > 0 ? expandChild(old.xml, row.r, col, orphans) : old.xml) : null;
      out.push(w ? buildCell(ref, oldXml, w, sst, `${sheetName}!${ref}`) : oldXml!);
    }
    const open = colMap ? row.open.replace(/\sspans="[^"]*"/, '') : row.open;
    return `${open}${out.join('')}</row>`;
  };

  const pieces: string[] = [];
  const newRows = [...byRow.keys()].filter((r) => !rowIndex.has(r)).sort((a, b) => a - b);
  let ni = 0;
  for (const row of rows) {
    while (ni < newRows.length && newRows[ni]! < row.r) {
      const r = newRows[ni++]!;
      pieces.push(renderRow({ r, open: `<row r="${r}">`, cells: [], original: `<row r="${r}"/>` }));
    }
    pieces.push(touched.has(row.r) ? renderRow(row) : row.original);
  }
  while (ni < newRows.length) {
    const r = newRows[ni++]!;
    pieces.push(renderRow({ r, open: `<row r="${r}">`, cells: [], original: `<row r="${r}"/>` }));
  }
  // keep any whitespace/comments between rows out: SpreadsheetML sheetData holds only rows
  const newContent = pieces.join('');
  const head = selfClosed ? xml.slice(0, sdOpen.index) + sdOpen[0].replace(/\s*\/>$/, '>') : xml.slice(0, contentStart);
  const tail = selfClosed ? '</sheetData>' + xml.slice(contentStart) : xml.slice(contentEnd);
  let out = head + newContent + tail;

  // grow <dimension> when writing outside it
  out = out.replace(/<dimension\b[^>]*\bref="([^"]*)"/, (whole, ref: string) => {
    const [a, b] = ref.split(':');
    const end = parseA1(b ?? a!);
    const r = Math.max(end.row, maxRow);
    const c = Math.max(end.col, maxCol);
    if (r === end.row && c === end.col) return whole;
    return whole.replace(ref, `${a}:${colLetters(c)}${r}`);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Entry points

/** Deflate level per part: already-compressed media are stored as they are. */
function zippable(files: Record<string, Uint8Array>, level: NonNullable<FillOptions['level']>): Zippable {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    z[name] = /\.(png|jpe?g|gif|emf|wmf|bin)$/i.test(name) ? [data, { level: 0 }] : [data, { level }];
  }
  return z;
}

function dropCalcChain(files: Record<string, Uint8Array>): void {
  const name = Object.keys(files).find((n) => n.toLowerCase() === 'xl/calcchain.xml');
  if (!name) return;
  delete files[name];
  const relsName = 'xl/_rels/workbook.xml.rels';
  const rels = files[relsName];
  if (rels) {
    files[relsName] = strToU8(strFromU8(rels).replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/gi, ''));
  }
  const ct = files['[Content_Types].xml'];
  if (ct) files['[Content_Types].xml'] = strToU8(strFromU8(ct).replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/gi, ''));
}

/**
 * A copy of `input` (an .xlsx) with `writes` applied. Literal writes replace the cell (formula included,
 * style kept); `keepFormula` writes only set the cached result; missing rows and cells are created in order.
 */
export function fillTemplate(input: Uint8Array, writes: CellWrite[], options: FillOptions = {}): Uint8Array {
  const files = unzipSync(input);
  const parts = sheetParts(files);
  const sst = options.strings === 'shared' ? SharedStringTable.from(files) : null;
  if (options.strings === 'shared' && !sst) throw new Error('fillTemplate: the workbook has no shared string table');
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    if (w.error !== undefined && !/^#/.test(w.error)) throw new Error(`fillTemplate: ${w.error} is not an error value`);
    let list = bySheet.get(w.sheet);
    if (!list) bySheet.set(w.sheet, (list = []));
    list.push(w);
  }
  for (const [sheet, list] of bySheet) {
    const part = parts.get(sheet);
    if (!part || !files[part]) throw new Error(`fillTemplate: no sheet named "${sheet}" (sheets: ${[...parts.keys()].join(', ')})`);
    files[part] = strToU8(patchSheet(strFromU8(files[part]), sheet, list, sst));
  }
  sst?.write(files);
  dropCalcChain(files);
  return zipSync(zippable(files, options.level ?? 6));
}

// ---------------------------------------------------------------------------------------------------------
// A full Smelter List

export interface SmelterListOptions {
  /** The template to fill (its own Smelter Look-up rows are used). */
  template: Uint8Array;
  /** How many smelter rows to fill, from `startRow` down. */
  rows: number;
  /** First data row of the Smelter List (5 in every template). */
  startRow?: number;
  sheet?: string;
  lookupSheet?: string;
}

export interface SmelterRowInfo {
  row: number;
  metal: string;
  lookupName: string;
  smelterId: string;
  lookupRow: number;
}

const NOT_LISTED = /^smelter not (listed|yet identified)$/i;

/**
 * Writes for `rows` smelter rows, as a supplier fills them with option B of the template (metal in B and a
 * look-up name in C, both typed over the template's formulas), with the cached results of the row's formulas
 * that Excel would compute: columns fed by OFFSET('Smelter Look-up'!X$4, row-4) get the look-up row's value,
 * the MATCH helper column gets the look-up row number, the country-code column the code from the hidden 'C'
 * sheet and the B&C key column the concatenation. Other formula columns keep the template's cached value.
 * Look-up rows are taken from the template's own Smelter Look-up sheet, cycled.
 */
export function fullSmelterListWrites(opts: SmelterListOptions): CellWrite[] {
  return smelterListPlan(opts).writes;
}

/** Same as `fullSmelterListWrites`, with what each filled row is expected to hold. */
export function smelterListPlan(opts: SmelterListOptions): { writes: CellWrite[]; rows: SmelterRowInfo[] } {
  const sheet = opts.sheet ?? 'Smelter List';
  const lookupSheet = opts.lookupSheet ?? 'Smelter Look-up';
  const start = opts.startRow ?? 5;
  const wb = readXlsx(opts.template, { sheets: [sheet, lookupSheet, 'C'], formulas: true });
  const list = wb.sheets.find((s) => s.name === sheet);
  const lookup = wb.sheets.find((s) => s.name === lookupSheet);
  if (!list) throw new Error(`fullSmelterListWrites: the template has no "${sheet}" sheet`);
  if (!lookup) throw new Error(`fullSmelterListWrites: the template has no "${lookupSheet}" sheet (sheets: ${wb.sheetNames.join(', ')})`);

  const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
  const candidates: number[] = []; // 0-based look-up rows
  for (let r = 4; r < lookup.values.length; r++) {
    const row = lookup.values[r] ?? [];
    const metal = str(row[0]).trim();
    const name = str(row[1]).trim();
    const id = str(row[4]).trim();
    if (metal && name && id && !NOT_LISTED.test(name)) candidates.push(r);
  }
  if (candidates.length === 0) throw new Error('fullSmelterListWrites: no usable rows in the Smelter Look-up sheet');

  // the hidden 'C' sheet: country code (A) by country name (B), what CL = 'C'!$B$2:$B$250 indexes
  const countryCode = new Map<string, string>();
  for (const row of wb.sheets.find((s) => s.name === 'C')?.values ?? []) {
    if (typeof row[1] === 'string' && row[0] !== null && row[0] !== undefined) countryCode.set(row[1], str(row[0]));
  }

  const writes: CellWrite[] = [];
  const info: SmelterRowInfo[] = [];
  const offsetRe = /OFFSET\('?Smelter Look-up'?!\$([A-Z]+)\$4,\$[A-Z]+\d+-4,0\)/;
  for (let i = 0; i < opts.rows; i++) {
    const r = start + i; // 1-based sheet row
    const lr = candidates[i % candidates.length]!;
    const lrow = lookup.values[lr] ?? [];
    const metal = str(lrow[0]);
    const name = str(lrow[1]);
    writes.push({ sheet, cell: `B${r}`, value: metal }, { sheet, cell: `C${r}`, value: name });
    const frow = list.formulas?.[r - 1] ?? [];
    for (let c = 0; c < frow.length; c++) {
      const f = frow[c];
      if (typeof f !== 'string' || c === 1 || c === 2) continue;
      const cell = `${colLetters(c + 1)}${r}`;
      const off = offsetRe.exec(f);
      if (f.includes(`MATCH($B${r}&$C${r},`)) {
        writes.push({ sheet, cell, value: lr + 1, keepFormula: true });
      } else if (off) {
        writes.push({ sheet, cell, value: str(lrow[colIndex(off[1]!) - 1]), keepFormula: true });
      } else if (f === `=B${r}&C${r}`) {
        writes.push({ sheet, cell, value: metal + name, keepFormula: true });
      } else if (f.includes(`MATCH($E${r},CL,0)`) && f.includes('Unknown')) {
        // the country code of the smelter's country (E is fed by OFFSET column D of the look-up)
        const country = str(lrow[3]);
        writes.push({ sheet, cell, value: countryCode.get(country) ?? 'Unknown', keepFormula: true });
      }
    }
    info.push({ row: r, metal, lookupName: name, smelterId: str(lrow[4]), lookupRow: lr + 1 });
  }
  return { writes, rows: info };
}
