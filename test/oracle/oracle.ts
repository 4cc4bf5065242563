/**
 * Node side of the LibreOffice recalculation oracle (test/oracle/lo_checker.py).
 *
 * `runOracle(jobs)` writes the jobs to a temp file, runs the script with the Debian python that has UNO
 * (/usr/bin/python3; a pyenv python on PATH usually lacks it), and returns one result per job, in job order.
 * Each job loads a real RMI template in headless LibreOffice, writes cells as a user would, recalculates
 * (calculateAll) and reads the template's own "Checker" sheet: per row the F (necessary?), G (complete?) and
 * H (incomplete) values and the total the Checker shows. It is the reference a TypeScript Checker port is tested
 * against.
 *
 * `oracleAvailable()` says whether python3-uno and soffice are installed (CI installs them; tests skip otherwise).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ORACLE_SCRIPT = join(__dirname, 'lo_checker.py');
/** The real blank templates (read-only; never copied into the repository). */
export const TEMPLATES_DIR = join(__dirname, '..', '..', '..', 'shared', 'templates');

const PYTHON = process.env.LO_CHECKER_PYTHON ?? '/usr/bin/python3';
const SOFFICE = process.env.LO_CHECKER_SOFFICE ?? '/usr/bin/soffice';

export function templatePath(file: string): string {
  return join(TEMPLATES_DIR, file);
}

/** A cell written before recalculation. `value`: string -> setString, number -> setValue, null -> clear contents,
 * boolean -> TRUE()/FALSE(). `formula` (LibreOffice API syntax: `;` separators, `$Sheet.A1` refs) sets a formula. */
export interface OracleWrite {
  sheet: string;
  cell: string;
  value?: string | number | boolean | null;
  formula?: string;
}

export interface OracleJob {
  id?: string;
  /** Absolute path of the template (see `templatePath`). */
  template: string;
  writes?: OracleWrite[];
  /** Extra cells to read back after recalculation, reported in `reads` as "Sheet!A1". */
  read?: Array<{ sheet: string; cell: string }>;
  /** Load the file anew for this job instead of reusing the open document. */
  fresh?: boolean;
}

/** A Checker cell value: number, text, null (empty) or an error text such as "#REF!". */
export type OracleValue = number | string | null;

export interface OracleRow {
  /** Checker row number (1-based). */
  row: number;
  /** Column B's formula in Excel syntax, e.g. "=Declaration!D8"; "" when B holds no formula. */
  ref: string;
  /** necessary? */
  F: OracleValue;
  /** complete? */
  G: OracleValue;
  /** incomplete = F*G (or the row's own H formula) */
  H: OracleValue;
}

export interface OracleResult {
  id: string | number;
  ok: boolean;
  /** File name of the template. */
  template: string;
  /** The count the Checker displays (its D2 cell, `=IF(Hn=0,"0",Hn)`), as a number. */
  total?: number | null;
  totalCell?: string;
  totalText?: string;
  /** Row of the H-column SUM the total shows, its formula (not every row is summed: AMRT leaves out question 2) and value. */
  sumRow?: number;
  sumFormula?: string;
  sumValue?: OracleValue;
  /** Every Checker row with a formula in column H, except the SUM row. */
  rows?: OracleRow[];
  reads?: Record<string, OracleValue>;
  error?: string;
  seconds?: number;
}

export interface OracleOptions {
  /** Parallel soffice processes (jobs are split by template). Default 1. */
  workers?: number;
  /** 'reuse' (default): each template loaded once, written cells restored after each job; 'fresh': reload per job. */
  mode?: 'reuse' | 'fresh';
  /** 'full' (default): calculateAll(); 'dirty': calculate(); 'auto': automatic calculation only. */
  recalc?: 'full' | 'dirty' | 'auto';
  /** Kill the whole run after this many ms. Default: 120 s + 15 s per job. */
  timeoutMs?: number;
  /** Seconds per job before soffice is killed and restarted (default 120). */
  jobTimeoutSeconds?: number;
}

/** The summary the script prints (jobs, seconds, jobsPerSecond, loads, ...) of the last `runOracle` call. */
export let lastOracleStats: Record<string, unknown> | undefined;

let available: boolean | undefined;

/** True when /usr/bin/python3 can import uno and soffice is installed. */
export function oracleAvailable(): boolean {
  if (available === undefined) {
    available = false;
    if (existsSync(PYTHON) && existsSync(SOFFICE) && existsSync(ORACLE_SCRIPT)) {
      const r = spawnSync(PYTHON, ['-c', 'import uno'], { stdio: 'ignore', timeout: 30_000 });
      available = r.status === 0;
    }
  }
  return available;
}

export async function runOracle(jobs: OracleJob[], options: OracleOptions = {}): Promise<OracleResult[]> {
  if (jobs.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'lo-oracle-'));
  const jobsFile = join(dir, 'jobs.json');
  const outFile = join(dir, 'results.jsonl');
  writeFileSync(jobsFile, JSON.stringify(jobs.map((j, i) => ({ ...j, id: i }))));
  const args = [ORACLE_SCRIPT, '--jobs', jobsFile, '--out', outFile];
  if (options.workers && options.workers > 1) args.push('--workers', String(options.workers));
  if (options.mode) args.push('--mode', options.mode);
  if (options.recalc) args.push('--recalc', options.recalc);
  if (options.jobTimeoutSeconds) args.push('--job-timeout', String(options.jobTimeoutSeconds));
  const timeoutMs = options.timeoutMs ?? 120_000 + 15_000 * jobs.length;
  try {
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(PYTHON, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (d: string) => (err += d));
      const timer = setTimeout(() => {
        child.kill('SIGTERM');
        reject(new Error(`lo_checker timed out after ${timeoutMs} ms\n${err}`));
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(err);
        else reject(new Error(`lo_checker exited with code ${code}\n${err}`));
      });
    });
    const statsLine = stderr.split('\n').find((l) => l.startsWith('lo_checker stats: '));
    lastOracleStats = statsLine ? (JSON.parse(statsLine.slice('lo_checker stats: '.length)) as Record<string, unknown>) : undefined;
    const byIndex = new Map<number, OracleResult>();
    for (const line of readFileSync(outFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as OracleResult;
      byIndex.set(Number(r.id), r);
    }
    return jobs.map((job, i) => {
      const r = byIndex.get(i) ?? { id: i, ok: false, template: job.template, error: 'no result from lo_checker' };
      return { ...r, id: job.id ?? i };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
