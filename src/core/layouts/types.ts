/**
 * Template layouts as data: where each input lives in a given family and version. The bulk is generated from
 * the real templates by `scripts/gen-layouts.ts` (see generated.ts); versions are small overrides of a base.
 */
import type { CompanyFieldKey, Family, Metal } from '../model';

/** A question row for one metal/mineral slot. */
export interface QuestionSlot {
  /** Fixed metal for CMRT/CRT rows; null when the slot follows the supplier's mineral selection (EMRT/AMRT). */
  metal: Metal | null;
  /** 0-based slot index within the question block (order of metals/minerals). */
  slot: number;
  answerCell: string;
  commentCell: string;
}

/** What a question asks, independent of its number (CMRT Q4 and EMRT 2.x Q3 are both "cahra"). */
export type QuestionTopic =
  | 'intentional' | 'remains' | 'covered-countries' | 'cahra' | 'recycled' | 'response-rate' | 'all-identified'
  | 'all-reported';

export interface QuestionLayout {
  /** 1-based question number as printed: 1) ... 8). */
  number: number;
  topic: QuestionTopic;
  headerRow: number;
  slots: QuestionSlot[];
}

export type CompanyQuestionTopic =
  | 'policy' | 'policy-public' | 'policy-scope' | 'due-diligence' | 'supplier-due-diligence' | 'require-validated'
  | 'survey' | 'review' | 'corrective-action' | 'annual-filing' | 'grievance' | 'public-report' | 'other';

export interface CompanyQuestionLayout {
  id: string;
  topic: CompanyQuestionTopic;
  /** Present when the question is answered per metal/mineral (EMRT question C). */
  slot?: number;
  metal?: Metal | null;
  answerCell: string;
  commentCell: string;
}

export type SmelterColumnKey =
  | 'typedId' | 'metal' | 'lookup' | 'name' | 'country' | 'id' | 'source' | 'street' | 'city' | 'state'
  | 'contactName' | 'contactEmail' | 'nextSteps' | 'mineName' | 'mineCountry' | 'recycled' | 'comments';

export type MineColumnKey =
  | 'metal' | 'smelterName' | 'mineName' | 'mineId' | 'mineIdSource' | 'country' | 'street' | 'city' | 'state'
  | 'contactName' | 'contactEmail' | 'nextSteps' | 'comments';

export type LookupColumnKey =
  | 'metal' | 'lookupName' | 'standardName' | 'country' | 'id' | 'source' | 'street' | 'city' | 'state';

export interface TableLayout<K extends string> {
  sheet: string;
  headerRow: number;
  firstRow: number;
  /** Last row the template prepares (formulas, validation); rows beyond are still read. */
  lastRow: number;
  columns: Partial<Record<K, string>>;
  /** Rows below the header that hold template text (e.g. the copyright line), never data. */
  labelRows?: number[];
}

export interface TemplateLayout {
  family: Family;
  version: string;
  /** ISO release date printed under the version. */
  releaseDate: string | null;
  /** Sheets the template has, in order. */
  sheets: string[];
  declaration: {
    sheet: string;
    versionCell: string;
    languageCell: string;
    company: Record<CompanyFieldKey, string>;
    /**
     * EMRT/AMRT: the cells where the supplier selects the minerals the declaration covers, in order.
     * Empty for CMRT/CRT, whose minerals are fixed.
     */
    mineralSelectionCells: string[];
    /** AMRT: free-text cells naming "Other" minerals. */
    otherMineralCells: string[];
    /** Minerals the family can report, in template order. */
    minerals: Metal[];
    questions: QuestionLayout[];
    companyQuestions: CompanyQuestionLayout[];
  };
  smelterList: TableLayout<SmelterColumnKey>;
  productList: TableLayout<'number' | 'name' | 'requesterNumber' | 'requesterName' | 'comments'>;
  mineList?: TableLayout<MineColumnKey>;
  lookup?: TableLayout<LookupColumnKey>;
}

type DeepPartial<T> = {
  [K in keyof T]?: NonNullable<T[K]> extends readonly unknown[] ? T[K] : NonNullable<T[K]> extends object ? DeepPartial<NonNullable<T[K]>> : T[K];
};

/** Generated data: a family's base layout and each later version as the keys that changed. */
export interface GeneratedFamily {
  family: Family;
  /** Template file the base was read from. */
  from: string;
  base: TemplateLayout;
  overrides: { from: string; override: DeepPartial<TemplateLayout> & { version: string } }[];
}
