/**
 * Benchmark of the smelter checks: every smelter rule plus the smelters-of-interest assessment over a 2,500-row
 * Smelter List. Rows cycle through a real look-up (the CMRT 6.5 entries of the shipped look-up history: standard
 * names and aliases), with some typed IDs, "Smelter not listed" rows with misspelt names, pseudo-rows and
 * duplicates; a synthetic facility list and watch list are imported so that every path runs.
 *
 * Each run reviews a fresh Declaration (so the per-declaration analysis is recomputed); the look-up and its indices
 * are built once per look-up array, as in a session. Reports the median of 25 runs after 10 warm-up runs (wall
 * clock, and CPU time, which other processes on a busy machine disturb less) and, separately, the first (cold)
 * run that also builds the indices and the fuzzy-name data and computes the suggestions for the 125
 * "Smelter not listed" rows.
 *
 * Run alone: npx tsx bench/smelters.ts
 */
import type { Declaration, Field, LookupEntry, SmelterRow } from '../src/core/model';
import type { TemplateLayout } from '../src/core/layouts/types';
import { runRules, type RuleContext } from '../src/core/rules/rule';
import { SMELTER_RULES } from '../src/core/rules/smelter';
import { assessSmelters, summariseSmelters } from '../src/core/smelters';
import { createReviewReference, type ReviewReference } from '../src/core/reference';
import { historyIndex } from '../src/core/reference/history';
import { importFacilityList } from '../src/core/reference/import-facility-list';
import { importWatchlist } from '../src/core/reference/import-watchlist';

const ROWS = 2500;
const RUNS = 25;
/** Unmeasured runs after the cold one, so that the median reflects optimised code. */
const WARMUP = 10;
const METALS = ['Tantalum', 'Tin', 'Gold', 'Tungsten'];

function buildLookup(): LookupEntry[] {
  const out: LookupEntry[] = [];
  let row = 5;
  for (const entries of historyIndex().byId.values()) {
    for (const e of entries) {
      if (e.family !== 'CMRT' || !e.inLatest) continue;
      for (const name of [e.standardName, ...e.aliases]) {
        out.push({ row: row++, metal: e.metal, lookupName: name, standardName: e.standardName, country: e.country, id: e.id, source: 'RMI', street: null, city: null, state: e.state || null });
      }
    }
  }
  for (const metal of METALS) {
    for (const pseudo of ['Smelter not listed', 'Smelter not yet identified']) {
      out.push({ row: row++, metal, lookupName: pseudo, standardName: pseudo, country: '', id: '', source: null, street: null, city: null, state: null });
    }
  }
  return out;
}

/** A plausible misspelling: drop one letter in the middle of the longest word. */
function misspell(name: string, seed: number): string {
  const words = name.split(' ');
  let longest = 0;
  words.forEach((w, i) => { if (w.length > words[longest]!.length) longest = i; });
  const w = words[longest]!;
  if (w.length > 4) {
    const at = 1 + (seed % (w.length - 2));
    words[longest] = w.slice(0, at) + w.slice(at + 1);
  }
  return words.join(' ');
}

function row(r: number, v: Partial<SmelterRow>): SmelterRow {
  return {
    row: r, metal: null, lookup: null, lookupKind: 'listed', name: null, country: null, id: null, typedId: null, source: null,
    street: null, city: null, state: null, contactName: null, contactEmail: null, nextSteps: null, mineName: null,
    mineCountry: null, recycled: null, comments: null, ...v,
  };
}

function buildRows(lookup: readonly LookupEntry[]): SmelterRow[] {
  const real = lookup.filter((e) => e.id);
  const rows: SmelterRow[] = [];
  for (let i = 0; i < ROWS; i++) {
    const e = real[(i * 7) % real.length]!;
    const r = 5 + i;
    if (i % 20 === 3) {
      rows.push(row(r, { metal: e.metal, lookup: 'Smelter not listed', lookupKind: 'not-listed', name: `${misspell(e.standardName, i)}`, country: e.country }));
    } else if (i % 50 === 7) {
      rows.push(row(r, { metal: METALS[i % 4]!, lookup: 'Smelter not yet identified', lookupKind: 'not-yet-identified' }));
    } else if (i % 10 === 1) {
      rows.push(row(r, { metal: e.metal, lookup: e.lookupName, country: e.country, id: e.id, typedId: e.id, source: 'RMI', state: e.state }));
    } else {
      rows.push(row(r, { metal: e.metal, lookup: e.lookupName, country: e.country, id: e.id, source: 'RMI', state: e.state }));
    }
  }
  return rows;
}

const f = (value: string | null, cell: string): Field => ({ value, raw: value, sheet: 'Declaration', cell });

function buildDeclaration(smelters: readonly SmelterRow[]): Declaration {
  const empty = f(null, 'D1');
  return {
    template: { family: 'CMRT', version: '6.5', versionText: 'Revision 6.5', releaseDate: '2025-04-25', language: 'English', layoutVersion: '6.5' },
    company: {
      companyName: empty, scope: 'company', declarationScope: empty, scopeDescription: empty, companyId: empty, companyIdAuthority: empty,
      address: empty, contactName: empty, contactEmail: empty, contactPhone: empty, authorizerName: empty, authorizerTitle: empty,
      authorizerEmail: empty, authorizerPhone: empty, effectiveDate: empty,
    },
    mineralsInScope: [...METALS],
    answers: METALS.map((metal, i) => ({ metal, topics: { 1: 'intentional', 3: 'covered-countries', 4: 'cahra', 7: 'all-identified' }, answers: { 1: f('Yes', `D${26 + i}`), 3: f('No', `D${38 + i}`), 4: f('No', `D${44 + i}`), 7: f('Yes', `D${62 + i}`) }, comments: {} })),
    companyQuestions: [],
    smelters: smelters.map((s) => ({ ...s })),
    products: [],
    mines: [],
    notes: [],
  };
}

const LAYOUT = {
  family: 'CMRT', version: '6.5', releaseDate: '2025-04-25', sheets: [],
  declaration: { sheet: 'Declaration', versionCell: 'A1', languageCell: 'D3', company: {}, mineralSelectionCells: [], minerals: METALS, questions: [], companyQuestions: [] },
  smelterList: { sheet: 'Smelter List', headerRow: 4, firstRow: 5, lastRow: 2504, columns: { typedId: 'A', metal: 'B', lookup: 'C', name: 'D', country: 'E', id: 'F', source: 'G', street: 'H', city: 'I', state: 'J' } },
  productList: { sheet: 'Product List', headerRow: 5, firstRow: 6, lastRow: 100, columns: {} },
  dropdowns: {},
} as unknown as TemplateLayout;

function buildReference(lookup: readonly LookupEntry[], now: Date): ReviewReference {
  const ids = [...new Set(lookup.filter((e) => e.id).map((e) => e.id))];
  const statuses = ['Conformant', 'Conformant', 'Conformant', 'Active', 'Non-Conformant', 'Communication Suspended'];
  const csv = ['Facility ID,Metal,Standard Facility Name,Country Location,Assessment Status'];
  ids.forEach((id, i) => { if (i % 9 !== 0) csv.push(`${id},Gold,Synthetic ${i},ITALY,${statuses[i % statuses.length]}`); });
  const facilityList = importFacilityList(csv.join('\n'), { now, fileDate: '2026-06-01' }).list;
  const watchlist = importWatchlist(ids.filter((_, i) => i % 40 === 0).map((id) => `${id},synthetic reason`).join('\n')).list;
  return createReviewReference({ facilityList, watchlist });
}

export const __internals = { buildLookup, buildRows, buildDeclaration, buildReference, LAYOUT };

export interface SmelterBenchResult {
  /** Median wall-clock time of a warm run (all smelter rules + assessment + summary), ms. */
  smelterChecksMs: number;
  /** Median CPU time of a warm run (less sensitive to other processes on the machine), ms. */
  smelterChecksCpuMs: number;
  /** The first run, which also builds the look-up indices and name data, ms. */
  smelterChecksColdMs: number;
  rows: number;
  findings: number;
  ofInterest: number;
}

export function benchSmelterChecks(): SmelterBenchResult {
  const now = new Date('2026-07-01T00:00:00Z');
  const lookup = buildLookup();
  const rows = buildRows(lookup);
  const reference = buildReference(lookup, now);
  const once = (): { findings: number; ofInterest: number; ms: number; cpu: number } => {
    const ctx: RuleContext<ReviewReference> = { declaration: buildDeclaration(rows), lookup, layout: LAYOUT, role: 'buyer', now, extra: reference };
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const findings = runRules(SMELTER_RULES, ctx);
    const assessments = assessSmelters(ctx);
    const summary = summariseSmelters(assessments, reference);
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    return { findings: findings.length, ofInterest: summary.ofInterest, ms, cpu: (cpu.user + cpu.system) / 1000 };
  };
  const cold = once();
  for (let i = 0; i < WARMUP; i++) once();
  const wall: number[] = [];
  const cpu: number[] = [];
  let last = cold;
  for (let i = 0; i < RUNS; i++) {
    last = once();
    wall.push(last.ms);
    cpu.push(last.cpu);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    smelterChecksMs: Number(median(wall).toFixed(2)),
    smelterChecksCpuMs: Number(median(cpu).toFixed(2)),
    smelterChecksColdMs: Number(cold.ms.toFixed(2)),
    rows: ROWS, findings: last.findings, ofInterest: last.ofInterest,
  };
}

if (require.main === module) {
  console.log(JSON.stringify(benchSmelterChecks()));
}
