/**
 * `cmrt-review check --out DIR`, called in-process through `main(argv, io)`. File loading is replaced by reviews of
 * hand-built declarations (the xlsx reader is another engineer's and is tested with real templates there).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import type { ReviewOptions } from '../../src/core/review';
import { listed, notListed } from '../support/model-factory';
import { makeReview, NOW, type FixtureInput } from '../core/followup/fixtures';
import { main } from '../../src/cli/main';
import { followUpBaseName } from '../../src/cli/followup-out';

jest.mock('../../src/cli/reference-files', () => ({ loadReferenceFiles: () => ({}) }));
jest.mock('../../src/cli/load', () => ({ reviewFile: jest.fn() }));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = require('../../src/cli/load') as { reviewFile: jest.Mock };

const INPUTS: Record<string, FixtureInput | 'unreadable'> = {
  'acme.xlsx': { smelters: [listed('CID002763'), listed('CID003185'), notListed('Gold', '=HYPERLINK("http://evil.example","x")', 'CHINA')] },
  'clean.xlsx': { smelters: [listed('CID002763'), listed('CID001105')] },
  'gaps.xlsm': { smelters: [listed('CID002763'), listed('CID001105')], company: { effectiveDate: null } },
  'broken.xlsx': 'unreadable',
};

beforeEach(() => {
  load.reviewFile.mockImplementation((path: string, options: ReviewOptions) => {
    const input = INPUTS[basename(path).toLowerCase()];
    if (!input || input === 'unreadable') return { review: null, error: { code: 'unreadable', message: 'No such file.' } };
    return { review: makeReview({ ...input, role: options.role, reference: options.reference }), error: null };
  });
});

function run(argv: string[]): { code: Promise<number>; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), now: NOW });
  return { code, out, err };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cmrt-followup-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('cmrt-review check --out DIR', () => {
  it('buyer: writes <base>.followup.txt and .csv for each file that needs follow-up, and nothing for the others', async () => {
    const out = join(dir, 'out', 'nested');
    const r = run(['check', '--out', out, 'in/acme.xlsx', 'in/clean.xlsx', 'other/gaps.xlsm']);
    expect(await r.code).toBe(1); // the review's exit code is unchanged (Checker errors in gaps.xlsm)
    expect(readdirSync(out).sort()).toEqual(['acme.followup.csv', 'acme.followup.txt', 'gaps.followup.csv', 'gaps.followup.txt']);
    const txt = readFileSync(join(out, 'acme.followup.txt'), 'utf8');
    expect(txt.split('\n')[0]).toBe('Subject: Your CMRT 6.5 (Acme Metals Ltd.): product-level information on 2 smelter(s)');
    expect(txt).toContain('African Gold Refinery (CID003185) · Gold · UGANDA');
    expect(txt).toContain('This is why we ask for information at product level.');
    expect(txt).toContain('We would be grateful for your reply by 2026-07-31.');
    const csv = readFileSync(join(out, 'acme.followup.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFSmelter List row,Metal,Smelter name,')).toBe(true);
    expect(csv).toContain(',"\'=HYPERLINK(""http://evil.example"",""x"")",');
    expect(readFileSync(join(out, 'gaps.followup.txt'), 'utf8').split('\n')[0]).toBe('Subject: Your CMRT 6.5 (Acme Metals Ltd.): corrections requested');
    expect(readFileSync(join(out, 'gaps.followup.csv'), 'utf8')).toBe('\uFEFFSmelter List row,Metal,Smelter name,Smelter ID,Country,Category,Reason,Source,Source date,Source URL\r\n');
    expect(r.err.join('')).toContain(`wrote ${join(out, 'acme.followup.txt')}, ${join(out, 'acme.followup.csv')}`);
    expect(r.out.join('')).toContain('in/acme.xlsx: CMRT 6.5 (English)');
  });

  it('two files with the same base name do not overwrite each other', async () => {
    const r = run(['check', `--out=${dir}`, 'a/acme.xlsx', 'b/acme.xlsx', 'c/ACME.xlsx']);
    expect(await r.code).not.toBe(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()).toEqual(['ACME-3.followup.txt', 'acme-2.followup.txt', 'acme.followup.txt']);
  });

  it('supplier: writes the fix list as text only', async () => {
    const r = run(['check', '--role', 'supplier', '--out', dir, 'acme.xlsx', 'clean.xlsx']);
    expect(await r.code).not.toBe(2);
    expect(readdirSync(dir)).toEqual(['acme.followup.txt']);
    const txt = readFileSync(join(dir, 'acme.followup.txt'), 'utf8');
    expect(txt.split('\n')[0]).toBe('Subject: Fix before sending: CMRT 6.5 (Acme Metals Ltd.)');
    expect(txt).toContain('Smelter IDs to check on the Smelter List:');
  });

  it('keeps JSON output on stdout valid', async () => {
    const r = run(['check', '--format', 'json', '--out', dir, 'acme.xlsx']);
    expect(await r.code).not.toBe(2);
    expect(() => JSON.parse(r.out.join(''))).not.toThrow();
    expect(existsSync(join(dir, 'acme.followup.txt'))).toBe(true);
  });

  it('an unreadable file gets no follow-up and exit code 2; the others are still written', async () => {
    const r = run(['check', '--out', dir, 'broken.xlsx', 'acme.xlsx']);
    expect(await r.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['acme.followup.csv', 'acme.followup.txt']);
  });

  it('--out without a directory is a usage error', async () => {
    const r = run(['check', 'acme.xlsx', '--out']);
    expect(await r.code).toBe(2);
    expect(r.err.join('')).toMatch(/--out needs a value/);
    expect(r.err.join('')).toMatch(/--out DIR/);
  });

  it('a directory that cannot be written: exit code 2 with the reason', async () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const r = run(['check', '--out', file, 'acme.xlsx']);
    expect(await r.code).toBe(2);
    expect(r.err.join('')).toMatch(/cmrt-review: Cannot write .*not-a-dir.*acme\.followup\.txt \((EEXIST|ENOTDIR)\)/);
  });

  it('without --out nothing is written', async () => {
    const r = run(['check', 'acme.xlsx']);
    expect(await r.code).not.toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('followUpBaseName', () => {
  it('drops the folder and the last extension', () => {
    expect(followUpBaseName('suppliers/Acme CMRT 6.5.xlsx')).toBe('Acme CMRT 6.5');
    expect(followUpBaseName('x.tar.xlsx')).toBe('x.tar');
    expect(followUpBaseName('noext')).toBe('noext');
    expect(followUpBaseName('.hidden')).toBe('.hidden');
  });
});
