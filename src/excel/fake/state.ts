/**
 * The document behind the fake Excel: plain data, serialisable to JSON (a "saved file"), with no Office.js in it.
 * Proxies in objects.ts read and change it only inside `context.sync()`, as the real host does.
 *
 * Free of Node imports: the browser preview harness loads it too. Never imported by production code.
 */
import type { CellValue, WorkbookGrid } from '../../core/grid';
import { colLetters } from '../../core/grid';
import { MAX_COLS, parseArea, type Rect } from '../address';

/** Excel's fill patterns as the API names them ("None" = no fill). */
export type FillPattern = string;

/** The formatting of one cell that the fake models. */
export interface FakeFormat {
  /** `null` = no fill (the API reports color "#FFFFFF", pattern "None"). */
  fill: { color: string; pattern: FillPattern } | null;
  fontColor: string;
  bold: boolean;
  numberFormat: string;
  /** Excel's default is locked; templates unlock their input cells. */
  locked: boolean;
}

export const DEFAULT_FORMAT: Readonly<FakeFormat> = Object.freeze({ fill: null, fontColor: '#000000', bold: false, numberFormat: 'General', locked: true });

export interface FakeCell {
  /** Value as the host reports it; for a formula cell, its last calculated result. */
  v: CellValue;
  /** Formula text ("=..."), when the cell holds one. */
  f?: string;
  /** Formatting that differs from DEFAULT_FORMAT. */
  fmt?: Partial<FakeFormat>;
}

export interface ProtectionState {
  protected: boolean;
  /** Excel.WorksheetProtectionOptions, as the sheet was protected with. */
  options: Record<string, boolean>;
  /** `null` = no password. */
  password: string | null;
}

export interface FakeSheet {
  /** Stable id, like Worksheet.id. */
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Sparse cells keyed by `key(row, col)`. */
  cells: Map<number, FakeCell>;
  hiddenRows: Set<number>;
  protection: ProtectionState;
  /** Notes (the legacy, yellow-sticky kind), keyed by `key(row, col)`. */
  notes: Map<number, { content: string; author: string }>;
}

export interface FakeComment {
  id: string;
  sheetId: string;
  row: number;
  col: number;
  content: string;
  author: string;
}

export interface FakeDocument {
  sheets: FakeSheet[];
  customXmlParts: { id: string; namespaceUri: string; xml: string }[];
  comments: FakeComment[];
  structure: { protected: boolean; password: string | null };
  activeSheetId: string | null;
  selection: { sheetId: string; rect: Rect } | null;
  nextId: number;
}

export function key(row: number, col: number): number {
  return row * (MAX_COLS + 1) + col;
}

export function unkey(k: number): { row: number; col: number } {
  return { row: Math.floor(k / (MAX_COLS + 1)), col: k % (MAX_COLS + 1) };
}

export function formatOf(cell: FakeCell | undefined): FakeFormat {
  return cell?.fmt ? { ...DEFAULT_FORMAT, ...cell.fmt } : { ...DEFAULT_FORMAT };
}

/** Sets part of a cell's format, keeping the sparse representation minimal. */
export function setFormat(sheet: FakeSheet, row: number, col: number, patch: Partial<FakeFormat>): void {
  const k = key(row, col);
  const cell = sheet.cells.get(k) ?? { v: null };
  const next: Partial<FakeFormat> = { ...cell.fmt, ...patch };
  if (next.fill === null) delete next.fill;
  else if (next.fill) next.fill = { color: next.fill.color, pattern: next.fill.pattern };
  if (next.fontColor === DEFAULT_FORMAT.fontColor) delete next.fontColor;
  if (next.bold === DEFAULT_FORMAT.bold) delete next.bold;
  if (next.numberFormat === DEFAULT_FORMAT.numberFormat) delete next.numberFormat;
  if (next.locked === DEFAULT_FORMAT.locked) delete next.locked;
  if (Object.keys(next).length) cell.fmt = next;
  else delete cell.fmt;
  if (cell.v === null && cell.f === undefined && !cell.fmt) sheet.cells.delete(k);
  else sheet.cells.set(k, cell);
}

export function newId(doc: FakeDocument, prefix: string): string {
  doc.nextId += 1;
  const hex = doc.nextId.toString(16).toUpperCase().padStart(12, '0');
  return prefix === 'guid' ? `{00000000-0000-4000-8000-${hex}}` : `${prefix}${doc.nextId}`;
}

export function emptySheet(doc: FakeDocument, name: string): FakeSheet {
  return {
    id: newId(doc, '{sheet-') + '}',
    name,
    visibility: 'Visible',
    cells: new Map(),
    hiddenRows: new Set(),
    protection: { protected: false, options: {}, password: null },
    notes: new Map(),
  };
}

/** Extra state for `fromGrid` that a WorkbookGrid does not carry. */
export interface FromGridOptions {
  /** Formats per sheet, by A1 address or range ("A5:Q2504"); later entries win. */
  formats?: Record<string, Record<string, Partial<FakeFormat>>>;
  /**
   * How to protect sheets: "grid" follows each SheetGrid's `protection` (a password-protected sheet gets the password
   * "secret"); "no-password" protects the same sheets without password, as RMI publishes its templates; "none"
   * leaves every sheet unprotected. Default "grid".
   */
  protection?: 'grid' | 'no-password' | 'none';
  /** Options the protected sheets were protected with (default: the CMRT's, formatting not allowed). */
  protectionOptions?: Record<string, boolean>;
  /** Per-sheet protection options (over protectionOptions). */
  sheetProtectionOptions?: Record<string, Record<string, boolean>>;
  /** Passwords per sheet name (overrides). */
  passwords?: Record<string, string>;
  hiddenRows?: Record<string, number[]>;
  notes?: Record<string, Record<string, string>>;
  structure?: { protected: boolean; password?: string | null };
}

/** Options RMI templates protect their sheets with: selecting allowed, formatting and editing objects not. */
export const CMRT_PROTECTION_OPTIONS: Readonly<Record<string, boolean>> = Object.freeze({
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: true,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
});

/** Builds a document from cell grids (e.g. the xlsx reader's output for a real template). */
export function documentFromGrid(grid: WorkbookGrid, opts: FromGridOptions = {}): FakeDocument {
  const doc: FakeDocument = {
    sheets: [],
    customXmlParts: [],
    comments: [],
    structure: { protected: opts.structure?.protected ?? false, password: opts.structure?.password ?? null },
    activeSheetId: null,
    selection: null,
    nextId: 0,
  };
  for (const g of grid.sheets) {
    const sheet = emptySheet(doc, g.name);
    sheet.visibility = g.visibility === 'hidden' ? 'Hidden' : g.visibility === 'veryHidden' ? 'VeryHidden' : 'Visible';
    g.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== '') sheet.cells.set(key(r + 1, c + 1), { v });
      }),
    );
    g.formulas?.forEach((row, r) =>
      row?.forEach((f, c) => {
        if (typeof f === 'string' && f.startsWith('=')) {
          const k = key(r + 1, c + 1);
          const cell = sheet.cells.get(k) ?? { v: null };
          cell.f = f;
          sheet.cells.set(k, cell);
        }
      }),
    );
    const mode = opts.protection ?? 'grid';
    const protect = mode !== 'none' && g.protection?.protected;
    if (protect || opts.passwords?.[g.name]) {
      sheet.protection = {
        protected: true,
        options: { ...(opts.sheetProtectionOptions?.[g.name] ?? opts.protectionOptions ?? CMRT_PROTECTION_OPTIONS) },
        password: opts.passwords?.[g.name] ?? (mode === 'grid' && g.protection?.passwordProtected ? 'secret' : null),
      };
    }
    for (const r of opts.hiddenRows?.[g.name] ?? []) sheet.hiddenRows.add(r);
    for (const [address, fmt] of Object.entries(opts.formats?.[g.name] ?? {})) {
      const rect = parseArea(address);
      for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) setFormat(sheet, r, c, fmt);
    }
    for (const [address, content] of Object.entries(opts.notes?.[g.name] ?? {})) {
      const rect = parseArea(address);
      sheet.notes.set(key(rect.r1, rect.c1), { content, author: 'Supplier' });
    }
    doc.sheets.push(sheet);
  }
  doc.activeSheetId = doc.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
  return doc;
}

// ---- Serialisation: a fake "save" and "open" ----

export interface SavedDocument {
  version: 1;
  sheets: {
    id: string;
    name: string;
    visibility: FakeSheet['visibility'];
    cells: [string, FakeCell][];
    hiddenRows: number[];
    protection: ProtectionState;
    notes: [string, { content: string; author: string }][];
  }[];
  customXmlParts: FakeDocument['customXmlParts'];
  comments: FakeComment[];
  structure: FakeDocument['structure'];
  activeSheetId: string | null;
  nextId: number;
}

function a1Key(k: number): string {
  const { row, col } = unkey(k);
  return `${colLetters(col)}${row}`;
}

function keyA1(a1: string): number {
  const r = parseArea(a1);
  return key(r.r1, r.c1);
}

export function saveDocument(doc: FakeDocument): SavedDocument {
  return JSON.parse(
    JSON.stringify({
      version: 1,
      sheets: doc.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells].map(([k, c]) => [a1Key(k), c]),
        hiddenRows: [...s.hiddenRows],
        protection: s.protection,
        notes: [...s.notes].map(([k, n]) => [a1Key(k), n]),
      })),
      customXmlParts: doc.customXmlParts,
      comments: doc.comments,
      structure: doc.structure,
      activeSheetId: doc.activeSheetId,
      nextId: doc.nextId,
    }),
  ) as SavedDocument;
}

export function openDocument(saved: SavedDocument): FakeDocument {
  const copy = JSON.parse(JSON.stringify(saved)) as SavedDocument;
  return {
    sheets: copy.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      cells: new Map(s.cells.map(([a, c]) => [keyA1(a), c])),
      hiddenRows: new Set(s.hiddenRows),
      protection: s.protection,
      notes: new Map(s.notes.map(([a, n]) => [keyA1(a), n])),
    })),
    customXmlParts: copy.customXmlParts,
    comments: copy.comments,
    structure: copy.structure,
    activeSheetId: copy.activeSheetId,
    selection: null,
    nextId: copy.nextId,
  };
}
