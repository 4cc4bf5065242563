/**
 * `cmrt-review rollup --out DIR PATH...`: review a folder of received templates and roll up every supplier,
 * smelter and finding into DIR/suppliers.csv, DIR/smelters.csv and DIR/findings.csv, and the same three tables as
 * the sheets of DIR/rollup.xlsx.
 *
 * Only I/O lives here: finding the files, a pool of worker threads (src/cli/rollup-worker.ts; at most
 * os.availableParallelism()) that each read and review one file at a time and post back its compact summary, the
 * progress bar, and the output files. The roll-up itself is src/core/rollup.ts, which the task pane uses too.
 *
 * The main thread never holds a workbook: it folds each summary into the roll-up as it arrives and drops it.
 * Files that cannot be read (broken, unrelated, password-protected) become "unreadable" rows, never a crash; a
 * worker that dies on a file is replaced and that file is reported.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { reviewFile } from './load';
import { parseArgs, type MakeError } from './args';
import { writeCsv } from '../core/csv';
import { writeXlsx } from '../xlsx/write';
import { createRollup, rollupAdd, rollupRows, rollupTotals, summariseForRollup, type RollupFileSummary, type RollupState, type RollupTable, type RollupTotals } from '../core/rollup';
import type { ReviewReference } from '../core/reference';
import type { Role } from '../core/rules/rule';
import type { Io } from './main';

/** Same meaning as check's exit codes (main.ts EXIT): 0 no error findings, 1 error findings, 2 usage/unreadable. */
const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

export const ROLLUP_FILES = { suppliers: 'suppliers.csv', smelters: 'smelters.csv', findings: 'findings.csv', workbook: 'rollup.xlsx' } as const;
/** The sheets of rollup.xlsx. */
export const ROLLUP_XLSX_SHEETS = { suppliers: 'Suppliers', smelters: 'Smelters', findings: 'Findings' } as const;

export interface RollupArgs {
  out: string;
  role: Role;
  status?: string;
  watchlist?: string;
  policy?: string;
  /** Worker threads; default os.availableParallelism(). 0 reviews in this thread. */
  jobs?: number;
  paths: string[];
}

export interface RollupIo extends Io {
  /** Show the progress bar; default: when process.stderr is a terminal. */
  progress?: boolean;
}

/** Parses the rollup options (the reference options are the same as check's). */
export function parseRollupArgs(args: string[], usage: MakeError): RollupArgs {
  let jobs: number | undefined;
  const { positional, ...common } = parseArgs(args, usage, (name, value) => {
    if (name !== '--jobs' && name !== '-j') return false;
    const v = value();
    if (!/^\d+$/.test(v)) throw usage(`--jobs must be a whole number, not "${v}".`);
    jobs = Number(v);
    return true;
  }, 'rollup');
  const out = { ...common, paths: positional, ...(jobs === undefined ? {} : { jobs }) };
  if (!out.out) throw usage('rollup needs --out DIR (the folder for suppliers.csv, smelters.csv and findings.csv).');
  if (!out.paths.length) throw usage('Give at least one template file or folder to roll up.');
  return out as RollupArgs;
}

// ---------------------------------------------------------------------------------------------------------
// Files

const TEMPLATE_EXT = /\.(xlsx|xlsm)$/i;

/** Excel's lock files (~$Book.xlsx) and macOS resource forks (._Book.xlsx) are not workbooks. */
function isJunk(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.');
}

/**
 * The files to review, in a stable order: each PATH that is a file as given (whatever its extension), each folder
 * searched recursively for .xlsx/.xlsm. A path that does not exist is kept, to be reported as unreadable.
 */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(file);
  };
  const visited = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return; // a symlink loop, or the same folder twice
    visited.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (isJunk(name)) continue;
      const full = join(dir, name);
      let st;
      try {
        st = statSync(full);
      } catch {
        continue; // a dangling link
      }
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && TEMPLATE_EXT.test(name)) add(full);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      add(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else add(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Reviewing: in worker threads, or in this thread

export interface RollupReviewContext {
  role: Role;
  now: Date;
  reference: ReviewReference;
}

/** Reads, reviews and compacts one file; never throws. Used by the workers and by the in-thread fallback. */
export function reviewForRollup(file: string, ctx: RollupReviewContext): RollupFileSummary {
  try {
    const loaded = reviewFile(file, ctx);
    return summariseForRollup(file, loaded.review, loaded.error);
  } catch (e) {
    return summariseForRollup(file, null, { code: 'internal', message: `Unexpected error while reviewing: ${(e as Error)?.message ?? String(e)}` });
  }
}

export interface RollupWorkerData {
  kind: 'cmrt-review-rollup';
  role: Role;
  /** ISO time. */
  now: string;
  status?: string;
  watchlist?: string;
  policy?: string;
}

export interface WorkerEntry {
  file: string;
  execArgv?: string[];
  /** Heap limits for each worker (tests); Node's defaults otherwise. */
  resourceLimits?: ResourceLimits;
}

/**
 * The worker's script: the compiled rollup-worker.js next to this file (production, lib/cli/); from the sources
 * (jest, tsx) the .ts file through tsx's require hook. Null when neither can run: the caller reviews in-thread.
 */
export function workerEntry(dir = __dirname, self = __filename): WorkerEntry | null {
  const js = join(dir, 'rollup-worker.js');
  if (existsSync(js)) return { file: js };
  const ts = join(dir, 'rollup-worker.ts');
  if (/\.ts$/.test(self) && existsSync(ts)) {
    try {
      return { file: ts, execArgv: ['--require', require.resolve('tsx/cjs')] };
    } catch {
      return null;
    }
  }
  return null;
}

type Posted = { type: 'ready' } | { type: 'result'; id: number; summary: RollupFileSummary };

class WorkerStartError extends Error {}

/** One worker thread that reviews one file at a time. */
class PoolWorker {
  private worker: Worker;
  private pending: { id: number; file: string; resolve: (s: RollupFileSummary) => void } | null = null;
  private ready: Promise<void>;
  private dead: Error | null = null;

  constructor(entry: WorkerEntry, data: RollupWorkerData) {
    this.worker = new Worker(entry.file, { workerData: data, execArgv: entry.execArgv, resourceLimits: entry.resourceLimits });
    let onReady!: () => void;
    let onFail!: (e: Error) => void;
    this.ready = new Promise<void>((res, rej) => {
      onReady = res;
      onFail = rej;
    });
    let started = false;
    this.worker.on('message', (m: Posted) => {
      if (m.type === 'ready') {
        started = true;
        onReady();
      } else if (m.type === 'result' && this.pending?.id === m.id) {
        const p = this.pending;
        this.pending = null;
        p.resolve(m.summary);
      }
    });
    const fail = (e: Error): void => {
      if (this.dead) return;
      this.dead = e;
      if (!started) onFail(new WorkerStartError(e.message));
      const p = this.pending;
      this.pending = null;
      if (p) {
        const what = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'ran out of memory' : `failed (${e.message})`;
        p.resolve(summariseForRollup(p.file, null, { code: 'internal', message: `Reviewing this file ${what}.` }));
      }
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`worker exited with code ${code}`)));
  }

  get alive(): boolean {
    return this.dead === null;
  }

  /** Resolves once the worker has loaded; rejects when it fails first or takes longer than `timeoutMs`. */
  whenReady(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new WorkerStartError(`a worker did not start within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    });
    return Promise.race([this.ready, late]).finally(() => clearTimeout(timer));
  }

  /** Reviews one file; after `timeoutMs` the worker is stopped and the file reported as taking too long. */
  review(id: number, file: string, timeoutMs: number): Promise<RollupFileSummary> {
    return new Promise((res) => {
      const timer = setTimeout(() => {
        if (this.pending?.id !== id) return;
        this.pending = null;
        this.dead ??= new Error('timed out');
        void this.worker.terminate();
        res(summariseForRollup(file, null, { code: 'timeout', message: `Reviewing this file took longer than ${Math.round(timeoutMs / 1000)} s; it was skipped.` }));
      }, timeoutMs);
      this.pending = { id, file, resolve: (s) => { clearTimeout(timer); res(s); } };
      this.worker.postMessage({ id, file });
    });
  }

  async stop(): Promise<void> {
    this.dead ??= new Error('stopped');
    await this.worker.terminate();
  }
}

export interface ReviewAllOptions {
  /** Worker threads (capped at os.availableParallelism() and at the number of files); 0 = in this thread. */
  jobs?: number;
  /** Worker script; default `workerEntry()`; null = in this thread. */
  entry?: WorkerEntry | null;
  /** Told once when workers cannot start and files are reviewed in this thread instead. */
  onFallback?: (why: string) => void;
  /** Longest a worker may spend on one file before it is stopped and the file skipped (default 5 minutes). */
  fileTimeoutMs?: number;
  /** Longest a worker may take to load before the files are reviewed in this thread (default 2 minutes). */
  startTimeoutMs?: number;
}

/**
 * Reviews every file and hands each summary to `onSummary` as it arrives (in completion order). Never rejects for
 * a file: a file that breaks its worker comes back as unreadable and the worker is replaced.
 */
export async function reviewAll(
  files: readonly string[],
  args: Pick<RollupArgs, 'role' | 'status' | 'watchlist' | 'policy'>,
  ctx: RollupReviewContext,
  onSummary: (s: RollupFileSummary) => void,
  options: ReviewAllOptions = {},
): Promise<void> {
  const cap = Math.max(1, availableParallelism());
  const jobs = Math.min(options.jobs ?? cap, cap, files.length);
  const entry = options.entry === undefined ? workerEntry() : options.entry;
  let next = 0;
  const inThread = async (): Promise<void> => {
    while (next < files.length) {
      onSummary(reviewForRollup(files[next++]!, ctx));
      // let the progress bar and other callbacks run between files
      await new Promise<void>((r) => setImmediate(r));
    }
  };
  if (jobs < 1 || !entry || files.length < 2) return inThread();

  const data: RollupWorkerData = {
    kind: 'cmrt-review-rollup', role: args.role, now: ctx.now.toISOString(), status: args.status, watchlist: args.watchlist, policy: args.policy,
  };
  let fallback: string | null = null;
  const lane = async (): Promise<void> => {
    let w: PoolWorker | null = null;
    try {
      while (next < files.length && fallback === null) {
        if (!w || !w.alive) {
          if (w) void w.stop();
          w = new PoolWorker(entry, data);
          try {
            await w.whenReady(options.startTimeoutMs ?? 120_000);
          } catch (e) {
            fallback ??= (e as Error).message;
            return;
          }
        }
        if (next >= files.length) break;
        const id = next++;
        onSummary(await w.review(id, files[id]!, options.fileTimeoutMs ?? 300_000));
      }
    } finally {
      if (w) await w.stop();
    }
  };
  await Promise.all(Array.from({ length: jobs }, lane));
  if (fallback !== null) {
    options.onFallback?.(fallback);
    await inThread();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Progress

/** A one-line progress bar on stderr, redrawn at most ten times a second; nothing at all when disabled. */
class Progress {
  private last = 0;
  private shown = false;
  private readonly start = Date.now();
  constructor(private readonly write: (s: string) => void, private readonly total: number, private readonly enabled: boolean, private readonly columns = 80) {}

  update(done: number, unreadable: number): void {
    if (!this.enabled) return;
    const t = Date.now();
    if (done < this.total && t - this.last < 100) return;
    this.last = t;
    const elapsed = (t - this.start) / 1000;
    const eta = done > 0 && done < this.total ? ` · ${Math.ceil((elapsed / done) * (this.total - done))}s left` : '';
    const tail = ` ${done}/${this.total} files${unreadable ? ` · ${unreadable} unreadable` : ''}${eta}`;
    const width = Math.max(10, Math.min(40, this.columns - tail.length - 4));
    const filled = Math.round((done / Math.max(1, this.total)) * width);
    this.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${tail}\x1b[K`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.write('\r\x1b[K');
    this.shown = false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Output

/** Writes a table as CSV (UTF-8 with a BOM, formula-like text neutralised), in slices to bound the string size. */
function writeTable(path: string, rows: RollupTable): void {
  const SLICE = 5000;
  writeFileSync(path, writeCsv(rows.slice(0, SLICE)));
  for (let i = SLICE; i < rows.length; i += SLICE) appendFileSync(path, writeCsv(rows.slice(i, i + SLICE), { bom: false }));
}

/** Writes the three CSV files and the workbook with the same three tables; returns their paths. */
export function writeRollup(outDir: string, state: RollupState): string[] {
  const tables = rollupRows(state);
  const written: string[] = [];
  const keys = ['suppliers', 'smelters', 'findings'] as const;
  for (const key of keys) {
    const p = join(outDir, ROLLUP_FILES[key]);
    writeTable(p, tables[key]);
    written.push(p);
  }
  const p = join(outDir, ROLLUP_FILES.workbook);
  writeFileSync(p, writeXlsx(keys.map((key) => ({ name: ROLLUP_XLSX_SHEETS[key], rows: tables[key] }))));
  written.push(p);
  return written;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function summaryLine(t: RollupTotals): string {
  return `Reviewed ${plural(t.files, 'file')}: ${t.ok} ok, ${t.withErrors} with errors, ${t.unreadable} unreadable · ` +
    `${plural(t.uniqueSmelters, 'unique smelter')} (${t.smelterRows} rows), ${t.uniqueSmeltersOfInterest} of interest`;
}

// ---------------------------------------------------------------------------------------------------------
// The command

export type BuildReference = (args: { status?: string; watchlist?: string; policy?: string }, now: Date, warn: (s: string) => void) => ReviewReference;

export async function rollup(args: RollupArgs, io: RollupIo, buildReference: BuildReference, options: Omit<ReviewAllOptions, 'jobs'> = {}): Promise<number> {
  const now = io.now ?? new Date();
  // Load (and check) the reference files once here, so that a bad --status or --policy is a usage error.
  const reference = buildReference(args, now, io.stderr);
  const files = collectFiles(args.paths);
  if (!files.length) {
    io.stderr(`cmrt-review: no .xlsx or .xlsm files in ${args.paths.join(', ')}.\n`);
    return EXIT_USAGE;
  }
  try {
    mkdirSync(args.out, { recursive: true });
    if (!statSync(args.out).isDirectory()) throw new Error('not a folder');
  } catch (e) {
    io.stderr(`cmrt-review: cannot write to ${args.out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).\n`);
    return EXIT_USAGE;
  }

  const state = createRollup();
  const unreadable: RollupFileSummary[] = [];
  const progress = new Progress(io.stderr, files.length, io.progress ?? process.stderr.isTTY === true, process.stderr.columns || 80);
  progress.update(0, 0);
  await reviewAll(files, args, { role: args.role, now, reference }, (s) => {
    rollupAdd(state, s);
    if (s.status === 'unreadable') unreadable.push({ ...s, findings: [], smelters: [] });
    progress.update(state.totals.files, state.totals.unreadable);
  }, {
    ...options,
    jobs: args.jobs,
    onFallback: (why) => {
      progress.clear();
      io.stderr(`cmrt-review: worker threads unavailable (${why}); reviewing in one thread.\n`);
      options.onFallback?.(why);
    },
  });
  progress.clear();

  let written: string[];
  try {
    written = writeRollup(args.out, state);
  } catch (e) {
    io.stderr(`cmrt-review: cannot write the roll-up to ${args.out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).\n`);
    return EXIT_USAGE;
  }
  const totals = rollupTotals(state);
  unreadable.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const SHOW = 20;
  for (const s of unreadable.slice(0, SHOW)) io.stderr(`cmrt-review: skipped ${s.file}: ${s.reason}\n`);
  if (unreadable.length > SHOW) io.stderr(`cmrt-review: … and ${unreadable.length - SHOW} more unreadable files (see ${basename(written[0]!)}).\n`);
  io.stdout(`${summaryLine(totals)}\nWrote ${written.join(', ')}\n`);
  if (totals.unreadable > 0) return EXIT_USAGE;
  return totals.withErrors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
