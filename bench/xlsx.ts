/**
 * The xlsx reader against exceljs on a full, real CMRT: RMI_CMRT_6.5.xlsx with its 2,500 prepared Smelter List rows
 * filled (test/support/fill.ts, formulas kept with realistic cached results), written to a temp file.
 *
 * - msPerFile: median wall time of the CLI's read, `readWorkbookBytes(bytes)` (src/cli/load.ts: Node's zlib inflates
 *   the XML parts, then `readXlsx(…, { sheets: <the core's sheets>, formulas: true })` parses them);
 *   readerMsPerFile: `readXlsx` alone on the original bytes (fflate inflating), as the task pane reads a file;
 *   valuesOnlyMsPerFile: that with `formulas: false`.
 * - baselineMsPerFile: median wall time of `new ExcelJS.Workbook().xlsx.load(bytes)` on the same bytes, same run
 *   (rounds interleave both so that both see the same machine load).
 * - ratio: msPerFile / baselineMsPerFile (target <= 0.10).
 * - peakRssMiB: peak RSS (VmHWM; process.resourceUsage().maxRSS where /proc is missing) of a child `node` process
 *   that loads the reader (compiled
 *   to plain JS with TypeScript's transpileModule) and reads the file once; childBaseRssMiB is that process
 *   before reading (Node itself).
 *
 *   npx tsx bench/xlsx.ts           (prints the JSON; or import { benchXlsx } from a bench runner)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { readXlsx } from '../src/xlsx/read';
import { readWorkbookBytes } from '../src/cli/load';
import { fillTemplate, fullSmelterListWrites, readTemplateBytes } from '../test/support/fill';

export interface XlsxBenchResult {
  msPerFile: number;
  baselineMsPerFile: number;
  ratio: number;
  peakRssMiB: number;
  rows: number;
  /** Same measurements in process CPU time (user + system), less sensitive to other load on the machine. */
  cpuMsPerFile: number;
  baselineCpuMsPerFile: number;
  cpuRatio: number;
  /** The same read without formulas (`formulas: false`: values, protection, validations only). */
  valuesOnlyMsPerFile: number;
  readerMsPerFile: number;
  readerRatio: number;
  valuesOnlyRatio: number;
  /** RSS of the child process before it reads (Node + the reader's code), for scale. */
  childBaseRssMiB: number;
  fileBytes: number;
}

/** The sheets the core reads (CMRT, EMRT, CRT and AMRT together). */
export const CORE_SHEETS = ['Declaration', 'Smelter List', 'Product List', 'Smelter Look-up', 'Checker', 'Mine List', 'Minerals Scope'];

const ROWS = 2500;
const ROUNDS = 7;
const OURS_PER_ROUND = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Builds the filled CMRT 6.5 and writes it to a fresh temp folder; returns its path. */
export function buildFullCmrt(rows = ROWS): string {
  const template = readTemplateBytes('RMI_CMRT_6.5.xlsx');
  const bytes = fillTemplate(template, fullSmelterListWrites({ template, rows }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmrt-xlsx-bench-'));
  const file = path.join(dir, `RMI_CMRT_6.5_${rows}_rows.xlsx`);
  fs.writeFileSync(file, bytes);
  return file;
}

/**
 * The reader compiled to plain CommonJS (TypeScript's transpileModule) in `dir`, plus a child script that reads
 * the file once, as the CLI does, and prints the process's RSS before and after. Plain `node` runs it, so the
 * number is the reader's, not a TypeScript loader's (tsx alone holds ~50 MiB more).
 */
function writeRssChild(dir: string): string {
  const root = path.resolve(__dirname, '..');
  const fflate = require.resolve('fflate', { paths: [root] });
  for (const name of ['read', 'xml', 'formula']) {
    const source = fs.readFileSync(path.join(root, 'src', 'xlsx', `${name}.ts`), 'utf8');
    const js = ts
      .transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } })
      .outputText.replace(/require\("fflate"\)/g, `require(${JSON.stringify(fflate)})`);
    fs.writeFileSync(path.join(dir, `${name}.js`), js);
  }
  const child = path.join(dir, 'rss-child.js');
  fs.writeFileSync(
    child,
    `const fs = require('fs');
// Peak RSS of this process image: VmHWM on Linux (getrusage's maxRSS survives exec, so it would report the
// spawning parent's peak), maxRSS elsewhere.
function peakKiB() {
  try {
    const m = /VmHWM:\\s*(\\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {}
  return process.resourceUsage().maxRSS;
}
const { readXlsx } = require('./read.js');
const base = peakKiB();
const bytes = new Uint8Array(fs.readFileSync(process.argv[2]));
const wb = readXlsx(bytes, { sheets: ${JSON.stringify(CORE_SHEETS)}, formulas: true });
let cells = 0;
for (const s of wb.sheets) for (const r of s.values) cells += r.length;
const peak = peakKiB();
process.stdout.write(JSON.stringify({ baseKiB: base, peakKiB: peak, cells }) + '\\n');
`,
  );
  return child;
}

function measureRss(file: string): { peakRssMiB: number; childBaseRssMiB: number } {
  const child = writeRssChild(path.dirname(file));
  const res = spawnSync(process.execPath, [child, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = res.stdout.trim().split('\n').pop() ?? '';
  if (res.status !== 0 || !line.startsWith('{')) {
    throw new Error(`RSS child failed (status ${res.status}): ${res.stderr || res.stdout}`);
  }
  const out = JSON.parse(line) as { baseKiB: number; peakKiB: number; cells: number };
  if (out.cells < 2500 * 20) throw new Error(`RSS child read only ${out.cells} cells`);
  return { peakRssMiB: round(out.peakKiB / 1024), childBaseRssMiB: round(out.baseKiB / 1024) };
}

export async function benchXlsx(): Promise<XlsxBenchResult> {
  const ExcelJS = (await import('exceljs')).default;
  const file = buildFullCmrt(ROWS);
  try {
    const buffer = fs.readFileSync(file);
    const bytes = new Uint8Array(buffer);

    const read = () => readWorkbookBytes(bytes);
    const readerOnly = () => readXlsx(bytes, { sheets: CORE_SHEETS, formulas: true });
    const readValues = () => readXlsx(bytes, { sheets: CORE_SHEETS, formulas: false });
    const load = () => new ExcelJS.Workbook().xlsx.load(buffer);

    // sanity: the reader sees the filled rows
    const check = read().sheets.find((s) => s.name === 'Smelter List');
    if (!check || typeof check.values[ROWS + 3]?.[1] !== 'string') throw new Error('bench file: the Smelter List rows are not filled');

    // warm-up: let the JIT settle on both before measuring
    for (let i = 0; i < 5; i++) {
      read();
      readValues();
    }
    await load();

    const ours: number[] = [];
    const oursCpu: number[] = [];
    const theirs: number[] = [];
    const theirsCpu: number[] = [];
    const valuesOnly: number[] = [];
    const reader: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t0 = performance.now();
      readValues();
      valuesOnly.push(performance.now() - t0);
      const t1 = performance.now();
      readerOnly();
      reader.push(performance.now() - t1);
      for (let i = 0; i < OURS_PER_ROUND; i++) {
        const c = cpuMs();
        const t = performance.now();
        read();
        ours.push(performance.now() - t);
        oursCpu.push(cpuMs() - c);
      }
      const c = cpuMs();
      const t = performance.now();
      await load();
      theirs.push(performance.now() - t);
      theirsCpu.push(cpuMs() - c);
    }
    const msPerFile = median(ours);
    const baselineMsPerFile = median(theirs);
    const cpuMsPerFile = median(oursCpu);
    const baselineCpuMsPerFile = median(theirsCpu);
    const rss = measureRss(file);
    return {
      msPerFile: round(msPerFile),
      baselineMsPerFile: round(baselineMsPerFile),
      ratio: round(msPerFile / baselineMsPerFile, 4),
      peakRssMiB: rss.peakRssMiB,
      rows: ROWS,
      cpuMsPerFile: round(cpuMsPerFile),
      baselineCpuMsPerFile: round(baselineCpuMsPerFile),
      cpuRatio: round(cpuMsPerFile / baselineCpuMsPerFile, 4),
      readerMsPerFile: round(median(reader)),
      readerRatio: round(median(reader) / baselineMsPerFile, 4),
      valuesOnlyMsPerFile: round(median(valuesOnly)),
      valuesOnlyRatio: round(median(valuesOnly) / baselineMsPerFile, 4),
      childBaseRssMiB: rss.childBaseRssMiB,
      fileBytes: buffer.length,
    };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchXlsx().then(
    (r) => console.log(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
