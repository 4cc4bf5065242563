/**
 * Country names as the templates spell them ("CONGO, DEMOCRATIC REPUBLIC OF THE") to ISO 3166-1 alpha-2 and back.
 * Accepts the template spelling in any case, a handful of common short names ("DR Congo", "Tanzania"), and ISO2.
 */
import { COUNTRY_ALIASES, TEMPLATE_COUNTRIES } from './data/countries';
import { normaliseText } from './names';

let byKey: Map<string, string> | null = null;
let byIso: Map<string, string> | null = null;

function tables(): { byKey: Map<string, string>; byIso: Map<string, string> } {
  if (!byKey || !byIso) {
    byKey = new Map();
    byIso = new Map();
    for (const [name, iso] of TEMPLATE_COUNTRIES) {
      byKey.set(normaliseText(name), iso);
      if (!byIso.has(iso)) byIso.set(iso, name);
    }
    for (const [name, iso] of Object.entries(COUNTRY_ALIASES)) {
      const k = normaliseText(name);
      if (!byKey.has(k)) byKey.set(k, iso);
    }
  }
  return { byKey, byIso };
}

const memo = new Map<string, string | null>();

/** ISO2 of a country as written in a template (or a common alias / ISO2 itself); null when unknown or "Unknown". */
export function countryToIso2(country: string | null | undefined): string | null {
  if (!country) return null;
  const hit = memo.get(country);
  if (hit !== undefined) return hit;
  const iso = resolve(country);
  if (memo.size < 10_000) memo.set(country, iso);
  return iso;
}

function resolve(country: string): string | null {
  const t = tables();
  const trimmed = country.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && t.byIso.has(trimmed.toUpperCase())) {
    const iso = trimmed.toUpperCase();
    return iso === 'ZZ' ? null : iso;
  }
  const iso = t.byKey.get(normaliseText(trimmed)) ?? null;
  return iso === 'ZZ' ? null : iso;
}

/** The template spelling for an ISO2 code ("CD" -> "CONGO, DEMOCRATIC REPUBLIC OF THE"). */
export function countryName(iso2: string): string | null {
  return tables().byIso.get(iso2.toUpperCase()) ?? null;
}

/** True when both name the same country (by ISO2 when both resolve, else by normalised text). */
export function sameCountry(a: string | null | undefined, b: string | null | undefined): boolean {
  const ia = countryToIso2(a);
  const ib = countryToIso2(b);
  if (ia && ib) return ia === ib;
  return normaliseText(a) === normaliseText(b);
}
