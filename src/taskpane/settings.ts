/**
 * The pane's settings: the user's role, the policy for smelters of interest, and the reference data the user imported
 * (RMI facility list, watch list). Pure: parsing and serialising are tested in Node; the store is injected.
 *
 * Settings are the user's, not the workbook's: a buyer keeps one role, policy and facility list for every template
 * received, and RMI's facility list (not redistributable) must never travel inside a supplier's file. They are kept
 * in the pane's localStorage (Office add-ins get a per-add-in storage partition); nothing leaves the machine.
 */
import type { Role } from '../core/rules/rule';
import { defaultPolicy, INTEREST_CATEGORIES, type InterestCategory, type Policy } from '../core/policy';
import type { FacilityStatus, ImportedFacilityList, ImportedWatchlist, SourceInfo, WatchlistEntry } from '../core/reference/types';

export type { Role };

export interface PaneSettings {
  role: Role;
  policy: Policy;
  facilityList: ImportedFacilityList | null;
  watchlist: ImportedWatchlist | null;
}

export function defaultSettings(): PaneSettings {
  return { role: 'supplier', policy: defaultPolicy(), facilityList: null, watchlist: null };
}

/** Where settings live. Values are JSON-safe objects; implementations must not throw on a full or missing storage. */
export interface SettingsStore {
  /** A sentence for the Settings pane: where settings are kept. */
  readonly description: string;
  load(key: string): unknown;
  save(key: string, value: unknown): boolean;
  remove(key: string): void;
}

export const SETTINGS_KEY = 'cmrt-review:settings:v1';
export const FACILITY_KEY = 'cmrt-review:facility-list:v1';
export const WATCHLIST_KEY = 'cmrt-review:watchlist:v1';

interface StoredList<T> {
  source: SourceInfo;
  entries: T[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseSource(v: unknown): SourceInfo | null {
  if (!isObject(v) || typeof v.name !== 'string' || typeof v.date !== 'string') return null;
  return { name: v.name, date: v.date, ...(typeof v.url === 'string' ? { url: v.url } : {}) };
}

function parseList<T extends { id: string }>(
  v: unknown,
  valid: (e: Record<string, unknown>) => boolean,
): { source: SourceInfo; entries: Map<string, T> } | null {
  if (!isObject(v)) return null;
  const source = parseSource(v.source);
  if (!source || !Array.isArray(v.entries)) return null;
  const entries = new Map<string, T>();
  for (const e of v.entries as unknown[]) if (isObject(e) && typeof e.id === 'string' && valid(e)) entries.set(e.id, e as unknown as T);
  return entries.size ? { source, entries } : null;
}

/** Tolerant: whatever is missing or malformed falls back to the default. */
export function parseSettings(stored: unknown): Pick<PaneSettings, 'role' | 'policy'> {
  const out = { role: 'supplier' as Role, policy: defaultPolicy() };
  if (!isObject(stored)) return out;
  if (stored.role === 'supplier' || stored.role === 'buyer') out.role = stored.role;
  const p = stored.policy;
  if (isObject(p)) {
    if (isObject(p.categories)) {
      for (const c of INTEREST_CATEGORIES) if (typeof p.categories[c] === 'boolean') out.policy.categories[c] = p.categories[c] as boolean;
    }
    if (typeof p.activeAcceptable === 'boolean') out.policy.activeAcceptable = p.activeAcceptable;
    if (typeof p.cahraCountryLevel === 'boolean') out.policy.cahraCountryLevel = p.cahraCountryLevel;
    if (typeof p.facilityListMaxAgeDays === 'number' && Number.isFinite(p.facilityListMaxAgeDays) && p.facilityListMaxAgeDays > 0) {
      out.policy.facilityListMaxAgeDays = Math.round(p.facilityListMaxAgeDays);
    }
  }
  return out;
}

export function parseFacilityList(stored: unknown): ImportedFacilityList | null {
  return parseList<FacilityStatus>(stored, (e) => typeof e.status === 'string' && typeof e.metal === 'string');
}

export function parseWatchlist(stored: unknown): ImportedWatchlist | null {
  return parseList<WatchlistEntry>(stored, (e) => typeof e.reason === 'string');
}

export function serializeList<T>(list: { source: SourceInfo; entries: Map<string, T> }): StoredList<T> {
  return { source: list.source, entries: [...list.entries.values()] };
}

export function loadSettings(store: SettingsStore): PaneSettings {
  return {
    ...parseSettings(store.load(SETTINGS_KEY)),
    facilityList: parseFacilityList(store.load(FACILITY_KEY)),
    watchlist: parseWatchlist(store.load(WATCHLIST_KEY)),
  };
}

/** Saves what changed between `before` and `after`. Returns false when the storage refused (e.g. full). */
export function saveSettings(store: SettingsStore, before: PaneSettings | null, after: PaneSettings): boolean {
  let ok = true;
  if (!before || before.role !== after.role || JSON.stringify(before.policy) !== JSON.stringify(after.policy)) {
    ok = store.save(SETTINGS_KEY, { role: after.role, policy: after.policy }) && ok;
  }
  if (!before || before.facilityList !== after.facilityList) {
    if (after.facilityList) ok = store.save(FACILITY_KEY, serializeList(after.facilityList)) && ok;
    else store.remove(FACILITY_KEY);
  }
  if (!before || before.watchlist !== after.watchlist) {
    if (after.watchlist) ok = store.save(WATCHLIST_KEY, serializeList(after.watchlist)) && ok;
    else store.remove(WATCHLIST_KEY);
  }
  return ok;
}

/** A store over window.localStorage (or any Storage); falls back to memory when storage is unavailable. */
export function storageStore(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
  description = 'Kept in this browser profile (localStorage) on this computer.',
): SettingsStore {
  const memory = new Map<string, string>();
  return {
    description: storage ? description : 'Kept for this session only (storage is unavailable here).',
    load(key) {
      try {
        const text = storage ? storage.getItem(key) : (memory.get(key) ?? null);
        return text === null ? null : (JSON.parse(text) as unknown);
      } catch {
        return null;
      }
    },
    save(key, value) {
      const text = JSON.stringify(value);
      try {
        if (storage) storage.setItem(key, text);
        else memory.set(key, text);
        return true;
      } catch {
        memory.set(key, text);
        return false;
      }
    },
    remove(key) {
      try {
        storage?.removeItem(key);
      } catch {
        /* ignore */
      }
      memory.delete(key);
    },
  };
}

export function memoryStore(): SettingsStore {
  return storageStore(null);
}

/** Labels for policy categories, as the Settings pane and the reason badges show them. */
export const CATEGORY_LABELS: Readonly<Record<InterestCategory, string>> = {
  'audit-status': 'Audit status',
  sanctions: 'Sanctions',
  'high-risk-geography': 'High-risk area',
  unrecognized: 'Unrecognised',
  watchlist: 'Watch list',
};

export const CATEGORY_DESCRIPTIONS: Readonly<Record<InterestCategory, string>> = {
  'audit-status': 'Not conformant on the imported RMI facility list, or not on it',
  sanctions: 'Sanctions, industry delistings, RMI actions and import bans',
  'high-risk-geography': 'Dodd-Frank covered countries and EU CAHRA areas',
  unrecognized: 'Not a known RMI smelter ("Smelter not listed", unknown or dropped IDs)',
  watchlist: 'On your imported watch list',
};
