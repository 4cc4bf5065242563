/**
 * Text normalisation for comparing smelter names, countries and regions: accents folded, case and punctuation
 * ignored, and (for smelter names) legal-form words such as "Co., Ltd.", "S.A.", "GmbH" dropped. Pure functions.
 */

const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DQUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

const NON_ASCII = /[^\x00-\x7f]/;

/** Folds accents and case, turns "&" into "and", and reduces every run of other symbols to one space. */
export function normaliseText(value: string | null | undefined): string {
  if (!value) return '';
  if (!NON_ASCII.test(value)) {
    // Fast path for plain ASCII (most names).
    return value.toLowerCase().replace(/&/g, ' and ').replace(/['`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  }
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(QUOTES, "'")
    .replace(DQUOTES, '"')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Legal-form and filler words dropped from smelter names before comparing them. */
const LEGAL_WORDS: ReadonlySet<string> = new Set([
  'co', 'company', 'companies', 'ltd', 'ltda', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'llc', 'llp',
  'lp', 'plc', 'sa', 'sas', 'sasu', 'sarl', 'sarlu', 'sprl', 'srl', 'spa', 'sl', 'sau', 'sab', 'cv', 'gmbh', 'ag',
  'kg', 'mbh', 'bv', 'nv', 'ab', 'oy', 'oyj', 'kk', 'pte', 'pty', 'pvt', 'private', 'pt', 'tbk', 'sdn', 'bhd',
  'jsc', 'ojsc', 'cjsc', 'pjsc', 'oao', 'zao', 'ooo', 'ao', 'pao', 'the', 'group', 'holding', 'holdings',
]);

/** Multi-word legal forms, matched on whole tokens after single letters are joined ("s a de c v" -> "sa de cv"). */
const LEGAL_PHRASES: readonly string[][] = [
  ['joint', 'stock', 'company'],
  ['sa', 'de', 'cv'],
  ['sab', 'de', 'cv'],
  ['de', 'cv'],
  ['public', 'company'],
];

/** Joins runs of single-letter tokens: "s a" -> "sa", "a l m t" -> "almt" (from "S.A.", "A.L.M.T."). */
function joinInitials(tokens: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const t of tokens) {
    if (t.length === 1 && /\p{L}/u.test(t)) {
      run += t;
      continue;
    }
    if (run) {
      out.push(run);
      run = '';
    }
    out.push(t);
  }
  if (run) out.push(run);
  return out;
}

function dropPhrases(tokens: string[]): string[] {
  let out = tokens;
  for (const phrase of LEGAL_PHRASES) {
    const next: string[] = [];
    for (let i = 0; i < out.length; i++) {
      let match = i + phrase.length <= out.length;
      for (let j = 0; match && j < phrase.length; j++) if (out[i + j] !== phrase[j]) match = false;
      if (match) i += phrase.length - 1;
      else next.push(out[i]!);
    }
    out = next;
  }
  return out;
}

/** A small memo for pure string functions: cleared when full (names repeat within and across reviews). */
function memoise<T>(fn: (s: string) => T, max = 5000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (cache.size >= max) cache.clear();
      cache.set(s, v);
    }
    return v;
  };
}

const tokensMemo = memoise(computeTokens);

/**
 * Tokens of a smelter name without legal-form words; falls back to all tokens when nothing else is left.
 * The array is shared between calls: do not modify it.
 */
export function smelterNameTokens(value: string | null | undefined): string[] {
  return value ? tokensMemo(value) : [];
}

function computeTokens(value: string): string[] {
  const text = normaliseText(value);
  if (!text) return [];
  const tokens = joinInitials(text.split(' '));
  const kept = dropPhrases(tokens).filter((t) => !LEGAL_WORDS.has(t));
  return kept.length > 0 ? kept : tokens;
}

const nameMemo = memoise((s: string) => smelterNameTokens(s).join(' '));

/** Comparable form of a smelter name: "Aida Chemical Industries Co., Ltd." -> "aida chemical industries". */
export function normaliseSmelterName(value: string | null | undefined): string {
  return value ? nameMemo(value) : '';
}

const metalKeys = new Map<string, string>();

/** Comparable key for a metal name: trimmed, lower case ("Tin " -> "tin"). */
export function metalKey(metal: string | null | undefined): string {
  if (!metal) return '';
  let k = metalKeys.get(metal);
  if (k === undefined) {
    k = metal.trim().toLowerCase();
    if (metalKeys.size < 256) metalKeys.set(metal, k);
  }
  return k;
}

/** Comparable form of a state, province or region name ("Haut-Katanga" and "HAUT KATANGA" agree). */
export function normaliseRegion(value: string | null | undefined): string {
  return normaliseText(value)
    .replace(/\b(province|prov|state|region|oblast|oblast'|prefecture|department|departement|district|governorate|sheng)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
