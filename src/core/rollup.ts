/**
 * Buyer roll-up: many reviewed templates → one table of suppliers, one of unique smelters, one of findings.
 *
 * Pure, so that both hosts build the same roll-up: the CLI (`cmrt-review rollup`, files reviewed in worker threads)
 * and the task pane (several files read with the browser-safe xlsx reader).
 *
 *  1. `summariseForRollup(file, review, error)` compacts one file's review into a small, structured-cloneable
 *     `RollupFileSummary`: the supplier row, the findings and the smelter list. It holds no model and no grids, so a
 *     worker can post it and a host can drop the review right after.
 *  2. `rollupAdd(state, summary)` folds a summary into the running state (from `createRollup()`), in any order.
 *     Smelters are merged as they come: the state grows with the unique smelters, not with the smelter rows.
 *  3. `rollupRows(state)` gives the three tables as rows with a header row first, ready for `writeCsv` (or a
 *     worksheet). Suppliers and findings are ordered by file name, then in the order added; smelters by metal,
 *     RMI ID and name. The result does not depend on the order in which summaries were added.
 */
import type { Finding, Severity } from './model';
import type { Review } from './review';
import { INTEREST_CATEGORIES, type InterestCategory } from './policy';

export type RollupStatus = 'ok' | 'has errors' | 'unreadable';

/** Why a file could not be reviewed (the CLI's LoadError, or anything with a message). */
export interface RollupFileError {
  code?: string;
  message: string;
}

export interface RollupFinding {
  severity: Severity;
  rule: string;
  sheet: string;
  cell: string | null;
  row: number | null;
  message: string;
  fix: string | null;
}

export interface RollupSmelterReason {
  category: InterestCategory;
  message: string;
  /** The reason's source and its date, e.g. "EU CAHRA list (2025-06-30)". */
  source: string;
}

export interface RollupSmelter {
  metal: string | null;
  /** RMI smelter ID, when the row has a well-formed one. */
  cid: string | null;
  /** RMI standard name when the ID is known, else the name on the row. */
  name: string | null;
  country: string | null;
  interest: boolean;
  reasons: RollupSmelterReason[];
}

/** Everything the roll-up needs from one file: a few hundred bytes per finding and per smelter row, no model. */
export interface RollupFileSummary {
  /** The file's name or path, as the host shows it. */
  file: string;
  status: RollupStatus;
  /** Unreadable files: why, in a sentence; null otherwise. */
  reason: string | null;
  /** Unreadable files: the reader's code ("not-zip", "encrypted", "corrupt", "not-a-template", ...). */
  reasonCode: string | null;
  company: string | null;
  family: string | null;
  version: string | null;
  scope: string | null;
  /** ISO date when the cell holds a real date, else the text that is there. */
  effectiveDate: string | null;
  checkerIncomplete: number | null;
  errors: number;
  warnings: number;
  infos: number;
  smelterCount: number;
  smeltersOfInterest: number;
  findings: RollupFinding[];
  smelters: RollupSmelter[];
}

/** One file's review (or the reason it has none) as a roll-up summary. */
export function summariseForRollup(file: string, review: Review | null, error: RollupFileError | null): RollupFileSummary {
  if (!review) {
    const e = error ?? { message: 'The file could not be reviewed.' };
    return {
      file, status: 'unreadable', reason: e.message, reasonCode: e.code ?? null,
      company: null, family: null, version: null, scope: null, effectiveDate: null, checkerIncomplete: null,
      errors: 0, warnings: 0, infos: 0, smelterCount: 0, smeltersOfInterest: 0, findings: [], smelters: [],
    };
  }
  const c = review.declaration.company;
  const s = review.summary;
  const date = c.effectiveDate.value ?? rawText(c.effectiveDate.raw);
  return {
    file,
    status: s.errors > 0 ? 'has errors' : 'ok',
    reason: null,
    reasonCode: null,
    company: c.companyName.value,
    family: review.template.family,
    version: review.template.version,
    scope: c.declarationScope.value,
    effectiveDate: date,
    checkerIncomplete: s.checkerIncomplete,
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
    smelterCount: s.smelters,
    smeltersOfInterest: s.smeltersOfInterest,
    findings: review.findings.map(compactFinding),
    smelters: review.smelters.map((x) => ({
      metal: x.metal,
      cid: x.cid,
      name: x.name,
      country: x.country,
      interest: x.interest,
      reasons: x.reasons.map((r) => ({ category: r.category, message: r.message, source: sourceText(r.source) })),
    })),
  };
}

function rawText(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const t = String(raw).trim();
  return t === '' ? null : t;
}

function sourceText(s: { name: string; date?: string | null } | null | undefined): string {
  if (!s) return '';
  return s.date ? `${s.name} (${s.date})` : s.name;
}

function compactFinding(f: Finding): RollupFinding {
  return { severity: f.severity, rule: f.rule, sheet: f.sheet, cell: f.cell, row: f.row, message: f.message, fix: f.fix ?? null };
}

// ---------------------------------------------------------------------------------------------------------
// State

export type RollupCell = string | number;
export type RollupTable = RollupCell[][];

interface SupplierEntry {
  file: string;
  /** Insertion number, to keep equal file names in the order added. */
  seq: number;
  row: RollupCell[];
  findings: RollupCell[][];
}

/** How often each spelling was seen, so that the one shown does not depend on the order files came in. */
type Tally = Map<string, number>;

interface SmelterEntry {
  cid: string | null;
  metal: Tally;
  name: Tally;
  country: Tally;
  /** Supplier label (company name, else file name) → true. */
  suppliers: Set<string>;
  interest: boolean;
  categories: Set<InterestCategory>;
  /** "category\u0000message" → reason, first seen. */
  reasons: Map<string, RollupSmelterReason>;
}

export interface RollupTotals {
  files: number;
  ok: number;
  withErrors: number;
  unreadable: number;
  errors: number;
  warnings: number;
  /** Smelter rows over all files. */
  smelterRows: number;
  uniqueSmelters: number;
  uniqueSmeltersOfInterest: number;
}

export interface RollupState {
  readonly suppliers: SupplierEntry[];
  readonly smelters: Map<string, SmelterEntry>;
  readonly totals: RollupTotals;
}

export function createRollup(): RollupState {
  return {
    suppliers: [],
    smelters: new Map(),
    totals: { files: 0, ok: 0, withErrors: 0, unreadable: 0, errors: 0, warnings: 0, smelterRows: 0, uniqueSmelters: 0, uniqueSmeltersOfInterest: 0 },
  };
}

export const SUPPLIER_HEADERS = [
  'File', 'Company', 'Family', 'Version', 'Scope', 'Effective date', 'Status', 'Reason',
  'Checker incomplete', 'Errors', 'Warnings', 'Smelters', 'Smelters of interest',
] as const;

export const SMELTER_HEADERS = [
  'Metal', 'Smelter ID', 'Standard name', 'Country', 'Suppliers listing it', 'Suppliers',
  'Of interest', 'Categories', 'Reasons', 'Sources',
] as const;

export const FINDING_HEADERS = ['File', 'Company', 'Severity', 'Sheet', 'Cell', 'Row', 'Rule', 'Message', 'Fix'] as const;

/** A cell of text for a spreadsheet holds at most 32,767 characters; lists are cut well before that. */
const MAX_LIST_CHARS = 32_000;

/** The file name without its folders. */
function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

function norm(s: string | null): string {
  return (s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The key that makes two rows the same smelter: the RMI ID when there is one; otherwise metal, name and country
 * (rows entered as "Smelter not listed" from different suppliers merge when they spell it alike).
 */
export function smelterKey(s: Pick<RollupSmelter, 'metal' | 'cid' | 'name' | 'country'>): string {
  if (s.cid) return `id:${s.cid.trim().toUpperCase()}`;
  return `row:${norm(s.metal)}\u0000${norm(s.name)}\u0000${norm(s.country)}`;
}

/** Folds one file's summary into the state (mutates and returns it). Each call adds one supplier row. */
export function rollupAdd(state: RollupState, summary: RollupFileSummary): RollupState {
  const t = state.totals;
  t.files++;
  if (summary.status === 'ok') t.ok++;
  else if (summary.status === 'has errors') t.withErrors++;
  else t.unreadable++;
  t.errors += summary.errors;
  t.warnings += summary.warnings;
  t.smelterRows += summary.smelters.length;

  const company = summary.company ?? '';
  state.suppliers.push({
    file: summary.file,
    seq: state.suppliers.length,
    row: [
      summary.file, company, summary.family ?? '', summary.version ?? '', summary.scope ?? '', summary.effectiveDate ?? '',
      summary.status, summary.reason ?? '', summary.checkerIncomplete ?? '', summary.errors, summary.warnings,
      summary.smelterCount, summary.smeltersOfInterest,
    ],
    findings: summary.findings.map((f) => [
      summary.file, company, f.severity, f.sheet, f.cell ?? '', f.row ?? '', f.rule, f.message, f.fix ?? '',
    ]),
  });

  const label = summary.company?.trim() || baseName(summary.file);
  for (const s of summary.smelters) {
    const key = smelterKey(s);
    let e = state.smelters.get(key);
    if (!e) {
      e = {
        cid: s.cid ? s.cid.trim().toUpperCase() : null, metal: new Map(), name: new Map(), country: new Map(),
        suppliers: new Set(), interest: false, categories: new Set(), reasons: new Map(),
      };
      state.smelters.set(key, e);
      t.uniqueSmelters++;
    }
    tally(e.metal, s.metal);
    tally(e.name, s.name);
    tally(e.country, s.country);
    e.suppliers.add(label);
    if (s.interest && !e.interest) {
      e.interest = true;
      t.uniqueSmeltersOfInterest++;
    }
    for (const r of s.reasons) {
      e.categories.add(r.category);
      const rk = `${r.category}\u0000${r.message}`;
      if (!e.reasons.has(rk)) e.reasons.set(rk, r);
    }
  }
  return state;
}

function tally(t: Tally, v: string | null): void {
  const k = v?.trim();
  if (k) t.set(k, (t.get(k) ?? 0) + 1);
}

/** The most frequent spelling; among equals, the first in code-point order. */
function mostCommon(t: Tally): string {
  let best = '';
  let n = 0;
  for (const [k, c] of t) {
    if (c > n || (c === n && byCodePoint(k, best) < 0)) {
      best = k;
      n = c;
    }
  }
  return best;
}

/** Joins items with "; ", cut with "… (+N more)" before a spreadsheet cell's limit. */
function joinList(items: readonly string[], sep = '; '): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const next = (i ? sep : '') + items[i]!;
    if (out.length + next.length > MAX_LIST_CHARS) return `${out}${sep}… (+${items.length - i} more)`;
    out += next;
  }
  return out;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface SmelterView {
  e: SmelterEntry;
  metal: string;
  name: string;
  country: string;
}

function compareSmelters(a: SmelterView, b: SmelterView): number {
  return (
    byCodePoint(a.metal || '\uffff', b.metal || '\uffff') ||
    byCodePoint(a.e.cid ?? '\uffff', b.e.cid ?? '\uffff') ||
    byCodePoint(norm(a.name), norm(b.name)) ||
    byCodePoint(norm(a.country), norm(b.country))
  );
}

const categoryOrder = (c: InterestCategory): number => INTEREST_CATEGORIES.indexOf(c);

/** The three tables, each with its header row first. */
export function rollupRows(state: RollupState): { suppliers: RollupTable; smelters: RollupTable; findings: RollupTable } {
  const files = [...state.suppliers].sort((a, b) => byCodePoint(a.file, b.file) || a.seq - b.seq);
  const suppliers: RollupTable = [[...SUPPLIER_HEADERS]];
  const findings: RollupTable = [[...FINDING_HEADERS]];
  for (const f of files) {
    suppliers.push([...f.row]);
    for (const r of f.findings) findings.push([...r]);
  }
  const smelters: RollupTable = [[...SMELTER_HEADERS]];
  const views: SmelterView[] = [];
  for (const e of state.smelters.values()) views.push({ e, metal: mostCommon(e.metal), name: mostCommon(e.name), country: mostCommon(e.country) });
  for (const v of views.sort(compareSmelters)) {
    const e = v.e;
    const names = [...e.suppliers].sort((a, b) => byCodePoint(a.toLowerCase(), b.toLowerCase()) || byCodePoint(a, b));
    const reasons = [...e.reasons.values()].sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category) || byCodePoint(a.message, b.message));
    const sources = [...new Set(reasons.map((r) => r.source).filter(Boolean))].sort(byCodePoint);
    const categories = [...e.categories].sort((a, b) => categoryOrder(a) - categoryOrder(b));
    smelters.push([
      v.metal, e.cid ?? '', v.name, v.country, e.suppliers.size, joinList(names),
      e.interest ? 'Yes' : 'No', categories.join(', '), joinList(reasons.map((r) => r.message), ' | '), joinList(sources),
    ]);
  }
  return { suppliers, smelters, findings };
}

/** Counts for a one-line summary. */
export function rollupTotals(state: RollupState): RollupTotals {
  return { ...state.totals };
}
