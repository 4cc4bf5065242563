/**
 * One pass over the Smelter List shared by the smelter rules and the smelters-of-interest assessment: each row's
 * effective RMI ID (column F, else the typed ID in A, else resolved from the look-up choice or name as the template
 * does), what is known about that ID, and where the row's cells are. Memoised per declaration, look-up and
 * reference bundle, so running every rule costs one analysis.
 */
import type { Declaration, Family, Field, LookupEntry, MetalAnswers, SmelterRow } from './model';
import type { SmelterColumnKey, TemplateLayout } from './layouts/types';
import { metalKey } from './reference/names';
import { historyIndex } from './reference/history';
import { compareVersions } from './layouts';
import { referenceOf, type ReviewReference } from './reference';
import { findLookupEntry, ID_PATTERN, smelterIndex, type KnownSmelter, type SmelterIndex } from './reference/smelter-index';

export const SMELTER_SHEET = 'Smelter List';

/** Column letters of the Smelter List (the same in CMRT 6.x, EMRT, CRT and AMRT 1.3; AMRT 1.2 differs). */
export const DEFAULT_SMELTER_COLUMNS: Readonly<Partial<Record<SmelterColumnKey, string>>> = {
  typedId: 'A', metal: 'B', lookup: 'C', name: 'D', country: 'E', id: 'F', source: 'G', street: 'H', city: 'I', state: 'J',
};

export type IdOrigin = 'resolved' | 'typed' | 'lookup-choice' | 'name';

export interface RowAnalysis {
  row: SmelterRow;
  /** Trimmed metal, null when empty. */
  metal: string | null;
  metalKey: string;
  /** A real smelter row: a look-up choice, "Smelter not listed", or a typed ID (not a pseudo-row or an empty row). */
  isSmelter: boolean;
  /** The row's RMI ID as the template would resolve it; null when none. */
  id: string | null;
  idOrigin: IdOrigin | null;
  /** Column F trimmed (may be malformed). */
  resolvedId: string | null;
  /** Column A trimmed (may be malformed). */
  typedId: string | null;
  /** Whether resolvedId / typedId are well-formed RMI IDs. */
  resolvedIdOk: boolean;
  typedIdOk: boolean;
  known: KnownSmelter | null;
}

export type QuestionTopic = 'intentional' | 'covered-countries' | 'cahra' | 'all-identified';

export interface SmelterAnalysis {
  reference: ReviewReference;
  index: SmelterIndex;
  rows: RowAnalysis[];
  family: Family;
  columns: Partial<Record<SmelterColumnKey, string>>;
  /** A1 address of a Smelter List cell, or null when the layout has no such column. */
  cell(key: SmelterColumnKey, row: number): string | null;
  /** Question number for a topic in this family (layout topics first, else the family's known numbering). */
  question(topic: QuestionTopic): number | null;
  /** The answer Field of a question for a metal, or null. */
  answer(metal: string | null, topic: QuestionTopic): Field | null;
  /** Whether that answer is "No" (memoised: the smelter rules ask once per row). */
  answeredNo(metal: string | null, topic: QuestionTopic): boolean;
  /** Whether that answer is "Yes". */
  answeredYes(metal: string | null, topic: QuestionTopic): boolean;
  /**
   * True when the row's ID is in this template's own look-up and the template is newer than the newest version of
   * its family the shipped history knows: the template then outranks the history (e.g. an ID RMI listed again).
   */
  newerThanHistory(r: RowAnalysis): boolean;
}

/** Question numbers per family, from the templates (CMRT 6.x, EMRT 1.x-2.x, CRT 2.x, AMRT 1.x). */
const QUESTION_NUMBERS: Record<Family, Partial<Record<QuestionTopic, number>>> = {
  CMRT: { intentional: 1, 'covered-countries': 3, cahra: 4, 'all-identified': 7 },
  EMRT: { intentional: 1, cahra: 3, 'all-identified': 6 },
  CRT: { intentional: 1, cahra: 2, 'all-identified': 5 },
  AMRT: { intentional: 1 },
};

export const trimOrNull = (v: string | null | undefined): string | null => {
  const t = (v ?? '').trim();
  return t ? t : null;
};

interface Cached {
  lookup: readonly LookupEntry[];
  reference: ReviewReference;
  layout: TemplateLayout | undefined;
  analysis: SmelterAnalysis;
}
const cache = new WeakMap<Declaration, Cached>();

export interface AnalysisInput {
  declaration: Declaration;
  lookup: readonly LookupEntry[];
  layout?: TemplateLayout;
  extra?: unknown;
}

export function analyseSmelters(ctx: AnalysisInput): SmelterAnalysis {
  const reference = referenceOf(ctx.extra);
  const hit = cache.get(ctx.declaration);
  if (hit && hit.lookup === ctx.lookup && hit.reference === reference && hit.layout === ctx.layout) return hit.analysis;
  const analysis = build(ctx, reference);
  cache.set(ctx.declaration, { lookup: ctx.lookup, reference, layout: ctx.layout, analysis });
  return analysis;
}

/** The row's ID as the template resolves it: F, else the typed A, else the look-up choice or (not listed) name. */
function effectiveId(row: SmelterRow, mk: string, resolvedId: string | null, resolvedOk: boolean, typedId: string | null, typedOk: boolean, index: SmelterIndex): [string, IdOrigin] | null {
  if (resolvedOk) return [resolvedId!, 'resolved'];
  if (typedOk) return [typedId!, 'typed'];
  if (row.lookupKind === 'listed' && row.lookup) {
    const e = findLookupEntry(index.lookup, mk, row.lookup);
    if (e && ID_PATTERN.test(e.id)) return [e.id, 'lookup-choice'];
  } else if (row.lookupKind === 'not-listed' && row.name) {
    // The template resolves a "Smelter not listed" row whose name is an exact look-up name (MATCH on B&D).
    const e = findLookupEntry(index.lookup, mk, row.name);
    if (e && ID_PATTERN.test(e.id)) return [e.id, 'name'];
  }
  return null;
}

function build(ctx: AnalysisInput, reference: ReviewReference): SmelterAnalysis {
  const index = smelterIndex(ctx.lookup, reference.facilityList);
  const rows: RowAnalysis[] = [];
  for (const row of ctx.declaration.smelters) {
    const metal = trimOrNull(row.metal);
    const mk = metalKey(metal);
    const resolvedId = trimOrNull(row.id);
    const typedId = trimOrNull(row.typedId);
    const resolvedIdOk = resolvedId !== null && ID_PATTERN.test(resolvedId);
    const typedIdOk = typedId !== null && ID_PATTERN.test(typedId);
    const found = effectiveId(row, mk, resolvedId, resolvedIdOk, typedId, typedIdOk, index);
    const id = found ? found[0] : null;
    rows.push({
      // A row holding only a typed ID that did not resolve is still meant as a smelter.
      row, metal, metalKey: mk, isSmelter: row.lookupKind === 'listed' || row.lookupKind === 'not-listed' || (row.lookupKind === 'empty' && typedId !== null),
      id, idOrigin: found ? found[1] : null, resolvedId, typedId, resolvedIdOk, typedIdOk, known: id ? index.known.get(id) ?? null : null,
    });
  }
  const columns = { ...DEFAULT_SMELTER_COLUMNS, ...(ctx.layout?.smelterList?.columns ?? {}) };
  if (ctx.layout?.smelterList?.columns) {
    // A layout that has no typed-ID or look-up column (AMRT 1.2) must not inherit the defaults.
    for (const k of Object.keys(DEFAULT_SMELTER_COLUMNS) as SmelterColumnKey[]) if (!(k in ctx.layout.smelterList.columns)) delete columns[k];
  }
  const family = ctx.declaration.template?.family ?? 'CMRT';
  // Question numbers by topic: the reader's per-metal topics first, then the layout's, then the family's numbering.
  const topicNumbers = new Map<string, number>();
  for (const a of ctx.declaration.answers ?? []) {
    for (const [n, topic] of Object.entries(a.topics ?? {})) if (!topicNumbers.has(topic)) topicNumbers.set(topic, Number(n));
  }
  for (const q of ctx.layout?.declaration?.questions ?? []) {
    const topic = (q as { topic?: unknown }).topic;
    if (typeof topic === 'string' && !topicNumbers.has(topic)) topicNumbers.set(topic, q.number);
  }
  const question = (topic: QuestionTopic): number | null => topicNumbers.get(topic) ?? QUESTION_NUMBERS[family]?.[topic] ?? null;
  // metal -> topic -> answer, filled on first use. A metal's own topic map wins (EMRT/AMRT slots follow the
  // supplier's selection).
  const byMetal = new Map<string, MetalAnswers>();
  for (const a of ctx.declaration.answers ?? []) if (!byMetal.has(metalKey(a.metal))) byMetal.set(metalKey(a.metal), a);
  const answerCache = new Map<string, Map<QuestionTopic, Field | null>>();
  const answer = (metal: string | null, topic: QuestionTopic): Field | null => {
    const mk = metalKey(metal);
    let perTopic = answerCache.get(mk);
    if (!perTopic) answerCache.set(mk, (perTopic = new Map()));
    const hit = perTopic.get(topic);
    if (hit !== undefined) return hit;
    const a = byMetal.get(mk);
    let f: Field | null = null;
    if (a) {
      const own = Object.entries(a.topics ?? {}).find(([, t]) => t === topic)?.[0];
      const n = own !== undefined ? Number(own) : question(topic);
      f = n === null ? null : a.answers[n] ?? null;
    }
    perTopic.set(topic, f);
    return f;
  };
  const flags = new Map<string, Map<QuestionTopic, number>>(); // 1 = yes, 2 = no, 0 = other
  const flag = (metal: string | null, topic: QuestionTopic): number => {
    const mk = metalKey(metal);
    let perTopic = flags.get(mk);
    if (!perTopic) flags.set(mk, (perTopic = new Map()));
    let v = perTopic.get(topic);
    if (v === undefined) {
      const f = answer(metal, topic);
      v = isYes(f) ? 1 : isNo(f) ? 2 : 0;
      perTopic.set(topic, v);
    }
    return v;
  };
  const latest = historyIndex().latest[family]?.version;
  const newer = !!latest && compareVersions(ctx.declaration.template?.version ?? '0', latest) > 0;
  return {
    reference, index, rows, family, columns,
    cell: (key, row) => (columns[key] ? columns[key] + row : null),
    question,
    answer,
    answeredNo: (metal, topic) => flag(metal, topic) === 2,
    answeredYes: (metal, topic) => flag(metal, topic) === 1,
    newerThanHistory: (r) => newer && !!r.known?.inTemplate,
  };
}

/** "Yes" / "No" answers, whatever the case or trailing detail ("Yes, 100%"). */
export const isYes = (f: Field | null | undefined): boolean => /^\s*yes\b/i.test(f?.value ?? '');
export const isNo = (f: Field | null | undefined): boolean => /^\s*no\b/i.test(f?.value ?? '');
