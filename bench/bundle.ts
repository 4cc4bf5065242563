/**
 * Bundle size of the task pane: `benchBundle()` runs the production build (webpack's Node API, into a cache folder,
 * so dist/ is left alone) or reads an existing build, and measures gzip sizes:
 *
 *   initialJsGzipBytes  the JavaScript loaded before first paint: the scripts taskpane.html references
 *                       (entry + vendor chunk), not the chunks loaded later with import()
 *   totalJsGzipBytes    every .js file of the build
 *
 * gzip at zlib's default level (6), as web servers compress on the fly. Targets: initial <= 165 KB, total <= 250 KB.
 *
 *   npx tsx bench/bundle.ts [--dir dist]     prints one JSON line
 */
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Configuration } from 'webpack';

const ROOT = resolve(__dirname, '..');
const OUT_DIR = join(ROOT, 'node_modules', '.cache', 'cmrt-review-bundle', 'dist');

export const BUNDLE_TARGETS = { initialJsGzipBytes: 165 * 1024, totalJsGzipBytes: 250 * 1024 } as const;

export interface BundleResult {
  initialJsGzipBytes: number;
  totalJsGzipBytes: number;
}

export interface BundleReport extends BundleResult {
  /** Per file: gzip bytes, and whether it loads before first paint. */
  files: { file: string; bytes: number; gzipBytes: number; initial: boolean }[];
}

export interface BenchBundleOptions {
  /** Measure this existing build instead of building (e.g. "dist"). */
  dir?: string;
  /** The page whose scripts make up the initial load (default taskpane.html). */
  page?: string;
}

/** Local scripts an HTML page loads: <script src> and <link rel=modulepreload|preload as=script>. */
export function initialScripts(html: string): string[] {
  const out: string[] = [];
  const add = (src: string): void => {
    if (/^(https?:)?\/\//i.test(src) || !/\.m?js(\?|#|$)/i.test(src)) return;
    const file = src.replace(/^\.?\//, '').replace(/[?#].*$/, '');
    if (!out.includes(file)) out.push(file);
  };
  for (const m of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) add(m[2] ?? m[3] ?? m[4] ?? '');
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/\brel\s*=\s*["']?(modulepreload|preload)\b/i.test(tag)) continue;
    if (/\brel\s*=\s*["']?preload\b/i.test(tag) && !/\bas\s*=\s*["']?script\b/i.test(tag)) continue;
    const href = /\bhref\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    if (href) add(href[2] ?? href[3] ?? href[4] ?? '');
  }
  return out;
}

/** Measures a build folder. */
export function measureBundle(dir: string, page = 'taskpane.html'): BundleReport {
  const htmlPath = join(dir, page);
  if (!existsSync(htmlPath)) throw new Error(`No ${page} in ${dir}: build first (npm run build).`);
  const initial = new Set(initialScripts(readFileSync(htmlPath, 'utf8')));
  const files = readdirSync(dir)
    .filter((f) => /\.m?js$/.test(f))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length, initial: initial.has(file) };
    });
  for (const f of initial) if (!files.some((x) => x.file === f)) throw new Error(`${page} loads ${f}, which is not in ${dir}.`);
  const sum = (xs: typeof files): number => xs.reduce((n, x) => n + x.gzipBytes, 0);
  return { initialJsGzipBytes: sum(files.filter((f) => f.initial)), totalJsGzipBytes: sum(files), files };
}

/** Runs the production build into a cache folder (dist/ is not touched). */
export async function buildProduction(outDir = OUT_DIR): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, 'webpack.config.js')) as (env: Record<string, unknown>, argv: { mode: string }) => Promise<Configuration>;
  const config = await makeConfig({}, { mode: 'production' });
  config.context = ROOT;
  config.output = { ...config.output, path: outDir, clean: true };
  config.infrastructureLogging = { level: 'error' };
  mkdirSync(outDir, { recursive: true });
  const compiler = webpack(config);
  await new Promise<void>((ok, fail) => {
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return fail(err);
      if (stats?.hasErrors()) return fail(new Error(`The production build failed:\n${stats.toString({ all: false, errors: true, colors: false })}`));
      ok();
    });
  });
  return outDir;
}

/** For `npm run bench`: `bundle: { initialJsGzipBytes, totalJsGzipBytes }`. */
export async function benchBundle(options: BenchBundleOptions = {}): Promise<BundleResult> {
  const dir = options.dir ? resolve(ROOT, options.dir) : await buildProduction();
  const r = measureBundle(dir, options.page);
  return { initialJsGzipBytes: r.initialJsGzipBytes, totalJsGzipBytes: r.totalJsGzipBytes };
}

if (require.main === module) {
  const i = process.argv.indexOf('--dir');
  const dir = i >= 0 ? process.argv[i + 1] : undefined;
  (async () => {
    const built = dir ? resolve(ROOT, dir) : await buildProduction();
    const r = measureBundle(built);
    const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
    for (const f of r.files)
      console.log(`${f.initial ? '*' : ' '} ${f.file.padEnd(36)} ${kb(f.bytes).padStart(10)} ${kb(f.gzipBytes).padStart(9)} gzip`);
    console.log(
      `initial ${kb(r.initialJsGzipBytes)} (target ${kb(BUNDLE_TARGETS.initialJsGzipBytes)}), total ${kb(r.totalJsGzipBytes)} (target ${kb(BUNDLE_TARGETS.totalJsGzipBytes)})`,
    );
    console.log(JSON.stringify({ bundle: { initialJsGzipBytes: r.initialJsGzipBytes, totalJsGzipBytes: r.totalJsGzipBytes } }));
  })().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
