/**
 * Proxy classes of the fake Excel: the subset of Excel.* the adapter uses, with the same member names and
 * signatures as @types/office-js (checked by the `satisfies` lines at the end of this file). Every member
 * introduced after ExcelApi 1.7 checks the fake's API version, so a test can run the adapter as on an older Excel.
 *
 * Free of Node imports. Never imported by production code.
 */
import type { CellValue } from '../../core/grid';
import { colLetters } from '../../core/grid';
import { intersect, parseArea, sheetAddress, splitAreas, type Rect } from '../address';
import {
  FakeClientObject,
  FakeClientResult,
  FakeCollection,
  FakeErrorCodes,
  FakeOfficeError,
  FakeRequestContext,
  argBytes,
  chained,
  type Resolver,
} from './runtime';
import { emptySheet, formatOf, key, newId, setFormat, unkey, type FakeCell, type FakeComment, type FakeDocument, type FakeFormat, type FakeSheet } from './state';

// ---- Helpers on the document ----

interface RangeT {
  sheet: FakeSheet;
  rect: Rect;
}

interface AreasT {
  sheet: FakeSheet;
  rects: Rect[];
}

/** What a RangeFormat works on: a Range (one rectangle) or a RangeAreas (several). */
type CellsT = RangeT | AreasT;

function rectsOf(t: CellsT): Rect[] {
  return 'rect' in t ? [t.rect] : t.rects;
}

function eachCellOf(t: CellsT, f: (row: number, col: number) => void): void {
  for (const r of rectsOf(t)) eachCell({ sheet: t.sheet, rect: r }, f);
}

const MAX_CELLS_PER_LOAD = 5_000_000;

function doc(ctx: FakeRequestContext): FakeDocument {
  return ctx.host.doc;
}

function cellCount(r: Rect): number {
  return (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
}

function matrix<V>(t: RangeT, f: (cell: FakeCell | undefined, row: number, col: number) => V): V[][] {
  if (cellCount(t.rect) > MAX_CELLS_PER_LOAD) {
    throw new FakeOfficeError(FakeErrorCodes.responsePayloadSizeLimitExceeded, `Loading ${cellCount(t.rect)} cells exceeds the response payload limit.`);
  }
  const out: V[][] = [];
  for (let r = t.rect.r1; r <= t.rect.r2; r++) {
    const row: V[] = [];
    for (let c = t.rect.c1; c <= t.rect.c2; c++) row.push(f(t.sheet.cells.get(key(r, c)), r, c));
    out.push(row);
  }
  return out;
}

function eachCell(t: RangeT, f: (row: number, col: number) => void): void {
  for (let r = t.rect.r1; r <= t.rect.r2; r++) for (let c = t.rect.c1; c <= t.rect.c2; c++) f(r, c);
}

function isUsed(cell: FakeCell, valuesOnly: boolean): boolean {
  return cell.v !== null || cell.f !== undefined || (!valuesOnly && cell.fmt !== undefined);
}

/** Bounding box of the used cells inside `rect`. */
function usedBox(sheet: FakeSheet, rect: Rect, valuesOnly: boolean): Rect | null {
  let box: Rect | null = null;
  for (const [k, cell] of sheet.cells) {
    if (!isUsed(cell, valuesOnly)) continue;
    const { row, col } = unkey(k);
    if (row < rect.r1 || row > rect.r2 || col < rect.c1 || col > rect.c2) continue;
    if (!box) box = { r1: row, c1: col, r2: row, c2: col };
    else {
      box.r1 = Math.min(box.r1, row);
      box.r2 = Math.max(box.r2, row);
      box.c1 = Math.min(box.c1, col);
      box.c2 = Math.max(box.c2, col);
    }
  }
  return box;
}

/** Cells of `kind` inside rect, as rectangles: vertical runs per column, merged across equal adjacent columns. */
function specialCells(sheet: FakeSheet, rect: Rect, kind: 'Formulas' | 'Constants'): Rect[] {
  const byCol = new Map<number, number[]>();
  for (const [k, cell] of sheet.cells) {
    const match = kind === 'Formulas' ? cell.f !== undefined : cell.f === undefined && cell.v !== null;
    if (!match) continue;
    const { row, col } = unkey(k);
    if (row < rect.r1 || row > rect.r2 || col < rect.c1 || col > rect.c2) continue;
    (byCol.get(col) ?? byCol.set(col, []).get(col)!).push(row);
  }
  const runs: Rect[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = byCol.get(col)!.sort((a, b) => a - b);
    let start = rows[0]!;
    let prev = start;
    for (const r of rows.slice(1)) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      runs.push({ r1: start, r2: prev, c1: col, c2: col });
      start = prev = r;
    }
    runs.push({ r1: start, r2: prev, c1: col, c2: col });
  }
  // Merge a run with the run of the previous column that has the same rows.
  const merged: Rect[] = [];
  const open = new Map<string, Rect>();
  for (const r of runs) {
    const k = `${r.r1}:${r.r2}`;
    const prev = open.get(k);
    if (prev && prev.c2 + 1 === r.c1) prev.c2 = r.c1;
    else {
      const copy = { ...r };
      merged.push(copy);
      open.set(k, copy);
    }
  }
  return merged.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}

function findSheet(d: FakeDocument, nameOrId: string): FakeSheet | undefined {
  const lower = nameOrId.toLowerCase();
  return d.sheets.find((s) => s.name.toLowerCase() === lower || s.id === nameOrId);
}

function rangeOn(sheet: FakeSheet, address: string): RangeT {
  let rect;
  try {
    rect = parseArea(address);
  } catch {
    throw new FakeOfficeError(FakeErrorCodes.invalidArgument, `The argument is invalid or missing or has an incorrect format: ${address}`);
  }
  if (rect.sheet !== undefined && rect.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new FakeOfficeError(FakeErrorCodes.invalidArgument, `The address ${address} is not on sheet ${sheet.name}.`);
  }
  return { sheet, rect };
}

/** Resolves "Sheet!A1" (or a bare "A1" on a default sheet) to a single cell. */
function cellOn(d: FakeDocument, address: string, defaultSheet: FakeSheet | null): { sheet: FakeSheet; row: number; col: number } {
  let rect;
  try {
    rect = parseArea(address);
  } catch {
    throw new FakeOfficeError('InvalidCellAddress', `Invalid cell address: ${address}`);
  }
  const sheet = rect.sheet !== undefined ? findSheet(d, rect.sheet) : defaultSheet;
  if (!sheet) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, `No sheet for ${address}.`);
  if (rect.r1 !== rect.r2 || rect.c1 !== rect.c2) throw new FakeOfficeError('InvalidCellAddress', `Not a single cell: ${address}`);
  return { sheet, row: rect.r1, col: rect.c1 };
}

function accessDenied(what: string, sheet: FakeSheet): FakeOfficeError {
  return new FakeOfficeError(FakeErrorCodes.accessDenied, `The cell or chart you're trying to change is on a protected sheet (${sheet.name}): ${what}.`);
}

function assertCanFormat(sheet: FakeSheet, what: string): void {
  if (sheet.protection.protected && !sheet.protection.options.allowFormatCells) throw accessDenied(what, sheet);
}

function assertCanEditCells(t: RangeT, what: string): void {
  if (!t.sheet.protection.protected) return;
  eachCell(t, (r, c) => {
    if (formatOf(t.sheet.cells.get(key(r, c))).locked) throw accessDenied(what, t.sheet);
  });
}

function assertCanEditObjects(sheet: FakeSheet, what: string): void {
  if (sheet.protection.protected && !sheet.protection.options.allowEditObjects) throw accessDenied(what, sheet);
}

/** One value as Excel would store it when an add-in writes it. */
function storeInput(sheet: FakeSheet, row: number, col: number, input: unknown): void {
  const k = key(row, col);
  const cell: FakeCell = { ...(sheet.cells.get(k) ?? { v: null }) };
  delete cell.f;
  const text = formatOf(cell).numberFormat === '@';
  if (input === null || input === undefined || input === '') cell.v = null;
  else if (typeof input === 'number' || typeof input === 'boolean') cell.v = input;
  else if (typeof input === 'string') {
    if (text) cell.v = input;
    else if (input.startsWith('=') && input.length > 1) {
      // Excel turns it into a formula; the fake does not calculate.
      cell.f = input;
      cell.v = null;
    } else if (input.startsWith("'")) cell.v = input.slice(1);
    else if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(input.trim())) cell.v = Number(input);
    else if (/^(true|false)$/i.test(input)) cell.v = input.toLowerCase() === 'true';
    else cell.v = input;
  } else throw new FakeOfficeError(FakeErrorCodes.invalidArgument, `Unsupported cell input: ${typeof input}`);
  if (cell.v === null && cell.f === undefined && !cell.fmt) sheet.cells.delete(k);
  else sheet.cells.set(k, cell);
}

function writeMatrix(t: RangeT, input: unknown, what: string, apply: (row: number, col: number, v: unknown) => void): void {
  const rows = t.rect.r2 - t.rect.r1 + 1;
  const cols = t.rect.c2 - t.rect.c1 + 1;
  if (Array.isArray(input)) {
    if (input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new FakeOfficeError(FakeErrorCodes.invalidArgument, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
    }
    eachCell(t, (r, c) => apply(r, c, (input as unknown[][])[r - t.rect.r1]![c - t.rect.c1]));
  } else eachCell(t, (r, c) => apply(r, c, input));
}

const NAMED_COLORS: Record<string, string> = { yellow: '#FFFF00', red: '#FF0000', white: '#FFFFFF', black: '#000000', orange: '#FFA500', green: '#008000', blue: '#0000FF' };

function normColor(c: string): string {
  const named = NAMED_COLORS[c.toLowerCase()];
  if (named) return named;
  if (/^#?[0-9a-f]{6}$/i.test(c)) return `#${c.replace('#', '').toUpperCase()}`;
  throw new FakeOfficeError(FakeErrorCodes.invalidArgument, `Invalid color: ${c}`);
}

/** A value if every cell agrees, else null - as Excel reports a property of a multi-cell range. */
function uniform<V>(t: CellsT, f: (fmt: FakeFormat) => V): V | null {
  let first: { v: V } | null = null;
  for (const rect of rectsOf(t)) {
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        const v = f(formatOf(t.sheet.cells.get(key(r, c))));
        if (!first) first = { v };
        else if (first.v !== v) return null;
      }
    }
  }
  return first ? first.v : null;
}

const fillColor = (f: FakeFormat): string => f.fill?.color ?? '#FFFFFF';
const fillPattern = (f: FakeFormat): string => f.fill?.pattern ?? 'None';

// ---- Range, format ----

export class FakeRangeFill extends FakeClientObject<CellsT> {
  constructor(ctx: FakeRequestContext, resolve: Resolver<CellsT>, private readonly hint?: string) {
    super(ctx, resolve, 'RangeFill');
  }
  protected _scalars(): readonly string[] {
    return ['color', 'pattern'];
  }
  protected override _since(): Readonly<Record<string, number>> {
    return { pattern: 9 };
  }
  override _sheetName(): string | undefined {
    return this.hint;
  }
  protected _read(t: CellsT, prop: string): unknown {
    return prop === 'color' ? uniform(t, fillColor) : uniform(t, fillPattern);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._command('color', [v], (t) => {
      assertCanFormat(t.sheet, 'fill color');
      const color = normColor(v);
      eachCellOf(t, (r, c) => setFormat(t.sheet, r, c, { fill: { color, pattern: 'Solid' } }));
    });
  }
  get pattern(): string {
    return this._get('pattern');
  }
  set pattern(v: string) {
    this.context.requireApi(9, 'RangeFill.pattern');
    this._command('pattern', [v], (t) => {
      assertCanFormat(t.sheet, 'fill pattern');
      eachCellOf(t, (r, c) => {
        const f = formatOf(t.sheet.cells.get(key(r, c)));
        setFormat(t.sheet, r, c, { fill: v === 'None' ? null : { color: f.fill?.color ?? '#FFFFFF', pattern: v } });
      });
    });
  }
  clear(): void {
    this._command('clear', [], (t) => {
      assertCanFormat(t.sheet, 'fill clear');
      eachCellOf(t, (r, c) => setFormat(t.sheet, r, c, { fill: null }));
    });
  }
}

export class FakeRangeFont extends FakeClientObject<CellsT> {
  constructor(ctx: FakeRequestContext, resolve: Resolver<CellsT>, private readonly hint?: string) {
    super(ctx, resolve, 'RangeFont');
  }
  protected _scalars(): readonly string[] {
    return ['color', 'bold'];
  }
  override _sheetName(): string | undefined {
    return this.hint;
  }
  protected _read(t: CellsT, prop: string): unknown {
    return prop === 'color' ? uniform(t, (f) => f.fontColor) : uniform(t, (f) => f.bold);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._command('color', [v], (t) => {
      assertCanFormat(t.sheet, 'font color');
      const color = normColor(v);
      eachCellOf(t, (r, c) => setFormat(t.sheet, r, c, { fontColor: color }));
    });
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._command('bold', [v], (t) => {
      assertCanFormat(t.sheet, 'bold');
      eachCellOf(t, (r, c) => setFormat(t.sheet, r, c, { bold: v }));
    });
  }
}

export class FakeRangeFormat extends FakeClientObject<CellsT> {
  private _fill?: FakeRangeFill;
  private _font?: FakeRangeFont;
  constructor(ctx: FakeRequestContext, resolve: Resolver<CellsT>, private readonly hint?: string) {
    super(ctx, resolve, 'RangeFormat');
  }
  get fill(): FakeRangeFill {
    return (this._fill ??= new FakeRangeFill(this.context, this._resolve, this.hint));
  }
  get font(): FakeRangeFont {
    return (this._font ??= new FakeRangeFont(this.context, this._resolve, this.hint));
  }
  protected _scalars(): readonly string[] {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
  protected override _nav(name: string): FakeClientObject<unknown> | undefined {
    return name === 'fill' ? (this.fill as FakeClientObject<unknown>) : name === 'font' ? (this.font as FakeClientObject<unknown>) : undefined;
  }
}

type CellPropsLoad = { address?: boolean; format?: { fill?: { color?: boolean; pattern?: boolean }; font?: { color?: boolean; bold?: boolean } } };

export class FakeRange extends FakeClientObject<RangeT> {
  private _format?: FakeRangeFormat;
  constructor(ctx: FakeRequestContext, resolve: Resolver<RangeT>, private readonly hint?: string) {
    super(ctx, resolve, 'Range');
  }
  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.context, this._resolve, this.hint));
  }
  protected _scalars(): readonly string[] {
    return ['address', 'addressLocal', 'values', 'formulas', 'numberFormat', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount', 'rowHidden'];
  }
  override _sheetName(): string | undefined {
    return this.hint;
  }
  protected override _nav(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'format') return this.format as FakeClientObject<unknown>;
    if (name === 'worksheet') return this.worksheet as FakeClientObject<unknown>;
    return undefined;
  }
  protected _read(t: RangeT, prop: string): unknown {
    const r = t.rect;
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return sheetAddress(t.sheet.name, r);
      case 'values':
        return matrix(t, (cell) => (cell?.v ?? '') as CellValue);
      case 'formulas':
        return matrix(t, (cell) => cell?.f ?? cell?.v ?? '');
      case 'numberFormat':
        return matrix(t, (cell) => formatOf(cell).numberFormat);
      case 'rowCount':
        return r.r2 - r.r1 + 1;
      case 'columnCount':
        return r.c2 - r.c1 + 1;
      case 'rowIndex':
        return r.r1 - 1;
      case 'columnIndex':
        return r.c1 - 1;
      case 'cellCount':
        return cellCount(r);
      case 'rowHidden': {
        let hidden = 0;
        for (let row = r.r1; row <= r.r2; row++) if (t.sheet.hiddenRows.has(row)) hidden++;
        return hidden === 0 ? false : hidden === r.r2 - r.r1 + 1 ? true : null;
      }
      default:
        return undefined;
    }
  }

  private _worksheet?: FakeWorksheet;
  get worksheet(): FakeWorksheet {
    return (this._worksheet ??= new FakeWorksheet(this.context, chained(this._resolve, (t) => t.sheet, 'Range.worksheet'), this.hint));
  }
  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get values(): CellValue[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._command('values', [v], (t) => {
      assertCanEditCells(t, 'values');
      writeMatrix(t, v, 'values', (r, c, x) => storeInput(t.sheet, r, c, x));
    });
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._command('formulas', [v], (t) => {
      assertCanEditCells(t, 'formulas');
      writeMatrix(t, v, 'formulas', (r, c, x) => storeInput(t.sheet, r, c, x));
    });
  }
  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._command('numberFormat', [v], (t) => {
      assertCanFormat(t.sheet, 'number format');
      writeMatrix(t, v, 'numberFormat', (r, c, x) => setFormat(t.sheet, r, c, { numberFormat: String(x) }));
    });
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowHidden(): boolean {
    return this._get('rowHidden');
  }
  set rowHidden(v: boolean) {
    this._command('rowHidden', [v], (t) => {
      if (t.sheet.protection.protected && !t.sheet.protection.options.allowFormatRows) throw accessDenied('row visibility', t.sheet);
      for (let r = t.rect.r1; r <= t.rect.r2; r++) {
        if (v) t.sheet.hiddenRows.add(r);
        else t.sheet.hiddenRows.delete(r);
      }
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(
      this.context,
      chained(this._resolve, (t) => ({ sheet: t.sheet, rect: { r1: t.rect.r1 + row, r2: t.rect.r1 + row, c1: t.rect.c1 + column, c2: t.rect.c1 + column } }), 'Range.getCell'),
      this.hint,
    );
  }

  private used(valuesOnly: boolean | undefined, orNull: boolean): FakeRange {
    const r = new FakeRange(
      this.context,
      chained(
        this._resolve,
        (t) => {
          const box = usedBox(t.sheet, t.rect, valuesOnly ?? false);
          if (!box && !orNull) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, 'The range has no used cells.');
          return box ? { sheet: t.sheet, rect: box } : null;
        },
        'Range.getUsedRange',
      ),
      this.hint,
    );
    return orNull ? r._trackNull() : r;
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.used(valuesOnly, false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.used(valuesOnly, true);
  }

  getIntersectionOrNullObject(anotherRange: string | object): FakeRange {
    const other = typeof anotherRange === 'string' ? null : (anotherRange as FakeRange);
    return new FakeRange(
      this.context,
      chained(
        this._resolve,
        (t) => {
          const o = other ? other._resolve() : rangeOn(t.sheet, anotherRange as string);
          if (!o || o.sheet !== t.sheet) return null;
          const rect = intersect(t.rect, o.rect);
          return rect ? { sheet: t.sheet, rect } : null;
        },
        'Range.getIntersectionOrNullObject',
      ),
      this.hint,
    )._trackNull();
  }

  private special(cellType: string, orNull: boolean): FakeRangeAreas {
    this.context.requireApi(9, 'Range.getSpecialCells');
    if (cellType !== 'Formulas' && cellType !== 'Constants') throw new FakeOfficeError(FakeErrorCodes.invalidArgument, `The fake supports Formulas and Constants, not ${cellType}.`);
    const areas = new FakeRangeAreas(
      this.context,
      chained(
        this._resolve,
        (t) => {
          const used = usedBox(t.sheet, t.rect, true);
          const rects = used ? specialCells(t.sheet, used, cellType) : [];
          if (!rects.length && !orNull) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, 'No cells were found.');
          return rects.length ? { sheet: t.sheet, rects } : null;
        },
        'Range.getSpecialCells',
      ),
      this.hint,
    );
    return orNull ? areas._trackNull() : areas;
  }
  getSpecialCells(cellType: string, _cellValueType?: string): FakeRangeAreas {
    return this.special(cellType, false);
  }
  getSpecialCellsOrNullObject(cellType: string, _cellValueType?: string): FakeRangeAreas {
    return this.special(cellType, true);
  }

  getCellProperties(load: CellPropsLoad): FakeClientResult<Record<string, unknown>[][]> {
    this.context.requireApi(9, 'Range.getCellProperties');
    return this._result('getCellProperties', [load], (t) =>
      matrix(t, (cell, r, c) => {
        const f = formatOf(cell);
        const out: Record<string, unknown> = {};
        if (load.address) out.address = sheetAddress(t.sheet.name, { r1: r, r2: r, c1: c, c2: c });
        if (load.format) {
          const format: Record<string, unknown> = {};
          if (load.format.fill) {
            const fill: Record<string, unknown> = {};
            if (load.format.fill.color) fill.color = fillColor(f);
            if (load.format.fill.pattern) fill.pattern = fillPattern(f);
            format.fill = fill;
          }
          if (load.format.font) {
            const font: Record<string, unknown> = {};
            if (load.format.font.color) font.color = f.fontColor;
            if (load.format.font.bold) font.bold = f.bold;
            format.font = font;
          }
          out.format = format;
        }
        return out;
      }),
    );
  }

  clear(applyTo?: string): void {
    this._command('clear', [applyTo], (t) => {
      const what = applyTo ?? 'All';
      if (what === 'All' || what === 'Contents') assertCanEditCells(t, 'clear');
      if (what === 'All' || what === 'Formats') assertCanFormat(t.sheet, 'clear formats');
      for (const [k, cell] of [...t.sheet.cells]) {
        const { row, col } = unkey(k);
        if (row < t.rect.r1 || row > t.rect.r2 || col < t.rect.c1 || col > t.rect.c2) continue;
        const next: FakeCell = { ...cell };
        if (what === 'All' || what === 'Contents') {
          next.v = null;
          delete next.f;
        }
        if (what === 'All' || what === 'Formats') delete next.fmt;
        if (next.v === null && next.f === undefined && !next.fmt) t.sheet.cells.delete(k);
        else t.sheet.cells.set(k, next);
      }
    });
  }

  select(): void {
    this._command('select', [], (t) => {
      const d = doc(this.context);
      if (d.activeSheetId !== t.sheet.id) throw new FakeOfficeError(FakeErrorCodes.invalidSelection, 'The range is not on the active sheet.');
      d.selection = { sheetId: t.sheet.id, rect: { ...t.rect } };
    });
  }
}

export class FakeRangeAreas extends FakeClientObject<AreasT> {
  private _format?: FakeRangeFormat;
  constructor(ctx: FakeRequestContext, resolve: Resolver<AreasT>, private readonly hint?: string) {
    super(ctx, resolve, 'RangeAreas');
  }
  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.context, this._resolve, this.hint));
  }
  protected override _nav(name: string): FakeClientObject<unknown> | undefined {
    return name === 'format' ? (this.format as FakeClientObject<unknown>) : undefined;
  }
  protected _scalars(): readonly string[] {
    return ['address', 'areaCount', 'cellCount'];
  }
  override _sheetName(): string | undefined {
    return this.hint;
  }
  protected _read(t: AreasT, prop: string): unknown {
    if (prop === 'address') return t.rects.map((r) => sheetAddress(t.sheet.name, r)).join(',');
    if (prop === 'areaCount') return t.rects.length;
    return t.rects.reduce((n, r) => n + cellCount(r), 0);
  }
  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
}

// ---- Worksheets ----

export class FakeWorksheetProtection extends FakeClientObject<FakeSheet> {
  constructor(ctx: FakeRequestContext, resolve: Resolver<FakeSheet>, private readonly hint?: string) {
    super(ctx, resolve, 'WorksheetProtection');
  }
  protected _scalars(): readonly string[] {
    return this.context.host.online ? ['protected', 'options', 'isPasswordProtected'] : ['protected', 'options'];
  }
  override _sheetName(): string | undefined {
    return this.hint;
  }
  protected _read(s: FakeSheet, prop: string): unknown {
    if (prop === 'protected') return s.protection.protected;
    if (prop === 'options') return { ...s.protection.options };
    if (prop === 'isPasswordProtected') return s.protection.protected && s.protection.password !== null;
    return undefined;
  }
  get protected(): boolean {
    return this._get('protected');
  }
  get options(): Record<string, boolean> {
    return this._get('options');
  }
  get isPasswordProtected(): boolean {
    this.context.requireOnline('WorksheetProtection.isPasswordProtected');
    return this._get('isPasswordProtected');
  }
  protect(options?: Record<string, boolean>, password?: string): void {
    this._command('protect', [options, password ? '***' : undefined], (s) => {
      if (s.protection.protected) throw new FakeOfficeError(FakeErrorCodes.invalidOperation, `The worksheet ${s.name} is already protected.`);
      s.protection = { protected: true, options: { ...(options ?? {}) }, password: password ? password : null };
    });
  }
  unprotect(password?: string): void {
    this._command('unprotect', [password ? '***' : undefined], (s) => {
      if (!s.protection.protected) return;
      if (s.protection.password !== null && s.protection.password !== password) {
        throw new FakeOfficeError(FakeErrorCodes.invalidArgument, `The password for ${s.name} is incorrect.`);
      }
      s.protection = { ...s.protection, protected: false, password: null };
    });
  }
}

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  constructor(ctx: FakeRequestContext, resolve: Resolver<FakeSheet>, private readonly hint?: string) {
    super(ctx, resolve, 'Worksheet');
  }
  protected _scalars(): readonly string[] {
    return ['name', 'id', 'position', 'visibility'];
  }
  override _sheetName(): string | undefined {
    return this.hint;
  }
  protected override _nav(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'protection') return this.protection as FakeClientObject<unknown>;
    return undefined;
  }
  protected _read(s: FakeSheet, prop: string): unknown {
    if (prop === 'name') return s.name;
    if (prop === 'id') return s.id;
    if (prop === 'position') return doc(this.context).sheets.indexOf(s);
    return s.visibility;
  }
  private sheetResolver(): Resolver<FakeSheet> {
    return this._resolve;
  }
  get name(): string {
    return this._get('name');
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  get visibility(): string {
    return this._get('visibility');
  }
  // Navigation properties return the same proxy every time, as in Office.js.
  private _protection?: FakeWorksheetProtection;
  private _notes?: FakeNoteCollection;
  private _comments?: FakeCommentCollection;
  get protection(): FakeWorksheetProtection {
    return (this._protection ??= new FakeWorksheetProtection(this.context, this.sheetResolver(), this.hint));
  }
  get notes(): FakeNoteCollection {
    this.context.requireApi(18, 'Worksheet.notes');
    return (this._notes ??= new FakeNoteCollection(this.context, this.sheetResolver(), this.hint));
  }
  get comments(): FakeCommentCollection {
    this.context.requireApi(10, 'Worksheet.comments');
    return (this._comments ??= new FakeCommentCollection(this.context, this.sheetResolver(), this.hint));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.context,
      chained(this._resolve, (s) => (address ? rangeOn(s, address) : { sheet: s, rect: { r1: 1, c1: 1, r2: 1_048_576, c2: 16_384 } }), 'Worksheet.getRange'),
      this.hint,
    );
  }
  /** Several areas at once ("A5:Q5, A8:Q8"), ExcelApi 1.9. */
  getRanges(address?: string): FakeRangeAreas {
    this.context.requireApi(9, 'Worksheet.getRanges');
    return new FakeRangeAreas(
      this.context,
      chained(
        this._resolve,
        (s) => ({ sheet: s, rects: address ? splitAreas(address).map((a) => rangeOn(s, a).rect) : [{ r1: 1, c1: 1, r2: 1_048_576, c2: 16_384 }] }),
        'Worksheet.getRanges',
      ),
      this.hint,
    );
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(
      this.context,
      chained(this._resolve, (s) => ({ sheet: s, rect: { r1: startRow + 1, c1: startColumn + 1, r2: startRow + rowCount, c2: startColumn + columnCount } }), 'Worksheet.getRangeByIndexes'),
      this.hint,
    );
  }
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  private used(valuesOnly: boolean | undefined, orNull: boolean): FakeRange {
    const r = new FakeRange(
      this.context,
      chained(
        this._resolve,
        (s) => {
          const box = usedBox(s, { r1: 1, c1: 1, r2: 1_048_576, c2: 16_384 }, valuesOnly ?? false);
          if (!box && !orNull) return { sheet: s, rect: { r1: 1, c1: 1, r2: 1, c2: 1 } };
          return box ? { sheet: s, rect: box } : null;
        },
        'Worksheet.getUsedRange',
      ),
      this.hint,
    );
    return orNull ? r._trackNull() : r;
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.used(valuesOnly, false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.used(valuesOnly, true);
  }
  activate(): void {
    this._command('activate', [], (s) => {
      if (s.visibility !== 'Visible') throw new FakeOfficeError(FakeErrorCodes.invalidOperation, `The sheet ${s.name} is hidden and cannot be activated.`);
      doc(this.context).activeSheetId = s.id;
    });
  }
  set name(v: string) {
    this._command('name', [v], (s) => {
      const d = doc(this.context);
      if (d.structure.protected) throw new FakeOfficeError(FakeErrorCodes.accessDenied, 'The workbook structure is protected.');
      s.name = v;
    });
  }
  set visibility(v: string) {
    this._command('visibility', [v], (s) => {
      s.visibility = v as FakeSheet['visibility'];
    });
  }
}

const BAD_SHEET_NAME = /[[\]:*?/\\]/;

export class FakeWorksheetCollection extends FakeCollection<FakeSheet, FakeWorksheet> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => doc(ctx).sheets, 'WorksheetCollection');
  }
  protected _item(s: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.context, () => s, s.name);
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const s = findSheet(doc(this.context), key);
        if (!s) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, `The worksheet ${key} does not exist.`);
        return s;
      },
      key,
    );
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => findSheet(doc(this.context), key) ?? null, key)._trackNull();
  }
  override getCount(visibleOnly?: boolean): FakeClientResult<number> {
    return this._result('getCount', [visibleOnly], (sheets) => sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => doc(this.context).sheets.find((s) => s.id === doc(this.context).activeSheetId) ?? null);
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.context.enqueue({
      label: 'WorksheetCollection.add',
      sheet: name,
      bytes: argBytes(name),
      run: () => {
        const d = doc(this.context);
        if (d.structure.protected) throw new FakeOfficeError(FakeErrorCodes.accessDenied, 'The workbook structure is protected; sheets cannot be added.');
        const n = name ?? `Sheet${d.sheets.length + 1}`;
        if (n.length > 31 || BAD_SHEET_NAME.test(n) || n.startsWith("'")) throw new FakeOfficeError(FakeErrorCodes.invalidArgument, `Invalid sheet name: ${n}`);
        if (findSheet(d, n)) throw new FakeOfficeError(FakeErrorCodes.itemAlreadyExists, `A sheet named ${n} already exists.`);
        created = emptySheet(d, n);
        d.sheets.push(created);
      },
    });
    return new FakeWorksheet(
      this.context,
      () => {
        if (!created) throw new FakeOfficeError(FakeErrorCodes.invalidObjectPath, 'The sheet was not added.');
        return created;
      },
      name,
    );
  }
}

// ---- Notes (ExcelApi 1.18) and comments (ExcelApi 1.10) ----

interface NoteT {
  sheet: FakeSheet;
  k: number;
}

function liveNote(t: NoteT): { content: string; author: string } {
  const n = t.sheet.notes.get(t.k);
  if (!n) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, 'The note does not exist.');
  return n;
}

export class FakeNote extends FakeClientObject<NoteT> {
  constructor(ctx: FakeRequestContext, resolve: Resolver<NoteT>, private readonly hint?: string) {
    super(ctx, resolve, 'Note');
  }
  protected _scalars(): readonly string[] {
    return ['content', 'authorName'];
  }
  override _sheetName(): string | undefined {
    return this.hint;
  }
  protected _read(t: NoteT, prop: string): unknown {
    const n = liveNote(t);
    return prop === 'content' ? n.content : n.author;
  }
  get content(): string {
    return this._get('content');
  }
  set content(v: string) {
    this._command('content', [v], (t) => {
      assertCanEditObjects(t.sheet, 'note');
      liveNote(t).content = v;
    });
  }
  get authorName(): string {
    return this._get('authorName');
  }
  delete(): void {
    this._command('delete', [], (t) => {
      assertCanEditObjects(t.sheet, 'note');
      liveNote(t);
      t.sheet.notes.delete(t.k);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      chained(
        this._resolve,
        (t) => {
          const { row, col } = unkey(t.k);
          return { sheet: t.sheet, rect: { r1: row, r2: row, c1: col, c2: col } };
        },
        'Note.getLocation',
      ),
      this.hint,
    );
  }
}

/** Notes of one sheet (Worksheet.notes) or of the workbook (Workbook.notes, sheet = null). */
export class FakeNoteCollection extends FakeCollection<NoteT, FakeNote> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetResolve: Resolver<FakeSheet> | null,
    private readonly hint?: string,
  ) {
    super(
      ctx,
      () => {
        const sheets = sheetResolve ? [sheetResolve()].filter((s): s is FakeSheet => s !== null) : doc(ctx).sheets;
        return sheets.flatMap((sheet) => [...sheet.notes.keys()].sort((a, b) => a - b).map((k) => ({ sheet, k })));
      },
      'NoteCollection',
    );
  }
  override _sheetName(): string | undefined {
    return this.hint;
  }
  protected _item(t: NoteT): FakeNote {
    return new FakeNote(this.context, () => t, t.sheet.name);
  }
  private locate(address: string): { sheet: FakeSheet; row: number; col: number } {
    return cellOn(doc(this.context), address, this.sheetResolve ? this.sheetResolve() : null);
  }
  add(cellAddress: string | object, content: string): FakeNote {
    let made: NoteT | null = null;
    this.context.enqueue({
      label: 'NoteCollection.add',
      sheet: this.hint,
      bytes: argBytes(typeof cellAddress === 'string' ? cellAddress : 'range', content),
      run: () => {
        const at = typeof cellAddress === 'string' ? this.locate(cellAddress) : rangeCell(cellAddress as FakeRange);
        assertCanEditObjects(at.sheet, 'note');
        const k = key(at.row, at.col);
        if (at.sheet.notes.has(k)) throw new FakeOfficeError(FakeErrorCodes.invalidArgument, `The cell ${colLetters(at.col)}${at.row} already has a note.`);
        if (doc(this.context).comments.some((c) => c.sheetId === at.sheet.id && c.row === at.row && c.col === at.col)) {
          throw new FakeOfficeError(FakeErrorCodes.invalidArgument, 'The cell already has a comment.');
        }
        at.sheet.notes.set(k, { content, author: this.context.host.userName });
        made = { sheet: at.sheet, k };
      },
    });
    return new FakeNote(this.context, () => made, this.hint);
  }
  getItem(key: string): FakeNote {
    return new FakeNote(this.context, () => {
      const at = this.locate(key);
      const t = { sheet: at.sheet, k: keyOf(at) };
      if (!at.sheet.notes.has(t.k)) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, `No note at ${key}.`);
      return t;
    });
  }
  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.context, () => {
      const at = this.locate(key);
      const k = keyOf(at);
      return at.sheet.notes.has(k) ? { sheet: at.sheet, k } : null;
    })._trackNull();
  }
  getItemAt(index: number): FakeNote {
    return new FakeNote(this.context, () => {
      const t = this._resolve()?.[index];
      if (!t) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, `No note at index ${index}.`);
      return t;
    });
  }
}

function keyOf(at: { row: number; col: number }): number {
  return key(at.row, at.col);
}

function rangeCell(r: FakeRange): { sheet: FakeSheet; row: number; col: number } {
  const t = (r as unknown as { _resolve: Resolver<RangeT> })._resolve();
  if (!t) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, 'The range does not exist.');
  if (cellCount(t.rect) !== 1) throw new FakeOfficeError('InvalidCellAddress', 'Not a single cell.');
  return { sheet: t.sheet, row: t.rect.r1, col: t.rect.c1 };
}

function liveComment(ctx: FakeRequestContext, c: FakeComment): FakeComment {
  if (!doc(ctx).comments.includes(c)) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, 'The comment does not exist.');
  return c;
}

function sheetOfComment(ctx: FakeRequestContext, c: FakeComment): FakeSheet {
  const s = doc(ctx).sheets.find((x) => x.id === c.sheetId);
  if (!s) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, 'The sheet of the comment does not exist.');
  return s;
}

export class FakeCommentObject extends FakeClientObject<FakeComment> {
  constructor(ctx: FakeRequestContext, resolve: Resolver<FakeComment>) {
    super(ctx, resolve, 'Comment');
  }
  protected _scalars(): readonly string[] {
    return ['id', 'content', 'authorName'];
  }
  protected _read(c: FakeComment, prop: string): unknown {
    liveComment(this.context, c);
    return prop === 'id' ? c.id : prop === 'content' ? c.content : c.author;
  }
  get id(): string {
    return this._get('id');
  }
  get authorName(): string {
    return this._get('authorName');
  }
  get content(): string {
    return this._get('content');
  }
  set content(v: string) {
    this._command('content', [v], (c) => {
      if (sheetOfComment(this.context, c).protection.protected) throw accessDenied('comment', sheetOfComment(this.context, c));
      liveComment(this.context, c).content = v;
    });
  }
  delete(): void {
    this._command('delete', [], (c) => {
      const sheet = sheetOfComment(this.context, c);
      if (sheet.protection.protected) throw accessDenied('comment', sheet);
      const d = doc(this.context);
      d.comments = d.comments.filter((x) => x !== liveComment(this.context, c));
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      chained(this._resolve, (c) => ({ sheet: sheetOfComment(this.context, c), rect: { r1: c.row, r2: c.row, c1: c.col, c2: c.col } }), 'Comment.getLocation'),
    );
  }
}

export class FakeCommentCollection extends FakeCollection<FakeComment, FakeCommentObject> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetResolve: Resolver<FakeSheet> | null,
    private readonly hint?: string,
  ) {
    super(
      ctx,
      () => {
        const sheet = sheetResolve ? sheetResolve() : null;
        return doc(ctx).comments.filter((c) => !sheet || c.sheetId === sheet.id);
      },
      'CommentCollection',
    );
  }
  override _sheetName(): string | undefined {
    return this.hint;
  }
  protected _item(c: FakeComment): FakeCommentObject {
    return new FakeCommentObject(this.context, () => c);
  }
  add(cellAddress: string | object, content: string, _contentType?: string): FakeCommentObject {
    let made: FakeComment | null = null;
    this.context.enqueue({
      label: 'CommentCollection.add',
      sheet: this.hint,
      bytes: argBytes(typeof cellAddress === 'string' ? cellAddress : 'range', content),
      run: () => {
        const d = doc(this.context);
        const at = typeof cellAddress === 'string' ? cellOn(d, cellAddress, this.sheetResolve ? this.sheetResolve() : null) : rangeCell(cellAddress as FakeRange);
        if (at.sheet.protection.protected) throw accessDenied('comment', at.sheet);
        if (at.sheet.notes.has(key(at.row, at.col))) throw new FakeOfficeError(FakeErrorCodes.invalidArgument, 'The cell already has a note.');
        if (d.comments.some((c) => c.sheetId === at.sheet.id && c.row === at.row && c.col === at.col)) {
          throw new FakeOfficeError(FakeErrorCodes.invalidArgument, 'The cell already has a comment.');
        }
        made = { id: newId(d, 'comment-'), sheetId: at.sheet.id, row: at.row, col: at.col, content, author: this.context.host.userName };
        d.comments.push(made);
      },
    });
    return new FakeCommentObject(this.context, () => made);
  }
  getItem(commentId: string): FakeCommentObject {
    return new FakeCommentObject(this.context, () => {
      const c = doc(this.context).comments.find((x) => x.id === commentId);
      if (!c) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, `No comment ${commentId}.`);
      return c;
    });
  }
  getItemByCell(cellAddress: string | object): FakeCommentObject {
    return new FakeCommentObject(this.context, () => {
      const d = doc(this.context);
      const at = typeof cellAddress === 'string' ? cellOn(d, cellAddress, this.sheetResolve ? this.sheetResolve() : null) : rangeCell(cellAddress as FakeRange);
      const c = d.comments.find((x) => x.sheetId === at.sheet.id && x.row === at.row && x.col === at.col);
      if (!c) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, `No comment at ${cellAddress}.`);
      return c;
    });
  }
}

// ---- Custom XML parts (ExcelApi 1.5) ----

type PartT = FakeDocument['customXmlParts'][number];

function livePart(ctx: FakeRequestContext, p: PartT): PartT {
  if (!doc(ctx).customXmlParts.includes(p)) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, 'The custom XML part does not exist.');
  return p;
}

/** The namespace of the root element, or "" - and a minimal well-formedness check. */
function rootNamespace(xml: string): string {
  const body = xml.replace(/^\s*<\?xml[^>]*\?>/, '').trim();
  const m = /^<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(body);
  if (!m) throw new FakeOfficeError(FakeErrorCodes.invalidArgument, 'The XML is not well formed.');
  const name = m[1]!;
  const closes = body.endsWith(`</${name}>`) || m[0].endsWith('/>');
  if (!closes) throw new FakeOfficeError(FakeErrorCodes.invalidArgument, 'The XML is not well formed.');
  const prefix = name.includes(':') ? name.split(':')[0] : null;
  const ns = new RegExp(prefix ? `xmlns:${prefix}="([^"]*)"` : 'xmlns="([^"]*)"').exec(m[2]!);
  return ns ? ns[1]! : '';
}

export class FakeCustomXmlPart extends FakeClientObject<PartT> {
  constructor(ctx: FakeRequestContext, resolve: Resolver<PartT>) {
    super(ctx, resolve, 'CustomXmlPart');
  }
  protected _scalars(): readonly string[] {
    return ['id', 'namespaceUri'];
  }
  protected _read(p: PartT, prop: string): unknown {
    livePart(this.context, p);
    return prop === 'id' ? p.id : p.namespaceUri;
  }
  get id(): string {
    return this._get('id');
  }
  get namespaceUri(): string {
    return this._get('namespaceUri');
  }
  getXml(): FakeClientResult<string> {
    return this._result('getXml', [], (p) => livePart(this.context, p).xml);
  }
  setXml(xml: string): void {
    this._command('setXml', [xml], (p) => {
      const part = livePart(this.context, p);
      part.namespaceUri = rootNamespace(xml);
      part.xml = xml;
    });
  }
  delete(): void {
    this._command('delete', [], (p) => {
      const d = doc(this.context);
      d.customXmlParts = d.customXmlParts.filter((x) => x !== livePart(this.context, p));
    });
  }
}

abstract class PartsBase extends FakeCollection<PartT, FakeCustomXmlPart> {
  protected _item(p: PartT): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => p);
  }
  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => {
      const p = (this._resolve() ?? []).find((x) => x.id === id);
      if (!p) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, `No custom XML part ${id}.`);
      return p;
    });
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => (this._resolve() ?? []).find((x) => x.id === id) ?? null)._trackNull();
  }
}

export class FakeCustomXmlPartScopedCollection extends PartsBase {
  constructor(ctx: FakeRequestContext, namespaceUri: string) {
    super(ctx, () => doc(ctx).customXmlParts.filter((p) => p.namespaceUri === namespaceUri), 'CustomXmlPartScopedCollection');
  }
  getOnlyItem(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => {
      const all = this._resolve() ?? [];
      if (all.length !== 1) throw new FakeOfficeError(FakeErrorCodes.invalidOperation, `Expected exactly one custom XML part, found ${all.length}.`);
      return all[0]!;
    });
  }
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => {
      const all = this._resolve() ?? [];
      return all.length === 1 ? all[0]! : null;
    })._trackNull();
  }
}

export class FakeCustomXmlPartCollection extends PartsBase {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => doc(ctx).customXmlParts, 'CustomXmlPartCollection');
  }
  add(xml: string): FakeCustomXmlPart {
    let made: PartT | null = null;
    this.context.enqueue({
      label: 'CustomXmlPartCollection.add',
      bytes: argBytes(xml),
      run: () => {
        const d = doc(this.context);
        made = { id: newId(d, 'guid'), namespaceUri: rootNamespace(xml), xml };
        d.customXmlParts.push(made);
      },
    });
    return new FakeCustomXmlPart(this.context, () => made);
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.context, namespaceUri);
  }
}

// ---- Workbook, application ----

export class FakeApplication extends FakeClientObject<FakeDocument> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => doc(ctx), 'Application');
  }
  protected _scalars(): readonly string[] {
    return ['calculationMode'];
  }
  protected _read(): unknown {
    return 'Automatic';
  }
  get calculationMode(): string {
    return this._get('calculationMode');
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.requireApi(6, 'Application.suspendApiCalculationUntilNextSync');
    this.context.pending.suspendedCalculation = true;
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.requireApi(14, 'Application.suspendScreenUpdatingUntilNextSync');
    this.context.pending.suspendedScreenUpdating = true;
  }
}

export class FakeWorkbookProtection extends FakeClientObject<FakeDocument> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => doc(ctx), 'WorkbookProtection');
  }
  protected _scalars(): readonly string[] {
    return ['protected'];
  }
  protected _read(d: FakeDocument): unknown {
    return d.structure.protected;
  }
  get protected(): boolean {
    return this._get('protected');
  }
  protect(password?: string): void {
    this._command('protect', [password ? '***' : undefined], (d) => {
      if (d.structure.protected) throw new FakeOfficeError(FakeErrorCodes.invalidOperation, 'The workbook is already protected.');
      d.structure = { protected: true, password: password ? password : null };
    });
  }
  unprotect(password?: string): void {
    this._command('unprotect', [password ? '***' : undefined], (d) => {
      if (!d.structure.protected) return;
      if (d.structure.password !== null && d.structure.password !== password) throw new FakeOfficeError(FakeErrorCodes.invalidArgument, 'The workbook password is incorrect.');
      d.structure = { protected: false, password: null };
    });
  }
}

export class FakeWorkbookProxy extends FakeClientObject<FakeDocument> {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => doc(ctx), 'Workbook');
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = new FakeApplication(ctx);
  }
  protected _scalars(): readonly string[] {
    return ['name'];
  }
  protected _read(): unknown {
    return 'Book.xlsx';
  }
  get name(): string {
    return this._get('name');
  }
  protected override _nav(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'protection') return this.protection as FakeClientObject<unknown>;
    if (name === 'worksheets') return this.worksheets as FakeClientObject<unknown>;
    return undefined;
  }
  private _protection?: FakeWorkbookProtection;
  private _parts?: FakeCustomXmlPartCollection;
  private _notes?: FakeNoteCollection;
  private _comments?: FakeCommentCollection;
  get protection(): FakeWorkbookProtection {
    this.context.requireApi(7, 'Workbook.protection');
    return (this._protection ??= new FakeWorkbookProtection(this.context));
  }
  get customXmlParts(): FakeCustomXmlPartCollection {
    this.context.requireApi(5, 'Workbook.customXmlParts');
    return (this._parts ??= new FakeCustomXmlPartCollection(this.context));
  }
  get notes(): FakeNoteCollection {
    this.context.requireApi(18, 'Workbook.notes');
    return (this._notes ??= new FakeNoteCollection(this.context, null));
  }
  get comments(): FakeCommentCollection {
    this.context.requireApi(10, 'Workbook.comments');
    return (this._comments ??= new FakeCommentCollection(this.context, null));
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const d = doc(this.context);
      const sel = d.selection;
      const sheet = sel ? d.sheets.find((s) => s.id === sel.sheetId) : undefined;
      if (!sel || !sheet) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, 'Nothing is selected.');
      return { sheet, rect: sel.rect };
    });
  }
}
