/**
 * The reference bundle the smelter rules and the assessment consult (the rule context's `extra`): the shipped
 * data (history, covered countries, CAHRAs, actions — imported as modules), the user's imported RMI facility list
 * and watch list when present, and the policy.
 */
import { defaultPolicy, type Policy } from '../policy';
import type { ImportedFacilityList, ImportedWatchlist } from './types';

export interface ReviewReference {
  /** The user's RMI facility list export; null when none was imported (audit status then stays unknown). */
  facilityList: ImportedFacilityList | null;
  /** The user's watch list; null when none was imported. */
  watchlist: ImportedWatchlist | null;
  policy: Policy;
}

export function createReviewReference(parts: Partial<ReviewReference> = {}): ReviewReference {
  return {
    facilityList: parts.facilityList ?? null,
    watchlist: parts.watchlist ?? null,
    policy: parts.policy ?? defaultPolicy(),
  };
}

const DEFAULT_REFERENCE: ReviewReference = createReviewReference();

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
  return DEFAULT_REFERENCE;
}
