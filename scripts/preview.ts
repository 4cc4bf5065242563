/**
 * The preview harness: the real task pane, running over the simulated Excel workbook (src/excel/fake) loaded from
 * an .xlsx file, on plain http://127.0.0.1 — no Excel, no office.js, no CDN.
 *
 *   npm run preview -- [--port N] [--theme dark] FILE.xlsx [MORE.xlsx ...]
 *
 * Builds the `preview` page (src/preview/main.tsx) with webpack's Node API in development mode into
 * node_modules/.cache/cmrt-review-preview (never dist/, never the production bundle), reads each FILE in Node with
 * the xlsx reader (src/xlsx/read.ts), and serves the build plus each workbook's grid as JSON from a small node:http
 * server bound to 127.0.0.1. The first file opens by default; others by ?workbook=NAME (the file name without .xlsx).
 *
 * Browser tests and scripts/screenshot.ts use `startPreview()` directly.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Configuration } from 'webpack';
import type { WorkbookGrid } from '../src/core/grid';
import { readXlsx } from '../src/xlsx/read';
import { NEEDED_SHEETS } from '../src/core/read';

const ROOT = resolve(__dirname, '..');
export const DEFAULT_OUT_DIR = join(ROOT, 'node_modules', '.cache', 'cmrt-review-preview', 'dist');
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'cmrt-review-preview', 'webpack');

export interface PreviewWorkbook {
  /** Name in URLs (?workbook=NAME); letters, digits, "-", "_" and "." only. */
  name: string;
  /** Shown in the side panel. */
  fileName: string;
  /** The .xlsx bytes (read with src/xlsx/read.ts), or a grid already read. */
  bytes?: Uint8Array;
  grid?: WorkbookGrid;
}

export interface PreviewOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  workbooks: PreviewWorkbook[];
  /** Where the preview build goes (default: node_modules/.cache/cmrt-review-preview/dist). */
  outDir?: string;
  /** Skip the webpack build and serve an existing outDir. */
  skipBuild?: boolean;
  /** Log requests and build output. */
  verbose?: boolean;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** Adds or replaces a workbook while the server runs. */
  addWorkbook(workbook: PreviewWorkbook): void;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Builds the preview page with webpack (development mode, filesystem cache). Resolves to the output folder. */
export async function buildPreview(outDir = DEFAULT_OUT_DIR, verbose = false): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, 'webpack.config.js')) as (env: Record<string, unknown>, argv: { mode: string }) => Promise<Configuration>;
  const config = await makeConfig({ pages: 'preview' }, { mode: 'development' });
  config.context = ROOT;
  config.output = { ...config.output, path: outDir, clean: true };
  config.devtool = 'cheap-module-source-map';
  config.cache = { type: 'filesystem', cacheDirectory: CACHE_DIR, buildDependencies: { config: [join(ROOT, 'webpack.config.js'), __filename] } };
  config.infrastructureLogging = { level: verbose ? 'info' : 'error' };
  mkdirSync(outDir, { recursive: true });
  const compiler = webpack(config);
  await new Promise<void>((ok, fail) => {
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return fail(err);
      if (!stats) return fail(new Error('webpack returned no stats'));
      if (stats.hasErrors()) return fail(new Error(`The preview build failed:\n${stats.toString({ all: false, errors: true, colors: false })}`));
      if (verbose) console.log(stats.toString({ colors: false, modules: false, assets: true }));
      ok();
    });
  });
  return outDir;
}

function gridOf(w: PreviewWorkbook): WorkbookGrid {
  if (w.grid) return w.grid;
  if (!w.bytes) throw new Error(`Workbook ${w.name} has neither bytes nor grid.`);
  // Every sheet by name, with the contents of the sheets the add-in reads (the rest stay empty: the instructions and
  // definitions tabs would only make the page slower to load).
  const needed = new Set<string>(NEEDED_SHEETS.map((n) => n.toLowerCase()));
  const wb = readXlsx(w.bytes, { formulas: true, sheets: (name) => needed.has(name.trim().toLowerCase()) });
  const read = new Map(wb.sheets.map((s) => [s.name, s]));
  return {
    sheets: wb.sheetNames.map((name) => {
      const s = read.get(name);
      const visibility = wb.sheetVisibility[name] ?? 'visible';
      if (!s) return { name, values: [], visibility };
      // Only what a WorkbookGrid carries (the reader adds data validations, dimensions, ...).
      return {
        name,
        values: s.values,
        ...(s.formulas ? { formulas: s.formulas } : {}),
        visibility,
        protection: { protected: s.protection.protected, passwordProtected: s.protection.passwordProtected },
      };
    }),
  };
}

function safeName(name: string): string {
  const n = name.replace(/\.(xlsx|xlsm)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-');
  return n || 'workbook';
}

/** Starts the preview server on 127.0.0.1 (building the preview first unless skipBuild). */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  if (!options.workbooks.length) throw new Error('The preview needs at least one workbook.');
  const outDir = options.skipBuild ? (options.outDir ?? DEFAULT_OUT_DIR) : await buildPreview(options.outDir, options.verbose);
  if (!existsSync(join(outDir, 'preview.html'))) throw new Error(`No preview build in ${outDir}; run without skipBuild.`);

  const workbooks = new Map<string, string>();
  let defaultName = '';
  const addWorkbook = (w: PreviewWorkbook): void => {
    const name = safeName(w.name);
    workbooks.set(name, JSON.stringify({ name, fileName: w.fileName, grid: gridOf(w) }));
    if (!defaultName) defaultName = name;
  };
  options.workbooks.forEach(addWorkbook);

  const root = normalize(outDir + sep);
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer): void => {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      // The preview loads nothing from elsewhere; the browser enforces it too.
      'Content-Security-Policy':
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'none'; form-action 'none'",
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
  };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    if (options.verbose) console.log(`${req.method} ${path}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    if (path === '/' || path === '/index.html') {
      res.writeHead(302, { Location: `/preview.html${url.search}` });
      res.end();
      return;
    }
    const wb = /^\/workbooks\/([A-Za-z0-9._-]+)\.json$/.exec(path);
    if (wb) {
      const body = workbooks.get(wb[1] === 'default' ? defaultName : wb[1]!);
      return body ? send(res, 200, CONTENT_TYPES['.json']!, body) : send(res, 404, 'text/plain; charset=utf-8', `No workbook ${wb[1]}`);
    }
    if (path === '/workbooks/index.json') return send(res, 200, CONTENT_TYPES['.json']!, JSON.stringify([...workbooks.keys()]));
    const file = normalize(join(outDir, path));
    if (!file.startsWith(root) || !existsSync(file)) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    try {
      send(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    } catch {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
  };

  const server = createServer(handle);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    addWorkbook,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

function usage(): string {
  return 'Usage: npm run preview -- [--port N] [--theme dark] [--verbose] FILE.xlsx [MORE.xlsx ...]';
}

async function cli(argv: string[]): Promise<void> {
  let port = 3100;
  let theme = '';
  let verbose = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--port' || a === '-p') port = Number(argv[++i]);
    else if (a.startsWith('--port=')) port = Number(a.slice(7));
    else if (a === '--theme') theme = argv[++i] ?? '';
    else if (a === '--verbose') verbose = true;
    else if (a === '--help' || a === '-h') {
      console.log(usage());
      return;
    } else files.push(a);
  }
  if (!files.length || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(usage());
    process.exitCode = 2;
    return;
  }
  const workbooks: PreviewWorkbook[] = files.map((f) => {
    if (!existsSync(f)) throw new Error(`No such file: ${f}`);
    return { name: basename(f), fileName: basename(f), bytes: readFileSync(f) };
  });
  console.log('Building the preview (development mode)…');
  const server = await startPreview({ port, workbooks, verbose });
  const q = theme === 'dark' ? '?theme=dark' : '';
  console.log(`CMRT Review preview: ${server.url}${q ? `preview.html${q}` : ''}`);
  if (workbooks.length > 1) {
    for (const w of workbooks) console.log(`  ${w.fileName}: ${server.url}preview.html?workbook=${encodeURIComponent(safeName(w.name))}`);
  }
  console.log('Press Ctrl+C to stop.');
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
