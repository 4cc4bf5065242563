import { createReviewReference } from '../../../src/core/reference';
import { isOwnSheet } from '../../../src/excel/sheets';
import { importFacilityList } from '../../../src/core/reference/import-facility-list';
import { importWatchlist } from '../../../src/core/reference/import-watchlist';
import {
  appendLogRows, referenceDataUsed, REVIEW_LOG_HEADER, REVIEW_LOG_SHEET, reviewLogRow, type LogRow,
} from '../../../src/core/followup/review-log';
import { listed, notListed } from '../../support/model-factory';
import { makeReview, NOW } from './fixtures';

const col = (name: string): number => {
  const i = REVIEW_LOG_HEADER.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};

const facilityList = importFacilityList([
  'Facility ID,Metal,Standard Facility Name,Country Location,State/Province/Region,Assessment Status',
  'CID002763,Gold,8853 S.p.A.,ITALY,Lombardia,Conformant',
  'CID001105,Tin,Malaysia Smelting Corporation (MSC),MALAYSIA,Pulau Pinang,Non-Conformant',
].join('\n'), { now: NOW, fileDate: '2026-06-15', name: 'RMI facility list (facilities.csv)' }).list!;
const watchlist = importWatchlist('id,reason\nCID002763,Open grievance 2026-04\n', { fileDate: '2026-05-01', name: 'Watch list (watch.csv)' }).list!;

describe('reviewLogRow', () => {
  const reference = createReviewReference({ facilityList, watchlist });
  const review = makeReview({ reference, smelters: [listed('CID002763'), listed('CID001105'), listed('CID003185'), notListed('Gold', 'Some Refinery', 'CHINA')] });

  it('records when, who, with what, what was found and what was decided', () => {
    const row = reviewLogRow(review, { reviewer: ' Ann Analyst ', addinVersion: '0.1.0', now: NOW, workbook: 'Acme CMRT.xlsx', reference, decisions: { 5: 'accepted', 7: 'follow-up sent', 8: 'escalated' } });
    expect(row).toHaveLength(REVIEW_LOG_HEADER.length);
    expect(row[col('Date and time (UTC)')]).toBe('2026-07-01T09:30:00Z');
    expect(row[col('Reviewer')]).toBe('Ann Analyst');
    expect(row[col('Add-in version')]).toBe('0.1.0');
    expect(row[col('Workbook')]).toBe('Acme CMRT.xlsx');
    expect(row[col('Company')]).toBe('Acme Metals Ltd.');
    expect(row[col('Template')]).toBe('CMRT 6.5');
    expect(row[col('Effective date')]).toBe('2026-05-31');
    expect(row[col('Smelters')]).toBe(4);
    expect(row[col('Smelters of interest')]).toBe(review.summary.smeltersOfInterest);
    expect(row[col('Errors')]).toBe(review.summary.errors);
    expect(row[col('Warnings')]).toBe(review.summary.warnings);
    expect(row[col('Checker incomplete')]).toBe(0);
    const soi = review.smelters.filter((s) => s.interest).map((s) => s.row);
    expect(soi).toEqual([5, 6, 7, 8]);
    expect([row[col('Follow-up sent')], row[col('Accepted')], row[col('Escalated')], row[col('Pending')]]).toEqual([1, 1, 1, 1]);
    expect(row[col('Decisions')]).toBe('row 5 CID002763 8853 S.p.A. (Gold): accepted; row 6 CID001105 Malaysia Smelting Corporation (MSC) (Tin): pending; row 7 CID003185 African Gold Refinery (Gold): follow-up sent; row 8 no RMI ID Some Refinery (Gold): escalated');
  });

  it('names the reference data used, each with its date', () => {
    const row = reviewLogRow(review, { addinVersion: '0.1.0', now: NOW, reference });
    const text = String(row[col('Reference data')]);
    expect(text).toContain('RMI facility list: RMI facility list (facilities.csv) (2026-06-15)');
    expect(text).toContain('Watch list: Watch list (watch.csv) (2026-05-01)');
    expect(text).toMatch(/Look-up history: RMI Smelter Look-up history shipped with this tool .*\(\d{4}-\d{2}-\d{2}\)/);
    expect(text).toContain('EU CAHRA list: EU indicative CAHRA list');
    expect(text).toContain('Covered countries: Dodd-Frank s.1502 covered countries (CMRT Definitions tab) (2010-07-21)');
    expect(text).toMatch(/Actions: Sanctions, delistings, RMI program actions and import bans shipped with this tool \(\d+ actions, newest dated\) \(\d{4}-\d{2}-\d{2}\)/);
    expect(row[col('Reviewer')]).toBe('');
  });

  it('says "not imported" when no list was imported', () => {
    const plain = makeReview({ smelters: [listed('CID003185')] });
    const used = referenceDataUsed(plain, createReviewReference());
    expect(used.slice(0, 2)).toEqual([
      { label: 'RMI facility list', kind: 'imported', source: null, note: 'not imported' },
      { label: 'Watch list', kind: 'imported', source: null, note: 'not imported' },
    ]);
    expect(used.slice(2).every((u) => u.kind === 'shipped' && /^\d{4}-\d{2}-\d{2}$/.test(u.source!.date))).toBe(true);
    const text = String(reviewLogRow(plain, { addinVersion: '0.1.0', now: NOW, reference: createReviewReference() })[col('Reference data')]);
    expect(text.startsWith('RMI facility list: not imported; Watch list: not imported; ')).toBe(true);
  });

  it('without the reference: the facility list from the review itself, the watch list as not recorded', () => {
    const used = referenceDataUsed(review);
    expect(used[0]).toEqual({ label: 'RMI facility list', kind: 'imported', source: { name: 'RMI facility list (facilities.csv)', date: '2026-06-15' } });
    expect(used[1]).toEqual({ label: 'Watch list', kind: 'imported', source: { name: 'Watch list (watch.csv)', date: '2026-05-01' } });
    const plain = makeReview({ smelters: [listed('CID003185')] });
    expect(referenceDataUsed(plain).slice(0, 2).map((u) => u.note)).toEqual(['not imported', 'not recorded']);
  });

  it('every smelter of interest without a decision is pending; decisions on other rows are ignored', () => {
    const row = reviewLogRow(review, { addinVersion: '0.1.0', now: NOW, decisions: { 99: 'accepted' } });
    expect(row[col('Pending')]).toBe(4);
    expect(row[col('Accepted')]).toBe(0);
  });

  it('rejects an unknown decision', () => {
    expect(() => reviewLogRow(review, { addinVersion: '0.1.0', now: NOW, decisions: { 7: 'ignored' as never } })).toThrow(RangeError);
  });

  it('is written to the add-in\'s own sheet, never a supplier sheet', () => {
    expect(REVIEW_LOG_SHEET).toBe('Review log');
    expect(isOwnSheet(REVIEW_LOG_SHEET)).toBe(true);
    expect(isOwnSheet('Smelter List')).toBe(false);
  });
});

/** A log sheet as a grid: writes `plan.rows` at `plan.startRow` like the Excel adapter does. */
function applyPlan(sheet: unknown[][], plan: { startRow: number; rows: LogRow[] }): unknown[][] {
  const out = sheet.map((r) => [...r]);
  plan.rows.forEach((r, i) => {
    out[plan.startRow - 1 + i] = [...r];
  });
  return out;
}

describe('appendLogRows', () => {
  const review = makeReview({ smelters: [listed('CID003185')] });
  const row = (hour: number): LogRow => reviewLogRow(review, { addinVersion: '0.1.0', now: new Date(Date.UTC(2026, 6, 1, hour)) });

  it('an empty log gets the header, then the row', () => {
    const plan = appendLogRows([], [row(9)]);
    expect(plan).toEqual({ startRow: 1, rows: [[...REVIEW_LOG_HEADER], row(9)], headerWritten: true, headerMismatch: false });
    expect(appendLogRows([[null, ''], []], [row(9)]).headerWritten).toBe(true);
  });

  it('appends after the existing rows and never overwrites them', () => {
    let sheet: unknown[][] = [];
    const snapshots: unknown[][][] = [];
    for (const h of [9, 10, 11, 12]) {
      const plan = appendLogRows(sheet, [row(h)]);
      expect(plan.startRow).toBe(sheet.length + 1);
      snapshots.push(sheet);
      sheet = applyPlan(sheet, plan);
      // Every row written before is still there, unchanged.
      for (const snap of snapshots) expect(sheet.slice(0, snap.length)).toEqual(snap);
    }
    expect(sheet).toHaveLength(5);
    expect(sheet[0]).toEqual([...REVIEW_LOG_HEADER]);
    expect(sheet.slice(1).map((r) => r[0])).toEqual(['2026-07-01T09:00:00Z', '2026-07-01T10:00:00Z', '2026-07-01T11:00:00Z', '2026-07-01T12:00:00Z']);
  });

  it('keeps whatever the existing log holds, even an edited or foreign header, and says so', () => {
    const existing = [['Date', 'Who'], ['2025-01-01', '=HYPERLINK("x")'], [null, null], ['note', 'kept']];
    const plan = appendLogRows(existing, [row(9), row(10)]);
    expect(plan.startRow).toBe(5);
    expect(plan.headerWritten).toBe(false);
    expect(plan.headerMismatch).toBe(true);
    expect(plan.rows).toEqual([row(9), row(10)]);
    const after = applyPlan(existing, plan);
    expect(after.slice(0, 4)).toEqual(existing);
  });

  it('a used range that starts below row 1 is appended after its last row', () => {
    const plan = appendLogRows([[...REVIEW_LOG_HEADER], row(9)], [row(10)], 3);
    expect(plan.startRow).toBe(5);
    expect(plan.headerMismatch).toBe(true);
  });

  it('the same header: no mismatch; the new rows are copies', () => {
    const newRow = row(10);
    const plan = appendLogRows([[...REVIEW_LOG_HEADER], row(9)], [newRow]);
    expect(plan).toMatchObject({ startRow: 3, headerWritten: false, headerMismatch: false });
    plan.rows[0]![0] = 'changed';
    expect(newRow[0]).toBe('2026-07-01T10:00:00Z');
  });
});
