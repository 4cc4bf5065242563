/**
 * Sanctions, industry delistings, RMI program actions and origin-based import bans, by RMI ID and by country.
 */
import { ACTIONS, COUNTRY_ACTIONS, FACILITY_ACTIONS, type ActionDefinition, type ActionKind } from './data/actions';
import { countryToIso2 } from './countries';
import { metalKey } from './names';
import type { SourceInfo } from './types';

export type { ActionDefinition, ActionKind };
export { ACTIONS };

export interface SmelterAction {
  action: ActionDefinition;
  /** What the action means for this smelter, in a sentence. */
  detail: string;
  /** Why the action is tied to this smelter ("Named in the LBMA notice", "look-up country ..."). */
  basis: string;
  /** "id": mapped to the smelter's RMI ID; "country": applies to any smelter of that metal in that country. */
  via: 'id' | 'country';
  source: SourceInfo;
}

export function actionSource(a: ActionDefinition): SourceInfo {
  return { name: `${a.authority}: ${a.title}`, date: a.date, url: a.url };
}

let byId: Map<string, SmelterAction[]> | null = null;
const ACTION_COUNTRIES = new Set(COUNTRY_ACTIONS.map((c) => c.country));
const NONE: readonly SmelterAction[] = [];

function idIndex(): Map<string, SmelterAction[]> {
  if (byId) return byId;
  byId = new Map();
  for (const [id, , , , key, detail, basis] of FACILITY_ACTIONS) {
    const action = ACTIONS[key];
    if (!action) continue;
    const list = byId.get(id) ?? [];
    list.push({ action, detail, basis, via: 'id', source: actionSource(action) });
    byId.set(id, list);
  }
  return byId;
}

/**
 * Actions that concern a smelter: those mapped to its ID, plus country-wide actions for its metal and country
 * (so that a "Smelter not listed" row in Russia is caught as well). One entry per action.
 */
export function actionsFor(id: string | null, metal: string | null, countries: readonly (string | null | undefined)[]): SmelterAction[] {
  const out: SmelterAction[] = [];
  const seen = new Set<string>();
  for (const a of (id && idIndex().get(id)) || NONE) {
    if (seen.has(a.action.key)) continue;
    seen.add(a.action.key);
    out.push(a);
  }
  let isos: string[] | null = null;
  for (const c of countries) {
    const iso = countryToIso2(c);
    if (iso && ACTION_COUNTRIES.has(iso)) (isos ??= []).push(iso);
  }
  if (!isos) return out;
  const mk = metalKey(metal);
  for (const ca of COUNTRY_ACTIONS) {
    if (seen.has(ca.action) || !isos.includes(ca.country)) continue;
    if (ca.metals && !ca.metals.some((m) => metalKey(m) === mk)) continue;
    const action = ACTIONS[ca.action];
    if (!action) continue;
    seen.add(ca.action);
    out.push({ action, detail: ca.detail, basis: `country ${ca.country}`, via: 'country', source: actionSource(action) });
  }
  return out;
}
