/**
 * The I/O side of `cmrt-review rollup`: arguments and usage errors, finding the files in folders, the worker pool
 * (a worker that dies on a file is replaced and the file reported; workers that cannot start fall back to one
 * thread), the worker entry for compiled and TypeScript runs, and the native-inflate copy of a zip.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { main, buildReference } from '../../src/cli/main';
import { collectFiles, parseRollupArgs, reviewAll, rollup, workerEntry, type RollupIo } from '../../src/cli/rollup';
import { storedZipCopy } from '../../src/cli/stored-zip';
import { createReviewReference } from '../../src/core/reference';
import type { RollupFileSummary } from '../../src/core/rollup';
import { readXlsx } from '../../src/xlsx/read';
import { NEEDED_SHEETS } from '../../src/core/read';
import { readTemplateBytes } from '../support/fill';
import { fakeEncrypted, textFile, truncated, unrelatedWorkbook } from '../support/rollup-fixtures';

const NOW = new Date('2026-07-01T09:30:00Z');

function io(): RollupIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (s) => out.push(s), stderr: (s) => err.push(s), now: NOW, progress: false, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cmrt-rollup-pool-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('arguments', () => {
  const usage = (m: string) => new Error(m);

  it('takes --out, the reference options shared with check, --jobs and paths', () => {
    expect(parseRollupArgs(['--out', 'o', '--role=supplier', '--status', 's.csv', '--watchlist', 'w.csv', '--policy=p.json', '-j', '3', 'a', '--', '-odd.xlsx'], usage)).toEqual({
      out: 'o', role: 'supplier', status: 's.csv', watchlist: 'w.csv', policy: 'p.json', jobs: 3, paths: ['a', '-odd.xlsx'],
    });
  });

  it.each([
    [['a.xlsx'], /needs --out DIR/],
    [['--out', 'o'], /at least one template file or folder/],
    [['--out'], /--out needs a value/],
    [['--out', 'o', '--format', 'json', 'a'], /Unknown option --format for rollup/],
    [['--out', 'o', '--jobs', 'many', 'a'], /--jobs must be a whole number/],
    [['--out', 'o', '--role', 'auditor', 'a'], /--role must be buyer or supplier/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseRollupArgs(argv, usage)).toThrow(message);
  });

  it('exits 2 with the usage text on a usage error, and lists rollup in the help', async () => {
    const t = io();
    expect(await main(['rollup', 'folder'], t)).toBe(2);
    expect(t.err.join('')).toMatch(/^cmrt-review: rollup needs --out DIR.*\nUsage: cmrt-review check/s);
    const h = io();
    expect(await main(['--help'], h)).toBe(0);
    expect(h.out.join('')).toContain('cmrt-review rollup --out DIR [options] PATH...');
    const bad = io();
    expect(await main(['rollup', '--out', join(dir, 'x'), '--policy', join(dir, 'no-such-policy.json'), dir], bad)).toBe(2);
    expect(bad.err.join('')).toContain('Cannot read the policy file');
  });

  it('exits 2 when the folders hold no workbook, or the output folder cannot be made', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'readme.txt'), 'nothing here');
    const t = io();
    expect(await main(['rollup', '--out', join(dir, 'out-empty'), empty], t)).toBe(2);
    expect(t.err.join('')).toContain(`no .xlsx or .xlsm files in ${empty}`);

    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    writeFileSync(join(empty, 'x.xlsx'), textFile());
    const u = io();
    expect(await main(['rollup', '--out', blocker, empty], u)).toBe(2);
    expect(u.err.join('')).toContain(`cannot write to ${blocker}`);
  });
});

describe('collectFiles', () => {
  it('searches folders recursively for .xlsx/.xlsm in a stable order, skipping lock files and hidden files', () => {
    const root = join(dir, 'walk');
    for (const d of ['b', 'a/c', '.git']) mkdirSync(join(root, d), { recursive: true });
    for (const f of ['z.xlsx', 'a/one.XLSX', 'a/c/two.xlsm', 'b/three.xlsx', 'b/~$three.xlsx', 'b/._three.xlsx', '.git/x.xlsx', 'b/notes.txt', 'b/old.xls', 'a/macro.xlsb']) {
      writeFileSync(join(root, f), '');
    }
    symlinkSync(join(root, 'a'), join(root, 'b', 'loop')); // a link back up the tree
    expect(collectFiles([root]).map((f) => f.slice(root.length + 1))).toEqual(['a/c/two.xlsm', 'a/one.XLSX', 'b/three.xlsx', 'z.xlsx']);
    // files named directly are kept whatever their name; a missing path is kept to be reported; nothing twice
    expect(collectFiles([join(root, 'b', 'notes.txt'), join(root, 'nope.xlsx'), join(root, 'z.xlsx'), root, join(root, 'a')]).map((f) => f.slice(root.length + 1))).toEqual([
      'b/notes.txt', 'nope.xlsx', 'z.xlsx', 'a/c/two.xlsm', 'a/one.XLSX', 'b/three.xlsx',
    ]);
  });
});

describe('worker pool', () => {
  const ctx = { role: 'buyer' as const, now: NOW, reference: createReviewReference() };
  const args = { role: 'buyer' as const };

  function fakeWorker(body: string): string {
    const file = join(dir, `worker-${Math.random().toString(36).slice(2)}.js`);
    writeFileSync(file, `'use strict';\nconst { parentPort } = require('node:worker_threads');\n${body}\n`);
    return file;
  }

  const echo = `
    const summary = (file) => ({ file, status: 'ok', reason: null, reasonCode: null, company: 'Fake', family: 'CMRT', version: '6.5', scope: null,
      effectiveDate: null, checkerIncomplete: 0, errors: 0, warnings: 0, infos: 0, smelterCount: 0, smeltersOfInterest: 0, findings: [], smelters: [] });
    parentPort.on('message', ({ id, file }) => {
      if (file.includes('exit')) process.exit(3);
      if (file.includes('throw')) throw new Error('boom');
      if (file.includes('hang')) for (;;);
      if (file.includes('errors')) return parentPort.postMessage({ type: 'result', id, summary: { ...summary(file), status: 'has errors', errors: 2 } });
      if (file.includes('oom')) { const a = []; for (;;) a.push(new Array(1e6).fill(1)); }
      parentPort.postMessage({ type: 'result', id, summary: summary(file) });
    });
    parentPort.postMessage({ type: 'ready' });`;

  it('replaces a worker that dies on a file, reports that file, and finishes the others', async () => {
    const files = ['1.xlsx', '2-exit.xlsx', '3.xlsx', '4-throw.xlsx', '5.xlsx', '6.xlsx', '7-exit.xlsx', '8.xlsx'];
    const got: RollupFileSummary[] = [];
    await reviewAll(files, args, ctx, (s) => got.push(s), { jobs: 2, entry: { file: fakeWorker(echo) } });
    const by = new Map(got.map((s) => [s.file, s]));
    expect([...by.keys()].sort()).toEqual([...files].sort());
    expect(got).toHaveLength(files.length);
    for (const f of ['1.xlsx', '3.xlsx', '5.xlsx', '6.xlsx', '8.xlsx']) expect(by.get(f)).toMatchObject({ status: 'ok', company: 'Fake' });
    expect(by.get('2-exit.xlsx')).toMatchObject({ status: 'unreadable', reasonCode: 'internal', reason: expect.stringMatching(/failed \(worker exited with code 3\)/) });
    expect(by.get('4-throw.xlsx')).toMatchObject({ status: 'unreadable', reasonCode: 'internal', reason: expect.stringMatching(/failed \(boom\)/) });
  }, 60_000);

  it('exits 0 when no file has error findings, 1 when one has, 2 when one is unreadable', async () => {
    const entry = { file: fakeWorker(echo) };
    const run = async (files: string[]) => {
      const t = io();
      const code = await rollup({ out: join(dir, 'exit-codes'), role: 'buyer', paths: files, jobs: 2 }, t, buildReference, { entry });
      return [code, t.out.join('').split('\n')[0]];
    };
    expect(await run(['a.xlsx', 'b.xlsx'])).toEqual([0, expect.stringMatching(/^Reviewed 2 files: 2 ok, 0 with errors, 0 unreadable/)]);
    expect(await run(['a.xlsx', 'b-errors.xlsx', 'c.xlsx'])).toEqual([1, expect.stringMatching(/^Reviewed 3 files: 2 ok, 1 with errors, 0 unreadable/)]);
    expect(await run(['a.xlsx', 'b-errors.xlsx', 'c-exit.xlsx'])).toEqual([2, expect.stringMatching(/^Reviewed 3 files: 1 ok, 1 with errors, 1 unreadable/)]);
  }, 60_000);

  it('stops a worker that takes too long on a file, reports the file, and goes on', async () => {
    const got: RollupFileSummary[] = [];
    await reviewAll(['a.xlsx', 'b-hang.xlsx', 'c.xlsx', 'd.xlsx'], args, ctx, (s) => got.push(s), { jobs: 1, entry: { file: fakeWorker(echo) }, fileTimeoutMs: 1000 });
    const by = new Map(got.map((s) => [s.file, s]));
    expect(got).toHaveLength(4);
    expect(by.get('b-hang.xlsx')).toMatchObject({ status: 'unreadable', reasonCode: 'timeout', reason: expect.stringMatching(/took longer than 1 s/) });
    for (const f of ['a.xlsx', 'c.xlsx', 'd.xlsx']) expect(by.get(f)!.status).toBe('ok');
  }, 60_000);

  it('reports a file on which a worker runs out of memory', async () => {
    const got: RollupFileSummary[] = [];
    const file = fakeWorker(echo);
    // a small heap for the test; the CLI leaves Node's default
    await reviewAll(['a.xlsx', 'b-oom.xlsx', 'c.xlsx'], args, ctx, (s) => got.push(s), { jobs: 2, entry: { file, resourceLimits: { maxOldGenerationSizeMb: 32 } } });
    const by = new Map(got.map((s) => [s.file, s]));
    expect(by.get('b-oom.xlsx')).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/ran out of memory/) });
    expect(by.get('a.xlsx')!.status).toBe('ok');
    expect(by.get('c.xlsx')!.status).toBe('ok');
  }, 60_000);

  it('reviews in this thread when workers cannot start, and says so', async () => {
    const broken = fakeWorker(`throw new Error('cannot start here');`);
    const t = io();
    const why: string[] = [];
    const input = join(dir, 'fallback');
    mkdirSync(input, { recursive: true });
    writeFileSync(join(input, 'a.xlsx'), textFile());
    writeFileSync(join(input, 'b.xlsx'), fakeEncrypted());
    writeFileSync(join(input, 'c.xlsx'), unrelatedWorkbook());
    const code = await rollup({ out: join(dir, 'fallback-out'), role: 'buyer', paths: [input], jobs: 2 }, t, buildReference, { entry: { file: broken }, onFallback: (w) => why.push(w) });
    expect(code).toBe(2);
    expect(why).toEqual([expect.stringContaining('cannot start here')]);
    expect(t.err.join('')).toContain('worker threads unavailable');
    expect(t.out.join('')).toMatch(/^Reviewed 3 files: 0 ok, 0 with errors, 3 unreadable/);
    const csv = readFileSync(join(dir, 'fallback-out', 'suppliers.csv'), 'utf8');
    expect(csv).toContain('password-encrypted');
  }, 60_000);

  it('reviews in this thread when a worker does not get ready in time', async () => {
    const silent = fakeWorker(`setInterval(() => undefined, 1000);`);
    const got: RollupFileSummary[] = [];
    const why: string[] = [];
    await reviewAll([join(dir, 'none-1.xlsx'), join(dir, 'none-2.xlsx')], args, ctx, (s) => got.push(s), { jobs: 2, entry: { file: silent }, startTimeoutMs: 500, onFallback: (w) => why.push(w) });
    expect(why).toEqual([expect.stringContaining('did not start within')]);
    expect(got.map((s) => [s.status, s.reason])).toEqual([['unreadable', 'No such file.'], ['unreadable', 'No such file.']]);
  }, 60_000);

  it('finds the worker next to the module: compiled .js first, else the .ts through tsx, else none', () => {
    const d = join(dir, 'entry');
    mkdirSync(d, { recursive: true });
    expect(workerEntry(d, join(d, 'rollup.js'))).toBeNull();
    writeFileSync(join(d, 'rollup-worker.ts'), '');
    expect(workerEntry(d, join(d, 'rollup.js'))).toBeNull(); // compiled code never runs TypeScript
    expect(workerEntry(d, join(d, 'rollup.ts'))).toEqual({ file: join(d, 'rollup-worker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] });
    writeFileSync(join(d, 'rollup-worker.js'), '');
    expect(workerEntry(d, join(d, 'rollup.ts'))).toEqual({ file: join(d, 'rollup-worker.js') });
  });
});

describe('storedZipCopy', () => {
  it('gives the same workbook to the reader as the original, for a real template', () => {
    const bytes = readTemplateBytes('RMI_CMRT_6.5.xlsx');
    const copy = storedZipCopy(bytes)!;
    expect(copy).not.toBeNull();
    const opts = { sheets: [...NEEDED_SHEETS], formulas: true };
    expect(readXlsx(copy, opts)).toEqual(readXlsx(bytes, opts));
    const a = unzipSync(bytes);
    const b = unzipSync(copy);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const k of Object.keys(a)) expect([k, Buffer.from(b[k]!).equals(Buffer.from(a[k]!))]).toEqual([k, true]);
  }, 60_000);

  it('keeps non-XML parts as they are and names in UTF-8', () => {
    const png = new Uint8Array(3000).map((_, i) => i % 7);
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<workbook>é</workbook>'.repeat(50)), 'xl/media/image1.png': [png, { level: 6 }], 'docProps/ünï.xml': strToU8('<x/>') });
    const copy = storedZipCopy(zip)!;
    expect(unzipSync(copy)).toEqual(unzipSync(zip));
  });

  it('gives null for anything it does not handle, so that the reader sees the original', () => {
    const blank = readTemplateBytes('RMI_CRT_2.2.xlsx');
    expect(storedZipCopy(truncated(blank))).toBeNull();
    expect(storedZipCopy(textFile())).toBeNull();
    expect(storedZipCopy(fakeEncrypted())).toBeNull();
    expect(storedZipCopy(new Uint8Array(0))).toBeNull();
    expect(storedZipCopy(zipSync({ 'a.xml': [strToU8('<a/>'), { level: 0 }] }))).toBeNull(); // nothing to inflate
    const corrupt = zipSync({ 'a.xml': strToU8('<a>'.repeat(500)) });
    corrupt[40] = corrupt[40]! ^ 0xff; // inside the deflated data
    expect(storedZipCopy(corrupt)).toBeNull();
  });
});
