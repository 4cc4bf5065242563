/**
 * The smelter rules and the assessment on filled copies of real templates (CMRT 6.5, EMRT 2.1): rows and answers
 * are written into the template's XML with fillTemplate — look-up choices as a supplier types them, and the cached
 * results of the template's own formulas (country, ID, address resolved from its Smelter Look-up) as Excel stores
 * them after recalculating — then the bytes are read back with the xlsx reader and the template reader.
 */
import { NEEDED_SHEETS, readTemplate, layoutFor } from '../../../src/core/read';
import type { LookupEntry } from '../../../src/core/model';
import type { TemplateLayout } from '../../../src/core/layouts/types';
import { runRules, type RuleContext } from '../../../src/core/rules/rule';
import { SMELTER_RULES } from '../../../src/core/rules/smelter';
import { assessSmelters, summariseSmelters } from '../../../src/core/smelters';
import { createReviewReference, type ReviewReference } from '../../../src/core/reference';
import { readXlsx } from '../../../src/xlsx/read';
import { fillTemplate, readTemplateBytes, type CellWrite } from '../../support/fill';

const read = (bytes: Uint8Array) => readTemplate(readXlsx(bytes, { sheets: [...NEEDED_SHEETS], formulas: true }));

interface Filler {
  layout: TemplateLayout;
  lookup: LookupEntry[];
  /** A row chosen from the dropdowns: metal + look-up name; the template resolves country, ID and address. */
  listed(row: number, id: string, over?: Partial<Record<'country' | 'name' | 'typedId', string>>): void;
  notListed(row: number, metal: string, name: string, country: string): void;
  notYetIdentified(row: number, metal: string): void;
  /** A typed ID the look-up does not resolve: metal and look-up name show #N/A. */
  typed(row: number, typedId: string): void;
  answer(question: number, metal: string, value: string): void;
  /** Any other Declaration cell. */
  declaration(cell: string, value: string | null): void;
  bytes(): Uint8Array;
}

function filler(file: string): Filler {
  const template = readTemplateBytes(file);
  const { declaration, lookup } = read(template);
  const layout = layoutFor(declaration.template);
  const writes: CellWrite[] = [];
  const sheet = layout.smelterList.sheet;
  const col = (key: keyof TemplateLayout['smelterList']['columns'], row: number): string => `${layout.smelterList.columns[key]!}${row}`;
  const literal = (cell: string, value: string | null): void => void writes.push({ sheet, cell, value });
  const cached = (cell: string, value: string | null): void => void writes.push({ sheet, cell, value, keepFormula: true });
  let inScope: string[] | null = declaration.mineralsInScope;
  return {
    layout, lookup,
    listed(row, id, over = {}) {
      const e = lookup.find((x) => x.id === id && x.lookupName === x.standardName) ?? lookup.find((x) => x.id === id)!;
      if (over.typedId) literal(col('typedId', row), over.typedId);
      literal(col('metal', row), e.metal);
      literal(col('lookup', row), e.lookupName);
      if (over.name) literal(col('name', row), over.name);
      if (over.country) literal(col('country', row), over.country); // typed over the formula
      else cached(col('country', row), e.country);
      cached(col('id', row), e.id);
      cached(col('source', row), 'RMI');
      cached(col('city', row), e.city);
      cached(col('state', row), e.state);
    },
    notListed(row, metal, name, country) {
      literal(col('metal', row), metal);
      literal(col('lookup', row), 'Smelter not listed');
      literal(col('name', row), name);
      literal(col('country', row), country);
    },
    notYetIdentified(row, metal) {
      literal(col('metal', row), metal);
      literal(col('lookup', row), 'Smelter not yet identified');
    },
    typed(row, typedId) {
      literal(col('typedId', row), typedId);
      writes.push({ sheet, cell: col('metal', row), value: null, keepFormula: true, error: '#N/A' });
      writes.push({ sheet, cell: col('lookup', row), value: null, keepFormula: true, error: '#N/A' });
    },
    answer(question, metal, value) {
      const q = layout.declaration.questions.find((x) => x.number === question)!;
      inScope ??= read(fillTemplate(template, writes)).declaration.mineralsInScope;
      const slot = q.slots.find((x) => x.metal === metal) ?? q.slots[inScope.indexOf(metal)]!;
      writes.push({ sheet: layout.declaration.sheet, cell: slot.answerCell, value });
    },
    declaration(cell, value) {
      writes.push({ sheet: layout.declaration.sheet, cell, value });
      if (layout.declaration.mineralSelectionCells.includes(cell)) inScope = null; // re-read on the next answer
    },
    bytes: () => fillTemplate(template, writes),
  };
}

function review(f: Filler, reference: ReviewReference = createReviewReference()) {
  const { declaration, lookup } = read(f.bytes());
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
    // Row 7 holds only a typed ID that did not resolve: the reader counts it as a listed smelter by its typed ID.
    expect(r.declaration.smelters.map((s) => [s.row, s.lookupKind])).toEqual([
      [5, 'listed'], [6, 'listed'], [7, 'listed'], [8, 'not-listed'], [9, 'listed'], [10, 'not-yet-identified'], [11, 'listed'], [12, 'listed'], [13, 'listed'],
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
  // The blank template has all six minerals selected: keep cobalt and copper only.
  const cells = f.layout.declaration.mineralSelectionCells;
  cells.forEach((cell, i) => f.declaration(cell, i === 0 ? 'Cobalt' : i === 1 ? 'Copper' : null));
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
