/**
 * The buyer's policy for "smelters of interest": which categories count, and whether RMI's "Active" status is
 * acceptable. Parsed from a small JSON file, with messages for anything wrong in it.
 *
 * Defaults (compliance-minded): every category counts; only "Conformant" is an acceptable audit status — "Active"
 * (assessment under way, not yet conformant) is NOT acceptable unless the policy says `"activeAcceptable": true`;
 * a country that has CAHRA regions, when the smelter's own region is not listed or unknown, is noted but does not
 * by itself make a smelter of interest (`"cahraCountryLevel": true` makes it count).
 *
 * Example policy file:
 *   { "categories": { "audit-status": true, "sanctions": true, "high-risk-geography": true,
 *                     "unrecognized": true, "watchlist": true },
 *     "activeAcceptable": false, "cahraCountryLevel": false, "facilityListMaxAgeDays": 90 }
 * `categories` may also be an array naming the categories that count: ["sanctions", "watchlist"].
 */
import type { ImportMessage } from './reference/types';

export type InterestCategory = 'audit-status' | 'sanctions' | 'high-risk-geography' | 'unrecognized' | 'watchlist';

export const INTEREST_CATEGORIES: readonly InterestCategory[] = ['audit-status', 'sanctions', 'high-risk-geography', 'unrecognized', 'watchlist'];

export interface Policy {
  /** Categories that make a smelter "of interest". */
  categories: Record<InterestCategory, boolean>;
  /** Whether RMI's "Active" status counts as acceptable (default false: only "Conformant" does). */
  activeAcceptable: boolean;
  /** Whether a country-level CAHRA signal (country has listed regions, smelter's region not matched) counts. */
  cahraCountryLevel: boolean;
  /** An imported facility list older than this (days) draws a warning. */
  facilityListMaxAgeDays: number;
}

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  categories: Object.freeze({ 'audit-status': true, sanctions: true, 'high-risk-geography': true, unrecognized: true, watchlist: true }),
  activeAcceptable: false,
  cahraCountryLevel: false,
  facilityListMaxAgeDays: 90,
}) as Readonly<Policy>;

export function defaultPolicy(): Policy {
  return { ...DEFAULT_POLICY, categories: { ...DEFAULT_POLICY.categories } };
}

export interface PolicyResult {
  /** Always a usable policy: defaults stand in for anything missing or invalid. */
  policy: Policy;
  messages: ImportMessage[];
}

const KNOWN_KEYS = ['categories', 'activeAcceptable', 'cahraCountryLevel', 'facilityListMaxAgeDays'];

const categoryKey = (s: string): string => s.trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/recognised/, 'recognized');

function asCategory(s: string): InterestCategory | null {
  const k = categoryKey(s);
  return (INTEREST_CATEGORIES as readonly string[]).includes(k) ? (k as InterestCategory) : null;
}

/** Parses a policy file's text. Invalid parts are reported and replaced by defaults. */
export function parsePolicy(text: string): PolicyResult {
  const policy = defaultPolicy();
  const messages: ImportMessage[] = [];
  const err = (code: string, message: string): void => void messages.push({ severity: 'error', code, message });
  const warn = (code: string, message: string): void => void messages.push({ severity: 'warning', code, message });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    err('invalid-json', `The policy file is not valid JSON (${(e as Error).message}); the default policy is used.`);
    return { policy, messages };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    err('invalid-policy', 'The policy file must hold a JSON object such as {"activeAcceptable": false}; the default policy is used.');
    return { policy, messages };
  }
  const obj = data as Record<string, unknown>;
  const unknown = Object.keys(obj).filter((k) => !KNOWN_KEYS.includes(k));
  if (unknown.length) warn('unknown-keys', `Unknown policy setting(s) ignored: ${unknown.join(', ')}. Known settings: ${KNOWN_KEYS.join(', ')}.`);

  if ('categories' in obj) {
    const c = obj.categories;
    if (Array.isArray(c)) {
      const bad = c.filter((x) => typeof x !== 'string' || !asCategory(x));
      if (bad.length) err('unknown-category', `Unknown categor${bad.length > 1 ? 'ies' : 'y'} ${bad.map((b) => JSON.stringify(b)).join(', ')}; known: ${INTEREST_CATEGORIES.join(', ')}.`);
      for (const k of INTEREST_CATEGORIES) policy.categories[k] = false;
      for (const x of c) if (typeof x === 'string' && asCategory(x)) policy.categories[asCategory(x)!] = true;
    } else if (typeof c === 'object' && c !== null) {
      for (const [k, v] of Object.entries(c as Record<string, unknown>)) {
        const cat = asCategory(k);
        if (!cat) err('unknown-category', `Unknown category "${k}"; known: ${INTEREST_CATEGORIES.join(', ')}.`);
        else if (typeof v !== 'boolean') err('invalid-value', `categories.${k} must be true or false, not ${JSON.stringify(v)}; the default (true) is used.`);
        else policy.categories[cat] = v;
      }
    } else {
      err('invalid-value', '"categories" must be an object ({"sanctions": true, ...}) or an array of category names; the defaults are used.');
    }
  }
  for (const key of ['activeAcceptable', 'cahraCountryLevel'] as const) {
    if (!(key in obj)) continue;
    const v = obj[key];
    if (typeof v === 'boolean') policy[key] = v;
    else err('invalid-value', `${key} must be true or false, not ${JSON.stringify(v)}; the default (${String(DEFAULT_POLICY[key])}) is used.`);
  }
  if ('facilityListMaxAgeDays' in obj) {
    const v = obj.facilityListMaxAgeDays;
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) policy.facilityListMaxAgeDays = Math.round(v);
    else err('invalid-value', `facilityListMaxAgeDays must be a positive number of days, not ${JSON.stringify(v)}; the default (${DEFAULT_POLICY.facilityListMaxAgeDays}) is used.`);
  }
  if (policy.activeAcceptable) {
    messages.push({ severity: 'info', code: 'active-acceptable', message: 'The policy accepts RMI "Active" smelters (assessment under way, not yet conformant) as acceptable.' });
  }
  if (!INTEREST_CATEGORIES.some((k) => policy.categories[k])) {
    warn('no-categories', 'The policy turns every category off: no smelter will be marked of interest.');
  }
  return { policy, messages };
}

/** Whether an RMI assessment status is acceptable under the policy. */
export function statusAcceptable(status: string, policy: Policy): boolean {
  if (status === 'Conformant') return true;
  return status === 'Active' && policy.activeAcceptable;
}
