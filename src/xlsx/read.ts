/**
 * A fast, browser-safe reader for .xlsx workbooks that produces the core's `WorkbookGrid`.
 *
 * It inflates only the parts it needs (workbook, its relationships, shared strings and the requested sheets)
 * and scans sheet XML with indexOf/charCodeAt instead of building a DOM. Pure TypeScript + fflate.
 *
 * Values are what Excel shows a host: numbers (dates stay serial numbers), strings (shared, inline or the
 * cached text of a formula), booleans, and errors as their text ("#N/A"). A formula whose cached result is ""
 * reads as ''; a cell without a value reads as null (grids are ragged and trailing empty cells are left out).
 * With `formulas: true`, `formulas[r][c]` is "=" + the formula text; shared formulas are spelled out for every
 * cell (references moved as Excel does), array formulas keep their text, data-table cells have none.
 *
 * Speed: sheet parts are decoded one byte per character (so indexes are byte offsets and no UTF-8 decoding of
 * the whole part is needed; slices with non-ASCII bytes are decoded on their own), shared strings are decoded on
 * first use, and a sheet's formula texts are built in one byte buffer and turned into strings in one call.
 */
import { unzipSync } from 'fflate';
import type { CellValue, SheetGrid, WorkbookGrid } from '../core/grid';
import { compileShift, renderShift, type ShiftTemplate } from './formula';
import {
  attrLocal,
  bytesToSrc,
  bytesToString,
  collectTextRuns,
  decodeEntities,
  decodeText,
  findTag,
  isNameEnd,
  parseAttrs,
  rootPrefix,
  sliceText,
  tagEnd,
  textAt,
  FormulaBatch,
  type Src,
} from './xml';

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface XlsxDataValidation {
  /** Space-separated ranges the rule applies to, as stored ("D26:E29 D32:E35"). */
  sqref: string;
  /** "list", "whole", "decimal", "date", "textLength", "custom", ... ("none" when the rule has no type). */
  type: string;
  /** The first formula (list source, bound, ...) without "=", or null. */
  formula1: string | null;
}

export interface XlsxSheet extends SheetGrid {
  visibility: SheetVisibility;
  protection: { protected: boolean; passwordProtected: boolean };
  dataValidations: XlsxDataValidation[];
  /** The `<dimension ref>` the writer stored (e.g. "A1:AH2504"), or null. */
  dimensionRef: string | null;
}

export interface XlsxDefinedName {
  name: string;
  /** Sheet the name is local to (from `localSheetId`), absent for workbook-level names. */
  localSheet?: string;
  /** The name's formula text as stored, without "=" (e.g. "'Smelter List'!$B$5:$B$2504"). */
  ref: string;
}

export interface XlsxWorkbook extends WorkbookGrid {
  /** The sheets that were read, in workbook order. */
  sheets: XlsxSheet[];
  /** Every sheet name in workbook order, including sheets that were not read. */
  sheetNames: string[];
  /** Visibility of every sheet, read or not. */
  sheetVisibility: Record<string, SheetVisibility>;
  definedNames: XlsxDefinedName[];
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
}

export interface ReadXlsxOptions {
  /** Sheets to read, by name (case-insensitive, trimmed) or predicate. Default: all. Unknown names are ignored. */
  sheets?: string[] | ((name: string) => boolean);
  /** Also return formulas (`"=" + text`, shared formulas expanded). Default false. */
  formulas?: boolean;
}

export type XlsxErrorCode = 'not-zip' | 'encrypted' | 'corrupt' | 'not-xlsx' | 'missing-sheet';

export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  constructor(code: XlsxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'XlsxError';
    this.code = code;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Zip access

type Parts = Record<string, Uint8Array>;

function unzipSome(data: Uint8Array, want: (lowerName: string) => boolean, seen?: string[]): Parts {
  try {
    return unzipSync(data, {
      filter: (f) => {
        if (seen) seen.push(f.name);
        return want(f.name.toLowerCase());
      },
    });
  } catch (e) {
    throw new XlsxError(
      'corrupt',
      'The file is damaged or incomplete: its zip archive cannot be read. Ask for a fresh copy of the file.',
      { cause: e },
    );
  }
}

function getPart(parts: Parts, name: string): Uint8Array | undefined {
  const exact = parts[name];
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const k of Object.keys(parts)) if (k.toLowerCase() === lower) return parts[k];
  return undefined;
}

function checkSignature(data: Uint8Array): void {
  if (data.length >= 8 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    throw new XlsxError(
      'encrypted',
      'This file is password-encrypted or is an old Excel 97-2003 (.xls) workbook; open it in Excel, remove the password if any, and save it as an .xlsx workbook.',
    );
  }
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) {
    throw new XlsxError('not-zip', 'This file is not an Excel workbook (.xlsx); it is not even a zip archive.');
  }
  if (data.length < 22) {
    throw new XlsxError(
      'corrupt',
      'The file is damaged or incomplete: its zip archive cannot be read. Ask for a fresh copy of the file.',
    );
  }
}

function notXlsx(names: string[]): XlsxError {
  const lower = names.map((n) => n.toLowerCase());
  const has = (p: string) => lower.some((n) => n.startsWith(p));
  let what = 'a zip archive without an Excel workbook inside';
  if (lower.includes('xl/workbook.bin')) {
    return new XlsxError(
      'not-xlsx',
      'This is a binary Excel workbook (.xlsb), which is not supported; save it from Excel as an .xlsx workbook.',
    );
  }
  if (has('word/')) what = 'a Word document';
  else if (has('ppt/')) what = 'a PowerPoint presentation';
  else if (lower.includes('mimetype') && lower.includes('content.xml')) what = 'an OpenDocument file';
  return new XlsxError('not-xlsx', `This file is ${what}, not an Excel workbook (.xlsx).`);
}

// ---------------------------------------------------------------------------------------------------------
// Package structure: relationships, workbook

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function parseRels(xml: string): Rel[] {
  const pre = rootPrefix(xml);
  const rels: Rel[] = [];
  let i = 0;
  for (;;) {
    const lt = findTag(xml, pre + 'Relationship', i);
    if (lt < 0) break;
    const gt = tagEnd(xml, lt);
    const a = parseAttrs(xml.slice(lt + pre.length + 13, gt));
    rels.push({
      id: a.Id ?? '',
      type: a.Type ?? '',
      target: a.Target ?? '',
      external: (a.TargetMode ?? '').toLowerCase() === 'external',
    });
    i = gt;
  }
  return rels;
}

function dirOf(path: string): string {
  const k = path.lastIndexOf('/');
  return k < 0 ? '' : path.slice(0, k + 1);
}

function relsPathOf(part: string): string {
  return dirOf(part) + '_rels/' + part.slice(dirOf(part).length) + '.rels';
}

function resolveTarget(baseDir: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  const segs: string[] = [];
  if (t.startsWith('/')) t = t.slice(1);
  else segs.push(...baseDir.split('/').filter(Boolean));
  for (const s of t.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segs.pop();
    else segs.push(s);
  }
  return segs.join('/');
}

interface SheetEntry {
  name: string;
  visibility: SheetVisibility;
  relId: string;
}

interface WorkbookInfo {
  sheets: SheetEntry[];
  definedNames: { name: string; localSheetId: number | null; ref: string }[];
  date1904: boolean;
}

function parseWorkbook(xml: string): WorkbookInfo {
  const pre = rootPrefix(xml);
  const sheets: SheetEntry[] = [];
  const sheetsStart = findTag(xml, pre + 'sheets', 0);
  let i = sheetsStart < 0 ? 0 : sheetsStart;
  for (;;) {
    const lt = findTag(xml, pre + 'sheet', i);
    if (lt < 0) break;
    const gt = tagEnd(xml, lt);
    const a = parseAttrs(xml.slice(lt + pre.length + 6, gt));
    const state = a.state;
    sheets.push({
      name: a.name ?? '',
      visibility: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
      relId: attrLocal(a, 'id', true) ?? '',
    });
    i = gt;
  }
  const definedNames: WorkbookInfo['definedNames'] = [];
  i = 0;
  const dnTag = pre + 'definedName';
  const dnClose = '</' + pre + 'definedName>';
  for (;;) {
    const lt = findTag(xml, dnTag, i);
    if (lt < 0) break;
    const gt = tagEnd(xml, lt);
    const a = parseAttrs(xml.slice(lt + dnTag.length + 1, gt));
    let ref = '';
    if (xml.charCodeAt(gt - 2) !== 47) {
      const close = xml.indexOf(dnClose, gt);
      ref = decodeText(xml.slice(gt, close < 0 ? gt : close));
      i = close < 0 ? gt : close + dnClose.length;
    } else i = gt;
    const local = a.localSheetId;
    definedNames.push({ name: a.name ?? '', localSheetId: local !== undefined ? Number(local) : null, ref });
  }
  let date1904 = false;
  const wp = findTag(xml, pre + 'workbookPr', 0);
  if (wp >= 0) {
    const a = parseAttrs(xml.slice(wp + pre.length + 11, tagEnd(xml, wp)));
    date1904 = a.date1904 === '1' || a.date1904 === 'true';
  }
  return { sheets, definedNames, date1904 };
}

// ---------------------------------------------------------------------------------------------------------
// Shared strings: located eagerly (one indexOf per item), decoded lazily on first use

class SharedStrings {
  private readonly starts: number[] = [];
  private readonly cache: (string | undefined)[] = [];
  private readonly close: string;
  private readonly tOpen: string;
  private readonly tClose: string;
  constructor(
    private readonly src: Src,
    private readonly pre: string,
  ) {
    const xml = src.xml;
    this.close = '</' + pre + 'si>';
    this.tOpen = '<' + pre + 't';
    this.tClose = '</' + pre + 't>';
    const open = '<' + pre + 'si';
    const olen = open.length;
    let i = xml.indexOf(open);
    while (i >= 0) {
      const c = xml.charCodeAt(i + olen);
      if (c === 62 /* > */) {
        this.starts.push(i + olen + 1);
      } else if (isNameEnd(c)) {
        const gt = tagEnd(xml, i);
        this.starts.push(xml.charCodeAt(gt - 2) === 47 ? -1 : gt);
      } else {
        i = xml.indexOf(open, i + 1);
        continue;
      }
      i = xml.indexOf(open, i + olen);
    }
  }
  get size(): number {
    return this.starts.length;
  }
  get(index: number): string | null {
    const hit = this.cache[index];
    if (hit !== undefined) return hit;
    const start = this.starts[index];
    if (start === undefined) return null;
    let s = '';
    if (start >= 0) {
      const xml = this.src.xml;
      let end = xml.indexOf(this.close, start);
      if (end < 0) end = xml.length;
      const tOpen = this.tOpen;
      const tClose = this.tClose;
      const textEnd = end - tClose.length;
      // Common case: exactly one <t> element and nothing else.
      if (xml.startsWith(tOpen, start) && isNameEnd(xml.charCodeAt(start + tOpen.length)) && xml.startsWith(tClose, textEnd)) {
        const gt = tagEnd(xml, start);
        const inner = xml.indexOf('<', gt);
        s =
          xml.charCodeAt(gt - 2) !== 47 && inner === textEnd
            ? decodeText(sliceText(this.src, gt, textEnd))
            : decodeText(collectTextRuns(this.src, start, end, this.pre));
      } else {
        s = decodeText(collectTextRuns(this.src, start, end, this.pre));
      }
    }
    this.cache[index] = s;
    return s;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Worksheet scanner

const T_NUM = 0;
const T_SST = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERR = 5;
const T_DATE = 6;

interface SheetResult {
  values: CellValue[][];
  formulas: (string | null)[][] | null;
  dimensionRef: string | null;
  protection: { protected: boolean; passwordProtected: boolean };
  dataValidations: XlsxDataValidation[];
}

function excelSerialFromIso(iso: string, date1904: boolean): number | string {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !/T/.test(iso) ? iso : iso + 'Z');
  if (Number.isNaN(ms)) return iso;
  const serial = ms / 86400000 + 25569;
  return date1904 ? serial - 1462 : serial;
}

function setAt<T>(rows: (T | null)[][], r: number, c: number, v: T): void {
  let row = rows[r];
  if (row === undefined) {
    while (rows.length <= r) rows.push([]);
    row = rows[r]!;
  }
  let n = row.length;
  if (c === n) {
    row.push(v);
    return;
  }
  if (c < n) {
    row[c] = v;
    return;
  }
  for (; n < c; n++) row.push(null);
  row.push(v);
}

/**
 * Start of the value of attribute `name` (1-3 ASCII letters given as char codes) in the tag `xml[from, to)`,
 * i.e. the index just after the opening quote, or -1. Scans only the tag.
 */
function attrValueStart(xml: string, from: number, to: number, c1: number, c2 = -1): number {
  const len = c2 < 0 ? 1 : 2;
  for (let j = from; j < to; j++) {
    const w = xml.charCodeAt(j);
    if (w !== 32 && w !== 9 && w !== 10 && w !== 13) continue;
    if (xml.charCodeAt(j + 1) !== c1) continue;
    if (len === 2 && xml.charCodeAt(j + 2) !== c2) continue;
    let k = j + 1 + len;
    while (xml.charCodeAt(k) === 32) k++;
    if (xml.charCodeAt(k) !== 61 /* = */) continue;
    k++;
    while (xml.charCodeAt(k) === 32) k++;
    const q = xml.charCodeAt(k);
    if (q === 34 || q === 39) return k + 1;
  }
  return -1;
}

/** Decimal number in `xml[a, b)`: a fast path for plain integers, otherwise Number(). NaN when not numeric. */
function parseNumber(xml: string, a: number, b: number): number {
  let neg = false;
  let j = a;
  if (xml.charCodeAt(j) === 45) {
    neg = true;
    j++;
  }
  if (j < b && b - j <= 15) {
    let n = 0;
    for (; j < b; j++) {
      const d = xml.charCodeAt(j) - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (j === b) return neg ? -n : n;
  }
  const raw = xml.substring(a, b).trim();
  return raw === '' ? NaN : +raw;
}

interface SharedMaster {
  /** Compiled on first use: many masters have no children in the sheet. */
  template: ShiftTemplate | null;
  /** The master's formula without "=", once known (batched formulas are materialised at the end). */
  text: string | null;
  row: number;
  col: number;
}

function parseSheet(bytes: Uint8Array, sst: SharedStrings | null, wantFormulas: boolean, date1904: boolean): SheetResult {
  const src = bytesToSrc(bytes);
  const xml = src.xml;
  const pre = rootPrefix(xml);
  const plen = pre.length;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] | null = wantFormulas ? [] : null;

  const sd = findTag(xml, pre + 'sheetData', 0);
  let dimensionRef: string | null = null;
  // search only the part before <sheetData> (indexOf would otherwise scan every row when there is none)
  const head = sd < 0 ? xml : xml.slice(0, sd);
  const dim = findTag(head, pre + 'dimension', 0);
  if (dim >= 0) dimensionRef = parseAttrs(head.slice(dim + plen + 10, tagEnd(head, dim))).ref ?? null;

  let tailStart = sd < 0 ? 0 : tagEnd(xml, sd);
  if (sd >= 0 && xml.charCodeAt(tailStart - 2) !== 47) {
    const closeTag = '</' + pre + 'sheetData>';
    let close = xml.lastIndexOf(closeTag); // near the end: cheaper than searching forward through the rows
    if (close < tailStart) close = -1;
    const contentEnd = close < 0 ? xml.length : close;

    const isClose = '</' + pre + 'is>';
    const masters = new Map<string, SharedMaster>();
    const pending: { si: string; row: number; col: number }[] = [];
    const batch = new FormulaBatch(formulas !== null ? contentEnd - tailStart : 0);

    let pos = tailStart;
    let rowNum = 0; // 1-based current row
    let colCursor = 0; // 1-based last column seen in this row
    while (pos < contentEnd) {
      const lt = xml.charCodeAt(pos) === 60 ? pos : xml.indexOf('<', pos);
      if (lt < 0 || lt >= contentEnd) break;
      let ns = lt + 1;
      if (plen > 0) {
        if (!xml.startsWith(pre, ns)) {
          pos = ns;
          continue;
        }
        ns += plen;
      }
      const c0 = xml.charCodeAt(ns);
      if (c0 === 99 /* c */ && isNameEnd(xml.charCodeAt(ns + 1))) {
        // ---- cell start tag: read r="A1" and t="..", up to the closing '>'
        let col = 0;
        let row = 0;
        let type = T_NUM;
        let gt = ns + 1;
        // Fast path for the usual shape, `<c r="E92" s="148" t="str">`: r first, then one-letter attributes.
        // Anything else falls through to the general loop below, from where this one stopped.
        if (xml.charCodeAt(gt) === 32 && xml.charCodeAt(gt + 1) === 114 && xml.charCodeAt(gt + 2) === 61 && xml.charCodeAt(gt + 3) === 34) {
          let k = gt + 4;
          let cc = xml.charCodeAt(k);
          while (cc >= 65 && cc <= 90) {
            col = col * 26 + (cc - 64);
            cc = xml.charCodeAt(++k);
          }
          while (cc >= 48 && cc <= 57) {
            row = row * 10 + (cc - 48);
            cc = xml.charCodeAt(++k);
          }
          if (cc === 34 && col > 0 && row > 0) {
            gt = k + 1;
            // one-letter attributes: ` s="148"`, ` t="str"`
            while (xml.charCodeAt(gt) === 32 && xml.charCodeAt(gt + 2) === 61 && xml.charCodeAt(gt + 3) === 34) {
              const an = xml.charCodeAt(gt + 1);
              let e = gt + 4;
              if (an === 116 /* t */) {
                const t0 = xml.charCodeAt(e);
                if (t0 === 115 /* s */) type = xml.charCodeAt(e + 1) === 116 ? T_STR : T_SST;
                else if (t0 === 105 /* i */) type = T_INLINE;
                else if (t0 === 98 /* b */) type = T_BOOL;
                else if (t0 === 101 /* e */) type = T_ERR;
                else if (t0 === 100 /* d */) type = T_DATE;
              }
              while (e < contentEnd && xml.charCodeAt(e) !== 34) e++;
              gt = e + 1;
            }
          } else {
            col = 0;
            row = 0;
          }
        }
        for (;;) {
          const w = xml.charCodeAt(gt);
          if (w === 62 /* > */) break;
          if (w !== w) {
            gt = -1; // NaN: end of text
            break;
          }
          gt++;
          if (w !== 32 && w !== 9 && w !== 10 && w !== 13) {
            if (w === 34 || w === 39) {
              // skip any other quoted attribute value (short: s="148", cm="1")
              let e = gt;
              while (e < contentEnd && xml.charCodeAt(e) !== w) e++;
              if (e >= contentEnd) {
                gt = -1;
                break;
              }
              gt = e + 1;
            }
            continue;
          }
          const an = xml.charCodeAt(gt);
          if ((an !== 114 && an !== 116) || xml.charCodeAt(gt + 1) !== 61) continue;
          const qc = xml.charCodeAt(gt + 2);
          if (qc !== 34 && qc !== 39) continue;
          let k = gt + 3;
          if (an === 114 /* r */) {
            let cc = xml.charCodeAt(k);
            if (cc === 36) cc = xml.charCodeAt(++k);
            while ((cc >= 65 && cc <= 90) || (cc >= 97 && cc <= 122)) {
              col = col * 26 + ((cc | 32) - 96);
              cc = xml.charCodeAt(++k);
            }
            if (cc === 36) cc = xml.charCodeAt(++k);
            while (cc >= 48 && cc <= 57) {
              row = row * 10 + (cc - 48);
              cc = xml.charCodeAt(++k);
            }
          } else {
            const t0 = xml.charCodeAt(k);
            if (t0 === 115 /* s */) type = xml.charCodeAt(k + 1) === 116 ? T_STR : T_SST;
            else if (t0 === 105 /* i */) type = T_INLINE;
            else if (t0 === 98 /* b */) type = T_BOOL;
            else if (t0 === 101 /* e */) type = T_ERR;
            else if (t0 === 100 /* d */) type = T_DATE;
          }
          // continue after the closing quote of this value
          let e = k;
          while (e < contentEnd && xml.charCodeAt(e) !== qc) e++;
          if (e >= contentEnd) {
            gt = -1;
            break;
          }
          gt = e + 1;
        }
        if (gt < 0) break;
        if (col === 0) col = colCursor + 1;
        if (row === 0) row = rowNum;
        colCursor = col;
        if (xml.charCodeAt(gt - 1) === 47) {
          pos = gt + 1; // <c .../>: empty cell, only a style
          continue;
        }
        // ---- children: <f>, <v>, <is>, up to </c>
        let vS = -1;
        let vE = -1;
        let fTag = -1; // index of '<' of <f>
        let fGt = -1;
        let fS = -1;
        let fE = -1;
        let isS = -1;
        let isE = -1;
        let q = gt + 1;
        for (;;) {
          const lt2 = xml.charCodeAt(q) === 60 ? q : xml.indexOf('<', q);
          if (lt2 < 0 || lt2 >= contentEnd) {
            pos = contentEnd;
            break;
          }
          if (xml.charCodeAt(lt2 + 1) === 47 /* / */) {
            // the first closing tag at this level ends the cell when it is </c>
            if (xml.charCodeAt(lt2 + 2 + plen) === 99 && xml.charCodeAt(lt2 + 3 + plen) === 62) {
              pos = lt2 + 4 + plen;
              break;
            }
            q = lt2 + 2;
            continue;
          }
          const n2 = lt2 + 1 + plen;
          const ch = xml.charCodeAt(n2);
          const nx = xml.charCodeAt(n2 + 1);
          if (ch === 118 /* v */ && isNameEnd(nx)) {
            const gt2 = xml.indexOf('>', n2);
            if (xml.charCodeAt(gt2 - 1) === 47) {
              vS = vE = gt2 + 1;
              q = gt2 + 1;
            } else {
              vS = gt2 + 1;
              vE = xml.indexOf('<', vS);
              q = vE + 4 + plen; // past </v>
            }
          } else if (ch === 102 /* f */ && isNameEnd(nx)) {
            const gt2 = xml.indexOf('>', n2);
            fTag = lt2;
            fGt = gt2;
            if (xml.charCodeAt(gt2 - 1) === 47) {
              fS = fE = gt2 + 1;
              q = gt2 + 1;
            } else {
              fS = gt2 + 1;
              fE = xml.indexOf('<', fS);
              q = fE + 4 + plen; // past </f>
            }
          } else if (ch === 105 /* i */ && nx === 115 /* s */ && isNameEnd(xml.charCodeAt(n2 + 2))) {
            const gt2 = xml.indexOf('>', n2);
            if (xml.charCodeAt(gt2 - 1) === 47) {
              isS = isE = gt2 + 1;
              q = gt2 + 1;
            } else {
              isS = gt2 + 1;
              isE = xml.indexOf(isClose, isS);
              if (isE < 0 || isE > contentEnd) isE = contentEnd;
              q = isE + isClose.length;
            }
          } else {
            q = lt2 + 1;
          }
          if (q <= 0) {
            pos = contentEnd;
            break;
          }
        }

        // ---- formula
        if (formulas !== null && fTag >= 0) {
          let kind = 0; // 0 normal, 1 shared, 2 array, 3 dataTable
          const ft = attrValueStart(xml, fTag + 2 + plen, fGt, 116 /* t */);
          if (ft >= 0) {
            const tc = xml.charCodeAt(ft);
            kind = tc === 115 ? 1 : tc === 97 ? 2 : tc === 100 ? 3 : 0;
          }
          if (kind === 1) {
            const sv = attrValueStart(xml, fTag + 2 + plen, fGt, 115 /* s */, 105 /* i */);
            let si: string | null = null;
            if (sv >= 0) {
              let se = sv;
              while (se < fGt && xml.charCodeAt(se) !== 34 && xml.charCodeAt(se) !== 39) se++;
              si = xml.substring(sv, se);
            }
            if (fE > fS) {
              // a master (or a shared formula that carries its own text)
              if (!batch.add(src, fS, fE, row, col)) setAt(formulas, row - 1, col - 1, '=' + textAt(src, fS, fE));
              if (si !== null && !masters.has(si)) masters.set(si, { template: null, text: null, row, col });
            } else if (si !== null) {
              pending.push({ si, row, col }); // children are spelled out once the masters' texts exist
            }
          } else if (kind !== 3 && fE > fS) {
            if (!batch.add(src, fS, fE, row, col)) setAt(formulas, row - 1, col - 1, '=' + textAt(src, fS, fE));
          }
        }
        // ---- value
        let v: CellValue = null;
        switch (type) {
          case T_NUM:
            if (vE > vS) {
              const num = parseNumber(xml, vS, vE);
              v = Number.isNaN(num) ? textAt(src, vS, vE) : num;
            }
            break;
          case T_SST:
            if (vE > vS && sst) {
              let idx = 0;
              for (let j = vS; j < vE; j++) {
                const d = xml.charCodeAt(j);
                if (d >= 48 && d <= 57) idx = idx * 10 + (d - 48);
              }
              v = sst.get(idx);
            }
            break;
          case T_STR:
            v = textAt(src, vS, vE);
            break;
          case T_INLINE:
            if (isS >= 0) v = decodeText(collectTextRuns(src, isS, isE, pre));
            else v = vS >= 0 ? textAt(src, vS, vE) : '';
            break;
          case T_BOOL:
            if (vE > vS) {
              const b = xml.charCodeAt(vS);
              v = b === 49 /* 1 */ || b === 116 /* t(rue) */ || b === 84;
            }
            break;
          case T_ERR:
            if (vE > vS) v = textAt(src, vS, vE);
            break;
          case T_DATE:
            if (vE > vS) v = excelSerialFromIso(xml.substring(vS, vE), date1904);
            break;
        }
        if (v !== null) setAt(values, row - 1, col - 1, v);

        continue;
      }
      if (c0 === 114 /* r */ && xml.charCodeAt(ns + 1) === 111 && xml.charCodeAt(ns + 2) === 119 && isNameEnd(xml.charCodeAt(ns + 3))) {
        // ---- row start tag
        const gt = xml.indexOf('>', ns);
        if (gt < 0) break;
        let r = 0;
        const rv = attrValueStart(xml, ns + 3, gt, 114 /* r */);
        if (rv >= 0) {
          for (let j = rv; j < gt; j++) {
            const d = xml.charCodeAt(j);
            if (d < 48 || d > 57) break;
            r = r * 10 + (d - 48);
          }
        }
        rowNum = r > 0 ? r : rowNum + 1;
        colCursor = 0;
        pos = gt + 1;
        continue;
      }
      pos = lt + 1;
    }
    if (formulas !== null) {
      batch.flush((r, c, f) => setAt(formulas, r - 1, c - 1, f));
      for (const p of pending) {
        const m = masters.get(p.si);
        if (m === undefined) continue;
        if (m.text === null) m.text = formulas[m.row - 1]?.[m.col - 1]?.slice(1) ?? '';
        m.template ??= compileShift(m.text);
        setAt(formulas, p.row - 1, p.col - 1, '=' + renderShift(m.template, p.row - m.row, p.col - m.col));
      }
      // keep both grids the same height
      while (values.length < formulas.length) values.push([]);
      while (formulas.length < values.length) formulas.push([]);
    }
    tailStart = close < 0 ? xml.length : close;
  }

  // ---- after sheetData (decoded as UTF-8 on its own; it is small): protection, data validations
  const tail = src.bytes !== null ? bytesToString(src.bytes.subarray(tailStart)) : xml.slice(tailStart);
  let protection = { protected: false, passwordProtected: false };
  const sp = findTag(tail, pre + 'sheetProtection', 0);
  if (sp >= 0) {
    const a = parseAttrs(tail.slice(sp + plen + 16, tagEnd(tail, sp)));
    const isOn = a.sheet === '1' || a.sheet === 'true';
    const hasPw = !!(a.password || a.hashValue);
    protection = { protected: isOn, passwordProtected: isOn && hasPw };
  }
  const dataValidations = parseValidations(tail, 0);
  return { values, formulas, dimensionRef, protection, dataValidations };
}

/** `<dataValidation>` elements, both the classic ones and the x14 extension form (`<x14:dataValidation>`). */
function parseValidations(xml: string, from: number): XlsxDataValidation[] {
  const out: XlsxDataValidation[] = [];
  let i = from;
  for (;;) {
    const hit = xml.indexOf('dataValidation', i);
    if (hit < 0) break;
    i = hit + 14;
    const after = xml.charCodeAt(hit + 14);
    if (!isNameEnd(after) || after === 47) continue;
    // must be a start tag: '<' + optional prefix
    let lt = hit - 1;
    if (xml.charCodeAt(lt) === 58 /* : */) {
      while (lt > from && isPrefixChar(xml.charCodeAt(lt - 1))) lt--;
      lt--;
    }
    if (xml.charCodeAt(lt) !== 60) continue;
    const prefix = xml.slice(lt + 1, hit);
    const gt = tagEnd(xml, lt);
    const a = parseAttrs(xml.slice(hit + 14, gt));
    let sqref = a.sqref ?? '';
    let formula1: string | null = null;
    if (xml.charCodeAt(gt - 2) !== 47) {
      const closeTag = '</' + prefix + 'dataValidation>';
      let close = xml.indexOf(closeTag, gt);
      if (close < 0) close = gt;
      const body = xml.slice(gt, close);
      const f1 = body.indexOf('formula1');
      if (f1 >= 0) {
        const s = body.indexOf('>', f1) + 1;
        const e = body.indexOf('formula1>', s);
        let inner = body.slice(s, e < 0 ? body.length : body.lastIndexOf('<', e));
        if (inner.includes('<')) {
          // x14: <x14:formula1><xm:f>...</xm:f></x14:formula1>
          const fs = inner.indexOf('>') + 1;
          inner = inner.slice(fs, inner.indexOf('<', fs));
        }
        formula1 = decodeText(inner);
      }
      if (!sqref) {
        const sq = body.indexOf('sqref>');
        if (sq >= 0) sqref = decodeEntities(body.slice(sq + 6, body.indexOf('<', sq + 6)));
      }
      i = close;
    } else i = gt;
    out.push({ sqref, type: a.type ?? 'none', formula1 });
  }
  return out;
}

function isPrefixChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
}

// ---------------------------------------------------------------------------------------------------------
// Entry point

const OFFICE_DOC = '/officeDocument';

/**
 * Reads an .xlsx workbook into plain grids. Only the requested sheets are inflated and parsed.
 * Throws `XlsxError` (with a one-sentence, user-facing message) when the bytes are not a readable workbook.
 */
export function readXlsx(data: Uint8Array, options: ReadXlsxOptions = {}): XlsxWorkbook {
  checkSignature(data);

  // Pass 1: the package relationships and the workbook part.
  const names: string[] = [];
  const first = unzipSome(
    data,
    (n) => n === '_rels/.rels' || n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels',
    names,
  );
  let wbPath = 'xl/workbook.xml';
  const rootRels = getPart(first, '_rels/.rels');
  if (rootRels) {
    const main = parseRels(bytesToString(rootRels)).find(
      (r) => r.type.endsWith(OFFICE_DOC) && !r.external && /\.xml$/i.test(r.target),
    );
    if (main) wbPath = resolveTarget('', main.target);
  }
  let wbBytes = getPart(first, wbPath);
  let wbRelsBytes = getPart(first, relsPathOf(wbPath));
  if (!wbBytes && wbPath.toLowerCase() !== 'xl/workbook.xml') {
    const lw = wbPath.toLowerCase();
    const lr = relsPathOf(wbPath).toLowerCase();
    const more = unzipSome(data, (n) => n === lw || n === lr);
    wbBytes = getPart(more, wbPath);
    wbRelsBytes = getPart(more, relsPathOf(wbPath));
  }
  if (!wbBytes) {
    wbPath = 'xl/workbook.xml';
    wbBytes = getPart(first, wbPath);
    wbRelsBytes = getPart(first, relsPathOf(wbPath));
  }
  if (!wbBytes) throw notXlsx(names);

  const wb = parseWorkbook(bytesToString(wbBytes));
  const rels = wbRelsBytes ? parseRels(bytesToString(wbRelsBytes)) : [];
  const relById = new Map(rels.map((r) => [r.id, r]));
  const baseDir = dirOf(wbPath);

  // Which sheets to read
  const filter = options.sheets;
  let wanted: (name: string) => boolean;
  if (filter === undefined) wanted = () => true;
  else if (typeof filter === 'function') wanted = filter;
  else {
    const exact = new Set(filter);
    const loose = new Set(filter.map((s) => s.trim().toLowerCase()));
    wanted = (n) => exact.has(n) || loose.has(n.trim().toLowerCase());
  }
  const chosen: { entry: SheetEntry; path: string | null }[] = [];
  for (const entry of wb.sheets) {
    if (!wanted(entry.name)) continue;
    const rel = relById.get(entry.relId);
    chosen.push({ entry, path: rel && !rel.external ? resolveTarget(baseDir, rel.target) : null });
  }

  const sstRel = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const sstPath = sstRel ? resolveTarget(baseDir, sstRel.target) : baseDir + 'sharedStrings.xml';

  // Pass 2: shared strings and the chosen sheets.
  const need = new Set<string>([sstPath.toLowerCase()]);
  for (const c of chosen) if (c.path) need.add(c.path.toLowerCase());
  const parts = chosen.length > 0 ? unzipSome(data, (n) => need.has(n)) : {};

  const sstBytes = getPart(parts, sstPath);
  let sst: SharedStrings | null = null;
  if (sstBytes) {
    const ssrc = bytesToSrc(sstBytes);
    sst = new SharedStrings(ssrc, rootPrefix(ssrc.xml));
  }

  const wantFormulas = options.formulas === true;
  const sheets: XlsxSheet[] = [];
  for (const { entry, path } of chosen) {
    const bytes = path ? getPart(parts, path) : undefined;
    if (!bytes) {
      throw new XlsxError(
        'missing-sheet',
        `The workbook lists a sheet named "${entry.name}" but its content is missing from the file, which is damaged; ask for a fresh copy.`,
      );
    }
    const res = parseSheet(bytes, sst, wantFormulas, wb.date1904);
    const sheet: XlsxSheet = {
      name: entry.name,
      values: res.values,
      visibility: entry.visibility,
      protection: res.protection,
      dataValidations: res.dataValidations,
      dimensionRef: res.dimensionRef,
    };
    if (res.formulas) sheet.formulas = res.formulas;
    sheets.push(sheet);
  }

  const sheetVisibility: Record<string, SheetVisibility> = {};
  for (const s of wb.sheets) sheetVisibility[s.name] = s.visibility;
  const definedNames: XlsxDefinedName[] = wb.definedNames.map((d) => {
    const local = d.localSheetId !== null ? wb.sheets[d.localSheetId]?.name : undefined;
    return local !== undefined ? { name: d.name, localSheet: local, ref: d.ref } : { name: d.name, ref: d.ref };
  });

  return {
    sheets,
    sheetNames: wb.sheets.map((s) => s.name),
    sheetVisibility,
    definedNames,
    date1904: wb.date1904,
  };
}
