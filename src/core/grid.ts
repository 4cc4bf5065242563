/**
 * Plain cell grids: the one shape in which both hosts (the Excel adapter and the xlsx file reader) hand a
 * workbook to the core. Nothing here knows about Office.js, the DOM or Node.
 */

/** A cell value exactly as a host reports it. Errors are their display strings ("#N/A", "#REF!"). */
export type CellValue = string | number | boolean | null;

export interface SheetGrid {
  /** Worksheet name as shown on its tab. */
  name: string;
  /**
   * Values, row-major, starting at A1: `values[r][c]` is the cell at row r+1, column c+1.
   * Rows may be ragged or shorter than the sheet; a missing cell is empty (`null`).
   */
  values: CellValue[][];
  /**
   * Formulas in the same shape as `values`: the formula text (starting with "=") for a formula cell,
   * `null` or `undefined` for a literal or an empty cell. Optional: a host that cannot read formulas omits it.
   */
  formulas?: (string | null | undefined)[][];
  /** "visible" | "hidden" | "veryHidden"; absent means visible. */
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  /** Sheet protection as the host reports it, when known. */
  protection?: { protected: boolean; passwordProtected?: boolean };
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

/** Excel error values, as hosts display them. */
export const ERROR_VALUES: ReadonlySet<string> = new Set([
  '#N/A', '#REF!', '#NAME?', '#VALUE!', '#DIV/0!', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!',
]);

export function isErrorValue(v: unknown): boolean {
  return typeof v === 'string' && ERROR_VALUES.has(v);
}

export function getSheet(wb: WorkbookGrid, name: string): SheetGrid | undefined {
  const exact = wb.sheets.find((s) => s.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return wb.sheets.find((s) => s.name.trim().toLowerCase() === lower);
}

/** 1-based row and column. */
export function cellAt(sheet: SheetGrid | undefined, row: number, col: number): CellValue {
  if (!sheet) return null;
  const r = sheet.values[row - 1];
  if (!r) return null;
  const v = r[col - 1];
  return v === undefined ? null : v;
}

export function formulaAt(sheet: SheetGrid | undefined, row: number, col: number): string | null {
  const f = sheet?.formulas?.[row - 1]?.[col - 1];
  return typeof f === 'string' && f.startsWith('=') ? f : null;
}

/** Column letters to 1-based index: "A" -> 1, "AB" -> 28. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based column index to letters. */
export function colLetters(index: number): string {
  let s = '';
  let n = index;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "D16" -> {row: 16, col: 4}. Accepts "$D$16". */
export function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${a1}`);
  return { row: Number(m[2]), col: colIndex(m[1]!) };
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

export function valueAtA1(sheet: SheetGrid | undefined, address: string): CellValue {
  const { row, col } = parseA1(address);
  return cellAt(sheet, row, col);
}
