/**
 * Indices over what is known about RMI smelter IDs, built once and memoised:
 *  - `lookupIndex(lookup)`: the template's own Smelter Look-up (by ID, by metal + look-up name), one per array;
 *  - `smelterIndex(lookup, facilityList)`: that look-up merged with the shipped history and the imported facility
 *    list (ID -> metal, names, country), plus per-metal candidate lists for fuzzy name suggestions.
 */
import type { LookupEntry } from '../model';
import { nameSimilarity, prepareName, tokenSimilarity, TokenWeights, type PreparedName } from './fuzzy';
import { historyIndex, type HistoryEntry } from './history';
import { metalKey, normaliseSmelterName } from './names';
import type { FacilityStatus, ImportedFacilityList } from './types';

export const NOT_LISTED = 'smelter not listed';
export const NOT_YET_IDENTIFIED = 'smelter not yet identified';
export const ID_PATTERN = /^CID\d{6}$/;

export interface LookupIndex {
  entries: readonly LookupEntry[];
  byId: Map<string, LookupEntry[]>;
  /** metalKey + "\u0000" + look-up name in lower case (Excel's MATCH ignores case) -> entry */
  byMetalName: Map<string, LookupEntry>;
  /** metalKey -> exact look-up name -> entry (the common case, without building a key) */
  exactByMetal: Map<string, Map<string, LookupEntry>>;
  /** metalKey + "\u0000" + look-up name with spaces collapsed, lower case -> entry */
  byMetalNameLoose: Map<string, LookupEntry>;
  /** metalKey -> look-up names (real smelters only) */
  namesByMetal: Map<string, LookupEntry[]>;
  metals: Set<string>;
}

const lookupCache = new WeakMap<readonly LookupEntry[], LookupIndex>();

export const nameKey = (metal: string | null | undefined, name: string): string => `${metalKey(metal)}\u0000${name.toLowerCase()}`;
/** nameKey for an already normalised metal key. */
export const nameKeyOf = (mk: string, name: string): string => `${mk}\u0000${name.toLowerCase()}`;
export const looseNameKey = (metal: string | null | undefined, name: string): string =>
  `${metalKey(metal)}\u0000${name.replace(/\s+/g, ' ').trim().toLowerCase()}`;

/** The look-up entry a metal + look-up name pair resolves to, as Excel's MATCH does (case-insensitive). */
export function findLookupEntry(idx: LookupIndex, mk: string, name: string): LookupEntry | undefined {
  return idx.exactByMetal.get(mk)?.get(name) ?? idx.byMetalName.get(nameKeyOf(mk, name));
}

export function isPseudoName(name: string | null | undefined): boolean {
  const k = (name ?? '').trim().toLowerCase();
  return k === NOT_LISTED || k === NOT_YET_IDENTIFIED;
}

export function lookupIndex(lookup: readonly LookupEntry[]): LookupIndex {
  const cached = lookupCache.get(lookup);
  if (cached) return cached;
  const idx: LookupIndex = { entries: lookup, byId: new Map(), byMetalName: new Map(), exactByMetal: new Map(), byMetalNameLoose: new Map(), namesByMetal: new Map(), metals: new Set() };
  for (const e of lookup) {
    const mk = metalKey(e.metal);
    if (!mk) continue;
    idx.metals.add(mk);
    const k = nameKey(e.metal, e.lookupName);
    if (!idx.byMetalName.has(k)) idx.byMetalName.set(k, e);
    let exact = idx.exactByMetal.get(mk);
    if (!exact) idx.exactByMetal.set(mk, (exact = new Map()));
    if (!exact.has(e.lookupName)) exact.set(e.lookupName, e);
    const lk = looseNameKey(e.metal, e.lookupName);
    if (!idx.byMetalNameLoose.has(lk)) idx.byMetalNameLoose.set(lk, e);
    if (isPseudoName(e.lookupName)) continue;
    const id = (e.id ?? '').trim();
    if (id) {
      const list = idx.byId.get(id);
      if (list) list.push(e);
      else idx.byId.set(id, [e]);
    }
    const names = idx.namesByMetal.get(mk);
    if (names) names.push(e);
    else idx.namesByMetal.set(mk, [e]);
  }
  lookupCache.set(lookup, idx);
  return idx;
}

/** What is known about one RMI ID, from the template's look-up, the shipped history and the facility list. */
export interface KnownSmelter {
  id: string;
  metal: string;
  standardName: string;
  country: string;
  state: string | null;
  /** Standard name and aliases, de-duplicated. */
  names: string[];
  /** Where it is known from, most specific first. */
  sources: ('template' | 'history' | 'facility-list')[];
  inTemplate: boolean;
  history: HistoryEntry[];
  facility: FacilityStatus | null;
}

export interface Candidate {
  id: string;
  name: string;
  country: string;
  prepared: PreparedName;
}

export interface Suggestion {
  id: string;
  name: string;
  country: string;
  /** 0..1, rounded to two decimals. */
  score: number;
}

export interface SmelterIndex {
  lookup: LookupIndex;
  known: Map<string, KnownSmelter>;
  /** IDs of the metal's smelters having this name or alias, compared without case, punctuation or legal forms. */
  idsWithName(metal: string | null, name: string): string[];
  /** Fuzzy suggestions for a name among the smelters of a metal (memoised per metal + name). */
  suggest(metal: string | null, name: string, limit?: number, minScore?: number): Suggestion[];
}

const NO_LIST = {};
const smelterCache = new WeakMap<readonly LookupEntry[], WeakMap<object, SmelterIndex>>();

export function smelterIndex(lookup: readonly LookupEntry[], facilityList: ImportedFacilityList | null): SmelterIndex {
  let byList = smelterCache.get(lookup);
  if (!byList) smelterCache.set(lookup, (byList = new WeakMap()));
  const key = facilityList ?? NO_LIST;
  const cached = byList.get(key);
  if (cached) return cached;
  const built = buildSmelterIndex(lookup, facilityList);
  byList.set(key, built);
  return built;
}

function addName(k: KnownSmelter, name: string | null | undefined): void {
  const n = (name ?? '').trim();
  if (n && !k.names.includes(n)) k.names.push(n);
}

function buildSmelterIndex(lookup: readonly LookupEntry[], facilityList: ImportedFacilityList | null): SmelterIndex {
  const li = lookupIndex(lookup);
  const hist = historyIndex();
  const known = new Map<string, KnownSmelter>();
  for (const [id, entries] of li.byId) {
    const std = entries.find((e) => e.lookupName === e.standardName) ?? entries[0]!;
    const k: KnownSmelter = {
      id, metal: std.metal, standardName: std.standardName || std.lookupName, country: std.country, state: std.state ?? null,
      names: [], sources: ['template'], inTemplate: true, history: [], facility: null,
    };
    addName(k, k.standardName);
    for (const e of entries) addName(k, e.lookupName);
    known.set(id, k);
  }
  for (const [id, entries] of hist.byId) {
    let k = known.get(id);
    if (!k) {
      const newest = entries.find((e) => e.inLatest) ?? entries[entries.length - 1]!;
      k = { id, metal: newest.metal, standardName: newest.standardName, country: newest.country, state: newest.state || null, names: [], sources: [], inTemplate: false, history: [], facility: null };
      known.set(id, k);
    }
    k.sources.push('history');
    k.history = entries;
    for (const e of entries) {
      addName(k, e.standardName);
      for (const a of e.aliases) addName(k, a);
    }
  }
  if (facilityList) {
    for (const [id, f] of facilityList.entries) {
      let k = known.get(id);
      if (!k) {
        k = { id, metal: f.metal, standardName: f.standardName, country: f.country, state: f.state ?? null, names: [], sources: [], inTemplate: false, history: [], facility: null };
        known.set(id, k);
      }
      k.sources.push('facility-list');
      k.facility = f;
      addName(k, f.standardName);
    }
  }

  // Per-metal name data, built on first use: candidates for suggestions, token weights, exact-name index.
  interface MetalData {
    candidates: Candidate[];
    weights: TokenWeights;
    /** Distinct tokens by length (index = length), to compare a query token only with tokens of similar length. */
    vocabulary: string[][];
    /** Distinct tokens, sorted, to find the tokens a query token is a prefix of. */
    sorted: string[];
    /** token -> indices of the candidates having it */
    postings: Map<string, number[]>;
    idsByName: Map<string, string[]>;
  }
  const byMetal = new Map<string, KnownSmelter[]>();
  for (const k of known.values()) {
    const mk = metalKey(k.metal);
    const list = byMetal.get(mk);
    if (list) list.push(k);
    else byMetal.set(mk, [k]);
  }
  const metalData = new Map<string, MetalData>();
  const dataFor = (mk: string): MetalData => {
    const hit = metalData.get(mk);
    if (hit) return hit;
    const d: MetalData = { candidates: [], weights: new TokenWeights(), vocabulary: [], sorted: [], postings: new Map(), idsByName: new Map() };
    for (const k of byMetal.get(mk) ?? []) {
      const seen = new Set<string>();
      for (const name of k.names) {
        const prepared = prepareName(name);
        if (!prepared.joined || seen.has(prepared.joined)) continue;
        seen.add(prepared.joined);
        const at = d.candidates.length;
        d.candidates.push({ id: k.id, name, country: k.country, prepared });
        d.weights.add(prepared.tokens);
        for (const t of new Set(prepared.tokens)) {
          const p = d.postings.get(t);
          if (p) p.push(at);
          else d.postings.set(t, [at]);
        }
        const nk = prepared.tokens.join(' ');
        const ids = d.idsByName.get(nk);
        if (!ids) d.idsByName.set(nk, [k.id]);
        else if (!ids.includes(k.id)) ids.push(k.id);
      }
    }
    for (const t of d.postings.keys()) (d.vocabulary[t.length] ??= []).push(t);
    d.sorted = [...d.postings.keys()].sort();
    metalData.set(mk, d);
    return d;
  };

  const idsWithName = (metal: string | null, name: string): string[] => dataFor(metalKey(metal)).idsByName.get(normaliseSmelterName(name)) ?? [];

  const memo = new Map<string, Suggestion[]>();
  const suggest = (metal: string | null, name: string, limit = 3, minScore = 0.5): Suggestion[] => {
    const mk0 = metalKey(metal);
    const memoKey = `${mk0}\u0000${name}\u0000${limit}\u0000${minScore}`;
    const hit = memo.get(memoKey);
    if (hit) return hit;
    const q = prepareName(name);
    const metals = mk0 ? [mk0] : [...byMetal.keys()];
    const best = new Map<string, { c: Candidate; score: number }>();
    for (const mk of metals) {
      const d = dataFor(mk);
      // Similarity of each query token to each token of the metal's vocabulary, computed once per query.
      const table = new Map<string, Map<string, number>>();
      for (const qt of q.tokens) {
        if (table.has(qt)) continue;
        const row = new Map<string, number>();
        // Tokens more than 25% longer or shorter cannot reach the 0.75 token similarity; only prefixes (4+ letters)
        // can, found by binary search in the sorted vocabulary and by looking up the query token's own prefixes.
        const len = qt.length;
        const slack = (l: number): number => Math.floor(Math.max(l, len) * 0.25);
        for (let l = Math.max(1, len - slack(len)); l <= len + slack(len + Math.ceil(len / 3)) && l < d.vocabulary.length; l++) {
          const bucket = d.vocabulary[l];
          if (!bucket || Math.abs(l - len) > slack(l)) continue;
          for (const v of bucket) {
            const sim = tokenSimilarity(qt, v);
            if (sim > 0) row.set(v, sim);
          }
        }
        if (len >= 4) {
          let lo = 0;
          let hi = d.sorted.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (d.sorted[mid]! < qt) lo = mid + 1;
            else hi = mid;
          }
          for (let i = lo; i < d.sorted.length && d.sorted[i]!.startsWith(qt); i++) {
            const v = d.sorted[i]!;
            if (!row.has(v)) row.set(v, tokenSimilarity(qt, v));
          }
          for (let l = 4; l < len; l++) {
            const v = qt.slice(0, l);
            if (d.postings.has(v) && !row.has(v)) row.set(v, tokenSimilarity(qt, v));
          }
        }
        table.set(qt, row);
      }
      const sim = (qt: string, t: string): number => table.get(qt)?.get(t) ?? 0;
      // Only candidates sharing a similar token can score (a split or joined word still shares a prefix token).
      const pool = new Set<number>();
      for (const row of table.values()) for (const v of row.keys()) for (const i of d.postings.get(v) ?? []) pool.add(i);
      for (const i of pool) {
        const c = d.candidates[i]!;
        const score = nameSimilarity(q, c.prepared, d.weights, sim);
        if (score < minScore) continue;
        const prev = best.get(c.id);
        if (!prev || score > prev.score) best.set(c.id, { c, score });
      }
    }
    const out = [...best.values()]
      .sort((x, y) => y.score - x.score || x.c.id.localeCompare(y.c.id))
      .slice(0, limit)
      .map(({ c, score }) => {
        const k = known.get(c.id)!;
        return { id: c.id, name: k.standardName || c.name, country: k.country, score: Math.round(score * 100) / 100 };
      });
    memo.set(memoKey, out);
    return out;
  };

  return { lookup: li, known, idsWithName, suggest };
}
