/**
 * The typed model of a reporting template (CMRT, EMRT, CRT, AMRT), as the reader produces it from cell grids.
 * Every value keeps where it came from, so findings can point at an exact sheet and cell.
 */
import type { CellValue } from './grid';

export type Family = 'CMRT' | 'EMRT' | 'CRT' | 'AMRT';
export const FAMILIES: readonly Family[] = ['CMRT', 'EMRT', 'CRT', 'AMRT'];

/** Metal or mineral name in the template's own (English) spelling: "Tin", "Cobalt", "Mica", ... */
export type Metal = string;

export const CMRT_METALS: readonly Metal[] = ['Tantalum', 'Tin', 'Gold', 'Tungsten'];

export type Severity = 'error' | 'warning' | 'info';

/** A finding with an exact position, in the spirit of frictionless' row/field errors. */
export interface Finding {
  /** Stable rule id, e.g. "declaration/email-format". */
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 address, where one applies. */
  cell: string | null;
  /** 1-based sheet row, where one applies. */
  row: number | null;
  message: string;
  /** How to fix it, in a sentence; shown in the task pane and reused in the follow-up request. */
  fix?: string;
  /** Structured detail for the UI and reports (e.g. the first row of a duplicate). */
  data?: Record<string, unknown>;
}

/** One input cell of the template, normalised, with its origin. */
export interface Field<T = string | null> {
  /** Normalised value: trimmed text, canonical dropdown answer, ISO date, ... `null` when empty. */
  value: T;
  /** The value exactly as the host reported it. */
  raw: CellValue;
  sheet: string;
  /** A1 address. */
  cell: string;
  /** The template has a formula here and the supplier typed a literal over it. */
  typedOverFormula?: boolean;
}

export type ScopeKind = 'company' | 'product' | 'user-defined';

export interface CompanyInfo {
  companyName: Field;
  /** Normalised scope kind, null when empty or not recognised (see `declarationScope.value` for the text). */
  scope: ScopeKind | null;
  declarationScope: Field;
  scopeDescription: Field;
  companyId: Field;
  companyIdAuthority: Field;
  address: Field;
  contactName: Field;
  contactEmail: Field;
  contactPhone: Field;
  authorizerName: Field;
  authorizerTitle: Field;
  authorizerEmail: Field;
  authorizerPhone: Field;
  /** ISO date (YYYY-MM-DD) when the cell holds a real date, otherwise null; `raw` keeps what was there. */
  effectiveDate: Field;
}

export type CompanyFieldKey = Exclude<keyof CompanyInfo, 'scope'>;

export const COMPANY_FIELD_KEYS: readonly CompanyFieldKey[] = [
  'companyName', 'declarationScope', 'scopeDescription', 'companyId', 'companyIdAuthority', 'address',
  'contactName', 'contactEmail', 'contactPhone', 'authorizerName', 'authorizerTitle', 'authorizerEmail',
  'authorizerPhone', 'effectiveDate',
];

/** Answers for one metal or mineral: question number -> answer and comment. */
export interface MetalAnswers {
  metal: Metal;
  /** Question topic by number, e.g. {3: "covered-countries"}, so rules need not know each family's numbering. */
  topics: Record<number, string>;
  answers: Record<number, Field>;
  comments: Record<number, Field>;
}

export interface CompanyQuestion {
  /** "A".."H" (more in some families). */
  id: string;
  /** What it asks, across families ("policy", "policy-public", "survey", ...). */
  topic: string;
  /** For questions answered per metal/mineral (EMRT question C). */
  metal?: Metal;
  answer: Field;
  comment: Field;
}

export type LookupKind = 'listed' | 'not-listed' | 'not-yet-identified' | 'empty';

export interface SmelterRow {
  /** 1-based sheet row. */
  row: number;
  metal: string | null;
  /** Column C: the look-up choice (an alias name, "Smelter not listed", "Smelter not yet identified"). */
  lookup: string | null;
  lookupKind: LookupKind;
  name: string | null;
  country: string | null;
  /** Column F: the ID the template resolved. */
  id: string | null;
  /** Column A: the ID the supplier typed. */
  typedId: string | null;
  source: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  contactName: string | null;
  contactEmail: string | null;
  nextSteps: string | null;
  mineName: string | null;
  mineCountry: string | null;
  recycled: string | null;
  comments: string | null;
  /** Columns whose cell held an Excel error value (e.g. "#N/A"), by model key. */
  errors?: Partial<Record<keyof SmelterRowValues, string>>;
  /** Columns where the template's formula was replaced by a typed value (B and C are normal: dropdowns do it). */
  typedOver?: (keyof SmelterRowValues)[];
  /**
   * For the Checker port (src/core/checker): the exact text of a Checker column when the cleaned value above differs
   * from it (edge spaces, a cell holding only spaces). Absent when the cleaned value is the exact text.
   */
  rawText?: Partial<Record<SmelterCheckerColumn, string>>;
  /** Checker columns whose cell holds a formula showing nothing: ISBLANK is FALSE there, unlike on an empty cell. */
  emptyFormula?: SmelterCheckerColumn[];
}

/** Smelter List columns the templates' Checkers read. */
export type SmelterCheckerColumn = 'metal' | 'lookup' | 'name' | 'country';

export type SmelterRowValues = Omit<SmelterRow, 'row' | 'lookupKind' | 'errors'>;

export interface ProductRow {
  row: number;
  number: string | null;
  name: string | null;
  /** AMRT and EMRT 2.1: the requester's own product number and name. */
  requesterNumber?: string | null;
  requesterName?: string | null;
  comments: string | null;
}

export interface MineRow {
  row: number;
  metal: string | null;
  smelterName: string | null;
  mineName: string | null;
  mineId: string | null;
  mineIdSource: string | null;
  country: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  contactName: string | null;
  contactEmail: string | null;
  nextSteps: string | null;
  comments: string | null;
}

/** One entry of the workbook's own Smelter Look-up tab (the RMI reference list shipped with the template). */
export interface LookupEntry {
  row: number;
  metal: string;
  /** Column B: the look-up name (standard name or an alias). */
  lookupName: string;
  standardName: string;
  country: string;
  id: string;
  source: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
}

export interface TemplateInfo {
  family: Family;
  /** Version as the template states it, e.g. "6.5". */
  version: string;
  /** The text the version cell holds, e.g. "Revision 6.5\nApril 25, 2025". */
  versionText: string;
  /** Release date the template states, ISO, when present. */
  releaseDate: string | null;
  /** Display language, in English: "English", "Chinese", "Japanese", ... */
  language: string;
  /** The layout used to read it (differs from `version` for an unknown version read with the nearest layout). */
  layoutVersion: string;
}

/** Something the reader noticed while reading: an error value, a number where text belongs, ... */
export interface ReadNote {
  code: 'error-value' | 'number-as-text' | 'typed-over-formula' | 'unknown-version' | 'unrecognised-value' | 'truncated';
  severity: Severity;
  sheet: string;
  cell: string | null;
  row: number | null;
  message: string;
}

/** A cell exactly as the host reported it, and whether it holds a formula (an empty result then reads as ""). */
export interface RawCell {
  raw: CellValue;
  formula?: boolean;
}

/** What the Checker port (src/core/checker) reads beyond the model's fields. */
export interface CheckerInputs {
  /**
   * The Declaration and Product List cells the template's Checker reads, keyed "Declaration!D28", "Product List!B6":
   * also the ones the model has no field for (hidden leftover rows, the mineral selection and its helper cells).
   */
  cells: Record<string, RawCell>;
  /** The host reported where the Smelter List's formulas are, so `SmelterRow.emptyFormula` can be trusted. */
  smelterFormulasKnown: boolean;
}

export interface Declaration {
  template: TemplateInfo;
  company: CompanyInfo;
  /** Minerals the declaration covers (EMRT/AMRT: the ones the supplier selected; CMRT/CRT: all of the family's). */
  mineralsInScope: Metal[];
  /** Per metal or mineral, in template order. */
  answers: MetalAnswers[];
  companyQuestions: CompanyQuestion[];
  smelters: SmelterRow[];
  products: ProductRow[];
  mines: MineRow[];
  notes: ReadNote[];
  /** Raw inputs for the template's Checker (set by the reader; absent on hand-built declarations). */
  checkerInputs?: CheckerInputs;
}

/** A read workbook: the declaration plus the template's own reference list (kept out of the JSON declaration). */
export interface ReadResult {
  declaration: Declaration;
  lookup: LookupEntry[];
}
