/**
 * A faithful fake of the part of Excel the add-in uses, for tests, benchmarks and the browser preview harness.
 *
 *   const wb = FakeWorkbook.fromGrid(grid);                 // e.g. the xlsx reader's output for a real template
 *   await wb.run(async (context) => { ... });               // like Excel.run; context is an Excel.RequestContext
 *   wb.lastContext.syncCount, wb.lastContext.syncs          // round trips and payload estimates per sync
 *   const reopened = FakeWorkbook.open(wb.save());          // "save, close and reopen" (custom XML parts included)
 *
 * See runtime.ts for the load/sync contract and objects.ts for the members covered. Free of Node imports.
 * Never imported by production code.
 */
import type { WorkbookGrid } from '../../core/grid';
import { a1, colLetters } from '../../core/grid';
import { parseArea } from '../address';
import { FakeRequestContext, type Fault, type FakeHost } from './runtime';
import { FakeWorkbookProxy } from './objects';
import { documentFromGrid, formatOf, key, openDocument, saveDocument, unkey, type FakeDocument, type FakeFormat, type FakeSheet, type FromGridOptions, type SavedDocument } from './state';

export { FakeOfficeError, FakeErrorCodes, type Fault, type SyncRecord, FakeRequestContext } from './runtime';
export { CMRT_PROTECTION_OPTIONS, DEFAULT_FORMAT, type FakeFormat, type FromGridOptions, type SavedDocument } from './state';

export interface FakeExcelOptions {
  /** Highest ExcelApi 1.x minor version (default 18: everything the adapter can use). */
  apiMinor?: number;
  /** ExcelApiOnline 1.1 (Excel on the web): isPasswordProtected and friends. Default false. */
  online?: boolean;
  /** Request and response limit per sync; default 5 MB as Excel on the web. */
  payloadLimitBytes?: number;
  userName?: string;
}

export class FakeWorkbook implements FakeHost {
  faults: Fault[] = [];
  apiMinor: number;
  online: boolean;
  payloadLimitBytes: number;
  userName: string;
  /** Every context created by run(), in order. */
  readonly contexts: FakeRequestContext[] = [];

  constructor(
    public doc: FakeDocument,
    opts: FakeExcelOptions = {},
  ) {
    this.apiMinor = opts.apiMinor ?? 18;
    this.online = opts.online ?? false;
    this.payloadLimitBytes = opts.payloadLimitBytes ?? 5 * 1024 * 1024;
    this.userName = opts.userName ?? 'Reviewer';
  }

  static fromGrid(grid: WorkbookGrid, opts: FromGridOptions & FakeExcelOptions = {}): FakeWorkbook {
    return new FakeWorkbook(documentFromGrid(grid, opts), opts);
  }

  /** Opens a saved document, as Excel opens a file. */
  static open(saved: SavedDocument, opts: FakeExcelOptions = {}): FakeWorkbook {
    return new FakeWorkbook(openDocument(saved), opts);
  }

  /** The document as a JSON-safe object, as Excel saves a file (selection and the clipboard are not saved). */
  save(): SavedDocument {
    return saveDocument(this.doc);
  }

  /** Saves, closes and reopens with the same host options. */
  reopen(): FakeWorkbook {
    return FakeWorkbook.open(JSON.parse(JSON.stringify(this.save())) as SavedDocument, { apiMinor: this.apiMinor, online: this.online, payloadLimitBytes: this.payloadLimitBytes, userName: this.userName });
  }

  /** A new request context, typed as the real one (the fake covers the subset the adapter uses). */
  createContext(): Excel.RequestContext {
    const ctx = new FakeRequestContext(this, (c) => new FakeWorkbookProxy(c));
    Object.defineProperty(ctx, 'workbook', { get: () => ctx.workbookProxy });
    Object.defineProperty(ctx, 'application', { get: () => (ctx.workbookProxy as FakeWorkbookProxy).application });
    this.contexts.push(ctx);
    return ctx as unknown as Excel.RequestContext;
  }

  /** Like Excel.run: a fresh context, the batch, then a last sync of anything still queued. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = this.createContext();
    const result = await batch(context);
    const fake = context as unknown as FakeRequestContext;
    if (fake.pendingCommands > 0) await fake.sync();
    return result;
  }

  get lastContext(): FakeRequestContext {
    const c = this.contexts[this.contexts.length - 1];
    if (!c) throw new Error('No context yet');
    return c;
  }

  /** Office.context.requirements.isSetSupported, consistent with this fake's API level. */
  isSetSupported = (name: string, version?: string): boolean => {
    const minor = version ? Number(version.split('.')[1] ?? 0) : 1;
    if (name === 'ExcelApi') return minor <= this.apiMinor;
    if (name === 'ExcelApiOnline') return this.online && minor <= 1;
    return false;
  };

  // ---- Inspection, for tests (reads the document directly, no proxies) ----

  sheet(name: string): FakeSheet {
    const s = this.doc.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`No sheet ${name}`);
    return s;
  }

  /** Values and formulas by A1 address, for every non-empty cell of a sheet. */
  contents(name: string): Record<string, { v: unknown; f?: string }> {
    const out: Record<string, { v: unknown; f?: string }> = {};
    for (const [k, c] of [...this.sheet(name).cells].sort((x, y) => x[0] - y[0])) {
      if (c.v === null && c.f === undefined) continue;
      const { row, col } = unkey(k);
      out[a1(row, col)] = c.f !== undefined ? { v: c.v, f: c.f } : { v: c.v };
    }
    return out;
  }

  /** Formats that differ from the default, by A1 address. */
  formats(name: string): Record<string, Partial<FakeFormat>> {
    const out: Record<string, Partial<FakeFormat>> = {};
    for (const [k, c] of [...this.sheet(name).cells].sort((x, y) => x[0] - y[0])) {
      if (!c.fmt) continue;
      const { row, col } = unkey(k);
      out[a1(row, col)] = c.fmt.fill ? { ...c.fmt, fill: { ...c.fmt.fill } } : { ...c.fmt };
    }
    return out;
  }

  format(name: string, address: string): FakeFormat {
    const r = parseArea(address);
    return formatOf(this.sheet(name).cells.get(key(r.r1, r.c1)));
  }

  notes(name: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, n] of [...this.sheet(name).notes].sort((x, y) => x[0] - y[0])) {
      const { row, col } = unkey(k);
      out[`${colLetters(col)}${row}`] = n.content;
    }
    return out;
  }

  comments(name: string): Record<string, string> {
    const s = this.sheet(name);
    return Object.fromEntries(this.doc.comments.filter((c) => c.sheetId === s.id).map((c) => [a1(c.row, c.col), c.content]));
  }

  /** Everything a user could see or a formula could read: the state compared before and after a round trip. */
  snapshot(): unknown {
    return this.doc.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      contents: this.contents(s.name),
      formats: this.formats(s.name),
      hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
      protection: s.protection,
      notes: this.notes(s.name),
      comments: this.comments(s.name),
    }));
  }
}

/** `Excel`-namespace look-alike for the preview harness: `globalThis.Excel = createFakeExcel(wb)`. */
export function createFakeExcel(workbook: FakeWorkbook): { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> } {
  return { run: (batch) => workbook.run(batch) };
}

export const FakeExcel = {
  /** `FakeExcel.run(workbook, async (context) => ...)`. */
  run<T>(workbook: FakeWorkbook, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return workbook.run(batch);
  },
};
