/**
 * Reference data the rules consult. The shipped part (covered countries, CAHRAs, sanctions and delistings,
 * removed-ID history) carries its source and date; the imported part (RMI facility list, watch list) is the user's.
 */
import type { Metal } from '../model';

export interface SourceInfo {
  /** Human name of the source, e.g. "EU CAHRA indicative list (cahraslist.net)". */
  name: string;
  /** ISO date of the source's data, e.g. "2026-06-27"; "unknown" when the import could not tell. */
  date: string;
  url?: string;
}

/** Canonical assessment statuses of RMI's facility list. Anything else is kept verbatim and reported. */
export type KnownFacilityStatus = 'Conformant' | 'Active' | 'Non-Conformant' | 'Communication Suspended';

/** One row of the user's imported RMI facility list. */
export interface FacilityStatus {
  id: string;
  metal: Metal;
  standardName: string;
  country: string;
  state?: string | null;
  /** Normalised: "Conformant" | "Active" | "Non-Conformant" | "Communication Suspended"; otherwise the text as given. */
  status: string;
  /** False when `status` is not one of the known statuses (kept verbatim). */
  statusKnown?: boolean;
  /** The status cell exactly as exported. */
  rawStatus?: string;
  operationalStatus?: string | null;
  supplyChainLevel?: string | null;
  crossRecognition?: string | null;
  ddAssessmentScheme?: string | null;
  ddAssessmentDate?: string | null;
  ddAssessmentCycle?: string | null;
  reassessmentInProgress?: string | null;
  /** 1-based row of the imported file. */
  row?: number;
}

export interface ImportedFacilityList {
  source: SourceInfo;
  entries: Map<string, FacilityStatus>;
}

export interface WatchlistEntry {
  id: string;
  reason: string;
  /** 1-based row of the imported file. */
  row?: number;
}

export interface ImportedWatchlist {
  source: SourceInfo;
  entries: Map<string, WatchlistEntry>;
}

/** A message about an imported file or a policy: what is wrong, where, and what was done about it. */
export interface ImportMessage {
  severity: 'error' | 'warning' | 'info';
  /** Stable code, e.g. "missing-columns", "unknown-status", "duplicate-id", "stale". */
  code: string;
  message: string;
  /** 1-based rows concerned, when the message is about rows. */
  rows?: number[];
}
