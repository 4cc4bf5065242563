/**
 * src/core/rollup.ts: compacting one review into a roll-up summary, and folding summaries into the three tables
 * (suppliers, unique smelters, findings) the CLI writes as CSV and the task pane shows.
 */
import { reviewDeclaration } from '../../src/core/review';
import {
  FINDING_HEADERS, SMELTER_HEADERS, SUPPLIER_HEADERS, createRollup, rollupAdd, rollupRows, rollupTotals, smelterKey, summariseForRollup,
  type RollupFileSummary, type RollupSmelter,
} from '../../src/core/rollup';
import { writeCsv, parseCsv } from '../../src/core/csv';
import { field, listed, lookupFor, makeDeclaration, notListed, type RowInput } from '../support/model-factory';

const NOW = new Date('2026-07-01T09:30:00Z');

function review(company: string | null, smelters: RowInput[], family: 'CMRT' | 'EMRT' = 'CMRT') {
  const d = makeDeclaration({ family, smelters });
  d.company.companyName = field(company, 'D8');
  d.company.declarationScope = field('A. Company', 'D9');
  d.company.effectiveDate = { ...field(null, 'D21'), raw: '31/02/2026' };
  return reviewDeclaration(d, lookupFor(family), { now: NOW });
}

function summary(file: string, over: Partial<RollupFileSummary> = {}): RollupFileSummary {
  return {
    file, status: 'ok', reason: null, reasonCode: null, company: null, family: 'CMRT', version: '6.5', scope: 'A. Company', effectiveDate: '2026-05-31',
    checkerIncomplete: 0, errors: 0, warnings: 0, infos: 0, smelterCount: 0, smeltersOfInterest: 0, findings: [], smelters: [], ...over,
  };
}

function smelter(cid: string | null, over: Partial<RollupSmelter> = {}): RollupSmelter {
  return { metal: 'Tin', cid, name: `Smelter ${cid}`, country: 'BOLIVIA', interest: false, reasons: [], ...over };
}

describe('summariseForRollup', () => {
  it('keeps the supplier row, the findings and a compact smelter list from a review', () => {
    const r = review('Acme Metals', [listed('CID003185'), listed('CID002763'), notListed('Tin', 'Local Smelter', 'CHINA')]);
    const s = summariseForRollup('in/acme.xlsx', r, null);
    expect(s).toMatchObject({
      file: 'in/acme.xlsx', company: 'Acme Metals', family: 'CMRT', scope: 'A. Company', effectiveDate: '31/02/2026', reason: null,
      errors: r.summary.errors, warnings: r.summary.warnings, infos: r.summary.infos, checkerIncomplete: r.summary.checkerIncomplete,
      smelterCount: 3, smeltersOfInterest: r.summary.smeltersOfInterest,
    });
    expect(s.status).toBe(r.summary.errors > 0 ? 'has errors' : 'ok');
    expect(s.findings).toHaveLength(r.findings.length);
    for (const [i, f] of s.findings.entries()) {
      expect(f).toEqual({ severity: r.findings[i]!.severity, rule: r.findings[i]!.rule, sheet: r.findings[i]!.sheet, cell: r.findings[i]!.cell, row: r.findings[i]!.row, message: r.findings[i]!.message, fix: r.findings[i]!.fix ?? null });
    }
    expect(s.smelters.map((x) => x.cid)).toEqual(['CID003185', 'CID002763', null]);
    const local = s.smelters[2]!;
    expect(local).toMatchObject({ metal: 'Tin', name: 'Local Smelter', country: 'CHINA', interest: true });
    expect(local.reasons.map((x) => x.category)).toContain('unrecognized');
    for (const x of s.smelters.flatMap((y) => y.reasons)) expect(x.source).toMatch(/\S/);
  });

  it('is plain data: it survives structured cloning (postMessage) unchanged and holds no model', () => {
    const s = summariseForRollup('a.xlsx', review('Acme', [listed('CID003185')]), null);
    expect(structuredClone(s)).toEqual(s);
    expect(JSON.stringify(s)).not.toMatch(/"(declaration|lookup|layout|checker)"/);
  });

  it('makes an unreadable row from the load error', () => {
    const s = summariseForRollup('bad.xlsx', null, { code: 'not-zip', message: 'This file is not an Excel workbook (.xlsx).' });
    expect(s).toMatchObject({ status: 'unreadable', reason: 'This file is not an Excel workbook (.xlsx).', reasonCode: 'not-zip', company: null, errors: 0, findings: [], smelters: [] });
    expect(summariseForRollup('x.xlsx', null, null)).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/could not be reviewed/) });
  });
});

describe('rollupAdd / rollupRows', () => {
  const a = summary('in/b/acme.xlsx', {
    company: 'Acme Metals', status: 'has errors', errors: 2, warnings: 1, smelterCount: 3, smeltersOfInterest: 1,
    findings: [
      { severity: 'error', rule: 'checker/required', sheet: 'Declaration', cell: 'D8', row: 8, message: 'Provide the company name.', fix: 'Type it.' },
      { severity: 'warning', rule: 'smelter/duplicate', sheet: 'Smelter List', cell: null, row: 9, message: 'Duplicate row.', fix: null },
    ],
    smelters: [
      smelter('CID000001'),
      smelter('CID000002', { interest: true, reasons: [{ category: 'sanctions', message: 'Sanctioned (OFAC, 2025-01-01).', source: 'OFAC SDN (2025-01-01)' }] }),
      smelter(null, { name: 'Local  Smelter', country: 'China' }),
    ],
  });
  const b = summary('in/a/zeta.xlsx', {
    company: 'Zeta Tin', smelterCount: 3, smeltersOfInterest: 2,
    smelters: [
      smelter('cid000002 ', { interest: true, reasons: [
        { category: 'high-risk-geography', message: 'Located in X.', source: 'EU CAHRA (2025-06-30)' },
        { category: 'sanctions', message: 'Sanctioned (OFAC, 2025-01-01).', source: 'OFAC SDN (2025-01-01)' },
      ] }),
      smelter(null, { name: 'local smelter', country: 'CHINA', interest: true, reasons: [{ category: 'unrecognized', message: 'Not listed.', source: 'RMI' }] }),
      smelter('CID000003', { metal: 'Gold', name: null }),
    ],
  });
  const c = summary('in/c/broken.xlsx', { status: 'unreadable', reason: 'corrupt', family: null, version: null, scope: null, effectiveDate: null, checkerIncomplete: null });
  const d = summary('in/d/nameless.xlsx', { company: null, smelters: [smelter('CID000001')] });

  const build = (order: RollupFileSummary[]) => {
    const st = createRollup();
    for (const s of order) expect(rollupAdd(st, s)).toBe(st);
    return st;
  };

  it('gives one supplier row per file, sorted by file, with the spec columns', () => {
    const { suppliers } = rollupRows(build([a, b, c, d]));
    expect(suppliers[0]).toEqual([...SUPPLIER_HEADERS]);
    expect(suppliers.slice(1).map((r) => r[0])).toEqual(['in/a/zeta.xlsx', 'in/b/acme.xlsx', 'in/c/broken.xlsx', 'in/d/nameless.xlsx']);
    expect(suppliers[2]).toEqual(['in/b/acme.xlsx', 'Acme Metals', 'CMRT', '6.5', 'A. Company', '2026-05-31', 'has errors', '', 0, 2, 1, 3, 1]);
    expect(suppliers[3]).toEqual(['in/c/broken.xlsx', '', '', '', '', '', 'unreadable', 'corrupt', '', 0, 0, 0, 0]);
  });

  it('merges smelters by RMI ID (or metal, name and country) and counts the suppliers that list each', () => {
    const { smelters } = rollupRows(build([a, b, c, d]));
    expect(smelters[0]).toEqual([...SMELTER_HEADERS]);
    const rows = smelters.slice(1);
    expect(rows.map((r) => `${r[0]}|${r[1]}|${r[4]}`)).toEqual(['Gold|CID000003|1', 'Tin|CID000001|2', 'Tin|CID000002|2', 'Tin||2']);
    const byId = new Map(rows.map((r) => [r[1] || r[2], r]));
    expect(byId.get('CID000001')![5]).toBe('Acme Metals; nameless.xlsx'); // no company name: the file name stands in
    expect(byId.get('CID000002')).toEqual([
      'Tin', 'CID000002', 'Smelter CID000002', 'BOLIVIA', 2, 'Acme Metals; Zeta Tin', 'Yes', 'sanctions, high-risk-geography',
      'Sanctioned (OFAC, 2025-01-01). | Located in X.', 'EU CAHRA (2025-06-30); OFAC SDN (2025-01-01)',
    ]);
    const local = rows.find((r) => r[1] === '')!;
    expect(local.slice(4, 8)).toEqual([2, 'Acme Metals; Zeta Tin', 'Yes', 'unrecognized']);
    expect(byId.get('CID000003')![2]).toBe(''); // no name anywhere
    expect(smelterKey({ metal: 'Tin', cid: null, name: ' Local  Smelter', country: 'china' })).toBe(smelterKey({ metal: 'tin', cid: null, name: 'local smelter', country: 'CHINA ' }));
  });

  it('lists every finding with its file, sheet and cell, in file order', () => {
    const { findings } = rollupRows(build([a, b, c, d]));
    expect(findings).toEqual([
      [...FINDING_HEADERS],
      ['in/b/acme.xlsx', 'Acme Metals', 'error', 'Declaration', 'D8', 8, 'checker/required', 'Provide the company name.', 'Type it.'],
      ['in/b/acme.xlsx', 'Acme Metals', 'warning', 'Smelter List', '', 9, 'smelter/duplicate', 'Duplicate row.', ''],
    ]);
  });

  it('does not depend on the order in which files arrive', () => {
    const one = rollupRows(build([a, b, c, d]));
    expect(rollupRows(build([d, c, b, a]))).toEqual(one);
    expect(rollupRows(build([c, a, d, b]))).toEqual(one);
  });

  it('keeps totals as it goes', () => {
    expect(rollupTotals(build([a, b, c, d]))).toEqual({
      files: 4, ok: 2, withErrors: 1, unreadable: 1, errors: 2, warnings: 1, smelterRows: 7, uniqueSmelters: 4, uniqueSmeltersOfInterest: 2,
    });
    expect(rollupRows(createRollup())).toEqual({ suppliers: [[...SUPPLIER_HEADERS]], smelters: [[...SMELTER_HEADERS]], findings: [[...FINDING_HEADERS]] });
  });

  it('shows the most common spelling of a smelter, whatever the order', () => {
    const spell = (file: string, country: string) => summary(file, { company: file, smelters: [smelter('CID000009', { country })] });
    const rows = (order: string[]) => rollupRows(build(order.map((c, i) => spell(`f${i}`, c)))).smelters[1]![3];
    expect(rows(['Bolivia', 'BOLIVIA', 'BOLIVIA'])).toBe('BOLIVIA');
    expect(rows(['BOLIVIA', 'Bolivia', 'Bolivia'])).toBe('Bolivia');
    expect(rows(['Bolivia', 'BOLIVIA'])).toBe(rows(['BOLIVIA', 'Bolivia']));
  });

  it('cuts a very long supplier list before the 32,767-character cell limit, keeping the count', () => {
    const st = createRollup();
    for (let i = 0; i < 1500; i++) rollupAdd(st, summary(`f${i}.xlsx`, { company: `Supplier number ${String(i).padStart(4, '0')} with a rather long legal name Ltd.`, smelters: [smelter('CID000001')] }));
    const row = rollupRows(st).smelters[1]!;
    expect(row[4]).toBe(1500);
    expect(String(row[5]).length).toBeLessThan(32_767);
    expect(String(row[5])).toMatch(/… \(\+\d+ more\)$/);
  });

  it('gives rows that the CSV writer makes safe to open in Excel', () => {
    const st = rollupAdd(createRollup(), summary('=cmd.xlsx', {
      company: '@SUM(A1)', smelters: [smelter(null, { name: '=HYPERLINK("http://x.example","click")', country: '+CN' })],
      findings: [{ severity: 'info', rule: 'r', sheet: 'Smelter List', cell: 'D5', row: 5, message: '-1 rows', fix: null }],
    }));
    const t = rollupRows(st);
    const smelters = parseCsv(writeCsv(t.smelters)).rows;
    expect(smelters[1]![2]).toBe('\'=HYPERLINK("http://x.example","click")');
    expect(smelters[1]![3]).toBe("'+CN");
    expect(parseCsv(writeCsv(t.suppliers)).rows[1]!.slice(0, 2)).toEqual(["'=cmd.xlsx", "'@SUM(A1)"]);
    expect(parseCsv(writeCsv(t.findings)).rows[1]![7]).toBe("'-1 rows");
  });
});
