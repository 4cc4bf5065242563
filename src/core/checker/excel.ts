/**
 * The few Excel semantics the templates' Checker formulas rely on, on plain values: what a reference to an empty
 * cell is, "=" (case-insensitive, no trimming), "<"/">" between texts, LEN, SEARCH, COUNTIF criteria (wildcards),
 * ISBLANK and error propagation. Verified against LibreOffice (test/core/checker/differential.test.ts) and, where
 * the two differ, written as Excel behaves (see docs/checker.md, "LibreOffice versus Excel").
 */
import { isErrorValue, type CellValue } from '../grid';

/** An Excel error value (#REF!, #N/A, ...), kept apart from a text that happens to read "#REF!". */
export interface XErr {
  readonly error: string;
}

/** A truly empty cell, as a direct reference inside a comparison sees it (equal to both 0 and ""). */
export const EMPTY: unique symbol = Symbol('empty');

/** A value inside a formula: number, text, boolean, an empty cell or an error. */
export type XV = number | string | boolean | typeof EMPTY | XErr;

/** A formula's boolean result, or the error it stopped at. */
export type XB = boolean | XErr;

export function isErr(v: unknown): v is XErr {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export const REF: XErr = { error: '#REF!' };

/** A cell as a formula reads it: errors become XErr, an empty cell EMPTY, a formula showing nothing "". */
export function cellValue(raw: CellValue | undefined, formula = false): XV {
  if (raw === null || raw === undefined) return formula ? '' : EMPTY;
  if (typeof raw === 'string' && isErrorValue(raw)) return { error: raw };
  return raw;
}

/** The value a cell holding `=Sheet!A1` shows: an empty referenced cell gives 0. */
export function refValue(v: XV): Exclude<XV, typeof EMPTY> {
  return v === EMPTY ? 0 : v;
}

/** ISBLANK: true only for a truly empty cell (not for a formula showing ""). */
export function isBlank(v: XV): boolean {
  return v === EMPTY;
}

/** Excel's case-insensitive text key (no trimming). */
function fold(s: string): string {
  return s.toLowerCase();
}

/** `a = b`. Text compares case-insensitively; an empty cell equals 0, "" and FALSE; text never equals a number. */
export function eq(a: XV, b: XV): XB {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  if (a === EMPTY && b === EMPTY) return true;
  if (a === EMPTY) return b === '' || b === 0 || b === false;
  if (b === EMPTY) return a === '' || a === 0 || a === false;
  if (typeof a !== typeof b) return false;
  if (typeof a === 'string') return fold(a) === fold(b as string);
  return a === b;
}

/** `a = one of texts` (the templates' `OR(B14="No", B14="Unknown", ...)`). */
export function eqAny(a: XV, texts: readonly string[]): XB {
  if (isErr(a)) return a;
  return texts.some((t) => eq(a, t) === true);
}

/** Type rank for "<"/">": numbers < texts < booleans (an empty cell compares as 0 or ""). */
function rank(v: Exclude<XV, XErr | typeof EMPTY>): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/** `a > b`. Texts compare case-insensitively, code unit by code unit (the order Excel and LibreOffice agree on
 * for Latin names; CJK names are ordered differently by the two — see docs/checker.md). */
export function gt(a: XV, b: XV): XB {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  let x: Exclude<XV, XErr> = a;
  let y: Exclude<XV, XErr> = b;
  if (x === EMPTY) x = typeof y === 'string' ? '' : typeof y === 'boolean' ? false : 0;
  if (y === EMPTY) y = typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0;
  const rx = rank(x as Exclude<XV, XErr | typeof EMPTY>);
  const ry = rank(y as Exclude<XV, XErr | typeof EMPTY>);
  if (rx !== ry) return rx > ry;
  if (typeof x === 'string') return fold(x) > fold(y as string);
  return (x as number) > (y as number);
}

/** OR(...): an error argument makes the result that error, even when another argument is TRUE. */
export function or(...xs: XB[]): XB {
  for (const x of xs) if (isErr(x)) return x;
  return xs.some((x) => x === true);
}

export function and(...xs: XB[]): XB {
  for (const x of xs) if (isErr(x)) return x;
  return xs.every((x) => x === true);
}

export function not(x: XB): XB {
  return isErr(x) ? x : !x;
}

/** IF(cond, 1, 0). */
export function flag(x: XB): number | XErr {
  return isErr(x) ? x : x ? 1 : 0;
}

/** a * b for 0/1 flags and counts; errors propagate. */
export function times(a: number | XErr, b: number | XErr): number | XErr {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  return a * b;
}

/** The text Excel makes of a value (for LEN, SEARCH, &). Numbers in General format, as far as plain numbers go. */
export function text(v: XV): string | XErr {
  if (isErr(v)) return v;
  if (v === EMPTY) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  return v;
}

/** LEN(v). */
export function len(v: XV): number | XErr {
  const t = text(v);
  return isErr(t) ? t : t.length;
}

/** a & b. */
export function concat(a: XV, b: XV): string | XErr {
  const x = text(a);
  if (isErr(x)) return x;
  const y = text(b);
  if (isErr(y)) return y;
  return x + y;
}

/** ISNUMBER(SEARCH("@", v)): false for errors (ISNUMBER swallows them). */
export function containsAt(v: XV): boolean {
  const t = text(v);
  return !isErr(t) && t.includes('@');
}

/** B=0: the Checker's "empty" test (an empty cell or the number 0; "", " " and "0" are filled). */
export function isZero(v: XV): XB {
  return eq(v, 0);
}

const criterionCache = new Map<string, RegExp | null>();

/** The pattern of a COUNTIF text criterion: `?` one character, `*` any run, `~` escapes; null when it has no wildcard. */
function criterionPattern(criterion: string): RegExp | null {
  let hit = criterionCache.get(criterion);
  if (hit !== undefined) return hit;
  if (!/[*?~]/.test(criterion)) {
    hit = null;
  } else {
    let src = '';
    for (let i = 0; i < criterion.length; i++) {
      const c = criterion[i]!;
      if (c === '~' && i + 1 < criterion.length && '*?~'.includes(criterion[i + 1]!)) {
        src += `\\${criterion[++i]!}`;
      } else if (c === '*') src += '[\\s\\S]*';
      else if (c === '?') src += '[\\s\\S]';
      else src += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    hit = new RegExp(`^${src}$`, 'i');
  }
  if (criterionCache.size > 500) criterionCache.clear();
  criterionCache.set(criterion, hit);
  return hit;
}

/**
 * Whether a cell counts for COUNTIF(range, criterion). A text criterion matches texts case-insensitively (wildcards
 * honoured; "" matches empty cells and ""), a number criterion equal numbers; errors never count.
 */
export function countifMatch(cell: XV, criterion: Exclude<XV, XErr | typeof EMPTY>): boolean {
  if (isErr(cell)) return false;
  if (typeof criterion === 'number') return cell === criterion || (typeof cell === 'string' && cell.trim() !== '' && Number(cell) === criterion);
  if (typeof criterion === 'boolean') return cell === criterion;
  if (criterion === '') return cell === EMPTY || cell === '';
  if (cell === EMPTY || typeof cell !== 'string') return false;
  const re = criterionPattern(criterion);
  return re ? re.test(cell) : fold(cell) === fold(criterion);
}

/** COUNTIF(values, criterion); an error criterion gives that error. */
export function countif(values: Iterable<XV>, criterion: XV): number | XErr {
  if (isErr(criterion)) return criterion;
  const c = criterion === EMPTY ? '' : criterion;
  let n = 0;
  for (const v of values) if (countifMatch(v, c)) n++;
  return n;
}

/** The first error among values, if any (SUMPRODUCT and SUM stop at it). */
export function firstError(values: Iterable<XV | number>): XErr | null {
  for (const v of values) if (isErr(v)) return v;
  return null;
}
