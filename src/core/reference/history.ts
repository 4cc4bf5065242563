/**
 * The shipped look-up history: every RMI ID the templates' Smelter Look-up tabs have listed, per family, with the
 * first and last version listing it. Built into Maps once, on first use.
 */
import type { Family } from '../model';
import { HISTORY_METALS, ID_HISTORY_TEXT, TEMPLATE_VERSIONS } from './data/history';
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

/** The entries of ID_HISTORY_TEXT (its format is documented in data/history.ts). */
export function decodeHistory(): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const family of Object.keys(ID_HISTORY_TEXT) as Family[]) {
    const text = ID_HISTORY_TEXT[family];
    if (!text) continue;
    const versions = TEMPLATE_VERSIONS[family];
    const version = (digit: string | undefined): string => {
      const v = versions[parseInt(digit ?? '', 36)];
      if (!v) throw new Error(`ID history: ${family} has no version #${digit}`);
      return v.version;
    };
    let n = 0;
    for (const line of text.split('\n')) {
      const [step, metal, standardName, country, state, aliases, seen] = line.split('\t');
      n += parseInt(step ?? '', 36);
      const m = HISTORY_METALS[family][Number(metal)];
      if (!m || seen?.length !== 3 || !Number.isFinite(n)) throw new Error(`ID history: bad ${family} line ${JSON.stringify(line)}`);
      out.push({
        id: `CID${String(n).padStart(6, '0')}`, family, metal: m, standardName: standardName ?? '', country: country ?? '',
        state: state ?? '', aliases: aliases ? aliases.split('|') : [], firstSeen: version(seen[0]), lastSeen: version(seen[1]),
        inLatest: seen[2] === '1',
      });
    }
  }
  return out;
}

export function historyIndex(): HistoryIndex {
  if (index) return index;
  const byId = new Map<string, HistoryEntry[]>();
  const byMetal = new Map<string, HistoryEntry[]>();
  for (const e of decodeHistory()) {
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
