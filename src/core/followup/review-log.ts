/**
 * The review log: one row per review, appended to the add-in's own log sheet, never overwriting earlier rows.
 * A row records when and by whom the review was made, with which add-in version, template version and reference
 * data (each with its date), what it found, and what was decided for each smelter of interest (follow-up sent,
 * accepted, escalated, or still pending). It lets a company show how it identified risk and what it did next.
 *
 * The supplier's own sheets are never written: the log lives on the add-in's "Review log" sheet, which the Excel adapter
 * writes with `writeSheet(context, REVIEW_LOG_SHEET, rows, { append: true })`.
 */
import { ACTIONS } from '../reference/actions';
import { CAHRA_SOURCE, COVERED_COUNTRIES_SOURCE } from '../reference/geography';
import { historyIndex } from '../reference/history';
import type { ReviewReference } from '../reference';
import type { SourceInfo } from '../reference/types';
import type { Review } from '../review';

export const REVIEW_LOG_SHEET = 'Review log';

export type SmelterDecision = 'follow-up sent' | 'accepted' | 'escalated' | 'pending';
export const SMELTER_DECISIONS: readonly SmelterDecision[] = ['follow-up sent', 'accepted', 'escalated', 'pending'];

export const REVIEW_LOG_HEADER: readonly string[] = [
  'Date and time (UTC)', 'Reviewer', 'Add-in version', 'Workbook', 'Company', 'Template', 'Effective date',
  'Reference data', 'Errors', 'Warnings', 'Checker incomplete', 'Smelters', 'Smelters of interest',
  'Follow-up sent', 'Accepted', 'Escalated', 'Pending', 'Decisions',
];

export type LogRow = (string | number)[];

export interface ReviewLogOptions {
  reviewer?: string;
  addinVersion: string;
  now: Date;
  /** Decision per smelter of interest, by Smelter List row; a smelter without one is "pending". */
  decisions?: Readonly<Record<number, SmelterDecision>>;
  /** The imported reference data the review used; without it, what the review itself shows is recorded. */
  reference?: Pick<ReviewReference, 'facilityList' | 'watchlist'>;
  /** The workbook's name, when the host knows it. */
  workbook?: string;
}

export interface ReferenceDataUsed {
  /** "RMI facility list", "Watch list", "Look-up history", "EU CAHRA list", "Covered countries", "Actions". */
  label: string;
  kind: 'imported' | 'shipped';
  /** The source, or null when not imported (or not recorded). */
  source: SourceInfo | null;
  /** "not imported", or "not recorded" when the review does not say. */
  note?: string;
}

function newestActionDate(): string {
  let d = '';
  for (const a of Object.values(ACTIONS)) if (a.date > d) d = a.date;
  return d || 'unknown';
}

/** The reference data a review used: the user's imported lists (or "not imported") and the shipped datasets. */
export function referenceDataUsed(review: Review, reference?: Pick<ReviewReference, 'facilityList' | 'watchlist'>): ReferenceDataUsed[] {
  const out: ReferenceDataUsed[] = [];
  if (reference) {
    out.push(reference.facilityList
      ? { label: 'RMI facility list', kind: 'imported', source: { ...reference.facilityList.source } }
      : { label: 'RMI facility list', kind: 'imported', source: null, note: 'not imported' });
    out.push(reference.watchlist
      ? { label: 'Watch list', kind: 'imported', source: { ...reference.watchlist.source } }
      : { label: 'Watch list', kind: 'imported', source: null, note: 'not imported' });
  } else {
    const fl = review.smelterSummary.auditStatusSource;
    out.push(fl
      ? { label: 'RMI facility list', kind: 'imported', source: { ...fl } }
      : { label: 'RMI facility list', kind: 'imported', source: null, note: 'not imported' });
    const wl = review.smelters.flatMap((s) => [...s.reasons, ...s.notes]).find((x) => x.category === 'watchlist');
    out.push(wl
      ? { label: 'Watch list', kind: 'imported', source: { ...wl.source } }
      : { label: 'Watch list', kind: 'imported', source: null, note: 'not recorded' });
  }
  out.push({ label: 'Look-up history', kind: 'shipped', source: { ...historyIndex().source } });
  out.push({ label: 'EU CAHRA list', kind: 'shipped', source: { ...CAHRA_SOURCE } });
  out.push({ label: 'Covered countries', kind: 'shipped', source: { ...COVERED_COUNTRIES_SOURCE } });
  out.push({
    label: 'Actions', kind: 'shipped',
    source: { name: `Sanctions, delistings, RMI program actions and import bans shipped with this tool (${Object.keys(ACTIONS).length} actions, newest dated)`, date: newestActionDate() },
  });
  return out;
}

export function referenceDataText(used: readonly ReferenceDataUsed[]): string {
  return used
    .map((u) => `${u.label}: ${u.source ? `${u.source.name} (${u.source.date})` : u.note ?? 'not imported'}`)
    .join('; ');
}

/** "2026-07-01T09:30:00Z" */
function timestamp(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** One log row for a review. Throws RangeError for a decision that is not one of SMELTER_DECISIONS. */
export function reviewLogRow(review: Review, options: ReviewLogOptions): LogRow {
  const decisions = options.decisions ?? {};
  for (const [row, d] of Object.entries(decisions)) {
    if (!SMELTER_DECISIONS.includes(d)) throw new RangeError(`Unknown decision "${String(d)}" for Smelter List row ${row}; use one of: ${SMELTER_DECISIONS.join(', ')}.`);
  }
  const counts: Record<SmelterDecision, number> = { 'follow-up sent': 0, accepted: 0, escalated: 0, pending: 0 };
  const parts: string[] = [];
  for (const s of review.smelters.filter((x) => x.interest).sort((a, b) => a.row - b.row)) {
    const d = decisions[s.row] ?? 'pending';
    counts[d]++;
    const who = [s.cid ?? 'no RMI ID', s.name].filter(Boolean).join(' ');
    parts.push(`row ${s.row} ${who}${s.metal ? ` (${s.metal})` : ''}: ${d}`);
  }
  const c = review.declaration.company;
  const effective = c.effectiveDate.value ?? (c.effectiveDate.raw === null ? '' : String(c.effectiveDate.raw));
  const s = review.summary;
  return [
    timestamp(options.now),
    options.reviewer?.trim() ?? '',
    options.addinVersion,
    options.workbook ?? '',
    c.companyName.value ?? '',
    `${review.template.family} ${review.template.version}`,
    effective,
    referenceDataText(referenceDataUsed(review, options.reference)),
    s.errors,
    s.warnings,
    s.checkerIncomplete,
    s.smelters,
    s.smeltersOfInterest,
    counts['follow-up sent'],
    counts.accepted,
    counts.escalated,
    counts.pending,
    parts.join('; '),
  ];
}

export interface AppendPlan {
  /** 1-based sheet row of the first row to write: just after the existing used range. */
  startRow: number;
  /** The rows to write there (the header first when the sheet is empty). */
  rows: LogRow[];
  headerWritten: boolean;
  /** The existing first row is not this version's header (an older or edited log); rows are appended anyway. */
  headerMismatch: boolean;
}

function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * Where and what to write to append `newRows` to a log whose used range holds `existing` (its values, the first
 * of them at sheet row `firstRow`, default 1). Pure: the existing rows are never rewritten, whatever they hold;
 * the new rows go after the last existing row. An empty log gets the header first.
 */
export function appendLogRows(existing: readonly (readonly unknown[])[], newRows: readonly LogRow[], firstRow = 1): AppendPlan {
  const rows = newRows.map((r) => [...r]);
  const empty = existing.length === 0 || existing.every((r) => r.every(blank));
  if (empty) {
    return { startRow: 1, rows: [[...REVIEW_LOG_HEADER], ...rows], headerWritten: true, headerMismatch: false };
  }
  const head = firstRow === 1 ? existing[0] ?? [] : [];
  const headerMismatch = firstRow !== 1 || REVIEW_LOG_HEADER.some((h, i) => String(head[i] ?? '').trim() !== h);
  return { startRow: firstRow + existing.length, rows, headerWritten: false, headerMismatch };
}
