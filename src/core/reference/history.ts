/**
 * The shipped look-up history: every RMI ID the templates' Smelter Look-up tabs have listed, per family, with the
 * first and last version listing it. Built into Maps once, on first use.
 */
import type { Family } from '../model';
import { ID_HISTORY, TEMPLATE_VERSIONS } from './data/history';
import { metalKey } from './names';
import type { SourceInfo } from './types';

export interface HistoryEntry {
  id: string;
  family: Family;
  metal: string;
  standardName: string;
  country: string;
  state: string;
  aliases: readonly string[];
  firstSeen: string;
  lastSeen: string;
  /** Listed in the family's newest template the history was built from. */
  inLatest: boolean;
}

export interface HistoryIndex {
  byId: Map<string, HistoryEntry[]>;
  byMetal: Map<string, HistoryEntry[]>;
  /** Newest template version per family, e.g. { CMRT: "6.5", ... }. */
  latest: Record<Family, { version: string; releaseDate: string | null }>;
  source: SourceInfo;
}

let index: HistoryIndex | null = null;

export function historyIndex(): HistoryIndex {
  if (index) return index;
  const byId = new Map<string, HistoryEntry[]>();
  const byMetal = new Map<string, HistoryEntry[]>();
  for (const t of ID_HISTORY) {
    const e: HistoryEntry = {
      id: t[0], family: t[1], metal: t[2], standardName: t[3], country: t[4], state: t[5], aliases: t[6],
      firstSeen: t[7], lastSeen: t[8], inLatest: t[9] === 1,
    };
    const a = byId.get(e.id);
    if (a) a.push(e);
    else byId.set(e.id, [e]);
    const mk = metalKey(e.metal);
    const b = byMetal.get(mk);
    if (b) b.push(e);
    else byMetal.set(mk, [e]);
  }
  const latest = {} as Record<Family, { version: string; releaseDate: string | null }>;
  let newestDate = '';
  for (const [family, versions] of Object.entries(TEMPLATE_VERSIONS) as [Family, (typeof TEMPLATE_VERSIONS)[Family]][]) {
    const last = versions.at(-1);
    if (last) latest[family] = { version: last.version, releaseDate: last.releaseDate };
    if (last?.releaseDate && last.releaseDate > newestDate) newestDate = last.releaseDate;
  }
  const names = Object.entries(latest).map(([f, v]) => `${f} ${v.version}`).join(', ');
  index = {
    byId, byMetal, latest,
    source: { name: `RMI Smelter Look-up history shipped with this tool (newest: ${names})`, date: newestDate || 'unknown' },
  };
  return index;
}

/**
 * When every family that listed the ID has dropped it from its newest template: the entries (with the last
 * version that listed it). Null when the ID is unknown to the history or still listed somewhere.
 */
export function removedFromHistory(id: string): HistoryEntry[] | null {
  return removedIndex().get(id) ?? null;
}

let removed: Map<string, HistoryEntry[]> | null = null;
function removedIndex(): Map<string, HistoryEntry[]> {
  if (!removed) {
    removed = new Map();
    for (const [id, entries] of historyIndex().byId) if (!entries.some((e) => e.inLatest)) removed.set(id, entries);
  }
  return removed;
}
