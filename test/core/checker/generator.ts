/**
 * Seeded random declarations for the Checker differential test: cell writes a supplier could make in a real
 * template (values typed or picked, cells cleared), per family and version. The same writes go to the TypeScript
 * path (fillTemplate -> readXlsx -> readTemplate -> runChecker) and to LibreOffice (test/oracle/lo_checker.py).
 *
 * Only literals are written; cells that hold formulas in the template (Smelter List B/C/E, ...) are typed over or
 * cleared, exactly as a user does, never left for a recalculation the TypeScript path does not make - except where
 * the template's formula shows "" both before and after (a not-listed row's country, AMRT 1.3's look-up), which is
 * itself a case to test. The pre-filled samples of some blank templates are overwritten: every required Declaration
 * input is written in every case, and AMRT 1.2's Chinese mineral selection (which Excel and LibreOffice sort
 * differently) is always replaced.
 */
import type { TemplateLayout } from '../../../src/core/layouts';
import type { Family } from '../../../src/core/model';

export interface Write {
  sheet: string;
  cell: string;
  value: string | number | null;
}

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Gen {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = rng(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  /** [value, weight] pairs. */
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of xs) {
      r -= w;
      if (r < 0) return v;
    }
    return xs[xs.length - 1]![0];
  }
}

const D = 'Declaration';
const SL = 'Smelter List';
const PL = 'Product List';

/** Odd values every "filled?" test must get right: a space, a number 0 (empty), a text "0" (filled). */
const ODD: readonly (string | number | null)[] = [null, ' ', 0, '0'];

const Q1_VALUES: Record<Family, readonly string[]> = {
  CMRT: ['Yes', 'No', 'no', 'NO', 'Unknown', 'No ', 'yes'],
  EMRT: ['Yes', 'No', 'no', 'Unknown', 'Not applicable for this declaration', 'not applicable for this declaration', 'Not declaring', 'not declaring', 'Yes'],
  CRT: ['Yes', 'No', 'no', 'Unknown', 'unknown', 'Not declaring'],
  AMRT: ['Yes', 'No', 'no', 'Unknown', 'Not declaring', 'NOT DECLARING'],
};
const LATER_VALUES = ['Yes', 'No', 'Unknown', '100%', 'Yes', 'No', 'Not declaring', 'no'];

const SCOPES: readonly (readonly [string | number | null, number])[] = [
  ['A. Company', 5], ['B. Product (or List of Products)', 4], ['b. product (or list of products)', 1],
  ["C. User defined [Specify in 'Description of scope']", 2], ['C. User defined', 1], ['a. company', 1], [null, 1], [' ', 1], [0, 1],
];

export interface GenOptions {
  layout: TemplateLayout;
  seed: number;
}

/** Values for a question answer: mostly real answers, sometimes blank or odd. */
function answer(g: Gen, values: readonly string[], fill: number): string | number | null {
  if (!g.chance(fill)) return g.weighted<string | number | null>([[null, 6], [' ', 1], [0, 1], ['0', 1]]);
  return g.pick(values);
}

/** The writes of one random case. */
export function randomWrites(opts: GenOptions): Write[] {
  const { layout } = opts;
  const g = new Gen(opts.seed);
  const d = layout.declaration;
  const family = layout.family;
  const w: Write[] = [];
  const put = (sheet: string, cell: string, value: string | number | null) => w.push({ sheet, cell, value });
  /** How complete this case is: from nearly finished to barely started. */
  const fill = g.pick([0.97, 0.85, 0.6, 0.3]);

  // Company fields
  const c = d.company;
  const text = (good: string) => (g.chance(fill) ? good : g.pick(ODD));
  put(D, c.companyName, text('Acme Metals Co.'));
  put(D, c.declarationScope, g.weighted(SCOPES));
  put(D, c.scopeDescription, g.chance(0.5) ? 'Connectors business unit' : g.pick(ODD));
  put(D, c.contactName, text('Jane Doe'));
  put(D, c.contactEmail, g.chance(fill) ? g.pick(['jane@acme.example', '@', 'JANE@ACME.EXAMPLE']) : g.pick([...ODD, 'jane.acme.example']));
  put(D, c.contactPhone, text('+1 555 0100'));
  put(D, c.authorizerName, text('John Roe'));
  put(D, c.authorizerEmail, g.chance(fill) ? 'john@acme.example' : g.pick([...ODD, 'john.acme.example']));
  put(D, c.effectiveDate, g.chance(fill) ? g.pick([45413, '2024-05-01']) : g.pick(ODD));

  // Minerals (EMRT 2.x, AMRT)
  let minerals: string[] = [...d.minerals];
  if (d.mineralSelectionCells.length) minerals = selection(g, layout, put);

  // Questions per metal or slot
  const q1v = Q1_VALUES[family];
  for (const q of d.questions) {
    for (const s of q.slots) {
      const values = q.number === 1 ? q1v : q.number === 2 && family !== 'AMRT' ? [...q1v, 'Yes', 'Yes'] : family === 'AMRT' ? ['100%', '50%', '0%', 'Yes', 'Unknown'] : LATER_VALUES;
      put(D, s.answerCell, answer(g, values, q.number <= 2 ? Math.max(fill, 0.8) : fill));
    }
  }

  // Hidden leftover rows (EMRT 1.x D28/D29, CRT D27-D29), pre-filled "No": rarely touched.
  if ((family === 'EMRT' && !d.mineralSelectionCells.length) || family === 'CRT') {
    const stubs = family === 'CRT' ? ['D27', 'D28', 'D29'] : ['D28', 'D29'];
    for (const cell of stubs) if (g.chance(0.08)) put(D, cell, g.pick([null, 'Yes', 'Unknown', 'no']));
  }

  // Company questions
  for (const q of d.companyQuestions) {
    const otherFormat = (family === 'EMRT' && !d.mineralSelectionCells.length && q.id === 'E') || (family === 'CRT' && q.id === 'G');
    if (otherFormat) {
      const keep = family === 'CRT' ? 'Yes, CRT' : 'Yes, in conformance with IPC1755 (e.g. EMRT)';
      put(D, q.answerCell, g.chance(fill) ? g.pick(['No', keep, 'Yes, Using Other Format (Describe)', 'yes, using other format (describe)', 'Yes']) : g.pick(ODD));
      put(D, q.commentCell, g.pick([null, null, 'Our own questionnaire', ' ']));
      continue;
    }
    put(D, q.answerCell, g.chance(fill) ? g.pick(['Yes', 'No', 'Yes', 'yes']) : g.pick(ODD));
    if (q.topic === 'policy-public' || (family === 'CRT' && q.id === 'A') || (family === 'EMRT' && q.id === 'A')) {
      put(D, q.commentCell, g.chance(fill) ? g.pick(['https://acme.example/policy', 'x', 'ab']) : g.pick([null, ' ', 'x']));
    }
  }

  // Product List: B6 is what the Checker reads
  const pl = g.pick(['none', 'b6', 'b6', 'space', 'zero', 'b7only', 'both'] as const);
  put(PL, 'B6', pl === 'b6' || pl === 'both' ? 'P-100' : pl === 'space' ? ' ' : pl === 'zero' ? 0 : null);
  if (pl === 'b7only' || pl === 'both') put(PL, 'B7', 'P-200');

  smelters(g, layout, minerals, put);
  return w;
}

/** EMRT 2.x / AMRT mineral selection; returns the minerals selected (for smelter rows). */
function selection(g: Gen, layout: TemplateLayout, put: (s: string, c: string, v: string | number | null) => void): string[] {
  const d = layout.declaration;
  const picked: string[] = [];
  if (layout.family === 'EMRT') {
    // EMRT 2.x: each of the six cells offers its own mineral and "(Delete Mineral)".
    d.mineralSelectionCells.forEach((cell, i) => {
      const own = d.minerals[i]!;
      const v = g.weighted<string | null>([[own, 6], [null, 2], [`(Delete ${own})`, 2], [own.toLowerCase(), 1], [g.pick(d.minerals), 1]]);
      put(D, cell, v);
      if (v && !v.startsWith('(')) picked.push(v);
    });
    if (g.chance(0.1)) put(D, g.pick(['D14', 'E14', 'D15']), g.pick(['Tellurium', 'Cobalt']));
  } else if (layout.version === '1.2') {
    // AMRT 1.2: free text; "Other [specify below]" breaks the template (#REF!): targeted cases only.
    const names = ['Aluminum', 'Copper', 'Lithium', 'Nickel', 'Silver', 'Zinc', 'Chromium', 'Tellurium', 'aluminum'];
    const n = g.weighted([[0, 1], [1, 3], [2, 3], [3, 2], [5, 1]]);
    d.mineralSelectionCells.forEach((cell, i) => {
      const v = i < n ? g.pick(names) : null;
      put(D, cell, v);
      if (v) picked.push(v);
    });
  } else {
    // AMRT 1.3: dropdown of twelve minerals and "Other [specify below]" with the name in the cell three rows down.
    const n = g.weighted([[0, 1], [1, 3], [2, 3], [4, 2], [7, 1]]);
    d.mineralSelectionCells.forEach((cell, i) => {
      const other = d.otherMineralCells[i]!;
      if (i >= n) {
        put(D, cell, null);
        put(D, other, g.chance(0.05) ? 'Stray name' : null);
        return;
      }
      const v = g.weighted<string>([[g.pick(d.minerals), 8], ['Other [specify below]', 2], [g.pick(d.minerals).toLowerCase(), 1]]);
      put(D, cell, v);
      if (v === 'Other [specify below]') {
        const name = g.weighted<string | null>([['Tellurium', 3], ['Bismuth', 2], [null, 1], [' ', 1]]);
        put(D, other, name);
        if (name && name.trim()) picked.push(name);
      } else {
        put(D, other, g.chance(0.05) ? 'Stray name' : null);
        picked.push(v);
      }
    });
  }
  return picked;
}

/** Smelter List rows: metal only, metal + look-up, "Smelter not listed" with or without name/country, look-up only. */
function smelters(g: Gen, layout: TemplateLayout, minerals: string[], put: (s: string, c: string, v: string | number | null) => void): void {
  const cols = layout.smelterList.columns;
  const amrt12 = layout.family === 'AMRT' && layout.version === '1.2';
  const amrt13 = layout.family === 'AMRT' && layout.version === '1.3';
  const n = g.weighted([[0, 2], [1, 3], [2, 3], [4, 2], [6, 1]]);
  const pool = minerals.length ? minerals : layout.declaration.minerals;
  for (let i = 0; i < n; i++) {
    const r = 5 + i;
    const base = g.chance(0.9) ? g.pick(pool) : g.pick([...layout.declaration.minerals, 'Tin', 'Copper']);
    const metal = g.weighted<string | null>([[base, 12], [base.toLowerCase(), 2], [` ${base}`, 1], [null, 1]]);
    if (amrt12) {
      // A metal, B name, C country: plain inputs
      put(SL, `${cols.metal}${r}`, metal);
      put(SL, `${cols.name}${r}`, g.weighted<string | null>([['Some Smelter', 6], [null, 3], [' ', 1]]));
      put(SL, `${cols.country}${r}`, g.weighted<string | null>([['CHINA', 6], [null, 3], [' ', 1]]));
      continue;
    }
    const kind = g.weighted([['listed', 6], ['metal-only', 2], ['not-listed', 4], ['lookup-only', 1]] as const);
    if (kind !== 'lookup-only') put(SL, `${cols.metal}${r}`, metal);
    else put(SL, `${cols.metal}${r}`, null);
    if (kind === 'listed' || kind === 'lookup-only') {
      put(SL, `${cols.lookup}${r}`, g.weighted<string>([['Some Smelter Ltd', 6], [' ', 1], ['x', 1]]));
      if (g.chance(0.3)) put(SL, `${cols.name}${r}`, 'Some Smelter Ltd');
      if (amrt13 && g.chance(0.3)) put(SL, `${cols.country}${r}`, g.pick([null, 'CHINA']));
    } else if (kind === 'metal-only') {
      // the look-up formula (showing "") left in place, or the cell cleared
      if (g.chance(0.5)) put(SL, `${cols.lookup}${r}`, null);
      if (amrt13 && g.chance(0.3)) put(SL, `${cols.country}${r}`, null);
    } else {
      put(SL, `${cols.lookup}${r}`, g.weighted<string>([['Smelter not listed', 6], ['smelter NOT listed', 1]]));
      put(SL, `${cols.name}${r}`, g.weighted<string | null>([['Foo Smelting', 5], [null, 3], [' ', 1]]));
      // the country is a formula showing "" on a not-listed row: typed over, cleared, or left
      const country = g.weighted<string | null | 'leave'>([['CHINA', 5], [null, 2], ['leave', 2], [' ', 1]]);
      if (country !== 'leave') put(SL, `${cols.country}${r}`, country);
    }
  }
}
