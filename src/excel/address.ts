/**
 * A1 range addresses as Excel writes them ("'Smelter List'!A5:Q5", "Declaration!D8", "A:Q", "5:5", several areas
 * joined by commas). Pure string work shared by the adapter and the fake; positions are always absolute sheet
 * rows and columns, never indexes into what is visible.
 */
import { colIndex, colLetters } from '../core/grid';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 1-based and inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface SheetRect extends Rect {
  /** Sheet name without quotes, when the address named one. */
  sheet?: string;
}

/** The sheet name as Excel writes it in an address: bare when it can be, quoted otherwise. */
export function quoteSheet(name: string): string {
  if (/^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function rectA1(r: Rect): string {
  const tl = `${colLetters(r.c1)}${r.r1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? tl : `${tl}:${colLetters(r.c2)}${r.r2}`;
}

export function sheetAddress(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectA1(r)}`;
}

/** Splits "'a,b'!A1, Sheet2!B2:C3" (or ";"-separated) into areas, respecting quoted sheet names. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i]!;
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      cur += ch;
    } else if ((ch === ',' || ch === ';') && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function parseEnd(s: string): { row: number | null; col: number | null } {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(s);
  if (!m || (!m[1] && !m[2])) throw new Error(`Not an A1 address: ${s}`);
  return { col: m[1] ? colIndex(m[1]) : null, row: m[2] ? Number(m[2]) : null };
}

/** Parses one area: "A1", "$A$1:$Q$5", "A:Q", "5:7", optionally prefixed by a (quoted) sheet name. */
export function parseArea(address: string): SheetRect {
  let rest = address.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    const s = rest.slice(0, bang);
    sheet = s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
    rest = rest.slice(bang + 1);
  }
  const [a, b = a] = rest.split(':') as [string, string?];
  const p = parseEnd(a);
  const q = parseEnd(b!);
  if ((p.row === null) !== (q.row === null) || (p.col === null) !== (q.col === null)) throw new Error(`Not an A1 address: ${address}`);
  const rect: SheetRect = {
    r1: Math.min(p.row ?? 1, q.row ?? 1),
    r2: Math.max(p.row ?? MAX_ROWS, q.row ?? MAX_ROWS),
    c1: Math.min(p.col ?? 1, q.col ?? 1),
    c2: Math.max(p.col ?? MAX_COLS, q.col ?? MAX_COLS),
  };
  if (sheet !== undefined) rect.sheet = sheet;
  return rect;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1), r2: Math.min(a.r2, b.r2), c2: Math.min(a.c2, b.c2) };
  return r.r1 <= r.r2 && r.c1 <= r.c2 ? r : null;
}

/** A row segment: one row, columns c1..c2. */
export interface Run {
  row: number;
  c1: number;
  c2: number;
}

/**
 * Groups cells (row, col) with equal keys into row runs of consecutive columns with the same key.
 * `cells` must be sorted by row, then column.
 */
export function runsByKey<T>(cells: readonly { row: number; col: number; value: T }[], key: (v: T) => string): { run: Run; value: T }[] {
  const out: { run: Run; value: T }[] = [];
  let cur: { run: Run; value: T; k: string } | null = null;
  for (const c of cells) {
    const k = key(c.value);
    if (cur && cur.run.row === c.row && cur.run.c2 + 1 === c.col && cur.k === k) {
      cur.run.c2 = c.col;
      continue;
    }
    if (cur) out.push({ run: cur.run, value: cur.value });
    cur = { run: { row: c.row, c1: c.col, c2: c.col }, value: c.value, k };
  }
  if (cur) out.push({ run: cur.run, value: cur.value });
  return out;
}
