/**
 * The reference bundle the smelter rules and the assessment consult (the rule context's `extra`): the shipped
 * data (look-up history, covered countries, CAHRAs, actions — generated modules under ./data, indexed on first use),
 * the user's imported RMI facility list and watch list when present, and the policy.
 */
import type { Family } from '../model';
import { defaultPolicy, type Policy } from '../policy';
import { ACTIONS, actionSource } from './actions';
import { CAHRA_SOURCE, COVERED_COUNTRIES_SOURCE } from './geography';
import { historyIndex } from './history';
import type { ImportedFacilityList, ImportedWatchlist, SourceInfo } from './types';

/** What was shipped with this build, for display ("sources and dates"); the data itself is read through modules. */
export interface ShippedReference {
  /** The templates' Smelter Look-up history (removed and unknown IDs). */
  history: SourceInfo;
  /** Newest template version per family the history knows. */
  newestTemplates: Record<Family, { version: string; releaseDate: string | null }>;
  coveredCountries: SourceInfo;
  cahra: SourceInfo;
  /** One per sanction, delisting, program action or import ban. */
  actions: SourceInfo[];
}

let shipped: ShippedReference | null = null;

export function shippedReference(): ShippedReference {
  if (!shipped) {
    const h = historyIndex();
    shipped = {
      history: h.source,
      newestTemplates: h.latest,
      coveredCountries: COVERED_COUNTRIES_SOURCE,
      cahra: CAHRA_SOURCE,
      actions: Object.values(ACTIONS).map(actionSource),
    };
  }
  return shipped;
}

export interface ReviewReference {
  /** The shipped data's sources and dates. */
  shipped: ShippedReference;
  /** The user's RMI facility list export; null when none was imported (audit status then stays unknown). */
  facilityList: ImportedFacilityList | null;
  /** The user's watch list; null when none was imported. */
  watchlist: ImportedWatchlist | null;
  policy: Policy;
}

export function createReviewReference(parts: Partial<ReviewReference> = {}): ReviewReference {
  return {
    shipped: parts.shipped ?? shippedReference(),
    facilityList: parts.facilityList ?? null,
    watchlist: parts.watchlist ?? null,
    policy: parts.policy ?? defaultPolicy(),
  };
}

let defaultReference: ReviewReference | null = null;

function isReviewReference(v: unknown): v is ReviewReference {
  return typeof v === 'object' && v !== null && 'policy' in v && 'facilityList' in v && 'watchlist' in v;
}

/**
 * The reference bundle from a rule context's `extra`: the bundle itself, or an object carrying it as
 * `reference`; the shipped data with the default policy otherwise.
 */
export function referenceOf(extra: unknown): ReviewReference {
  if (isReviewReference(extra)) return extra;
  if (typeof extra === 'object' && extra !== null && 'reference' in extra && isReviewReference((extra as { reference: unknown }).reference)) {
    return (extra as { reference: ReviewReference }).reference;
  }
  return (defaultReference ??= createReviewReference());
}
