/**
 * Differential test of the Checker port (src/core/checker) against LibreOffice recalculating the real templates.
 *
 * Every case is a list of cell writes (seeded random ones from ./generator.ts, and targeted edge cases), applied
 *   (a) with fillTemplate to a copy of the template, read by readXlsx -> readTemplate (no recalculation: only the
 *       cells written and the template's cached values), then evaluateChecker / runChecker. For speed most cases
 *       fill a slimmed copy of the template (./slim.ts); the blanks and each file's first random case fill the
 *       original too and must give identical rows;
 *   (b) by test/oracle/lo_checker.py in headless LibreOffice, which recalculates and reads the Checker sheet.
 * Per case: the flagged counted rows (mapped to item names; an EMRT 2.x/AMRT slot by the mineral LibreOffice sorted
 * into it, Declaration!AA12:AA21) equal runChecker's items, the Checker's total equals `incomplete` (or its error
 * `totalError`), and every Checker row's H - counted or not - equals the port's.
 *
 * All cases run in one oracle batch (2 workers). CHECKER_SEED=<n> replays another seed, CHECKER_RANDOM=<n> sets the
 * random cases per file (default 10), CHECKER_FILES=<regex> limits the templates; a failure prints the seed, the case
 * and its writes. Skipped only when LibreOffice + python3-uno are missing (CI installs them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { oracleAvailable, runOracle, templatePath, lastOracleStats, type OracleResult } from '../../oracle/oracle';
import { fillTemplate, readTemplateBytes } from '../../support/fill';
import { readXlsx } from '../../../src/xlsx/read';
import { NEEDED_SHEETS, layoutFor, readTemplate } from '../../../src/core/read';
import { chooseLayout } from '../../../src/core/layouts';
import { checkerResult, evaluateChecker, type CheckerResult, type CheckerRow } from '../../../src/core/checker';
import type { Family } from '../../../src/core/model';
import { randomWrites, type Write } from './generator';
import { slimTemplate } from './slim';

interface SpecRow {
  row: number;
  F?: { formula?: string; constant?: unknown };
  inTotal: boolean;
  kind: string;
  item: string | null;
}
interface SpecTemplate {
  file: string;
  family: Family;
  version: string;
  rows: SpecRow[];
}

const SPEC = (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'checker-spec.json'), 'utf8')) as { templates: SpecTemplate[] }).templates;
const SEED = Number(process.env.CHECKER_SEED ?? 20250617);
/** Random cases per template file (the two extra files of a version - CMRT 6.4 English, CRT 2.21 - get fewer). */
const RANDOM = Number(process.env.CHECKER_RANDOM ?? 10);
const PER_FILE = (file: string) => (/6\.4_en|2\.21/.test(file) ? Math.ceil(RANDOM / 2.5) : RANDOM);
/** CHECKER_FILES=<regex> limits the run to some template files (for a quick local loop). */
const FILES = new RegExp(process.env.CHECKER_FILES ?? '.');

interface Case {
  name: string;
  file: string;
  seed: number | null;
  writes: Write[];
  /** AMRT 1.2's Chinese mineral names: Excel (pinyin) and LibreOffice (code points) sort them differently. */
  cjkOrder?: boolean;
  /** Fill the original template too (not only the slimmed copy) and require the same result from both. */
  full?: boolean;
}

const D = 'Declaration';
const SL = 'Smelter List';
const w = (sheet: string, cell: string, value: Write['value']): Write => ({ sheet, cell, value });
const decl = (cells: Record<string, Write['value']>): Write[] => Object.entries(cells).map(([c, v]) => w(D, c, v));
const smelter = (row: number, cells: Record<string, Write['value']>): Write[] => Object.entries(cells).map(([c, v]) => w(SL, `${c}${row}`, v));
const CLEAR_AMRT12 = decl(Object.fromEntries(['D12', 'E12', 'G12', 'H12', 'I12', 'D13', 'E13', 'G13', 'H13', 'I13'].map((c) => [c, null])));

const TARGETED: Case[] = [
  ...SPEC.map((t) => ({ name: 'blank', file: t.file, seed: null, writes: [], cjkOrder: t.file === 'RMI_AMRT_1.2.xlsx', full: true })),
  // CMRT: Q1 other than Yes/No keeps Q2-Q8 required and un-completable; Q2 gates only after Q1 "Yes"
  { name: 'Q1 Unknown, Q2-Q8 answered', file: 'RMI_CMRT_6.5.xlsx', seed: null, writes: decl({ D26: 'Unknown', D32: 'Yes', D38: 'Yes', D44: 'Yes', D50: 'Yes', D56: '100%', D62: 'Yes', D68: 'Yes' }) },
  { name: 'Q1 blank, Q2 No', file: 'RMI_CMRT_6.5.xlsx', seed: null, writes: decl({ D32: 'No' }) },
  { name: 'Q1 yes (lower case), Q2 NO', file: 'RMI_CMRT_6.22.xlsx', seed: null, writes: decl({ D26: 'yes', D32: 'NO' }) },
  { name: 'policy URL of two spaces', file: 'RMI_CMRT_6.5.xlsx', seed: null, writes: decl({ D77: 'Yes', G77: '  ' }) },
  { name: 'user-defined scope, description 0', file: 'RMI_CMRT_6.1.xlsx', seed: null, writes: decl({ D9: 'C. User defined', D10: 0 }) },
  // Smelter List, per metal: two independent COUNTIFs, untrimmed text, whole columns vs C5:C2504
  { name: 'metal Tin without look-up + "Tinplate" row', file: 'RMI_CMRT_6.5.xlsx', seed: null, writes: [...smelter(5, { B: 'Tin', C: null }), ...smelter(6, { B: 'Tinplate', C: null })] },
  { name: 'edge spaces in metal and look-up', file: 'RMI_CMRT_6.5.xlsx', seed: null, writes: [...smelter(5, { B: ' Tin', C: 'Smelter A' }), ...smelter(6, { B: 'Tantalum', C: ' ' })] },
  { name: 'not listed, name a space', file: 'RMI_CMRT_6.4_en.xlsx', seed: null, writes: smelter(5, { B: 'Tin', C: 'Smelter not listed', D: ' ', E: 'CHINA' }) },
  ...['RMI_CMRT_6.01.xlsx', 'RMI_CMRT_6.22.xlsx'].map((file) => ({ name: 'not listed in row 2600', file, seed: null, writes: smelter(2600, { B: 'Tin', C: 'Smelter not listed' }) })),
  ...['RMI_EMRT_1.1.xlsx', 'RMI_EMRT_1.2.xlsx'].map((file) => ({ name: 'cobalt smelter in row 2500', file, seed: null, writes: smelter(2500, { B: 'Cobalt', C: 'Some Smelter' }) })),
  ...['RMI_EMRT_2.0.xlsx', 'RMI_EMRT_2.1.xlsx'].map((file) => ({ name: 'cobalt smelter in row 2498', file, seed: null, writes: smelter(2498, { B: 'Cobalt', C: 'x' }) })),
  // EMRT 1.x: leftover rows, "other format", Unknown gating
  { name: 'hidden Gold row cleared', file: 'RMI_EMRT_1.3.xlsx', seed: null, writes: decl({ D28: null }) },
  { name: 'other format without description', file: 'RMI_EMRT_1.3.xlsx', seed: null, writes: decl({ D26: 'Yes', D79: 'Yes, Using Other Format (Describe)' }) },
  { name: 'other format described with a space', file: 'RMI_EMRT_1.11.xlsx', seed: null, writes: decl({ D26: 'Yes', D79: 'yes, using other format (describe)', G79: ' ' }) },
  { name: 'not listed outside the total', file: 'RMI_EMRT_1.1.xlsx', seed: null, writes: [...smelter(5, { B: 'Mica', C: 'Smelter not listed' }), ...smelter(6, { B: 'Mica', C: 'Smelter not listed', D: 'X' })] },
  // EMRT 2.x: selection, de-duplication, "(Delete ...)" taking the cell below, Q2 "Not declaring"
  { name: '(Delete Cobalt) takes D14', file: 'RMI_EMRT_2.1.xlsx', seed: null, writes: decl({ D12: '(Delete Cobalt)', D14: 'Tellurium', D30: 'Yes' }) },
  { name: 'cobalt twice, different case', file: 'RMI_EMRT_2.1.xlsx', seed: null, writes: decl({ D12: 'cobalt', E12: 'Cobalt', G12: null, D13: null, E13: null, G13: null }) },
  { name: 'Q2 Not declaring does not gate Q3', file: 'RMI_EMRT_2.0.xlsx', seed: null, writes: decl({ D30: 'Yes', D42: 'Not declaring', D31: 'Not declaring' }) },
  { name: 'no minerals', file: 'RMI_EMRT_2.0.xlsx', seed: null, writes: decl({ D12: null, E12: null, G12: null, D13: null, E13: null, G13: null }) },
  // CRT: the Cobalt smelter row lives only while Q1 is empty; the hidden rows feed the company-question gate
  { name: 'Q2 Yes, Q1 blank, no cobalt row', file: 'RMI_CRT_2.2.xlsx', seed: null, writes: decl({ D32: 'yes' }) },
  { name: 'Q2 Yes, Q1 blank, cobalt metal only', file: 'RMI_CRT_2.2.xlsx', seed: null, writes: [...decl({ D32: 'Yes' }), ...smelter(5, { B: 'Cobalt', C: null })] },
  { name: 'hidden Tin row Yes, cobalt No', file: 'RMI_CRT_2.21.xlsx', seed: null, writes: decl({ D26: 'No', D27: 'Yes' }) },
  // AMRT
  { name: 'Other in G12 (#REF!)', file: 'RMI_AMRT_1.2.xlsx', seed: null, writes: [...CLEAR_AMRT12, ...decl({ D12: 'Aluminum', G12: 'Other [specify below]' })] },
  { name: 'Other in D12 (a mineral named so)', file: 'RMI_AMRT_1.2.xlsx', seed: null, writes: [...CLEAR_AMRT12, ...decl({ D12: 'Other [specify below]', E12: 'Zinc', D28: 'Yes' }), ...smelter(5, { A: 'zinc', B: 'Z Smelter', C: ' ' })] },
  { name: 'no minerals', file: 'RMI_AMRT_1.2.xlsx', seed: null, writes: CLEAR_AMRT12 },
  { name: 'Other named, metal-only smelter row', file: 'RMI_AMRT_1.3.xlsx', seed: null, writes: [...decl({ D12: 'Other [specify below]', D15: 'Tellurium', E12: 'Zinc' }), ...smelter(5, { B: 'Tellurium' })] },
  { name: 'Other unnamed, stray name', file: 'RMI_AMRT_1.3.xlsx', seed: null, writes: decl({ D12: 'Other [specify below]', E12: 'Silver', H15: 'Stray' }) },
  { name: 'look-up or country cleared', file: 'RMI_AMRT_1.3.xlsx', seed: null, writes: [...decl({ D12: 'Zinc', E12: 'Silver' }), ...smelter(5, { B: 'Zinc', C: null }), ...smelter(6, { B: 'Silver', E: null })] },
  { name: 'Q1 Not declaring drops the smelter row', file: 'RMI_AMRT_1.3.xlsx', seed: null, writes: decl({ D12: 'Zinc', D31: 'Not declaring' }) },
];

function randomCases(): Case[] {
  const out: Case[] = [];
  SPEC.forEach((t, fi) => {
    const layout = chooseLayout(t.family, t.version)!.layout;
    for (let i = 0; i < PER_FILE(t.file); i++) {
      const seed = SEED + fi * 1009 + i * 7919;
      out.push({ name: `random #${i + 1}`, file: t.file, seed, writes: randomWrites({ layout, seed }), full: i === 0 });
    }
  });
  return out;
}

const CASES: Case[] = [...TARGETED, ...randomCases()].filter((c) => FILES.test(c.file));
const SLOT_FAMILIES = new Set(['RMI_EMRT_2.0.xlsx', 'RMI_EMRT_2.1.xlsx', 'RMI_AMRT_1.2.xlsx', 'RMI_AMRT_1.3.xlsx']);
const AA = ['AA12', 'AA13', 'AA14', 'AA15', 'AA16', 'AA17', 'AA18', 'AA19', 'AA20', 'AA21'];

/** Sheets kept when slimming a template for the TypeScript path (what the reader reads), and the rows kept. */
const SLIM_ROWS: Record<string, [number, number]> = { 'Smelter List': [60, 2490], 'Smelter Look-up': [60, 1e9], 'Mine List': [60, 1e9], 'Product List': [60, 1e9] };

/** The TypeScript path: fill the template, read it back without recalculating, run the port. */
function runTs(c: Case, bytes: Uint8Array): { rows: CheckerRow[]; result: CheckerResult } {
  const filled = fillTemplate(bytes, c.writes.map((x) => ({ sheet: x.sheet, cell: x.cell, value: x.value })));
  const { declaration } = readTemplate(readXlsx(filled, { sheets: [...NEEDED_SHEETS], formulas: true }));
  const rows = evaluateChecker(declaration, layoutFor(declaration.template));
  return { rows, result: checkerResult(rows) };
}

/** A Checker row with an empty F is never necessary (e.g. the authorizer-phone rows): the port leaves it out. */
const never = (r: SpecRow) => r.F === undefined || (r.F.formula === undefined && (r.F.constant === null || r.F.constant === undefined));
const isErrorText = (v: unknown) => typeof v === 'string' && v.startsWith('#');

/** Differences between the port and LibreOffice for one case; empty when they agree. */
function compare(c: Case, spec: SpecTemplate, ts: { rows: CheckerRow[]; result: CheckerResult }, lo: OracleResult): string[] {
  const out: string[] = [];
  if (!lo.ok) return [`oracle failed: ${lo.error}`];
  const slotName = (key: string): string => {
    const m = /^Smelter List:slot(\d+)$/.exec(key);
    if (!m) return key;
    const v = lo.reads?.[`Declaration!${AA[Number(m[1]) - 1]}`];
    return v === null || v === undefined || v === '' || isErrorText(v) ? key : `Smelter List:${String(v)}`;
  };
  const mine = new Map(ts.rows.map((r) => [r.key, r]));
  const flagged: string[] = [];
  for (const sr of spec.rows) {
    if (sr.kind === 'header' || sr.kind === 'broken' || !sr.item) continue;
    const h = lo.rows?.find((x) => x.row === sr.row)?.H ?? null;
    if (never(sr)) {
      if (h !== 0) out.push(`row ${sr.row} (${sr.item}): never necessary, but LibreOffice H = ${JSON.stringify(h)}`);
      continue;
    }
    const m = mine.get(sr.item);
    if (!m) {
      out.push(`row ${sr.row} (${sr.item}): missing in the port`);
      continue;
    }
    if (m.h !== h) out.push(`row ${sr.row} (${sr.item}): H LibreOffice ${JSON.stringify(h)}, port ${JSON.stringify(m.h)}`);
    if (!c.cjkOrder && m.item !== slotName(sr.item)) out.push(`row ${sr.row}: item LibreOffice ${slotName(sr.item)}, port ${m.item}`);
    if (sr.inTotal && h !== 0 && h !== null) flagged.push(c.cjkOrder ? m.item : slotName(sr.item));
  }
  const items = ts.result.items.map((i) => i.item);
  if (JSON.stringify([...items].sort()) !== JSON.stringify([...flagged].sort())) {
    out.push(`flagged items differ: LibreOffice only [${flagged.filter((x) => !items.includes(x)).join(', ')}], port only [${items.filter((x) => !flagged.includes(x)).join(', ')}]`);
  }
  if (lo.total === null || lo.total === undefined) {
    if (ts.result.totalError !== lo.totalText) out.push(`total: LibreOffice ${lo.totalText}, port ${ts.result.incomplete} / ${ts.result.totalError}`);
  } else if (lo.total !== ts.result.incomplete || ts.result.totalError) {
    out.push(`total: LibreOffice ${lo.total}, port ${ts.result.incomplete}${ts.result.totalError ? ` / ${ts.result.totalError}` : ''}`);
  }
  if (c.cjkOrder) {
    const loNames = AA.map((a) => lo.reads?.[`Declaration!${a}`]).filter((v) => v !== '' && v !== null && v !== undefined).map(String).sort();
    const tsNames = ts.rows.filter((r) => /^Smelter List:slot/.test(r.key) && !/^Smelter List:slot\d+$/.test(r.item)).map((r) => r.item.slice('Smelter List:'.length)).sort();
    if (JSON.stringify(loNames) !== JSON.stringify(tsNames)) out.push(`minerals: LibreOffice ${loNames.join(',')}, port ${tsNames.join(',')}`);
  }
  return out;
}

const available = oracleAvailable();
if (!available) console.warn('test/core/checker/differential: skipped — LibreOffice (soffice) and python3-uno are not installed');
const describeOracle = available ? describe : describe.skip;

describeOracle(`Checker port versus LibreOffice (seed ${SEED})`, () => {
  const results = new Map<Case, string[]>();
  const started = Date.now();

  beforeAll(async () => {
    const oracle = runOracle(
      CASES.map((c) => ({
        id: `${c.file} ${c.name}`,
        template: templatePath(c.file),
        writes: c.writes.map((x) => ({ sheet: x.sheet, cell: x.cell, value: x.value })),
        read: SLOT_FAMILIES.has(c.file) ? AA.map((cell) => ({ sheet: D, cell })) : undefined,
      })),
      { workers: 2, timeoutMs: 1_500_000 },
    );
    // The TypeScript side runs while LibreOffice works (the event loop is freed between cases).
    // Most cases fill a slimmed copy (./slim.ts: about 5x faster); blanks and each file's first random case also
    // fill the original, and both must give the same rows.
    const full = new Map<string, Uint8Array>();
    const slim = new Map<string, Uint8Array>();
    const ts = new Map<Case, ReturnType<typeof runTs> | Error>();
    const slimDiffers = new Set<Case>();
    for (const c of CASES) {
      if (!full.has(c.file)) {
        full.set(c.file, readTemplateBytes(c.file));
        slim.set(c.file, slimTemplate(full.get(c.file)!, [...NEEDED_SHEETS], SLIM_ROWS));
      }
      try {
        const t = runTs(c, slim.get(c.file)!);
        if (c.full) {
          const f = runTs(c, full.get(c.file)!);
          if (JSON.stringify(f.rows) !== JSON.stringify(t.rows)) slimDiffers.add(c);
          ts.set(c, f);
        } else ts.set(c, t);
      } catch (e) {
        ts.set(c, e as Error);
      }
      await new Promise((r) => setImmediate(r));
    }
    const tsSeconds = (Date.now() - started) / 1000;
    const lo = await oracle;
    CASES.forEach((c, i) => {
      const t = ts.get(c)!;
      const spec = SPEC.find((s) => s.file === c.file)!;
      const diffs = t instanceof Error ? [`port threw: ${t.stack ?? t.message}`] : compare(c, spec, t, lo[i]!);
      if (slimDiffers.has(c)) diffs.push('the slimmed template gives other rows than the original');
      results.set(c, diffs);
    });
    console.log(`checker differential: ${CASES.length} cases, seed ${SEED}, TypeScript side ${tsSeconds.toFixed(0)} s, total ${((Date.now() - started) / 1000).toFixed(0)} s; lo_checker ${JSON.stringify(lastOracleStats)}`);
  }, 1_800_000);

  describe.each(SPEC.map((t) => t.file).filter((f) => FILES.test(f)))('%s', (file) => {
    it.each(CASES.filter((c) => c.file === file).map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const diffs = results.get(c);
      if (!diffs) throw new Error('no result');
      if (diffs.length) {
        throw new Error(`${c.file} "${c.name}" (seed ${c.seed ?? 'none'}, CHECKER_SEED=${SEED}) differs from LibreOffice:\n  ${diffs.join('\n  ')}\nwrites: ${JSON.stringify(c.writes)}`);
      }
    });
  });
});
