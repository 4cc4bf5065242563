/**
 * The review engine as the pane uses it: the core reader, rules and reference data. Loaded with a dynamic import
 * (see load-engine.ts) so that its reference data (look-up history, CAHRA areas, sanctions) does not delay the pane's
 * first paint.
 */
import type { WorkbookGrid } from '../core/grid';
import type { Declaration, LookupEntry, ScopeKind } from '../core/model';
import { NEEDED_SHEETS, readTemplate, TemplateError } from '../core/read';
import { reviewDeclaration, type Review } from '../core/review';
import { summariseForRollup, type RollupFileSummary } from '../core/rollup';
import { createReviewReference } from '../core/reference';
import { historyIndex } from '../core/reference/history';
import { CAHRA_SOURCE, COVERED_COUNTRIES_SOURCE } from '../core/reference/geography';
import { ACTIONS } from '../core/reference/actions';
import type { SourceInfo } from '../core/reference/types';
import type { PaneSettings } from './settings';

// The reference-file importers, for the Settings pane (through the engine, so that their shared core modules are
// bundled once).
export { importFacilityList } from '../core/reference/import-facility-list';
export { importWatchlist } from '../core/reference/import-watchlist';
// The buyer roll-up ("Review several files…"), through the engine for the same reason.
export { createRollup, rollupAdd, rollupRows, rollupTotals } from '../core/rollup';

export type { Review };

export interface WorkbookInfo {
  family: string;
  version: string;
  releaseDate: string | null;
  language: string;
  companyName: string | null;
  /** The declaration scope as the template words it ("A. Company", ...), null when empty. */
  scope: string | null;
  scopeKind: ScopeKind | null;
  /** ISO date when the cell holds a date, else the cell's text (or null when empty). */
  effectiveDate: string | null;
  effectiveDateIsDate: boolean;
  /** The newest version of this family this tool knows, when newer than the workbook's. */
  newerVersion: string | null;
}

export type Described =
  { ok: true; info: WorkbookInfo; declaration: Declaration; lookup: LookupEntry[] } | { ok: false; code: string; message: string };

function versionNumber(v: string): number[] {
  return v.split('.').map((p) => Number(p) || 0);
}

function newer(a: string, b: string): boolean {
  const x = versionNumber(a);
  const y = versionNumber(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    // "6.01" < "6.1" < "6.22": compare the fractional part as a decimal, not as an integer.
    const xi = i === 1 ? Number(`0.${a.split('.')[1] ?? '0'}`) : (x[i] ?? 0);
    const yi = i === 1 ? Number(`0.${b.split('.')[1] ?? '0'}`) : (y[i] ?? 0);
    if (xi !== yi) return xi > yi;
  }
  return false;
}

/** Reads what the workbook is: a template (with its family, version, company, scope and date) or not. */
export function describeWorkbook(grid: WorkbookGrid): Described {
  let read;
  try {
    read = readTemplate(grid);
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
  const { declaration, lookup } = read;
  const t = declaration.template;
  const c = declaration.company;
  const latest = historyIndex().latest[t.family];
  const rawDate = c.effectiveDate.raw;
  const info: WorkbookInfo = {
    family: t.family,
    version: t.version,
    releaseDate: t.releaseDate,
    language: t.language,
    companyName: c.companyName.value,
    scope: c.declarationScope.value,
    scopeKind: c.scope,
    effectiveDate: c.effectiveDate.value ?? (rawDate === null || rawDate === '' ? null : String(rawDate)),
    effectiveDateIsDate: c.effectiveDate.value !== null,
    newerVersion: latest && newer(latest.version, t.version) ? latest.version : null,
  };
  return { ok: true, info, declaration, lookup };
}

export function runReview(declaration: Declaration, lookup: LookupEntry[], settings: PaneSettings, now: Date): Review {
  const reference = createReviewReference({ facilityList: settings.facilityList, watchlist: settings.watchlist, policy: settings.policy });
  return reviewDeclaration(declaration, lookup, { role: settings.role, now, reference });
}

/** The reference data shipped with the add-in, with its sources' dates (for the Settings pane). */
export function shippedSources(): SourceInfo[] {
  const actionDates = Object.values(ACTIONS)
    .map((a) => a.date)
    .sort();
  return [
    historyIndex().source,
    COVERED_COUNTRIES_SOURCE,
    CAHRA_SOURCE,
    { name: `Sanctions, delistings, RMI actions and import bans (${Object.keys(ACTIONS).length} actions)`, date: actionDates.at(-1) ?? 'unknown' },
  ];
}

/**
 * One picked file for the roll-up: read with the browser-safe xlsx reader (its own chunk, shared with the reference
 * file import), reviewed with the pane's settings, summarised. A file that cannot be read or is not a template gives
 * an "unreadable" summary with the reader's reason; nothing throws.
 */
export async function summariseFileForRollup(name: string, bytes: Uint8Array, settings: PaneSettings, now: Date): Promise<RollupFileSummary> {
  const { readXlsx, XlsxError } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/read');
  try {
    const { declaration, lookup } = readTemplate(readXlsx(bytes, { sheets: [...NEEDED_SHEETS], formulas: true }));
    return summariseForRollup(name, runReview(declaration, lookup, settings, now), null);
  } catch (e) {
    if (e instanceof XlsxError || e instanceof TemplateError) return summariseForRollup(name, null, { code: e.code, message: e.message });
    return summariseForRollup(name, null, { code: 'internal', message: `Unexpected error while reviewing: ${e instanceof Error ? e.message : String(e)}` });
  }
}
