/**
 * The pane's view model on real reviews: filled copies of RMI CMRT 6.5 (test/browser/fixtures.ts) read by the xlsx
 * reader and reviewed by the core, as the pane does it.
 */
import { readXlsx } from '../../src/xlsx/read';
import { NEEDED_SHEETS } from '../../src/core/read';
import { reviewWorkbook, type Review } from '../../src/core/review';
import type { Finding } from '../../src/core/model';
import {
  areaOf,
  countReview,
  declarationAreas,
  groupFindings,
  isIdProblem,
  locationOf,
  markRequestFor,
  reasonBadges,
  smelterRows,
  smelterTarget,
  summarize,
  targetOf,
} from '../../src/taskpane/view-model';
import { buyerWorkbook, supplierWorkbook, BUYER_INTEREST } from '../browser/fixtures';
import { readTemplateBytes } from '../support/fill';

const NOW = new Date('2026-07-01T09:00:00Z');
const review = (bytes: Uint8Array, role: 'supplier' | 'buyer'): Review =>
  reviewWorkbook(readXlsx(bytes, { sheets: [...NEEDED_SHEETS], formulas: true }), { role, now: NOW });

let supplier: Review;
let buyer: Review;
let blank: Review;

beforeAll(() => {
  supplier = review(supplierWorkbook(), 'supplier');
  buyer = review(buyerWorkbook(), 'buyer');
  blank = review(readTemplateBytes('RMI_CMRT_6.5.xlsx'), 'supplier');
}, 60_000);

describe('summary', () => {
  test('a complete template is ready to send', () => {
    const s = summarize(supplier, 'supplier');
    expect(s).toMatchObject({ headline: 'Ready to send', intent: 'success', todo: 0 });
    expect(s.counts).toMatchObject({ errors: 0, missing: 0, idProblems: 0, smelters: 4, smeltersOfInterest: 0 });
  });

  test('a blank template: the to-do count is the errors, the Checker items among them', () => {
    const s = summarize(blank, 'supplier');
    expect(s.intent).toBe('error');
    expect(s.todo).toBe(s.counts.errors);
    expect(s.headline).toBe(`${s.todo} to do before sending`);
    expect(s.counts.missing).toBe(blank.summary.checkerIncomplete);
    expect(s.details[0]).toMatch(/required items? the customer's Checker will flag\.$/);
  });

  test('a buyer sees missing items, ID problems and smelters of interest', () => {
    const s = summarize(buyer, 'buyer');
    expect(s.headline).toBe('Follow-up needed');
    expect(s.counts).toMatchObject({ missing: 1, idProblems: 1, smeltersOfInterest: 2, smelters: 6 });
    expect(s.details).toContain('Audit status unknown: import the RMI facility list in Settings.');
    expect(summarize(supplier, 'buyer')).toMatchObject({ headline: 'Complete, no follow-up needed', intent: 'success' });
  });

  test('ID problems are identification rules with a warning or error, not answers or notes', () => {
    const f = (rule: string, severity: Finding['severity']): Finding => ({ rule, severity, sheet: 'Smelter List', cell: 'D5', row: 5, message: '' });
    expect(isIdProblem(f('smelter/unknown-id', 'error'))).toBe(true);
    expect(isIdProblem(f('smelter/duplicate', 'warning'))).toBe(true);
    expect(isIdProblem(f('smelter/unknown-id', 'info'))).toBe(false);
    expect(isIdProblem(f('smelter/covered-country-answer', 'warning'))).toBe(false);
    expect(countReview(buyer).idProblems).toBe(buyer.findings.filter(isIdProblem).length);
  });
});

describe('findings by area', () => {
  test('every finding lands in exactly one group, errors first', () => {
    const groups = groupFindings(blank);
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(blank.findings.length);
    expect(groups[0]!.area).toBe('company');
    for (const g of groups) {
      const ranks = g.items.map((i) => ({ error: 0, warning: 1, info: 2 })[i.finding.severity]);
      expect([...ranks].sort()).toEqual(ranks);
      expect(g.errors + g.warnings + g.infos).toBe(g.items.length);
    }
    const areas = groups.map((g) => g.area);
    expect(new Set(areas).size).toBe(areas.length);
    expect(areas).toEqual(expect.arrayContaining(['company', 'questions', 'company-questions']));
  });

  test('areas follow the template model, not cell guesses', () => {
    const cells = declarationAreas(blank.declaration);
    const c = blank.declaration.company;
    expect(cells.get(`Declaration!${c.companyName.cell}`)).toBe('company');
    const q1 = blank.declaration.answers[0]!.answers[1]!;
    expect(cells.get(`Declaration!${q1.cell}`)).toBe('questions');
    const a = blank.declaration.companyQuestions[0]!.answer;
    expect(cells.get(`Declaration!${a.cell}`)).toBe('company-questions');
    const smelterFinding: Finding = { rule: 'smelter/not-listed', severity: 'warning', sheet: 'Smelter List', cell: 'D10', row: 10, message: '' };
    expect(areaOf(smelterFinding, cells, blank)).toBe('smelters');
    expect(areaOf({ ...smelterFinding, sheet: 'Product List' }, cells, blank)).toBe('products');
  });

  test("go-to targets: the cell, else the row, else the list's first row", () => {
    const base: Finding = { rule: 'checker/required', severity: 'error', sheet: 'Smelter List', cell: null, row: null, message: '' };
    expect(targetOf({ ...base, cell: 'D12' }, blank)).toEqual({ sheet: 'Smelter List', cell: 'D12' });
    expect(targetOf({ ...base, row: 12 }, blank)).toEqual({ sheet: 'Smelter List', cell: 'A12' });
    expect(targetOf(base, blank)).toEqual({ sheet: 'Smelter List', cell: `B${blank.layout.smelterList.firstRow}` });
    expect(locationOf({ ...base, cell: 'D12' })).toBe('Smelter List!D12');
    expect(locationOf({ ...base, row: 12 })).toBe('Smelter List row 12');
    expect(locationOf(base)).toBe('Smelter List');
  });
});

describe('smelters', () => {
  test('rows with reason badges, filtered to smelters of interest', () => {
    const all = smelterRows(buyer, { onlyInterest: false });
    const interest = smelterRows(buyer, { onlyInterest: true });
    expect(all).toHaveLength(6);
    expect(interest.map((r) => r.id)).toEqual([BUYER_INTEREST.russianGold, '—']);
    const kivu = interest[1]!;
    expect(kivu).toMatchObject({ name: 'Kivu Tin Works', metal: 'Tin', country: 'RWANDA', row: 10 });
    expect(kivu.badges.map((b) => [b.label, b.color])).toEqual([
      ['High-risk area', 'severe'],
      ['Unrecognised', 'important'],
    ]);
    expect(smelterTarget(buyer, kivu.row)).toEqual({ sheet: 'Smelter List', cell: 'D10' });
  });

  test('one badge per category, its messages joined', () => {
    const russian = buyer.smelters.find((s) => s.cid === BUYER_INTEREST.russianGold)!;
    const badges = reasonBadges(russian);
    expect(badges.map((b) => b.category)).toEqual(['sanctions']);
    expect(russian.reasons.filter((r) => r.category === 'sanctions').length).toBeGreaterThan(1);
    for (const r of russian.reasons) expect(badges[0]!.text).toContain(r.message);
  });
});

describe('marks', () => {
  test('findings with a place, and smelters of interest with their reasons', () => {
    const req = markRequestFor(buyer);
    expect(req.severities).toEqual(['error', 'warning']);
    expect(req.findings!.every((f) => f.cell !== null || f.row !== null)).toBe(true);
    expect(req.smeltersOfInterest!.map((s) => s.row)).toEqual([9, 10]);
    expect(req.smeltersOfInterest![1]!.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^High-risk area: Located in RWANDA/)]));
    expect(markRequestFor(supplier)).toMatchObject({ findings: [], smeltersOfInterest: [] });
  });
});
