/**
 * The cells the Checker port reads, and how it reads them: from `Declaration.checkerInputs` (raw cells the reader
 * copied, formulas flagged), else from the model's fields (hand-built declarations), else the template's shipped
 * value (the hidden leftover rows are pre-filled "No").
 */
import type { CellValue } from '../grid';
import type { TemplateLayout } from '../layouts';
import type { CheckerInputs, Declaration, SmelterCheckerColumn, SmelterRow } from '../model';
import { cellValue, EMPTY, type XV } from './excel';
import { profileFor, type CheckerProfile } from './profiles';

export const PRODUCT_LIST_B6 = 'Product List!B6';

/** Every "Sheet!A1" the template's Checker reads outside the Smelter List (the reader copies them raw). */
export function checkerInputCells(layout: TemplateLayout): string[] {
  const p = profileFor(layout);
  const d = layout.declaration;
  const out = new Set<string>();
  const add = (cell: string) => out.add(`${d.sheet}!${cell}`);
  for (const cell of Object.values(d.company)) add(cell);
  for (const q of d.questions) for (const s of q.slots) add(s.answerCell);
  for (const q of d.companyQuestions) {
    add(q.answerCell);
    add(q.commentCell);
  }
  for (const s of p.stubs.metals) for (const cell of Object.values(s.cells)) add(cell);
  if (p.slots) {
    for (const s of p.slots.sources) {
      add(s.cell);
      if (s.special && 'other' in s.special) add(s.special.other);
    }
    for (const cell of p.slots.cached) add(cell);
  }
  if (p.otherMinerals) for (const cell of [...p.otherMinerals.selection, ...p.otherMinerals.names]) add(cell);
  out.add(PRODUCT_LIST_B6);
  return [...out];
}

/** Reads cells and Smelter List columns the way the Checker's formulas see them. */
export class CheckerSource {
  readonly profile: CheckerProfile;
  private readonly inputs: CheckerInputs | undefined;
  private readonly fallback = new Map<string, XV>();

  constructor(readonly declaration: Declaration, readonly layout: TemplateLayout) {
    this.profile = profileFor(layout);
    this.inputs = declaration.checkerInputs;
    if (!this.inputs) this.indexModel();
  }

  /** The reader copied the raw cells (false for a hand-built declaration: model fields are used instead). */
  get exact(): boolean {
    return this.inputs !== undefined;
  }

  private indexModel(): void {
    const d = this.declaration;
    const put = (f: { sheet: string; cell: string; raw: CellValue }) => this.fallback.set(`${f.sheet}!${f.cell}`, cellValue(f.raw));
    for (const [key, f] of Object.entries(d.company)) if (key !== 'scope' && f && typeof f === 'object') put(f);
    for (const m of d.answers) {
      for (const f of Object.values(m.answers)) put(f);
      for (const f of Object.values(m.comments)) put(f);
    }
    for (const q of d.companyQuestions) {
      put(q.answer);
      put(q.comment);
    }
    for (const s of this.profile.stubs.metals) this.fallback.set(`${this.layout.declaration.sheet}!${s.cells[1]}`, s.q1Default);
    const col = this.layout.productList.columns.number ?? 'B';
    for (const p of d.products) if (p.number !== null) this.fallback.set(`${this.layout.productList.sheet}!${col}${p.row}`, p.number);
  }

  /** A cell by "Sheet!A1": EMPTY for a truly empty cell. */
  cell(key: string): XV {
    if (this.inputs) {
      const c = this.inputs.cells[key];
      return c ? cellValue(c.raw, c.formula === true) : EMPTY;
    }
    return this.fallback.get(key) ?? EMPTY;
  }

  /** A Declaration cell by address. */
  decl(address: string): XV {
    return this.cell(`${this.layout.declaration.sheet}!${address}`);
  }

  /** A Smelter List cell of a read row, as the Checker sees it (untrimmed; "" for a formula showing nothing). */
  smelter(row: SmelterRow, col: SmelterCheckerColumn): XV {
    const err = row.errors?.[col];
    if (err) return { error: err };
    const raw = row.rawText?.[col];
    if (raw !== undefined) return raw;
    const v = row[col];
    if (v !== null) return v;
    if (row.emptyFormula?.includes(col)) return '';
    const assumed = this.profile.smelter.formulaColumns;
    if (assumed?.includes(col as 'lookup') && !this.inputs?.smelterFormulasKnown && row.row >= 5 && row.row <= 2504) return '';
    return EMPTY;
  }
}
