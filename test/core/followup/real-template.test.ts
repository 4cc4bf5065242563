/**
 * The follow-up on real RMI templates (../shared/templates): the blank template read by the xlsx reader, its cells
 * set in the grid as Excel would hold them after the supplier's entries (dropdown choices in B/C, the template's
 * formulas' results in E/F), then reviewed and followed up.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../../src/core/grid';
import { setCell } from '../../support/declaration-grid';
import { NEEDED_SHEETS, detectTemplate } from '../../../src/core/read';
import { chooseLayout } from '../../../src/core/layouts';
import { reviewWorkbook } from '../../../src/core/review';
import { historyIndex } from '../../../src/core/reference/history';
import type { CompanyFieldKey } from '../../../src/core/model';
import { readXlsx } from '../../../src/xlsx/read';
import { buildFollowUp } from '../../../src/core/followup/request';
import { mailtoUrl, renderText, smelterCsv } from '../../../src/core/followup/render';
import { appendLogRows, reviewLogRow } from '../../../src/core/followup/review-log';
import { parseCsv } from '../../../src/core/csv';

const TEMPLATES = join(__dirname, '../../../../shared/templates');
const NOW = new Date('2026-07-01T09:30:00Z');

interface Entry {
  company: Partial<Record<CompanyFieldKey, CellValue>>;
  /** Metals whose Q1/Q2 are "Yes" (all others answer "No" to Q1). */
  inScope: string[];
  /** RMI IDs chosen on the Smelter List, as the dropdowns and formulas fill them. */
  smelters: string[];
  products?: string[];
}

function filled(file: string, e: Entry): WorkbookGrid {
  const wb = readXlsx(readFileSync(join(TEMPLATES, file)), { sheets: [...NEEDED_SHEETS], formulas: true });
  const info = detectTemplate(wb);
  const layout = chooseLayout(info.family, info.version)!.layout;
  const sheet = (name: string): SheetGrid => wb.sheets.find((s) => s.name.trim().toLowerCase() === name.toLowerCase())!;
  const decl = sheet(layout.declaration.sheet);
  for (const [k, v] of Object.entries(e.company)) setCell(decl, layout.declaration.company[k as CompanyFieldKey], v ?? null);
  for (const q of layout.declaration.questions) {
    for (const s of q.slots) {
      const yes = e.inScope.includes(s.metal!);
      const answer = q.number === 1 ? (yes ? 'Yes' : 'No') : !yes ? null : q.topic === 'response-rate' ? '100%' : ['recycled', 'covered-countries', 'cahra'].includes(q.topic) ? 'No' : 'Yes';
      setCell(decl, s.answerCell, answer);
    }
  }
  for (const q of layout.declaration.companyQuestions) {
    setCell(decl, q.answerCell, 'Yes');
    if (q.topic === 'policy-public') setCell(decl, q.commentCell, 'https://acme.example/policy');
  }
  const list = sheet(layout.smelterList.sheet);
  const cols = layout.smelterList.columns;
  e.smelters.forEach((id, i) => {
    const h = historyIndex().byId.get(id)![0]!;
    const row = layout.smelterList.firstRow + i;
    setCell(list, `${cols.metal}${row}`, h.metal);
    setCell(list, `${cols.lookup}${row}`, h.standardName);
    setCell(list, `${cols.name}${row}`, h.standardName);
    setCell(list, `${cols.country}${row}`, h.country);
    setCell(list, `${cols.id}${row}`, id);
    setCell(list, `${cols.source}${row}`, 'RMI');
  });
  const products = sheet(layout.productList.sheet);
  (e.products ?? []).forEach((p, i) => setCell(products, `${layout.productList.columns.number}${layout.productList.firstRow + i}`, p));
  return wb;
}

const COMPANY: Partial<Record<CompanyFieldKey, CellValue>> = {
  companyName: 'Acme Metals Ltd.', declarationScope: 'A. Company', contactName: 'Jane Smith', contactEmail: 'jane.smith@acme.example',
  contactPhone: '+44 114 000 0000', authorizerName: 'John Doe', authorizerTitle: 'Compliance Manager', authorizerEmail: 'john.doe@acme.example',
  effectiveDate: 46173, // 2026-05-31 as an Excel date serial
};

const have = existsSync(join(TEMPLATES, 'RMI_CMRT_6.5.xlsx'));
(have ? describe : describe.skip)('follow-up on the real CMRT 6.5 template', () => {
  it('company-level with smelters of interest: the request, its text, mailto and CSV', () => {
    const review = reviewWorkbook(filled('RMI_CMRT_6.5.xlsx', { company: COMPANY, inScope: ['Tin', 'Gold'], smelters: ['CID002763', 'CID001105', 'CID003185'] }), { role: 'buyer', now: NOW });
    expect(review.template).toMatchObject({ family: 'CMRT', version: '6.5' });
    const req = buildFollowUp(review, { role: 'buyer', now: NOW, partNumbers: ['PN-1'], contact: { name: 'Bob', email: 'bob@buyer.example' } });
    expect(req.declaration).toMatchObject({ company: 'Acme Metals Ltd.', version: '6.5', scope: 'company', effectiveDate: '2026-05-31' });
    expect(req.smelters.map((s) => [s.id, s.name, s.metal, s.country])).toEqual([['CID003185', 'African Gold Refinery', 'Gold', 'UGANDA']]);
    expect(req.paragraphs[1]).toMatch(/company-level/);
    expect(req.dueDate).toBe('2026-07-31');
    const text = renderText(req);
    expect(text.startsWith('Subject: Your CMRT 6.5 (Acme Metals Ltd.): product-level information on 1 smelter(s)\n')).toBe(true);
    expect(mailtoUrl(req, { maxLength: 100_000 }).url).toMatch(/^mailto:jane\.smith@acme\.example\?subject=Your%20CMRT%206\.5%20/);
    const csv = parseCsv(smelterCsv(review)).rows;
    expect(csv.slice(1).every((r) => r[3] === 'CID003185')).toBe(true);
    const plan = appendLogRows([], [reviewLogRow(review, { addinVersion: '0.1.0', now: NOW, decisions: { [req.smelters[0]!.row]: 'follow-up sent' } })]);
    expect(plan.rows[1]![plan.rows[0]!.indexOf('Follow-up sent')]).toBe(1);
  });

  it('product-level without smelters of interest and complete: nothing to ask', () => {
    const review = reviewWorkbook(filled('RMI_CMRT_6.5.xlsx', { company: { ...COMPANY, declarationScope: 'B. Product (or List of Products)' }, inScope: ['Tin', 'Gold'], smelters: ['CID002763', 'CID001105'], products: ['PN-1'] }), { role: 'buyer', now: NOW });
    const req = buildFollowUp(review, { role: 'buyer', now: NOW, partNumbers: ['PN-1'] });
    expect(review.checker.incomplete).toBe(0);
    expect(req.declaration.scope).toBe('product');
    expect(req.smelters).toEqual([]);
    expect(req.needsFollowUp).toBe(false);
  });
});
