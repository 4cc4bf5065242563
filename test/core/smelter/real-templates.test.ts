/**
 * The smelter rules and the assessment on real templates (CMRT 6.5, EMRT 2.1): the workbook is read with the xlsx
 * reader, Smelter List rows and answers are written into its cell grid as Excel would show them after recalculation
 * (look-up choice, then the country and ID the template's formulas resolve from its own Smelter Look-up), and the
 * grid is read back with the template reader.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../../src/core/grid';
import { getSheet, parseA1 } from '../../../src/core/grid';
import { NEEDED_SHEETS, readTemplate, layoutFor } from '../../../src/core/read';
import type { LookupEntry } from '../../../src/core/model';
import type { TemplateLayout } from '../../../src/core/layouts/types';
import { runRules, type RuleContext } from '../../../src/core/rules/rule';
import { SMELTER_RULES } from '../../../src/core/rules/smelter';
import { assessSmelters, summariseSmelters } from '../../../src/core/smelters';
import { createReviewReference, type ReviewReference } from '../../../src/core/reference';
import { readXlsx } from '../../../src/xlsx/read';

const TEMPLATES = join(__dirname, '../../../../shared/templates');

function load(file: string): WorkbookGrid {
  return readXlsx(new Uint8Array(readFileSync(join(TEMPLATES, file))), { sheets: [...NEEDED_SHEETS], formulas: true });
}

function put(sheet: SheetGrid, address: string, value: CellValue): void {
  const { row, col } = parseA1(address);
  while (sheet.values.length < row) sheet.values.push([]);
  const line = sheet.values[row - 1]!;
  while (line.length < col) line.push(null);
  line[col - 1] = value;
}

interface Filler {
  wb: WorkbookGrid;
  layout: TemplateLayout;
  lookup: LookupEntry[];
  /** A row chosen from the dropdowns: metal + look-up name; the template resolves country, ID and address. */
  listed(row: number, id: string, over?: Partial<Record<'country' | 'name' | 'typedId', string>>): void;
  notListed(row: number, metal: string, name: string, country: string): void;
  notYetIdentified(row: number, metal: string): void;
  typed(row: number, typedId: string): void;
  answer(question: number, metal: string, value: string): void;
}

function filler(file: string): Filler {
  const wb = load(file);
  const { declaration, lookup } = readTemplate(wb);
  const layout = layoutFor(declaration.template);
  const sl = getSheet(wb, layout.smelterList.sheet)!;
  const decl = getSheet(wb, layout.declaration.sheet)!;
  const col = (key: keyof TemplateLayout['smelterList']['columns'], row: number): string => `${layout.smelterList.columns[key]!}${row}`;
  return {
    wb, layout, lookup,
    listed(row, id, over = {}) {
      const e = lookup.find((x) => x.id === id && x.lookupName === x.standardName) ?? lookup.find((x) => x.id === id)!;
      put(sl, col('metal', row), e.metal);
      put(sl, col('lookup', row), e.lookupName);
      put(sl, col('country', row), over.country ?? e.country);
      put(sl, col('id', row), e.id);
      put(sl, col('source', row), 'RMI');
      put(sl, col('city', row), e.city);
      put(sl, col('state', row), e.state);
      if (over.name) put(sl, col('name', row), over.name);
      if (over.typedId) put(sl, col('typedId', row), over.typedId);
    },
    notListed(row, metal, name, country) {
      put(sl, col('metal', row), metal);
      put(sl, col('lookup', row), 'Smelter not listed');
      put(sl, col('name', row), name);
      put(sl, col('country', row), country);
    },
    notYetIdentified(row, metal) {
      put(sl, col('metal', row), metal);
      put(sl, col('lookup', row), 'Smelter not yet identified');
    },
    typed(row, typedId) {
      put(sl, col('typedId', row), typedId);
      put(sl, col('metal', row), '#N/A');
      put(sl, col('lookup', row), '#N/A');
    },
    answer(question, metal, value) {
      const q = layout.declaration.questions.find((x) => x.number === question)!;
      const inScope = readTemplate(wb).declaration.mineralsInScope;
      const slot = q.slots.find((s) => s.metal === metal) ?? q.slots[inScope.indexOf(metal)]!;
      put(decl, slot.answerCell, value);
    },
  };
}

function review(f: Filler, reference: ReviewReference = createReviewReference()) {
  const { declaration, lookup } = readTemplate(f.wb);
  const ctx: RuleContext<ReviewReference> = { declaration, lookup, layout: f.layout, role: 'buyer', now: new Date('2026-07-01T00:00:00Z'), extra: reference };
  const findings = runRules(SMELTER_RULES, ctx);
  const smelters = assessSmelters(ctx);
  return { declaration, findings, smelters, summary: summariseSmelters(smelters, reference), brief: findings.map((x) => `${x.rule} ${x.cell}`).sort() };
}

describe('CMRT 6.5 (real template)', () => {
  const f = filler('RMI_CMRT_6.5.xlsx');
  f.listed(5, 'CID002763');
  f.listed(6, 'CID003185');
  f.typed(7, 'CID2763');
  f.notListed(8, 'Tin', 'Malaysia Smeltng Corporation', 'MALAYSIA');
  f.listed(9, 'CID002763', { typedId: 'CID002763' });
  f.notYetIdentified(10, 'Tin');
  f.listed(11, 'CID000004', { country: 'CHINA' });
  f.listed(12, 'CID002515');
  f.listed(13, 'CID001869');
  for (const m of ['Tin', 'Gold', 'Tungsten']) f.answer(1, m, 'Yes');
  f.answer(1, 'Tantalum', 'No');
  f.answer(3, 'Gold', 'No');
  f.answer(4, 'Gold', 'No');
  f.answer(7, 'Tin', 'Yes');
  const r = review(f);

  it('reads the rows as filled', () => {
    // Row 7 holds only a typed ID that did not resolve: the reader calls it "empty"; the rules still see the ID.
    expect(r.declaration.smelters.map((s) => [s.row, s.lookupKind])).toEqual([
      [5, 'listed'], [6, 'listed'], [7, 'empty'], [8, 'not-listed'], [9, 'listed'], [10, 'not-yet-identified'], [11, 'listed'], [12, 'listed'], [13, 'listed'],
    ]);
  });

  it('reports each problem on its row and cell', () => {
    expect(r.brief).toEqual([
      'smelter/cahra-answer E12',
      'smelter/country-mismatch E11',
      'smelter/covered-country-answer E6',
      'smelter/duplicate F9',
      'smelter/malformed-id A7',
      'smelter/metal-not-in-scope B13',
      'smelter/not-listed D8',
      'smelter/not-yet-identified C10',
    ].sort());
    const notListed = r.findings.find((x) => x.rule === 'smelter/not-listed')!;
    expect((notListed.data!.suggestions as { id: string }[])[0]!.id).toBe('CID001105');
    expect(r.findings.find((x) => x.rule === 'smelter/malformed-id')!.message).toMatch(/did you mean CID002763\?/);
    expect(r.findings.find((x) => x.rule === 'smelter/not-yet-identified')!.message).toMatch(/question 7 answers that all Tin smelters are identified \(Declaration D63: Yes\)/);
  });

  it('assesses the smelters of interest with sources', () => {
    const byRow = new Map(r.smelters.map((s) => [s.row, s]));
    expect([...byRow.keys()]).toEqual([5, 6, 7, 8, 9, 11, 12, 13]);
    expect(byRow.get(5)!.interest).toBe(false);
    expect(byRow.get(6)!.reasons.map((x) => x.kind).sort()).toEqual(['covered-country', 'sanction']);
    expect(byRow.get(8)!.reasons.map((x) => x.kind)).toEqual(['not-listed']);
    expect(byRow.get(12)!.reasons.map((x) => x.kind)).toEqual(['cahra-country']);
    expect(r.summary.auditStatusKnown).toBe(false);
  });
});

describe('EMRT 2.1 (real template)', () => {
  const f = filler('RMI_EMRT_2.1.xlsx');
  const decl = getSheet(f.wb, f.layout.declaration.sheet)!;
  // The blank template has all six minerals selected: keep cobalt and copper only.
  for (const cell of f.layout.declaration.mineralSelectionCells) put(decl, cell, null);
  put(decl, f.layout.declaration.mineralSelectionCells[0]!, 'Cobalt');
  put(decl, f.layout.declaration.mineralSelectionCells[1]!, 'Copper');
  f.listed(5, 'CID003261');
  f.listed(6, 'CID005249');
  f.notYetIdentified(7, 'Cobalt');
  f.typed(8, 'CID999999');
  f.listed(9, 'CID004394');
  f.answer(3, 'Cobalt', 'No');
  f.answer(6, 'Cobalt', 'Yes');
  const r = review(f);

  it('has the selected minerals in scope', () => {
    expect(r.declaration.mineralsInScope).toEqual(['Cobalt', 'Copper']);
  });

  it('reports the EMRT questions by their own numbers', () => {
    expect(r.brief).toEqual([
      'smelter/cahra-answer J5',
      'smelter/metal-not-in-scope B6',
      'smelter/not-yet-identified C7',
      'smelter/unknown-id A8',
    ].sort());
    expect(r.findings.find((x) => x.rule === 'smelter/cahra-answer')!.message).toMatch(/Lualaba \(CD-LU\) is a listed region of Democratic Republic of the Congo on the EU CAHRA list.*question 3 answers No for Cobalt/);
    expect(r.findings.find((x) => x.rule === 'smelter/not-yet-identified')!.data).toMatchObject({ question: 6 });
  });

  it('assesses DRC smelters as high-risk geography, and the unknown ID as unrecognised', () => {
    const byRow = new Map(r.smelters.map((s) => [s.row, s]));
    expect(byRow.get(5)!.reasons.map((x) => x.kind).sort()).toEqual(['cahra-region', 'covered-country']);
    expect(byRow.get(9)!.reasons.map((x) => x.kind).sort()).toEqual(['cahra-region', 'covered-country']);
    expect(byRow.get(8)!.reasons.map((x) => x.kind)).toEqual(['unknown-id']);
  });
});
