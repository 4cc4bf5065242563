/**
 * The request/response machinery of the fake Excel: proxies queue commands, `context.sync()` runs them in order
 * against the document, and only then are loaded properties readable - exactly the Office.js contract:
 *
 * - reading a property that was not loaded and synced throws PropertyNotLoaded;
 * - `ClientResult.value` before its sync throws ValueNotLoaded;
 * - a command that fails stops the batch: the commands before it stay applied (no rollback), the ones after it do
 *   not run, loads of that batch are not delivered, and the context stays usable for the next sync;
 * - a request or a response over the payload limit (5 MB, as Excel on the web) fails the sync.
 *
 * Free of Node imports (the browser preview harness loads it). Never imported by production code.
 */
import type { FakeDocument } from './state';

// ---- Errors (OfficeExtension.Error shape) ----

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export const FakeErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidSelection: 'InvalidSelection',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  invalidObjectPath: 'InvalidObjectPath',
  propertyNotLoaded: 'PropertyNotLoaded',
  valueNotLoaded: 'ValueNotLoaded',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
} as const;

export function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    FakeErrorCodes.propertyNotLoaded,
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ---- Faults, for tests ----

export interface Fault {
  /** Fail in this sync only (1-based, counted per context). */
  sync?: number;
  /** Fail a command whose label matches, e.g. "RangeFill.color" or /NoteCollection\.add/. */
  label?: string | RegExp;
  /** ...on this sheet. */
  sheet?: string;
  /** Skip this many matching commands first (0 = fail the first match). */
  skip?: number;
  code?: string;
  message?: string;
}

// ---- Commands and the context ----

type Commit = () => void;

export interface Command {
  /** "Class.member", e.g. "RangeFill.color", "WorksheetProtection.unprotect". */
  label: string;
  /** The sheet the command touches, when known at queue time. */
  sheet?: string;
  /** Size of the command in the request, for the payload estimate. */
  bytes: number;
  run: () => Commit | void;
}

export interface SyncRecord {
  commands: number;
  requestBytes: number;
  responseBytes: number;
  suspendedCalculation: boolean;
  suspendedScreenUpdating: boolean;
  error?: string;
}

export interface FakeHost {
  doc: FakeDocument;
  faults: Fault[];
  /** Highest ExcelApi 1.x minor version the fake offers, e.g. 18 for 1.18 (APIs above it are missing, as on an older Excel). */
  apiMinor: number;
  /** Whether ExcelApiOnline 1.1 members (isPasswordProtected, ...) exist. */
  online: boolean;
  payloadLimitBytes: number;
  /** Author name given to notes and comments the add-in creates. */
  userName: string;
}

export class FakeRequestContext {
  syncCount = 0;
  readonly syncs: SyncRecord[] = [];
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: Command[] = [];
  private faultHits = new Map<Fault, number>();
  /** Set by application.suspend*UntilNextSync; reset by every sync. */
  pending = { suspendedCalculation: false, suspendedScreenUpdating: false };
  private _workbook: unknown;

  constructor(
    readonly host: FakeHost,
    makeWorkbook: (ctx: FakeRequestContext) => unknown,
  ) {
    this._workbook = makeWorkbook(this);
  }

  /** The workbook proxy (typed in objects.ts). */
  get workbookProxy(): unknown {
    return this._workbook;
  }

  enqueue(cmd: Command): void {
    this.queue.push(cmd);
  }

  /** Object paths created since the last sync, for the request size: Office.js sends one per proxy it uses. */
  private pathBytes = 0;
  private executing = false;

  notePath(): void {
    if (!this.executing) this.pathBytes += PATH_BYTES;
  }

  /** Throws like a missing member on an older Excel. */
  requireApi(minor: number, member: string): void {
    if (this.host.apiMinor < minor) {
      throw new FakeOfficeError(FakeErrorCodes.apiNotFound, `${member} needs ExcelApi 1.${minor}; this fake Excel offers 1.${this.host.apiMinor}.`);
    }
  }

  requireOnline(member: string): void {
    if (!this.host.online) throw new FakeOfficeError(FakeErrorCodes.apiNotFound, `${member} needs ExcelApiOnline 1.1.`);
  }

  private faultFor(cmd: Command, syncNo: number): Fault | undefined {
    for (const f of this.host.faults) {
      if (f.sync !== undefined && f.sync !== syncNo) continue;
      if (f.label !== undefined && !(typeof f.label === 'string' ? cmd.label === f.label : f.label.test(cmd.label))) continue;
      if (f.sheet !== undefined && cmd.sheet !== f.sheet) continue;
      const hits = this.faultHits.get(f) ?? 0;
      this.faultHits.set(f, hits + 1);
      if (hits < (f.skip ?? 0)) continue;
      return f;
    }
    return undefined;
  }

  async sync(): Promise<void> {
    this.syncCount += 1;
    const batch = this.queue;
    this.queue = [];
    const record: SyncRecord = {
      commands: batch.length,
      requestBytes: batch.reduce((n, c) => n + c.bytes, 0) + this.pathBytes,
      responseBytes: 0,
      suspendedCalculation: this.pending.suspendedCalculation,
      suspendedScreenUpdating: this.pending.suspendedScreenUpdating,
    };
    this.pending = { suspendedCalculation: false, suspendedScreenUpdating: false };
    this.pathBytes = 0;
    this.syncs.push(record);
    await Promise.resolve();
    this.executing = true;
    try {
      if (record.requestBytes > this.host.payloadLimitBytes) {
        throw new FakeOfficeError(FakeErrorCodes.requestPayloadSizeLimitExceeded, `The request payload size has exceeded the limit (${record.requestBytes} bytes).`);
      }
      const commits: Commit[] = [];
      for (const cmd of batch) {
        const fault = this.faultFor(cmd, this.syncCount);
        if (fault) throw new FakeOfficeError(fault.code ?? FakeErrorCodes.generalException, fault.message ?? `Injected fault at ${cmd.label}`, cmd.label);
        const commit = cmd.run();
        if (commit) commits.push(commit);
      }
      record.responseBytes = responseBytes;
      responseBytes = 0;
      if (record.responseBytes > this.host.payloadLimitBytes) {
        throw new FakeOfficeError(FakeErrorCodes.responsePayloadSizeLimitExceeded, `The response payload size has exceeded the limit (${record.responseBytes} bytes).`);
      }
      for (const c of commits) c();
    } catch (e) {
      responseBytes = 0;
      record.error = e instanceof FakeOfficeError ? e.code : String(e);
      if (e instanceof FakeOfficeError) throw e;
      // A plain exception inside the host is reported as a GeneralException, as the real host does.
      throw new FakeOfficeError(FakeErrorCodes.generalException, e instanceof Error ? e.message : String(e));
    } finally {
      this.executing = false;
    }
  }

  /** Commands queued and not yet synced. */
  get pendingCommands(): number {
    return this.queue.length;
  }
}

/** Bytes of loaded data in the sync being run (the response payload estimate). */
let responseBytes = 0;

export function countResponse(value: unknown): void {
  responseBytes += value === undefined ? 0 : JSON.stringify(value).length;
}

/**
 * Request size model, from the JSON Office.js sends: every action (~80 bytes plus its arguments) and every object
 * path it refers to (~100 bytes: getRange("A5:Q5"), .format, .fill, ... each is one path, plus its instantiation).
 */
const ACTION_BYTES = 80;
const PATH_BYTES = 100;

export function argBytes(...args: unknown[]): number {
  return ACTION_BYTES + args.reduce<number>((n, a) => n + (a === undefined ? 0 : JSON.stringify(a).length), 0);
}

// ---- Client objects ----

/** A resolver yields the target in the document, `null` for a null object, or throws (ItemNotFound, ...). */
export type Resolver<T> = () => T | null;

export function chained<P, T>(parent: Resolver<P>, step: (p: P) => T | null, what: string): Resolver<T> {
  return () => {
    const p = parent();
    if (p === null) throw new FakeOfficeError(FakeErrorCodes.invalidArgument, `${what} was called on a null object.`);
    return step(p);
  };
}

/** Turns load arguments into property paths ("values", "format/fill/color", "items/name"). */
export function loadPaths(arg: unknown): string[] | null {
  if (arg === undefined || arg === null) return null; // all scalar properties
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadPaths(a) ?? []);
  if (typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if ('select' in o || 'expand' in o) {
      return [...(loadPaths(o.select) ?? []), ...(loadPaths(o.expand) ?? [])];
    }
    const out: string[] = [];
    const walk = (obj: Record<string, unknown>, prefix: string): void => {
      for (const [k, v] of Object.entries(obj)) {
        if (k === '$top' || k === '$skip') continue;
        if (v === true) out.push(prefix + k);
        else if (v && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}/`);
      }
    };
    walk(o, '');
    return out;
  }
  return [];
}

export abstract class FakeClientObject<T = unknown> {
  /** Loaded property values, readable after the sync that loaded them. */
  protected readonly _loaded = new Map<string, unknown>();
  protected _isNull: boolean | undefined;

  constructor(
    readonly context: FakeRequestContext,
    protected readonly _resolve: Resolver<T>,
    protected readonly _className: string,
  ) {
    context.notePath();
  }

  /** Scalar properties `load()` without arguments loads. */
  protected abstract _scalars(): readonly string[];
  /** Reads one scalar property from the target (at sync time). */
  protected abstract _read(target: T, prop: string): unknown;
  /** Navigation properties (child proxies). */
  protected _nav(_name: string): FakeClientObject<unknown> | undefined {
    return undefined;
  }
  /** ExcelApi 1.x minor version that introduced a property (scalar or navigation), when above 1.1. */
  protected _since(): Readonly<Record<string, number>> {
    return {};
  }
  /** The sheet this object lives on, for fault matching. */
  _sheetName(): string | undefined {
    return undefined;
  }

  private _checkSince(prop: string): void {
    const v = this._since()[prop];
    if (v !== undefined && this.context.host.apiMinor < v) {
      throw new FakeOfficeError(FakeErrorCodes.invalidArgument, `The property '${prop}' of ${this._className} needs ExcelApi 1.${v}.`);
    }
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded('isNullObject');
    return this._isNull;
  }

  /** Queues a load. */
  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    this.context.enqueue({ label: `${this._className}.load`, sheet: this._sheetName(), bytes: argBytes(paths), run: () => this._prepareLoad(paths) });
    return this;
  }

  /** Runs a load against the document now; returns the commit that makes the values readable. */
  _prepareLoad(paths: string[] | null): Commit {
    const target = this._resolve();
    const scalars = paths === null ? this._scalars().filter((p) => { const v = this._since()[p]; return v === undefined || v <= this.context.host.apiMinor; }) : [];
    const navs = new Map<string, string[]>();
    for (const p of paths ?? []) {
      const [head, ...rest] = p.split('/');
      if (!head) continue;
      this._checkSince(head);
      if (rest.length === 0 && this._scalars().includes(head)) scalars.push(head);
      else if (this._nav(head)) navs.set(head, [...(navs.get(head) ?? []), ...(rest.length ? [rest.join('/')] : [])]);
      else if (rest.length === 0) throw new FakeOfficeError(FakeErrorCodes.invalidArgument, `The property '${head}' does not exist on ${this._className}.`);
    }
    const values = new Map<string, unknown>();
    if (target !== null) {
      for (const s of scalars) {
        const v = this._read(target, s);
        countResponse(v);
        values.set(s, v);
      }
    }
    const childCommits: Commit[] = [];
    if (target !== null) for (const [n, sub] of navs) childCommits.push(this._nav(n)!._prepareLoad(sub.length ? sub : null));
    return () => {
      this._isNull = target === null;
      for (const [k, v] of values) this._loaded.set(k, v);
      if (target === null) for (const s of scalars) this._loaded.set(s, null);
      for (const c of childCommits) c();
    };
  }

  /** Queues the resolution of an *OrNullObject result so that isNullObject is known after the sync. */
  _trackNull(): this {
    this.context.enqueue({
      label: `${this._className}.resolve`,
      bytes: 40,
      run: () => {
        const isNull = this._resolve() === null;
        return () => {
          this._isNull = isNull;
        };
      },
    });
    return this;
  }

  protected _get<V>(prop: string): V {
    this._checkSince(prop);
    if (!this._loaded.has(prop)) throw notLoaded(prop);
    return this._loaded.get(prop) as V;
  }

  /** Resolves the target inside a command, failing on a null object. */
  protected _target(member: string): T {
    const t = this._resolve();
    if (t === null) throw new FakeOfficeError(FakeErrorCodes.itemNotFound, `${this._className}.${member}: the object does not exist.`);
    return t;
  }

  /** Queues a property set or a void method. */
  protected _command(member: string, args: unknown[], apply: (t: T) => void): void {
    this.context.enqueue({ label: `${this._className}.${member}`, sheet: this._sheetName(), bytes: argBytes(...args), run: () => apply(this._target(member)) });
  }

  /** Queues a method whose result is read after the sync. */
  protected _result<V>(member: string, args: unknown[], compute: (t: T) => V): FakeClientResult<V> {
    const result = new FakeClientResult<V>();
    this.context.enqueue({
      label: `${this._className}.${member}`,
      sheet: this._sheetName(),
      bytes: argBytes(...args),
      run: () => {
        const v = compute(this._target(member));
        countResponse(v);
        return () => result._set(v);
      },
    });
    return result;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

export class FakeClientResult<V> {
  private _has = false;
  private _value: V | undefined;

  get value(): V {
    if (!this._has) {
      throw new FakeOfficeError(
        FakeErrorCodes.valueNotLoaded,
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this._value as V;
  }

  _set(v: V): void {
    this._value = v;
    this._has = true;
  }
}

/**
 * A collection proxy: `items` after a load; `load("name")` means the items' name, as in Office.js.
 */
export abstract class FakeCollection<T, I extends FakeClientObject<T>> extends FakeClientObject<T[]> {
  protected _items: I[] | undefined;

  protected abstract _item(target: T): I;

  get items(): I[] {
    if (!this._items) throw notLoaded('items');
    return this._items;
  }

  protected override _scalars(): readonly string[] {
    return [];
  }

  protected override _read(): unknown {
    return undefined;
  }

  override _prepareLoad(paths: string[] | null): Commit {
    const targets = this._resolve();
    const itemPaths = paths === null ? null : paths.map((p) => (p.startsWith('items/') ? p.slice(6) : p === 'items' ? '' : p)).filter((p) => p !== '');
    const items = (targets ?? []).map((t) => this._item(t));
    const commits = items.map((i) => i._prepareLoad(itemPaths && itemPaths.length ? itemPaths : null));
    return () => {
      this._isNull = targets === null;
      this._items = items;
      for (const c of commits) c();
    };
  }

  getCount(): FakeClientResult<number> {
    return this._result('getCount', [], (t) => t.length);
  }
}
