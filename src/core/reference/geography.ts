/**
 * Geography matchers: Dodd-Frank covered countries and the EU indicative CAHRA list, from a smelter's country
 * (template spelling) and, for CAHRAs listed by region, its state/province.
 *
 * CAHRA levels:
 *  - "country": the list designates the whole country — always a match.
 *  - "region": the smelter's state/province maps (via ISO 3166-2 names of the templates' SorP tab and the list's
 *    own region names) to a listed region.
 *  - "country-has-regions": the country has listed regions but the smelter's state/province is not one of them or
 *    is unknown. A weaker signal: it says the country has CAHRA regions, not that the smelter is in one.
 */
import { CAHRA_SOURCE, CAHRA_TEXT } from './data/cahra';
import { COVERED_COUNTRIES, COVERED_COUNTRIES_SOURCE } from './data/covered-countries';
import { countryName, countryToIso2 } from './countries';
import { normaliseRegion } from './names';
import type { SourceInfo } from './types';

export { CAHRA_SOURCE, COVERED_COUNTRIES_SOURCE };

export interface CoveredCountryMatch {
  iso2: string;
  /** Template spelling. */
  name: string;
  source: SourceInfo;
}

const coveredMemo = new Map<string, CoveredCountryMatch | null>();

/** The Dodd-Frank covered country the smelter is in, or null. Results are shared: do not mutate. */
export function coveredCountry(country: string | null | undefined): CoveredCountryMatch | null {
  const iso = countryToIso2(country);
  if (!iso) return null;
  let m = coveredMemo.get(iso);
  if (m === undefined) {
    const name = COVERED_COUNTRIES[iso];
    m = name ? { iso2: iso, name, source: COVERED_COUNTRIES_SOURCE } : null;
    coveredMemo.set(iso, m);
  }
  return m;
}

export type CahraLevel = 'country' | 'region' | 'country-has-regions';

export interface CahraMatch {
  level: CahraLevel;
  iso2: string;
  countryName: string;
  /** Region level: the listed region. */
  region?: { code: string; name: string; conflictAffected: boolean; highRisk: boolean };
  /** Country-has-regions: how many regions of the country the list names. */
  listedRegions?: number;
  /** A sentence saying what matched and how strong the match is. */
  description: string;
  source: SourceInfo;
}

export interface CahraCountryData {
  iso2: string;
  name: string;
  wholeCountry: boolean;
  /** [ISO 3166-2 code, name, conflict-affected (1/0), high-risk (1/0)] */
  regions: readonly (readonly [string, string, number, number])[];
  /** The template's (SorP tab) spellings of the country's subdivisions: [name, ISO 3166-2 code]. */
  subdivisions: readonly (readonly [string, string])[];
}

/** The countries of the shipped CAHRA list, decoded from CAHRA_TEXT (format in data/cahra.ts). */
export function cahraCountries(): readonly CahraCountryData[] {
  return cahraIndex().countries;
}

function decodeCahra(text: string): CahraCountryData[] {
  const out: { iso2: string; name: string; wholeCountry: boolean; regions: [string, string, number, number][]; subdivisions: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    const [a = '', name = '', flagText = ''] = line.split('\t');
    const flags = Number(flagText);
    if (a.startsWith('#')) {
      out.push({ iso2: a.slice(1), name, wholeCountry: flags === 1, regions: [], subdivisions: [] });
      continue;
    }
    const c = out.at(-1);
    if (!c || !a || !Number.isInteger(flags)) throw new Error(`CAHRA data: bad line ${JSON.stringify(line)}`);
    const code = `${c.iso2}-${a}`;
    if (flags & 3) c.regions.push([code, name, flags & 2 ? 1 : 0, flags & 1]);
    if (flags & 4) c.subdivisions.push([name, code]);
  }
  return out;
}

interface CahraIndex {
  countries: readonly CahraCountryData[];
  byIso: Map<string, CahraCountryData>;
  /** iso2 -> normalised region spelling -> ISO 3166-2 code */
  regionCodes: Map<string, Map<string, string>>;
}

let index: CahraIndex | null = null;

function cahraIndex(): CahraIndex {
  if (index) return index;
  const countries = decodeCahra(CAHRA_TEXT);
  const byIso = new Map<string, CahraCountryData>();
  const regionCodes = new Map<string, Map<string, string>>();
  for (const c of countries) {
    byIso.set(c.iso2, c);
    const m = new Map<string, string>();
    for (const [name, code] of c.subdivisions) m.set(normaliseRegion(name), code);
    for (const [code, name] of c.regions) {
      const k = normaliseRegion(name);
      if (!m.has(k)) m.set(k, code);
    }
    regionCodes.set(c.iso2, m);
  }
  index = { countries, byIso, regionCodes };
  return index;
}

/** ISO 3166-2 code of a state/province within a CAHRA country, from its name or code ("Haut-Katanga", "CD-HK"). */
export function subdivisionCode(iso2: string, state: string | null | undefined): string | null {
  if (!state || !state.trim()) return null;
  const t = state.trim().toUpperCase();
  if (t.startsWith(`${iso2}-`)) return t;
  const m = cahraIndex().regionCodes.get(iso2);
  return m?.get(normaliseRegion(state)) ?? null;
}

const cahraMemo = new Map<string, Map<string, CahraMatch | null>>();

/** Matches a smelter's country (and state/province) against the EU CAHRA list. Results are shared: do not mutate. */
export function matchCahra(country: string | null | undefined, state?: string | null): CahraMatch | null {
  const iso = countryToIso2(country);
  if (!iso || !cahraIndex().byIso.has(iso)) return null;
  let perState = cahraMemo.get(iso);
  if (!perState) cahraMemo.set(iso, (perState = new Map()));
  const key = state ?? '';
  const hit = perState.get(key);
  if (hit !== undefined) return hit;
  const m = computeCahra(iso, state);
  if (perState.size < 2_000) perState.set(key, m);
  return m;
}

function computeCahra(iso: string, state: string | null | undefined): CahraMatch | null {
  const c = cahraIndex().byIso.get(iso);
  if (!c) return null;
  const name = countryName(iso) ?? c.name;
  if (c.wholeCountry) {
    return { level: 'country', iso2: iso, countryName: name, description: `${c.name} is listed as a whole country on the EU CAHRA list`, source: CAHRA_SOURCE };
  }
  const code = subdivisionCode(iso, state);
  const region = code ? c.regions.find((r) => r[0] === code) : undefined;
  if (region) {
    const kind = [region[2] ? 'conflict-affected' : '', region[3] ? 'high-risk' : ''].filter(Boolean).join(', ');
    return {
      level: 'region', iso2: iso, countryName: name,
      region: { code: region[0], name: region[1], conflictAffected: region[2] === 1, highRisk: region[3] === 1 },
      description: `${state!.trim()} (${region[0]}) is a listed region of ${c.name} on the EU CAHRA list${kind ? ` (${kind})` : ''}`,
      source: CAHRA_SOURCE,
    };
  }
  const where = state && state.trim() ? `${state.trim()} is not one of them` : 'the state/province is not given';
  return {
    level: 'country-has-regions', iso2: iso, countryName: name, listedRegions: c.regions.length,
    description: `${c.name} has ${c.regions.length} region(s) on the EU CAHRA list; ${where} (weaker, country-level signal)`,
    source: CAHRA_SOURCE,
  };
}
