/**
 * `cmrt-review rollup` on 200 filled templates of every family (CMRT, EMRT, CRT, AMRT; 50–200 smelter rows each),
 * timed end to end through the compiled CLI (node bin/cmrt-review.js, lib/cli, worker threads), as a buyer runs it.
 * Target: at most 0.25 s per file on a 2-core machine.
 *
 *   npx tsx bench/rollup.ts        (or import { benchRollup } from a bench runner)
 *
 * Filling a template re-zips the whole 1.5 MB package, so 14 distinct supplier files are filled once and cached in
 * the temp folder (keyed by this file's fixture version); the 200 files are copies of them under distinct names.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { filledTemplate } from '../test/support/rollup-fixtures';
import { templatesDir } from '../test/support/fill';

const ROOT = join(__dirname, '..');
const FILES = 200;
const FIXTURE_VERSION = 2;

/** The distinct supplier files: template, smelter rows, look-up offset. */
const VARIANTS: { template: string; rows: number; offset: number }[] = [
  { template: 'RMI_CMRT_6.5.xlsx', rows: 200, offset: 0 },
  { template: 'RMI_CMRT_6.5.xlsx', rows: 120, offset: 150 },
  { template: 'RMI_CMRT_6.5.xlsx', rows: 60, offset: 300 },
  { template: 'RMI_CMRT_6.4.xlsx', rows: 150, offset: 40 },
  { template: 'RMI_CMRT_6.31.xlsx', rows: 90, offset: 200 },
  { template: 'RMI_CMRT_6.01.xlsx', rows: 50, offset: 10 },
  { template: 'RMI_EMRT_2.1.xlsx', rows: 180, offset: 0 },
  { template: 'RMI_EMRT_2.1.xlsx', rows: 80, offset: 250 },
  { template: 'RMI_EMRT_2.0.xlsx', rows: 120, offset: 100 },
  { template: 'RMI_EMRT_1.3.xlsx', rows: 70, offset: 30 },
  { template: 'RMI_CRT_2.21.xlsx', rows: 140, offset: 0 },
  { template: 'RMI_CRT_2.2.xlsx', rows: 60, offset: 90 },
  { template: 'RMI_AMRT_1.3.xlsx', rows: 160, offset: 0 },
  { template: 'RMI_AMRT_1.3.xlsx', rows: 100, offset: 120 },
];

export interface RollupBenchResult {
  files: number;
  /** Wall-clock seconds of the whole `cmrt-review rollup` run (process start to exit). */
  seconds: number;
  secondsPerFile: number;
  exitCode: number;
  /** The run's own summary line. */
  summary: string;
  cores: number;
  /** 1-minute load average when the run started: other work on the machine slows the run down. */
  loadAverage: number;
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newestMtime(p) : /\.ts$/.test(name) ? st.mtimeMs : 0);
  }
  return t;
}

/** Builds lib/ (npm run build:cli) when it is missing or older than the sources. */
export function ensureCompiledCli(): void {
  const outputs = ['main.js', 'rollup.js', 'rollup-worker.js'].map((f) => join(ROOT, 'lib', 'cli', f));
  const built = outputs.every(existsSync) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
  const sources = Math.max(...['core', 'xlsx', 'cli'].map((d) => newestMtime(join(ROOT, 'src', d))));
  if (built >= sources) return;
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    // tsc emits even with type errors elsewhere in the tree; only a missing output is fatal here.
    if (!outputs.every(existsSync)) throw new Error(`Could not build lib/ for the CLI: ${String((e as { stdout?: Buffer }).stdout ?? e)}`);
  }
}

/** The distinct supplier files, filled once and kept in the temp folder. */
function variantFiles(): string[] {
  const cache = join(tmpdir(), `cmrt-review-bench-rollup-v${FIXTURE_VERSION}`);
  mkdirSync(cache, { recursive: true });
  const out: string[] = [];
  VARIANTS.forEach((v, i) => {
    const name = `${String(i + 1).padStart(2, '0')}-${v.template.replace(/^RMI_|\.xlsx$/g, '')}-${v.rows}.xlsx`;
    const p = join(cache, name);
    if (!existsSync(p)) {
      const bytes = filledTemplate({ template: v.template, company: `Supplier ${i + 1} Metals Co.`, rows: v.rows, offset: v.offset, answers: i % 3 !== 2 });
      writeFileSync(`${p}.tmp`, bytes);
      copyFileSync(`${p}.tmp`, p);
      rmSync(`${p}.tmp`);
    }
    out.push(p);
  });
  return out;
}

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'cmrt-review.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => res({ code: code ?? -1, stdout, stderr }));
  });
}

export async function benchRollup(files = FILES): Promise<RollupBenchResult> {
  if (!existsSync(templatesDir())) throw new Error(`bench/rollup: the RMI templates are not in ${templatesDir()}`);
  ensureCompiledCli();
  const variants = variantFiles();
  const dir = mkdtempSync(join(tmpdir(), 'cmrt-review-bench-rollup-'));
  try {
    const input = join(dir, 'received');
    for (let i = 0; i < files; i++) {
      const sub = join(input, `batch-${Math.floor(i / 50) + 1}`);
      mkdirSync(sub, { recursive: true });
      const src = variants[i % variants.length]!;
      copyFileSync(src, join(sub, `supplier-${String(i + 1).padStart(3, '0')}.xlsx`));
    }
    const load = loadavg()[0] ?? 0;
    const start = performance.now();
    const r = await runCli(['rollup', '--out', join(dir, 'out'), input]);
    const seconds = (performance.now() - start) / 1000;
    if (r.code !== 0 && r.code !== 1) throw new Error(`rollup exited with ${r.code}: ${r.stderr}`);
    return {
      files,
      seconds: Number(seconds.toFixed(2)),
      secondsPerFile: Number((seconds / files).toFixed(3)),
      exitCode: r.code,
      summary: r.stdout.split('\n')[0] ?? '',
      cores: availableParallelism(),
      loadAverage: Number(load.toFixed(2)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchRollup()
    .then((r) => console.log(JSON.stringify({ rollup: r })))
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
