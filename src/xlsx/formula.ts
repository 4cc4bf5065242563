/**
 * Moving A1-style formulas, as Excel does when it fills a shared formula down or across:
 * relative references shift by the offset, `$`-anchored parts stay, string literals, quoted sheet names,
 * function names, defined names and bracketed parts (structured / external references) are left alone.
 * Browser-safe: no Node imports.
 */

const MAX_COL = 16384; // XFD
const MAX_ROW = 1048576;

function isWordChar(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || // A-Z
    (c >= 97 && c <= 122) || // a-z
    (c >= 48 && c <= 57) || // 0-9
    c === 36 || // $
    c === 95 || // _
    c === 46 || // .
    c === 92 || // \
    c === 63 || // ?
    c > 127
  );
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

interface RefParts {
  colAbs: boolean;
  col: number; // 0 when the part has no column
  rowAbs: boolean;
  row: number; // 0 when the part has no row
}

/** Parses `$A$1`, `A1`, `$A`, `A`, `$1`, `1` (whole word). Returns null when the word is not such a part. */
function parseRefWord(w: string): RefParts | null {
  let i = 0;
  const n = w.length;
  let colAbs = false;
  let rowAbs = false;
  if (w.charCodeAt(i) === 36) {
    colAbs = true;
    i++;
  }
  let col = 0;
  const letters = i;
  while (i < n && isLetter(w.charCodeAt(i))) {
    col = col * 26 + ((w.charCodeAt(i) | 32) - 96);
    i++;
  }
  const nLetters = i - letters;
  if (nLetters > 3 || col > MAX_COL) return null;
  if (nLetters === 0) {
    // a pure row part: `$1` or `1`
    rowAbs = colAbs;
    colAbs = false;
  } else if (i < n && w.charCodeAt(i) === 36) {
    rowAbs = true;
    i++;
  }
  let row = 0;
  const digits = i;
  while (i < n && isDigit(w.charCodeAt(i))) {
    row = row * 10 + (w.charCodeAt(i) - 48);
    i++;
  }
  if (i !== n) return null;
  const nDigits = i - digits;
  if (nLetters === 0 && nDigits === 0) return null;
  if (nDigits > 0 && (row < 1 || row > MAX_ROW || w.charCodeAt(digits) === 48)) return null;
  if (nLetters > 0 && nDigits === 0 && rowAbs) return null; // "A$" is not a reference
  return { colAbs, col, rowAbs, row };
}

const colNames: string[] = [];

function colName(orig: number): string {
  let n = orig;
  const hit = colNames[orig];
  if (hit !== undefined) return hit;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  colNames[orig] = s;
  return s;
}

/** Shifts one part; returns null when it falls off the sheet (Excel shows #REF!). */
function shiftPart(p: RefParts, dRow: number, dCol: number): string | null {
  let s = '';
  if (p.col > 0) {
    const c = p.colAbs ? p.col : p.col + dCol;
    if (c < 1 || c > MAX_COL) return null;
    s += (p.colAbs ? '$' : '') + colName(c);
  }
  if (p.row > 0) {
    const r = p.rowAbs ? p.row : p.row + dRow;
    if (r < 1 || r > MAX_ROW) return null;
    s += (p.rowAbs ? '$' : '') + String(r);
  }
  return s;
}

function nextNonSpace(f: string, i: number): number {
  while (i < f.length && f.charCodeAt(i) === 32) i++;
  return i < f.length ? f.charCodeAt(i) : -1;
}

function readWord(f: string, i: number): number {
  while (i < f.length && isWordChar(f.charCodeAt(i))) i++;
  return i;
}

interface RefToken {
  a: RefParts;
  /** Second end of a range (`A1:B2`, `A:A`, `1:3`), or null for a single cell. */
  b: RefParts | null;
}

/** A formula cut into literal text and the references that move (`text[0] ref[0] text[1] ... text[n]`). */
export interface ShiftTemplate {
  text: string[];
  refs: RefToken[];
}

/** Tokenises a formula once so that it can be moved to many places cheaply (see `renderShift`). */
export function compileShift(formula: string): ShiftTemplate {
  const f = formula;
  const n = f.length;
  const text: string[] = [];
  const refs: RefToken[] = [];
  let last = 0;
  let i = 0;
  let prev = -1; // previous char code, for context
  while (i < n) {
    const c = f.charCodeAt(i);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      // string literal ("" escapes a quote) or quoted sheet name ('' escapes a quote)
      const quote = c === 34 ? '"' : "'";
      let j = i + 1;
      for (;;) {
        const q = f.indexOf(quote, j);
        if (q < 0) {
          j = n;
          break;
        }
        if (f.charCodeAt(q + 1) === c) {
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      i = j;
      prev = c;
      continue;
    }
    if (c === 91 /* [ */) {
      // structured reference or external workbook index: skip, with nesting
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        const d = f.charCodeAt(j);
        if (d === 91) depth++;
        else if (d === 93 && --depth === 0) {
          j++;
          break;
        }
      }
      i = j;
      prev = 93;
      continue;
    }
    if (!isWordChar(c)) {
      prev = c;
      i++;
      continue;
    }
    // a word: name, function, number, reference, sheet name or boolean
    const start = i;
    const end = readWord(f, i);
    i = end;
    const before = prev;
    prev = f.charCodeAt(end - 1);
    const after = nextNonSpace(f, end);
    if (after === 40 /* ( */ || after === 33 /* ! */ || before === 35 /* #REF! etc. */) continue;
    if (f.charCodeAt(end) === 91) continue; // Table[...]
    const word = f.slice(start, end);
    // Row, column or cell range: `1:3`, `$A:$C`, `A1:B2` (both ends of the same kind)
    if (f.charCodeAt(end) === 58 /* : */ && end + 1 < n && isWordChar(f.charCodeAt(end + 1))) {
      const end2 = readWord(f, end + 1);
      const a = parseRefWord(word);
      const b = a ? parseRefWord(f.slice(end + 1, end2)) : null;
      const after2 = nextNonSpace(f, end2);
      if (a && b && after2 !== 40 && after2 !== 33) {
        const wholeCols = a.row === 0 && b.row === 0 && a.col > 0 && b.col > 0;
        const wholeRows = a.col === 0 && b.col === 0 && a.row > 0 && b.row > 0;
        const cells = a.col > 0 && a.row > 0 && b.col > 0 && b.row > 0;
        if (wholeCols || wholeRows || cells) {
          text.push(f.slice(last, start));
          refs.push({ a, b });
          last = end2;
          i = end2;
          prev = f.charCodeAt(end2 - 1);
          continue;
        }
      }
    }
    const first = word.charCodeAt(0);
    if (isDigit(first) || first === 46) continue; // a number
    const ref = parseRefWord(word);
    if (!ref || ref.col === 0 || ref.row === 0) continue; // a name ("SL", "TRUE", "CL") or a partial ref
    text.push(f.slice(last, start));
    refs.push({ a: ref, b: null });
    last = end;
  }
  text.push(f.slice(last));
  return { text, refs };
}

/** The template's formula moved by `dRow` rows and `dCol` columns. */
export function renderShift(t: ShiftTemplate, dRow: number, dCol: number): string {
  let out = t.text[0]!;
  for (let k = 0; k < t.refs.length; k++) {
    const r = t.refs[k]!;
    const sa = shiftPart(r.a, dRow, dCol);
    const sb = r.b === null ? '' : shiftPart(r.b, dRow, dCol);
    out += (sa === null || sb === null ? '#REF!' : r.b === null ? sa : sa + ':' + sb) + t.text[k + 1]!;
  }
  return out;
}

/**
 * Returns `formula` (without the leading "=") as it reads when moved by `dRow` rows and `dCol` columns.
 * Handles cell references (`A1`, `$A1`, `A$1`), ranges, whole columns (`A:A`) and rows (`1:1`),
 * sheet-qualified references (`Sheet1!A1`, `'My sheet'!$B2`), and leaves literals and names untouched.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return renderShift(compileShift(formula), dRow, dCol);
}
