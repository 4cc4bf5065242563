/**
 * Fuzzy matching of smelter names: token-based (each token matched to its closest counterpart by edit distance,
 * tokens weighted by rarity in the corpus so that "Mining" or "Refinery" count less than "Kundur"), combined with
 * an edit-distance score over the whole name. Legal-form words are dropped first (see names.ts).
 */
import { smelterNameTokens } from './names';

let row0 = new Int32Array(64);
let row1 = new Int32Array(64);

/** Levenshtein distance; stops early and returns `max + 1` once the distance must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (row0.length <= lb) {
    row0 = new Int32Array(lb + 1);
    row1 = new Int32Array(lb + 1);
  }
  let prev = row0;
  let cur = row1;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

/** 1 - distance / longer length, in [0, 1]. */
export function stringSimilarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 1;
  return 1 - editDistance(a, b) / n;
}

/** Similarity of two tokens; 0 below 0.75 (too different to be a misspelling), 0.9 for a prefix of 4+ letters. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const short = a.length < b.length ? a : b;
  const long = a.length < b.length ? b : a;
  if (short.length >= 4 && long.startsWith(short)) return 0.9;
  const n = long.length;
  const max = Math.floor(n * 0.25);
  if (long.length - short.length > max) return 0;
  const d = editDistance(a, b, max);
  if (d > max) return 0;
  return 1 - d / n;
}

export interface PreparedName {
  tokens: string[];
  /** Tokens joined without spaces, for the whole-name score. */
  joined: string;
}

export function prepareName(name: string): PreparedName {
  const tokens = smelterNameTokens(name);
  return { tokens, joined: tokens.join('') };
}

/** Token weights: rarer tokens weigh more (smoothed inverse document frequency). */
export class TokenWeights {
  private readonly df = new Map<string, number>();
  private readonly cache = new Map<string, number>();
  private docs = 0;
  add(tokens: readonly string[]): void {
    this.docs++;
    this.cache.clear();
    for (const t of new Set(tokens)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }
  weight(token: string): number {
    let w = this.cache.get(token);
    if (w === undefined) {
      w = Math.log((this.docs + 1) / ((this.df.get(token) ?? 0) + 1)) + 1;
      this.cache.set(token, w);
    }
    return w;
  }
}

/** [weighted matched, weighted total, tokens matched] of a's tokens in b. */
export type TokenSim = (a: string, b: string) => number;

function directed(a: readonly string[], b: readonly string[], w: (t: string) => number, sim: TokenSim): [number, number, number] {
  let got = 0;
  let total = 0;
  let matched = 0;
  for (const t of a) {
    const wt = w(t);
    total += wt;
    let best = 0;
    for (const u of b) {
      const s = sim(t, u);
      if (s > best) best = s;
      if (best === 1) break;
    }
    got += wt * best;
    if (best > 0) matched++;
  }
  return [got, total, matched];
}

/**
 * Similarity of two prepared names in [0, 1]: the larger of a weighted soft token overlap (Dice-like, both
 * directions) and, when close (0.85+), the edit-distance similarity of the whole names. A name wholly contained in the other scores
 * 0.6-0.9, by the share of the other name's weight it carries.
 */
export function nameSimilarity(a: PreparedName, b: PreparedName, weights?: TokenWeights, sim: TokenSim = tokenSimilarity): number {
  if (a.joined === b.joined) return a.joined ? 1 : 0;
  if (!a.tokens.length || !b.tokens.length) return 0;
  const w = weights ? (t: string) => weights.weight(t) : () => 1;
  const [ab, ta, na] = directed(a.tokens, b.tokens, w, sim);
  const [ba, tb, nb] = directed(b.tokens, a.tokens, w, (x, y) => sim(y, x));
  const token = (ab + ba) / (ta + tb);
  let score = token;
  // Whole-name edit similarity catches split or joined words ("Yunnan Tin" / "YunnanTin"); below 0.85 it mostly
  // reflects shared generic endings ("...refinery") and is ignored.
  const longest = Math.max(a.joined.length, b.joined.length);
  const maxEdits = Math.floor(longest * 0.15);
  if (Math.abs(a.joined.length - b.joined.length) <= maxEdits) {
    const d = editDistance(a.joined, b.joined, maxEdits);
    if (d <= maxEdits) score = Math.max(score, 1 - d / longest);
  }
  // Containment: every token of the lighter name found in the other (e.g. "Krastsvetmet" in the long look-up
  // name): scored by how much of the other name's weight it carries.
  const [shortCov, shortTotal, longTotal, allMatched] = ta <= tb ? [ab, ta, tb, na === a.tokens.length] : [ba, tb, ta, nb === b.tokens.length];
  if (allMatched && shortTotal > 0 && shortCov / shortTotal >= 0.9) {
    score = Math.max(score, (0.6 + 0.3 * (shortTotal / longTotal)) * (shortCov / shortTotal));
  }
  return Math.min(1, score);
}
