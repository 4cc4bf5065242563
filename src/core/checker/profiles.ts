/**
 * The templates' Checker logic as data: one base profile per family (its earliest version) and, per later version,
 * only what changed - the same "each version a small override of a base" scheme as the layouts. Every value here is
 * read off the Checker formulas of the real templates (docs/checker.md, docs/checker-spec.json); the cells of the
 * company fields, questions and company questions come from the layout (src/core/layouts), which
 * test/core/checker/checker.test.ts checks row by row against docs/checker-spec.json.
 */
import type { TemplateLayout } from '../layouts';
import type { Family } from '../model';

/** Inclusive Smelter List row range a Checker formula covers; `null` for a whole column (`$C:$C`). */
export type Rows = readonly [first: number, last: number] | null;

/** One of the cells the EMRT 2.x / AMRT mineral list is built from (Declaration P12:P21 `=IF(ISBLANK(D12),"",...)`). */
export interface SlotSource {
  /** The selection cell (D12 ... I13). */
  cell: string;
  /**
   * What a special choice in it does: EMRT 2.x "(Delete Cobalt)" and AMRT 1.3 "Other [specify below]" take the
   * text of `other` instead (empty when `other` is empty); AMRT 1.2 "Other [specify below]" gives #REF! (the
   * template's formula lost its reference); `null`: the choice is taken as it is.
   */
  special: null | { text: string; other: string } | { text: string; ref: true };
}

export interface StubMetal {
  /** The leftover metal the row was made for ("Gold"). */
  metal: string;
  /** Question number -> the Declaration cell its Checker row reads. */
  cells: Record<number, string>;
  /** The template's shipped value of the Q1 cell (the hidden rows are pre-filled "No"). */
  q1Default: string;
}

export type SmelterMode =
  /** CMRT, EMRT 1.x: a row with the metal in B, and some B&C that is the metal plus 1+ characters (`"Tin?*"`). */
  | 'prefix'
  /** EMRT 2.x: a row with the slot's mineral in B, and one with that mineral and a non-empty C (`IF(C="","",B)`). */
  | 'slot'
  /** CRT: the Cobalt row's own H: flagged only while Q1 is empty, Q1 or Q2 is "Yes" and no row has the metal. */
  | 'crt'
  /** AMRT: a row whose metal is the mineral and whose two `check` columns are not ISBLANK. */
  | 'amrt';

export interface CheckerProfile {
  family: Family;
  /** Answers of Q1 that make Q2 unnecessary (compared case-insensitively, untrimmed). */
  q2Unless: readonly string[];
  /**
   * Q1 and Q2 answers that make Q3 onwards unnecessary; `null`: Q3 onwards follow Q2's necessity (CRT: `=F20`).
   */
  q3Unless: null | { q1: readonly string[]; q2: readonly string[] };
  /** CMRT: Q2 counts only when Q1 is "Yes", Q3 onwards only when Q1 and Q2 are (`B = IF($B$14="Yes",D32,0)`). */
  gatedAnswers: boolean;
  /** Question numbers with a Checker row but outside the SUM (AMRT question 2: `H = IF(A="",0,G)`). */
  uncountedQuestions: readonly number[];
  /** EMRT 2.x, AMRT: the sorted, de-duplicated selection fills these slots; null for fixed metals. */
  slots: null | {
    sources: readonly SlotSource[];
    /** Slots with Checker rows (EMRT 2.x: 6 of the 10 on the Declaration). */
    checked: number;
    /** Cached helper cells holding the sorted list (Declaration AA12:AA21), used only to order CJK names as Excel did. */
    cached: readonly string[];
  };
  /** AMRT 1.3: the "Other [specify below]" names row (`COUNTIF(D12:I13,"Other...") = COUNTIF(D15:I16,"*")`). */
  otherMinerals: null | { text: string; selection: readonly string[]; names: readonly string[] };
  /** Leftover rows of metals the family no longer covers (EMRT 1.x, CRT); gated by their own Q1 being "No". */
  stubs: { metals: readonly StubMetal[]; firstGated: number; inCompanyGate: boolean };
  /** Question whose necessity (per metal) gates the company questions: `IF(SUM(F$24:F$27)=0,0,1)`. */
  companyGate: number;
  /** Company questions followed by a policy-URL comment row (LEN(comment) > 1). */
  urlComments: readonly string[];
  /** The company question whose "other format" answer is checked through its comment. */
  otherFormat: null | { id: string; keep: readonly string[]; describe: string };
  /** Company questions answered per metal/slot (EMRT question C): necessary with that metal's Q3. */
  perMetalCompanyQuestion: string | null;
  smelter: {
    mode: SmelterMode;
    /** `SmelterIdetifiedForMetal` (column B) range; AMRT: the helper column range. */
    metalRows: Rows;
    /** The B&C (or IF(C="","",B)) helper column range (AB). */
    keyRows: Rows;
    /** AMRT: the columns whose ISBLANK empties the helper (1.2: name and country; 1.3: look-up and country). */
    check?: readonly ('lookup' | 'name' | 'country')[];
    /** AMRT 1.3: these columns hold formulas in the shipped sheet (rows 5-2504), so they are not ISBLANK unless cleared. */
    formulaColumns?: readonly ('lookup' | 'name' | 'country')[];
  };
  /** The "Smelter not listed" row: `counted` (in the total, SUMPRODUCT over D/E) or not (G = SUM of a helper). */
  notListed: null | { counted: boolean; fRows: Rows; gRows: Rows };
}

const CMRT_BASE: CheckerProfile = {
  family: 'CMRT',
  q2Unless: ['No'],
  q3Unless: { q1: ['No'], q2: ['No'] },
  gatedAnswers: true,
  uncountedQuestions: [],
  slots: null,
  otherMinerals: null,
  stubs: { metals: [], firstGated: 3, inCompanyGate: false },
  companyGate: 3,
  urlComments: ['B'],
  otherFormat: null,
  perMetalCompanyQuestion: null,
  smelter: { mode: 'prefix', metalRows: [5, 2504], keyRows: [5, 2504] },
  notListed: { counted: true, fRows: [5, 2504], gRows: [5, 2504] },
};

const EMRT1_NOT = ['No', 'Unknown', 'Not applicable for this declaration'];
const EMRT2_NOT = ['No', 'Unknown', 'Not declaring'];

const EMRT_BASE: CheckerProfile = {
  family: 'EMRT',
  q2Unless: EMRT1_NOT,
  q3Unless: { q1: EMRT1_NOT, q2: EMRT1_NOT },
  gatedAnswers: false,
  uncountedQuestions: [],
  slots: null,
  otherMinerals: null,
  stubs: {
    metals: [
      { metal: 'Gold', cells: { 1: 'D28', 3: 'D40', 4: 'D46', 5: 'D52', 6: 'D58', 7: 'D64' }, q1Default: 'No' },
      { metal: 'Tungsten', cells: { 1: 'D29', 3: 'D41', 4: 'D47', 5: 'D53', 6: 'D59', 7: 'D65' }, q1Default: 'No' },
    ],
    firstGated: 3,
    inCompanyGate: false,
  },
  companyGate: 3,
  urlComments: ['A', 'B'],
  otherFormat: { id: 'E', keep: ['No', 'Yes, in conformance with IPC1755 (e.g. EMRT)'], describe: 'Yes, Using Other Format (Describe)' },
  perMetalCompanyQuestion: 'C',
  smelter: { mode: 'prefix', metalRows: [5, 2500], keyRows: [5, 2499] },
  notListed: { counted: false, fRows: null, gRows: [5, 2497] },
};

const EMRT2_SOURCES: SlotSource[] = [
  ['D12', 'D14', '(Delete Cobalt)'], ['E12', 'E14', '(Delete Copper)'], ['G12', 'G14', '(Delete Graphite)'],
  ['H12', 'H14', '(Delete)'], ['I12', 'I14', '(Delete)'], ['D13', 'D15', '(Delete Lithium)'],
  ['E13', 'E15', '(Delete Mica)'], ['G13', 'G15', '(Delete Nickel)'], ['H13', 'H15', '(Delete)'], ['I13', 'I15', '(Delete)'],
].map(([cell, other, text]) => ({ cell: cell!, special: { text: text!, other: other! } }));

const AA = ['AA12', 'AA13', 'AA14', 'AA15', 'AA16', 'AA17', 'AA18', 'AA19', 'AA20', 'AA21'];
const SELECTION = ['D12', 'E12', 'G12', 'H12', 'I12', 'D13', 'E13', 'G13', 'H13', 'I13'];
const OTHER = 'Other [specify below]';

const AMRT_BASE: CheckerProfile = {
  family: 'AMRT',
  q2Unless: EMRT2_NOT,
  q3Unless: null,
  gatedAnswers: false,
  uncountedQuestions: [2],
  slots: {
    // 1.2: D12 and E12 take "Other [specify below]" as a mineral name; the other eight lost their reference (#REF!).
    sources: SELECTION.map((cell, i) => ({ cell, special: i < 2 ? null : { text: OTHER, ref: true as const } })),
    checked: 10,
    cached: AA,
  },
  otherMinerals: null,
  stubs: { metals: [], firstGated: 2, inCompanyGate: false },
  companyGate: 2,
  urlComments: [],
  otherFormat: null,
  perMetalCompanyQuestion: null,
  smelter: { mode: 'amrt', metalRows: [5, 2504], keyRows: [5, 2504], check: ['name', 'country'] },
  notListed: null,
};

const CRT_BASE: CheckerProfile = {
  family: 'CRT',
  q2Unless: ['No', 'Unknown'],
  q3Unless: null,
  gatedAnswers: false,
  uncountedQuestions: [],
  slots: null,
  otherMinerals: null,
  stubs: {
    metals: [
      { metal: 'Tin', cells: { 1: 'D27', 2: 'D33', 3: 'D39', 4: 'D45', 5: 'D51', 6: 'D57' }, q1Default: 'No' },
      { metal: 'Gold', cells: { 1: 'D28', 2: 'D34', 3: 'D40', 4: 'D46', 5: 'D52', 6: 'D58' }, q1Default: 'No' },
      { metal: 'Tungsten', cells: { 1: 'D29', 2: 'D35', 3: 'D41', 4: 'D47', 5: 'D53', 6: 'D59' }, q1Default: 'No' },
    ],
    firstGated: 2,
    inCompanyGate: true,
  },
  companyGate: 2,
  urlComments: ['A'],
  otherFormat: { id: 'G', keep: ['No', 'Yes, CRT'], describe: 'Yes, Using Other Format (Describe)' },
  perMetalCompanyQuestion: null,
  smelter: { mode: 'crt', metalRows: [5, 2498], keyRows: [5, 2500] },
  notListed: { counted: false, fRows: null, gRows: [5, 2498] },
};

type Override = Omit<Partial<CheckerProfile>, 'family'>;

/** Per family: the base's version, then each later version as what changed from the one before. */
const PROFILES: Record<Family, { base: CheckerProfile; from: string; versions: [string, Override][] }> = {
  CMRT: {
    base: CMRT_BASE,
    from: '6.01',
    versions: [
      ['6.1', {}],
      // Whole columns for "Smelter not listed" (and INDIRECT for the product list, same result).
      ['6.22', { notListed: { counted: true, fRows: null, gRows: null } }],
      ['6.31', {}],
      ['6.4', {}],
      ['6.5', {}],
    ],
  },
  EMRT: {
    base: EMRT_BASE,
    from: '1.1',
    versions: [
      ['1.11', {}],
      // One URL row (after B), the "Smelter not listed" row counted, AB range one row longer.
      ['1.2', { urlComments: ['B'], smelter: { mode: 'prefix', metalRows: [5, 2500], keyRows: [5, 2500] }, notListed: { counted: true, fRows: null, gRows: null } }],
      ['1.3', {}],
      // Up to six selected minerals in slots; Q1 "Not declaring" gates, Q2 gates only on No/Unknown.
      ['2.0', {
        q2Unless: EMRT2_NOT,
        q3Unless: { q1: EMRT2_NOT, q2: ['No', 'Unknown'] },
        slots: { sources: EMRT2_SOURCES, checked: 6, cached: AA },
        stubs: { metals: [], firstGated: 3, inCompanyGate: false },
        urlComments: ['B'],
        otherFormat: null,
        smelter: { mode: 'slot', metalRows: [5, 2504], keyRows: [5, 2504] },
      }],
      ['2.1', { smelter: { mode: 'slot', metalRows: [5, 2497], keyRows: [5, 2497] } }],
    ],
  },
  CRT: { base: CRT_BASE, from: '2.2', versions: [] },
  AMRT: {
    base: AMRT_BASE,
    from: '1.2',
    versions: [
      ['1.3', {
        slots: { sources: SELECTION.map((cell) => ({ cell, special: { text: OTHER, other: cell.replace('12', '15').replace('13', '16') } })), checked: 10, cached: AA },
        otherMinerals: {
          text: OTHER,
          selection: ['D12', 'E12', 'F12', 'G12', 'H12', 'I12', 'D13', 'E13', 'F13', 'G13', 'H13', 'I13'],
          names: ['D15', 'E15', 'F15', 'G15', 'H15', 'I15', 'D16', 'E16', 'F16', 'G16', 'H16', 'I16'],
        },
        smelter: { mode: 'amrt', metalRows: [5, 2504], keyRows: [5, 2504], check: ['lookup', 'country'], formulaColumns: ['lookup', 'country'] },
        notListed: { counted: true, fRows: null, gRows: [5, 2504] },
      }],
    ],
  },
};

const BUILT = new Map<string, CheckerProfile>();
for (const [family, def] of Object.entries(PROFILES) as [Family, (typeof PROFILES)[Family]][]) {
  let current = def.base;
  BUILT.set(`${family} ${def.from}`, current);
  // An override replaces whole keys (each is one piece of Checker logic), never merges inside them.
  for (const [version, o] of def.versions) {
    current = { ...current, ...o };
    BUILT.set(`${family} ${version}`, current);
  }
}

/** The profile of a layout's family and version (the nearest known version not above it). */
export function profileFor(layout: Pick<TemplateLayout, 'family' | 'version'>): CheckerProfile {
  const exact = BUILT.get(`${layout.family} ${layout.version}`);
  if (exact) return exact;
  const known = [...BUILT.entries()].filter(([k]) => k.startsWith(`${layout.family} `)).map(([k, p]) => [Number(k.split(' ')[1]), p] as const).sort((a, b) => a[0] - b[0]);
  const n = Number(layout.version);
  const below = known.filter(([v]) => v <= n);
  return (below.length ? below[below.length - 1]! : known[0]!)[1];
}

/** Versions with a profile, as "CMRT 6.01". */
export function profiledVersions(): string[] {
  return [...BUILT.keys()];
}
