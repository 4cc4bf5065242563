/**
 * `cmrt-review rollup --out DIR PATH...` end to end on a folder as a buyer receives it: filled copies of real
 * templates of every family (CMRT 6.5, EMRT 2.1, CRT 2.2, AMRT 1.3; test/support/rollup-fixtures.ts) mixed with
 * broken files (a truncated zip, a text file renamed .xlsx, an unrelated workbook, an encrypted OLE file), an
 * Excel lock file and a note. In-process through `main(argv, io)` (worker threads run the TypeScript worker
 * through tsx), in one thread, and through the compiled CLI when lib/ is built.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main, buildReference } from '../../src/cli/main';
import { rollup, type RollupIo } from '../../src/cli/rollup';
import { neutraliseCell, parseCsv } from '../../src/core/csv';
import { readXlsx } from '../../src/xlsx/read';
import { SMELTER_HEADERS, SUPPLIER_HEADERS, FINDING_HEADERS } from '../../src/core/rollup';
import { templatesDir } from '../support/fill';
import { fakeEncrypted, filledTemplate, smelterCell, textFile, truncated, unrelatedWorkbook } from '../support/rollup-fixtures';

const NOW = new Date('2026-07-01T09:30:00Z');
const ROOT = join(__dirname, '..', '..');
const INJECTION = '=HYPERLINK("http://evil.example","Click")';

function io(extra: Partial<RollupIo> = {}): RollupIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (s) => out.push(s), stderr: (s) => err.push(s), now: NOW, progress: false, out, err, ...extra };
}

function readCsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parseCsv(text).rows;
}

const have = ['RMI_CMRT_6.5.xlsx', 'RMI_EMRT_2.1.xlsx', 'RMI_CRT_2.2.xlsx', 'RMI_AMRT_1.3.xlsx'].every((f) => existsSync(join(templatesDir(), f)));

(have ? describe : describe.skip)('cmrt-review rollup on a folder of received templates', () => {
  let dir: string;
  let received: string;
  const path = (...p: string[]) => join(received, ...p);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cmrt-rollup-'));
    received = join(dir, 'received');
    mkdirSync(join(received, 'EMRT'), { recursive: true });
    mkdirSync(join(received, 'more', 'deeper'), { recursive: true });
    const acme = filledTemplate({ template: 'RMI_CMRT_6.5.xlsx', company: 'Acme Metals', rows: 12 });
    writeFileSync(path('acme cmrt.xlsx'), acme);
    // a second supplier listing the first six of Acme's smelters, plus a "not listed" row with a formula for a name
    writeFileSync(path('more', 'epsilon.xlsm'), filledTemplate({
      template: 'RMI_CMRT_6.5.xlsx', company: 'Epsilon Tin', rows: 6,
      extra: (l) => [
        { sheet: 'Smelter List', cell: smelterCell(l, 'metal', 11), value: 'Tin' },
        { sheet: 'Smelter List', cell: smelterCell(l, 'lookup', 11), value: 'Smelter not listed' },
        { sheet: 'Smelter List', cell: smelterCell(l, 'name', 11), value: INJECTION },
        { sheet: 'Smelter List', cell: smelterCell(l, 'country', 11), value: 'CHINA' },
      ],
    }));
    writeFileSync(path('EMRT', 'borealis.xlsx'), filledTemplate({ template: 'RMI_EMRT_2.1.xlsx', company: 'Borealis Cobalt', rows: 10 }));
    writeFileSync(path('more', 'deeper', 'crt.xlsx'), filledTemplate({ template: 'RMI_CRT_2.2.xlsx', company: 'Cobalt Corp', rows: 8 }));
    writeFileSync(path('more', 'amrt.xlsx'), filledTemplate({ template: 'RMI_AMRT_1.3.xlsx', company: 'Delta Alloys', rows: 8 }));
    writeFileSync(path('truncated.xlsx'), truncated(acme));
    writeFileSync(path('renamed text.xlsx'), textFile());
    writeFileSync(path('budget.xlsx'), unrelatedWorkbook());
    writeFileSync(path('protected.xlsx'), fakeEncrypted());
    writeFileSync(path('~$acme cmrt.xlsx'), new Uint8Array(165)); // Excel's lock file while a workbook is open
    writeFileSync(path('notes.txt'), 'not a template');
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const FILES = [
    'EMRT/borealis.xlsx', 'acme cmrt.xlsx', 'budget.xlsx', 'more/amrt.xlsx', 'more/deeper/crt.xlsx', 'more/epsilon.xlsm',
    'protected.xlsx', 'renamed text.xlsx', 'truncated.xlsx',
  ];

  let result: { code: number; out: string; err: string; suppliers: string[][]; smelters: string[][]; findings: string[][]; raw: Record<string, string> };
  beforeAll(async () => {
    const outDir = join(dir, 'rollup');
    const t = io();
    const code = await main(['rollup', '--out', outDir, received], t);
    const raw = Object.fromEntries(['suppliers', 'smelters', 'findings'].map((n) => [n, readFileSync(join(outDir, `${n}.csv`), 'utf8')]));
    result = {
      code, out: t.out.join(''), err: t.err.join(''), raw,
      suppliers: readCsv(join(outDir, 'suppliers.csv')), smelters: readCsv(join(outDir, 'smelters.csv')), findings: readCsv(join(outDir, 'findings.csv')),
    };
  }, 300_000);

  it('exits 2 because some files are unreadable, and says what it did', () => {
    expect(result.code).toBe(2);
    const m = /^Reviewed 9 files: (\d+) ok, (\d+) with errors, 4 unreadable · \d+ unique smelters \(45 rows\), \d+ of interest\n/.exec(result.out);
    expect(m).not.toBeNull();
    const statuses = result.suppliers.slice(1).map((r) => r[6]);
    expect([Number(m![1]), Number(m![2])]).toEqual([statuses.filter((x) => x === 'ok').length, statuses.filter((x) => x === 'has errors').length]);
    expect(result.out).toContain(`Wrote ${['suppliers.csv', 'smelters.csv', 'findings.csv', 'rollup.xlsx'].map((f) => join(dir, 'rollup', f)).join(', ')}`);
    for (const f of ['budget.xlsx', 'protected.xlsx', 'renamed text.xlsx', 'truncated.xlsx']) expect(result.err).toContain(`cmrt-review: skipped ${path(f)}: `);
    expect(result.err).not.toContain('\r'); // no progress bar when not asked for
  });

  it('writes one supplier row per file, broken ones included, with the reason; lock files and other files are left out', () => {
    const [head, ...rows] = result.suppliers;
    expect(head).toEqual([...SUPPLIER_HEADERS]);
    expect(rows.map((r) => r[0])).toEqual(FILES.map((f) => path(...f.split('/'))));
    const by = (f: string) => rows.find((r) => r[0] === path(...f.split('/')))!;
    const cols = (f: string) => Object.fromEntries(SUPPLIER_HEADERS.map((h, i) => [h, by(f)[i]]));
    expect(cols('acme cmrt.xlsx')).toMatchObject({ Company: 'Acme Metals', Family: 'CMRT', Version: '6.5', Scope: 'A. Company', 'Effective date': '2026-05-31', Reason: '', Smelters: '12' });
    expect(cols('EMRT/borealis.xlsx')).toMatchObject({ Company: 'Borealis Cobalt', Family: 'EMRT', Version: '2.1', Smelters: '10' });
    expect(cols('more/deeper/crt.xlsx')).toMatchObject({ Company: 'Cobalt Corp', Family: 'CRT', Version: '2.2', Smelters: '8' });
    expect(cols('more/amrt.xlsx')).toMatchObject({ Company: 'Delta Alloys', Family: 'AMRT', Version: '1.3', Smelters: '8' });
    expect(cols('more/epsilon.xlsm')).toMatchObject({ Company: 'Epsilon Tin', Family: 'CMRT', Smelters: '7' });
    for (const r of rows.filter((x) => x[6] !== 'unreadable')) {
      const c = Object.fromEntries(SUPPLIER_HEADERS.map((h, i) => [h, r[i]]));
      expect([r[0], c.Status]).toEqual([r[0], c.Errors === '0' ? 'ok' : 'has errors']);
      expect(c['Checker incomplete']).toMatch(/^\d+$/);
    }
    // the CMRT lists gold smelters only: its Checker asks for the other three metals
    expect(cols('acme cmrt.xlsx')).toMatchObject({ Status: 'has errors' });
    expect(cols('truncated.xlsx')).toMatchObject({ Status: 'unreadable', Reason: expect.stringMatching(/damaged or incomplete/), Company: '', Family: '' });
    expect(cols('renamed text.xlsx')).toMatchObject({ Status: 'unreadable', Reason: expect.stringMatching(/not even a zip/) });
    expect(cols('budget.xlsx')).toMatchObject({ Status: 'unreadable', Reason: expect.stringMatching(/not an RMI reporting template/) });
    expect(cols('protected.xlsx')).toMatchObject({ Status: 'unreadable', Reason: expect.stringMatching(/password-encrypted/) });
  });

  it('writes one row per unique smelter, with the suppliers that list it and why it is of interest', () => {
    const [head, ...rows] = result.smelters;
    expect(head).toEqual([...SMELTER_HEADERS]);
    const ids = rows.map((r) => r[1]).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    // Epsilon's six smelters are the first six of Acme's twelve rows: listed by both
    const shared = rows.filter((r) => r[5] === 'Acme Metals; Epsilon Tin');
    expect(shared.length).toBeGreaterThan(0);
    for (const r of shared) expect(r[4]).toBe('2');
    expect(rows.filter((r) => r[5] === 'Epsilon Tin')).toHaveLength(1); // only its "not listed" row is its own
    for (const who of ['Acme Metals', 'Borealis Cobalt', 'Cobalt Corp', 'Delta Alloys']) expect(rows.filter((r) => r[5] === who).length).toBeGreaterThan(0);
    // a look-up name and its aliases are one smelter: fewer unique smelters than rows
    expect(rows.length).toBeLessThanOrEqual(12 + 10 + 8 + 8 + 1);
    expect(result.out).toContain(`${rows.length} unique smelters`);
    for (const r of rows) {
      expect(r[5]!.split('; ')).toHaveLength(Number(r[4]));
      expect(['Yes', 'No']).toContain(r[6]);
      if (r[6] === 'Yes') {
        expect(r[7]).not.toBe('');
        expect(r[8]).not.toBe('');
      } else expect(r[7]).toBe('');
    }
    const injected = rows.find((r) => r[5] === 'Epsilon Tin')!;
    expect(injected.slice(0, 4)).toEqual(['Tin', '', `'${INJECTION}`, 'CHINA']); // neutralised: stays text in Excel
    expect(injected[6]).toBe('Yes');
    expect(injected[7]).toContain('unrecognized');
  });

  it('lists every finding with its file, sheet and cell (or row)', () => {
    const [head, ...rows] = result.findings;
    expect(head).toEqual([...FINDING_HEADERS]);
    const count = (file: string, severity: string) => rows.filter((r) => r[0] === file && r[2] === severity).length;
    for (const s of result.suppliers.slice(1)) {
      expect([s[0], count(s[0]!, 'error'), count(s[0]!, 'warning')]).toEqual([s[0], Number(s[9]), Number(s[10])]);
      if (s[6] === 'unreadable') expect(rows.filter((r) => r[0] === s[0])).toEqual([]);
    }
    for (const r of rows) {
      expect(['error', 'warning', 'info']).toContain(r[2]);
      expect(r[3]).toMatch(/\S/); // sheet
      if (r[4] === '' && r[5] === '') expect(r[3]).toBe('Smelter List'); // a whole-list item ("List the smelters for Tin")
      expect(r[6]).toMatch(/\//); // rule id
    }
    expect(count(path('acme cmrt.xlsx'), 'error')).toBeGreaterThan(0);
  });

  it('writes CSV that Excel opens as UTF-8: BOM and CRLF line ends', () => {
    for (const text of Object.values(result.raw)) {
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
    }
  });

  it('writes rollup.xlsx with the same three tables, text kept as text where the CSV neutralises it', () => {
    const wb = readXlsx(new Uint8Array(readFileSync(join(dir, 'rollup', 'rollup.xlsx'))), { formulas: true });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Suppliers', 'Smelters', 'Findings']);
    const tables = { Suppliers: result.suppliers, Smelters: result.smelters, Findings: result.findings };
    for (const sheet of wb.sheets) {
      const csv = tables[sheet.name as keyof typeof tables];
      expect(sheet.values.length).toBe(csv.length);
      // As the CSV shows it: numbers as text, empty as "", formula-like text with the CSV's apostrophe.
      const asCsv = sheet.values.map((row, r) => csv[r]!.map((_, c) => {
        const v = row[c];
        return v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : neutraliseCell(String(v));
      }));
      expect(asCsv).toEqual(csv);
      expect((sheet.formulas ?? []).flat().filter(Boolean)).toEqual([]);
    }
  });

  it('gives the same files in one thread as with worker threads', async () => {
    const outDir = join(dir, 'rollup-one-thread');
    const code = await main(['rollup', '--jobs', '0', '--out', outDir, received], io());
    expect(code).toBe(2);
    for (const n of ['suppliers', 'smelters', 'findings']) expect([n, readFileSync(join(outDir, `${n}.csv`), 'utf8')]).toEqual([n, result.raw[n]]);
  }, 300_000);

  it('exits 1 with error findings, 0 without, and accepts files as well as folders', async () => {
    const status = (...p: string[]) => result.suppliers.find((r) => r[0] === path(...p))![6];
    const expected = (...s: (string | undefined)[]) => (s.includes('has errors') ? 1 : 0);
    expect(await main(['rollup', '--out', join(dir, 'o1'), path('acme cmrt.xlsx'), path('more', 'amrt.xlsx')], io())).toBe(expected(status('acme cmrt.xlsx'), status('more', 'amrt.xlsx')));
    const t = io();
    const code = await main(['rollup', '--out', join(dir, 'o0'), path('more', 'amrt.xlsx'), path('more', 'deeper')], t);
    expect(code).toBe(expected(status('more', 'amrt.xlsx'), status('more', 'deeper', 'crt.xlsx')));
    expect(t.out.join('')).toMatch(/^Reviewed 2 files: \d ok, \d with errors, 0 unreadable/);
    // a file named twice (directly and through its folder) is reviewed once
    const twice = io();
    await main(['rollup', '--out', join(dir, 'o2'), path('more', 'deeper', 'crt.xlsx'), path('more', 'deeper')], twice);
    expect(twice.out.join('')).toMatch(/^Reviewed 1 file: /);
  }, 300_000);

  it('reports a missing file as unreadable (exit 2) and shares --status/--watchlist/--policy with check', async () => {
    const wl = join(dir, 'watchlist.csv');
    const acmeFirst = result.smelters.slice(1).find((r) => r[5] === 'Acme Metals; Epsilon Tin')!;
    writeFileSync(wl, `id,reason\n${acmeFirst[1]},Under investigation by our audit team\n`);
    const outDir = join(dir, 'o-watch');
    const t = io();
    const code = await main(['rollup', '--watchlist', wl, '--out', outDir, path('acme cmrt.xlsx'), path('missing.xlsx')], t);
    expect(code).toBe(2);
    const suppliers = readCsv(join(outDir, 'suppliers.csv'));
    expect(suppliers.find((r) => r[0] === path('missing.xlsx'))).toEqual(expect.arrayContaining(['unreadable', 'No such file.']));
    const row = readCsv(join(outDir, 'smelters.csv')).find((r) => r[1] === acmeFirst[1])!;
    expect(row[6]).toBe('Yes');
    expect(row[7]).toContain('watchlist');
    expect(row[8]).toContain('Under investigation by our audit team');
  }, 300_000);

  it('draws a progress bar on stderr when asked (a terminal), and clears it', async () => {
    const t = io({ progress: true });
    await rollup({ out: join(dir, 'o-progress'), role: 'buyer', paths: [path('more')], jobs: 0 }, t, buildReference);
    const err = t.err.join('');
    expect(err).toMatch(/\r\[-+\] 0\/3 files/);
    expect(err).toMatch(/\r\[#+\] 3\/3 files/);
    expect(err).toContain('\r\x1b[K');
  }, 300_000);

  const compiled = ['main.js', 'rollup.js', 'rollup-worker.js', 'stored-zip.js'].every((f) => existsSync(join(ROOT, 'lib', 'cli', f)));
  (compiled ? it : it.skip)('runs from the compiled CLI (bin/cmrt-review.js, lib/cli) with worker threads and no progress bar on a pipe', () => {
    const outDir = join(dir, 'rollup-compiled');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'cmrt-review.js'), 'rollup', '--out', outDir, received], { encoding: 'utf8', timeout: 280_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).not.toContain('worker threads unavailable');
    const rows = readCsv(join(outDir, 'suppliers.csv'));
    // lib/ may lag the sources when jest runs alone (npm test builds it first): compare what does not depend on the rules
    const unreadable = (t: string[][]) => t.map((x) => [x[0], x[6] === 'unreadable', x[2], x[3]]);
    expect(unreadable(rows)).toEqual(unreadable(result.suppliers));
  }, 300_000);
});
