/**
 * Reference data the rules consult. The shipped part (covered countries, CAHRAs, sanctions and delistings,
 * removed-ID history) carries its source and date; the imported part (RMI facility list, watch list) is the user's.
 */
import type { Metal } from '../model';

export interface SourceInfo {
  /** Human name of the source, e.g. "EU CAHRA indicative list (cahraslist.net)". */
  name: string;
  /** ISO date of the source's data, e.g. "2026-06-27". */
  date: string;
  url?: string;
}

/** One row of the user's imported RMI facility list. */
export interface FacilityStatus {
  id: string;
  metal: Metal;
  standardName: string;
  country: string;
  state?: string | null;
  /** Normalised: "Conformant" | "Active" | "Non-Conformant" | "Communication Suspended" | ... */
  status: string;
}

export interface ImportedFacilityList {
  source: SourceInfo;
  entries: Map<string, FacilityStatus>;
}

export interface WatchlistEntry {
  id: string;
  reason: string;
}

export interface ImportedWatchlist {
  source: SourceInfo;
  entries: Map<string, WatchlistEntry>;
}
