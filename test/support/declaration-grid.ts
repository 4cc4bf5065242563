/**
 * Helpers for the declaration and template rule tests: a hand-built workbook grid with values at the real layout's
 * cells (so findings point at the exact cells of a real template), read through the real reader, and a rule context
 * around it. Answers are given by metal and question TOPIC, never by number: the numbers differ between families.
 */
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { parseA1 } from '../../src/core/grid';
import { chooseLayout } from '../../src/core/layouts';
import type { CompanyQuestionTopic, QuestionTopic, TemplateLayout } from '../../src/core/layouts/types';
import type { CompanyFieldKey, Declaration, Family, Finding, LookupEntry } from '../../src/core/model';
import { readTemplate } from '../../src/core/read';
import { runRules, type Role, type Rule, type RuleContext } from '../../src/core/rules/rule';

const TITLES: Record<Family, string> = {
  CMRT: 'Conflict Minerals Reporting Template (CMRT)',
  EMRT: 'Extended Minerals Reporting Template (EMRT)',
  CRT: 'Cobalt Reporting Template (CRT)',
  AMRT: 'Additional Minerals Reporting Template (AMRT)',
};

/** A complete, consistent company block: no declaration rule reports anything on it. */
export const GOOD_COMPANY: Partial<Record<CompanyFieldKey, CellValue>> = {
  companyName: 'Acme Metals Co., Ltd.',
  declarationScope: 'A. Company',
  contactName: 'Jane Doe',
  contactEmail: 'jane.doe@acme-metals.com',
  contactPhone: '+1 555 0100',
  authorizerName: 'John Roe',
  authorizerTitle: 'Compliance Director',
  authorizerEmail: 'john.roe@acme-metals.com',
  authorizerPhone: '+1 555 0101',
  effectiveDate: 45413, // 01-May-2024
};

export type Answers = Partial<Record<QuestionTopic, CellValue>>;

export interface GridInput {
  family?: Family;
  version?: string;
  /** The version the workbook states in its version cell, when it differs from the layout's (an unknown version). */
  statedVersion?: string;
  /** Company fields; merged over GOOD_COMPANY unless `bareCompany`. */
  company?: Partial<Record<CompanyFieldKey, CellValue>>;
  bareCompany?: boolean;
  /** EMRT/AMRT: minerals selected at the top of the sheet (in this order). */
  minerals?: string[];
  /** metal -> topic -> answer */
  answers?: Record<string, Answers>;
  comments?: Record<string, Answers>;
  /** company question topic (or id) -> answer; for per-metal questions (EMRT C) use `topic:Metal`. */
  companyAnswers?: Partial<Record<CompanyQuestionTopic | string, CellValue>>;
  companyComments?: Partial<Record<CompanyQuestionTopic | string, CellValue>>;
  /** Any other cells: sheet -> A1 -> value. */
  cells?: Record<string, Record<string, CellValue>>;
}

/** Sets one cell of a grid, growing it as needed. */
export function setCell(sheet: SheetGrid, address: string, value: CellValue): void {
  const { row, col } = parseA1(address);
  while (sheet.values.length < row) sheet.values.push([]);
  const line = sheet.values[row - 1]!;
  while (line.length < col) line.push(null);
  line[col - 1] = value;
}

export function layoutOf(family: Family, version: string): TemplateLayout {
  const choice = chooseLayout(family, version);
  if (!choice || !choice.exact) throw new Error(`No layout for ${family} ${version}`);
  return choice.layout;
}

/** The answer cell of a metal's question by topic. */
export function answerCell(layout: TemplateLayout, metal: string, topic: QuestionTopic, minerals?: string[]): string {
  const q = layout.declaration.questions.find((x) => x.topic === topic);
  if (!q) throw new Error(`${layout.family} ${layout.version} has no "${topic}" question`);
  const sorted = minerals ? [...minerals].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })) : [];
  const slot = q.slots.find((s) => (s.metal !== null ? s.metal === metal : sorted[s.slot] === metal));
  if (!slot) throw new Error(`${layout.family} ${layout.version}: no slot for ${metal} in "${topic}"`);
  return slot.answerCell;
}

function commentCell(layout: TemplateLayout, metal: string, topic: QuestionTopic, minerals?: string[]): string {
  const a = answerCell(layout, metal, topic, minerals);
  const q = layout.declaration.questions.find((x) => x.topic === topic)!;
  return q.slots.find((s) => s.answerCell === a)!.commentCell;
}

/** The company question with this topic (or id); "require-validated:Cobalt" picks a per-metal slot. */
export function companyQuestion(layout: TemplateLayout, key: string, minerals?: string[]) {
  const [topic, metal] = key.split(':');
  const sorted = minerals ? [...minerals].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })) : [];
  const q = layout.declaration.companyQuestions.find((x) => (x.topic === topic || x.id === topic)
    && (metal === undefined || x.metal === metal || (x.slot !== undefined && sorted[x.slot] === metal)));
  if (!q) throw new Error(`${layout.family} ${layout.version} has no company question "${key}"`);
  return q;
}

/** A workbook grid with the values at the layout's cells. */
export function buildGrid(input: GridInput = {}): WorkbookGrid {
  const family = input.family ?? 'CMRT';
  const version = input.version ?? '6.5';
  const layout = layoutOf(family, version);
  const decl: SheetGrid = { name: 'Declaration', values: [] };
  setCell(decl, 'D2', TITLES[family]);
  setCell(decl, 'D3', 'English');
  setCell(decl, layout.declaration.versionCell, `Revision ${input.statedVersion ?? version}\nJanuary 1, 2025`);
  const company = input.bareCompany ? { ...input.company } : { ...GOOD_COMPANY, ...input.company };
  for (const [key, value] of Object.entries(company)) setCell(decl, layout.declaration.company[key as CompanyFieldKey], value ?? null);
  const minerals = input.minerals;
  if (minerals && layout.declaration.mineralSelectionCells.length) {
    minerals.forEach((m, i) => setCell(decl, layout.declaration.mineralSelectionCells[i]!, m));
  }
  for (const [metal, answers] of Object.entries(input.answers ?? {})) {
    for (const [topic, value] of Object.entries(answers)) setCell(decl, answerCell(layout, metal, topic as QuestionTopic, minerals), value ?? null);
  }
  for (const [metal, comments] of Object.entries(input.comments ?? {})) {
    for (const [topic, value] of Object.entries(comments)) setCell(decl, commentCell(layout, metal, topic as QuestionTopic, minerals), value ?? null);
  }
  for (const [key, value] of Object.entries(input.companyAnswers ?? {})) setCell(decl, companyQuestion(layout, key, minerals).answerCell, value ?? null);
  for (const [key, value] of Object.entries(input.companyComments ?? {})) setCell(decl, companyQuestion(layout, key, minerals).commentCell, value ?? null);
  const sheets: SheetGrid[] = [decl, { name: 'Smelter List', values: [] }, { name: 'Product List', values: [] }];
  for (const [name, cells] of Object.entries(input.cells ?? {})) {
    let sheet = sheets.find((s) => s.name === name);
    if (!sheet) sheets.push((sheet = { name, values: [] }));
    for (const [address, value] of Object.entries(cells)) setCell(sheet, address, value);
  }
  return { sheets };
}

export interface RunOptions {
  role?: Role;
  now?: Date;
}

export const NOW = new Date('2025-06-15T10:00:00Z');

export function contextFor(declaration: Declaration, lookup: LookupEntry[], options: RunOptions = {}): RuleContext {
  const layout = chooseLayout(declaration.template.family, declaration.template.layoutVersion)!.layout;
  return { declaration, lookup, layout, role: options.role ?? 'buyer', now: options.now ?? NOW, extra: undefined };
}

/** Reads the grid with the real reader and runs the rules on it. */
export function run(rules: Rule | readonly Rule[], input: GridInput | WorkbookGrid = {}, options: RunOptions = {}): Finding[] {
  const wb = 'sheets' in input ? input : buildGrid(input);
  const { declaration, lookup } = readTemplate(wb);
  return runRules(Array.isArray(rules) ? rules : [rules as Rule], contextFor(declaration, lookup, options));
}

/** A finding's identifying fields, for compact assertions. */
export function brief(f: Finding): { rule: string; severity: string; cell: string | null; row: number | null } {
  return { rule: f.rule, severity: f.severity, cell: f.cell, row: f.row };
}

export interface Case extends GridInput, RunOptions {
  name: string;
}

export interface InvalidCase extends Case {
  /** Expected findings in order: cell, and optionally severity, message pattern, fix pattern, data subset. */
  errors: { cell: string | null; row?: number | null; sheet?: string; severity?: string; message?: RegExp; fix?: RegExp; data?: Record<string, unknown> }[];
}

/** ESLint-style cases for one rule; every finding must carry a fix sentence and the row of its cell. */
export function testDeclarationRule(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has a stable id and a doc paragraph', () => {
      expect(rule.meta.id).toMatch(/^(declaration|template)\/[a-z0-9-]+$/);
      expect(rule.meta.doc.length).toBeGreaterThan(100);
    });
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          expect(run(rule, c, c)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const found = run(rule, c, c);
          expect(found.map((f) => f.cell)).toEqual(c.errors.map((e) => e.cell));
          c.errors.forEach((e, i) => {
            const f = found[i]!;
            expect(f.rule).toBe(rule.meta.id);
            expect(f.sheet).toBe(e.sheet ?? 'Declaration');
            expect(f.row).toBe(e.row !== undefined ? e.row : e.cell ? parseA1(e.cell).row : null);
            expect(f.fix).toEqual(expect.any(String));
            expect(f.message.length).toBeGreaterThan(10);
            if (e.severity) expect(f.severity).toBe(e.severity);
            if (e.message) expect(f.message).toMatch(e.message);
            if (e.fix) expect(f.fix).toMatch(e.fix);
            if (e.data) expect(f.data).toMatchObject(e.data);
          });
        });
      }
    });
  });
}
