/**
 * Hand-built Declarations for rule tests: a declaration with chosen answers and Smelter List rows, a look-up built
 * from the shipped look-up history (real RMI names, IDs and countries), and a rule context around them.
 */
import type { Declaration, Family, Field, LookupEntry, LookupKind, SmelterRow } from '../../src/core/model';
import type { TemplateLayout } from '../../src/core/layouts/types';
import { chooseLayout, newestVersion } from '../../src/core/layouts';
import type { RuleContext } from '../../src/core/rules/rule';
import { createReviewReference, type ReviewReference } from '../../src/core/reference';
import { historyIndex, type HistoryEntry } from '../../src/core/reference/history';

export const FAMILY_METALS: Record<Family, string[]> = {
  CMRT: ['Tantalum', 'Tin', 'Gold', 'Tungsten'],
  EMRT: ['Cobalt', 'Copper', 'Graphite', 'Lithium', 'Mica', 'Nickel'],
  CRT: ['Cobalt'],
  AMRT: ['Aluminum', 'Silver', 'Zinc'],
};

export function field(value: string | null, cell = 'D1', sheet = 'Declaration'): Field {
  return { value, raw: value, sheet, cell };
}

/** A Smelter List row; `lookupKind` follows from column C unless given. */
export type RowInput = Partial<Omit<SmelterRow, 'row'>> & { row?: number };

export function kindOf(r: RowInput): LookupKind {
  const c = (r.lookup ?? '').trim().toLowerCase();
  if (c === 'smelter not listed') return 'not-listed';
  if (c === 'smelter not yet identified') return 'not-yet-identified';
  if (c) return 'listed';
  return r.typedId || r.id || r.name || r.metal ? 'listed' : 'empty';
}

export function smelterRow(r: RowInput, row: number): SmelterRow {
  return {
    row: r.row ?? row,
    metal: r.metal ?? null, lookup: r.lookup ?? null, lookupKind: r.lookupKind ?? kindOf(r), name: r.name ?? null,
    country: r.country ?? null, id: r.id ?? null, typedId: r.typedId ?? null, source: r.source ?? null,
    street: r.street ?? null, city: r.city ?? null, state: r.state ?? null, contactName: null, contactEmail: null,
    nextSteps: null, mineName: null, mineCountry: null, recycled: null, comments: null,
  };
}

function history(id: string): HistoryEntry {
  const e = historyIndex().byId.get(id)?.[0];
  if (!e) throw new Error(`${id} is not in the shipped history`);
  return e;
}

/** A row as the template fills it after choosing this smelter in the dropdowns (or typing its ID). */
export function listed(id: string, extra: RowInput = {}): RowInput {
  const e = history(id);
  return { metal: e.metal, lookup: e.standardName, country: e.country, id, state: e.state || null, city: null, source: 'RMI', ...extra };
}

export function notListed(metal: string, name: string | null, country: string | null, extra: RowInput = {}): RowInput {
  return { metal, lookup: 'Smelter not listed', name, country, ...extra };
}

export function notYetIdentified(metal: string): RowInput {
  return { metal, lookup: 'Smelter not yet identified' };
}

export interface DeclarationInput {
  family?: Family;
  version?: string;
  /** Minerals in scope; defaults to the family's metals. */
  scope?: string[];
  /** metal -> question number -> answer text */
  answers?: Record<string, Record<number, string>>;
  smelters?: RowInput[];
}

/** Question topics per family, as the reader reports them (MetalAnswers.topics). */
export const FAMILY_TOPICS: Record<Family, Record<number, string>> = {
  CMRT: { 1: 'intentional', 2: 'remains', 3: 'covered-countries', 4: 'cahra', 5: 'recycled', 6: 'response-rate', 7: 'all-identified', 8: 'all-reported' },
  EMRT: { 1: 'intentional', 2: 'remains', 3: 'cahra', 4: 'recycled', 5: 'response-rate', 6: 'all-identified', 7: 'all-reported' },
  CRT: { 1: 'intentional', 2: 'cahra', 3: 'recycled', 4: 'response-rate', 5: 'all-identified', 6: 'all-reported' },
  AMRT: { 1: 'intentional', 2: 'response-rate' },
};

export function makeDeclaration(input: DeclarationInput = {}): Declaration {
  const family = input.family ?? 'CMRT';
  const version = input.version ?? newestVersion(family) ?? '0';
  const metals = FAMILY_METALS[family];
  const empty = field(null);
  const answers = (input.scope ?? metals).map((metal, i) => ({
    metal,
    topics: { ...FAMILY_TOPICS[family] },
    answers: Object.fromEntries(Object.entries(input.answers?.[metal] ?? {}).map(([n, v]) => [Number(n), field(v, `D${20 + Number(n) * 6 + i}`)])),
    comments: {},
  }));
  return {
    template: { family, version, versionText: `Revision ${version}`, releaseDate: null, language: 'English', layoutVersion: version },
    company: {
      companyName: empty, scope: 'company', declarationScope: empty, scopeDescription: empty, companyId: empty, companyIdAuthority: empty,
      address: empty, contactName: empty, contactEmail: empty, contactPhone: empty, authorizerName: empty, authorizerTitle: empty,
      authorizerEmail: empty, authorizerPhone: empty, effectiveDate: empty,
    },
    mineralsInScope: input.scope ?? [...metals],
    answers,
    companyQuestions: [],
    smelters: (input.smelters ?? []).map((r, i) => smelterRow(r, 5 + i)),
    products: [],
    mines: [],
    notes: [],
  };
}

const lookupCache = new Map<string, LookupEntry[]>();

/**
 * A Smelter Look-up like the template's: every ID its family's newest template lists (standard name and aliases),
 * plus the two pseudo-entries per metal. Memoised per family so that the look-up index is shared across tests.
 */
export function lookupFor(family: Family = 'CMRT'): LookupEntry[] {
  const hit = lookupCache.get(family);
  if (hit) return hit;
  const out: LookupEntry[] = [];
  let row = 5;
  const metals = new Set<string>();
  for (const entries of historyIndex().byId.values()) {
    for (const e of entries) {
      if (e.family !== family || !e.inLatest) continue;
      metals.add(e.metal);
      for (const name of [e.standardName, ...e.aliases]) {
        out.push({ row: row++, metal: e.metal, lookupName: name, standardName: e.standardName, country: e.country, id: e.id, source: 'RMI', street: null, city: null, state: e.state || null });
      }
    }
  }
  for (const metal of metals) {
    for (const pseudo of ['Smelter not listed', 'Smelter not yet identified']) {
      out.push({ row: row++, metal, lookupName: pseudo, standardName: pseudo, country: '', id: '', source: null, street: null, city: null, state: null });
    }
  }
  lookupCache.set(family, out);
  return out;
}

/** The real layout of a family's version (newest when the version is not given). */
export function makeLayout(family: Family = 'CMRT', version?: string): TemplateLayout {
  const choice = chooseLayout(family, version ?? newestVersion(family) ?? '0');
  if (!choice) throw new Error(`No layout for ${family} ${version ?? ''}`);
  return choice.layout;
}

export interface ContextInput extends DeclarationInput {
  declaration?: Declaration;
  lookup?: LookupEntry[];
  reference?: Partial<ReviewReference>;
  now?: Date;
}

export function makeContext(input: ContextInput = {}): RuleContext<ReviewReference> {
  const family = input.declaration?.template.family ?? input.family ?? 'CMRT';
  const version = input.declaration?.template.version ?? input.version;
  return {
    declaration: input.declaration ?? makeDeclaration(input),
    lookup: input.lookup ?? lookupFor(family),
    layout: makeLayout(family, version),
    role: 'buyer',
    now: input.now ?? new Date('2026-07-01T00:00:00Z'),
    extra: createReviewReference(input.reference),
  };
}
