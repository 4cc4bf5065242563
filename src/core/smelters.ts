/**
 * Smelters of interest: for each real smelter row of the Smelter List, the reasons a buyer should look at it, by
 * category, each naming its source and that source's date.
 *
 *  - audit-status: not "Conformant" (nor "Active" when the policy accepts it) per the user's imported RMI facility
 *    list, or absent from it. Without an imported list no smelter is marked for audit status — and none is treated
 *    as conformant either: the summary says that audit status is unknown.
 *  - sanctions: sanctions, industry delistings, RMI program actions and origin-based import bans (shipped data).
 *  - high-risk-geography: a Dodd-Frank covered country, or an area on the EU CAHRA list (whole country or listed
 *    region; a country that merely has listed regions counts only when the policy says so).
 *  - unrecognized: not a known RMI smelter — "Smelter not listed" rows, unknown IDs, IDs RMI has dropped.
 *  - watchlist: on the user's imported watch list.
 *
 * Pseudo-rows ("Smelter not yet identified") and empty rows are not smelters and are not assessed.
 */
import type { Metal } from './model';
import type { RuleContext } from './rules/rule';
import { INTEREST_CATEGORIES, statusAcceptable, type InterestCategory } from './policy';
import type { ReviewReference } from './reference';
import { actionsFor } from './reference/actions';
import { coveredCountry, matchCahra } from './reference/geography';
import { historyIndex, removedFromHistory } from './reference/history';
import { ID_PATTERN } from './reference/smelter-index';
import type { SourceInfo } from './reference/types';
import { analyseSmelters, type RowAnalysis, type SmelterAnalysis } from './smelter-analysis';

export interface SmelterReason {
  category: InterestCategory;
  message: string;
  source: SourceInfo;
  /** Finer kind within the category, e.g. "sanction", "import-ban-origin", "cahra-region", "not-listed". */
  kind?: string;
}

export interface SmelterAssessment {
  /** 1-based Smelter List row. */
  row: number;
  metal: Metal | null;
  /** RMI ID, when the row has one (well-formed). */
  cid: string | null;
  /** RMI standard name when the ID is known, else the name on the row. */
  name: string | null;
  /** Country on the row, else the reference country of the ID. */
  country: string | null;
  interest: boolean;
  /** Reasons that make the smelter of interest under the policy. */
  reasons: SmelterReason[];
  /** Reasons the policy does not count (category turned off, country-level CAHRA signal): shown, not counted. */
  notes: SmelterReason[];
}

export interface SmelterSummary {
  /** Real smelter rows assessed. */
  total: number;
  ofInterest: number;
  /** Smelters of interest per category (a smelter may count in several). */
  byCategory: Record<InterestCategory, number>;
  /** True only when an RMI facility list was imported; otherwise no smelter's audit status is known. */
  auditStatusKnown: boolean;
  auditStatusSource: SourceInfo | null;
  /** Rows assessed per RMI status (imported list only): "Conformant", "Active", ..., "Not on list". */
  byStatus: Record<string, number>;
  /** Sentences for the report header ("Audit status unknown: no RMI facility list imported", ...). */
  messages: string[];
}

type Ctx = Pick<RuleContext<unknown>, 'declaration' | 'lookup' | 'extra'> & Partial<Pick<RuleContext<unknown>, 'layout'>>;

export function assessSmelters(ctx: Ctx): SmelterAssessment[] {
  const a = analyseSmelters(ctx);
  const out: SmelterAssessment[] = [];
  for (const r of a.rows) if (r.isSmelter) out.push(assessRow(a, r));
  return out;
}

let lookupSourceInfo: SourceInfo | null = null;
function lookupSource(): SourceInfo {
  if (!lookupSourceInfo) {
    const h = historyIndex();
    lookupSourceInfo = { name: `RMI Smelter Look-up (this template) and ${h.source.name}`, date: h.source.date };
  }
  return { ...lookupSourceInfo };
}

const isUnknown = (c: string): boolean => c.length === 7 && c.toLowerCase() === 'unknown';

function assessRow(a: SmelterAnalysis, r: RowAnalysis): SmelterAssessment {
  const { policy, facilityList, watchlist } = a.reference;
  const found: SmelterReason[] = [];
  const weak: SmelterReason[] = [];
  const id = r.id;
  const rowCountry = r.row.country?.trim() || null;
  const refCountry = r.known?.country?.trim() || null;
  const countries: string[] = [];
  if (rowCountry && !isUnknown(rowCountry)) countries.push(rowCountry);
  if (refCountry && refCountry !== rowCountry && !isUnknown(refCountry)) countries.push(refCountry);

  // audit-status
  if (facilityList && id) {
    const f = facilityList.entries.get(id);
    if (!f) {
      found.push({ category: 'audit-status', kind: 'not-on-list', source: facilityList.source, message: `${id} is not on the imported RMI facility list: its audit status is unknown.` });
    } else if (!statusAcceptable(f.status, policy)) {
      const why = f.status === 'Active' ? ' (assessment under way, not yet conformant; the policy does not accept Active)' : '';
      found.push({ category: 'audit-status', kind: 'status', source: facilityList.source, message: `RMI status of ${id}: ${f.status}${why}.` });
    }
  }

  // sanctions
  for (const act of actionsFor(id, r.metal, countries)) {
    found.push({ category: 'sanctions', kind: act.action.kind, source: act.source, message: `${act.detail} (${act.action.authority}, ${act.action.date}).` });
  }

  // high-risk-geography
  for (const c of countries) {
    const covered = coveredCountry(c);
    if (covered) found.push({ category: 'high-risk-geography', kind: 'covered-country', source: covered.source, message: `Located in ${covered.name}, a Dodd-Frank covered country.` });
    const useRefState = c === refCountry && (!rowCountry || rowCountry === refCountry);
    const state = (c === rowCountry ? r.row.state?.trim() : null) || (useRefState ? r.known?.state : null) || null;
    const m = matchCahra(c, state);
    if (!m) continue;
    const reason: SmelterReason = { category: 'high-risk-geography', kind: `cahra-${m.level}`, source: m.source, message: `${m.description}.` };
    if (m.level === 'country-has-regions' && !policy.cahraCountryLevel) weak.push(reason);
    else found.push(reason);
  }

  // unrecognized
  if (r.row.lookupKind === 'not-listed' && !id) {
    const label = r.row.name?.trim() ? `"${r.row.name.trim()}"` : 'This smelter';
    found.push({ category: 'unrecognized', kind: 'not-listed', source: lookupSource(), message: `${label} is entered as "Smelter not listed": RMI does not recognise it.` });
  } else if (!id) {
    const raw = r.typedId ?? r.resolvedId;
    found.push({
      category: 'unrecognized', kind: 'no-id', source: lookupSource(),
      message: raw && !ID_PATTERN.test(raw) ? `The row's smelter ID "${raw}" is not an RMI ID.` : 'The row does not resolve to an RMI smelter.',
    });
  } else if (!r.known) {
    found.push({ category: 'unrecognized', kind: 'unknown-id', source: lookupSource(), message: `${id} is not a known RMI smelter ID.` });
  } else if (!facilityList?.entries.has(id) && !a.newerThanHistory(r)) {
    const removed = removedFromHistory(id);
    if (removed) {
      found.push({
        category: 'unrecognized', kind: 'removed-id', source: historyIndex().source,
        message: `${id} is no longer on RMI's list (last listed in ${removed.map((e) => `${e.family} ${e.lastSeen}`).join(', ')}).`,
      });
    }
  }

  // watchlist
  if (watchlist && id) {
    const w = watchlist.entries.get(id);
    if (w) found.push({ category: 'watchlist', kind: 'watchlist', source: watchlist.source, message: `On the watch list: ${w.reason}` });
  }

  let reasons = found;
  let notes = weak;
  if (found.some((x) => !policy.categories[x.category])) {
    reasons = found.filter((x) => policy.categories[x.category]);
    notes = [...found.filter((x) => !policy.categories[x.category]), ...weak];
  }
  return {
    row: r.row.row,
    metal: r.metal,
    cid: id,
    name: r.known?.standardName || r.row.name?.trim() || r.row.lookup?.trim() || null,
    country: rowCountry ?? refCountry,
    interest: reasons.length > 0,
    reasons,
    notes,
  };
}

/** Counts and header sentences for a list of assessments. */
export function summariseSmelters(assessments: readonly SmelterAssessment[], reference: Pick<ReviewReference, 'facilityList' | 'policy'>): SmelterSummary {
  const byCategory = Object.fromEntries(INTEREST_CATEGORIES.map((c) => [c, 0])) as Record<InterestCategory, number>;
  const statusCounts = new Map<string, number>();
  let ofInterest = 0;
  for (const s of assessments) {
    if (s.interest) ofInterest++;
    for (let i = 0; i < s.reasons.length; i++) {
      const c = s.reasons[i]!.category;
      let first = true;
      for (let j = 0; j < i; j++) if (s.reasons[j]!.category === c) first = false;
      if (first) byCategory[c]++;
    }
    if (reference.facilityList) {
      const status = s.cid ? reference.facilityList.entries.get(s.cid)?.status ?? 'Not on list' : 'No RMI ID';
      statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
    }
  }
  const byStatus: Record<string, number> = Object.fromEntries(statusCounts);
  const messages: string[] = [];
  const auditStatusKnown = reference.facilityList !== null;
  if (!auditStatusKnown) {
    messages.push('Audit status unknown: no RMI facility list was imported, so no smelter is shown as conformant or not. Import RMI\'s facility list export to check audit status.');
  } else {
    const src = reference.facilityList!.source;
    messages.push(`Audit status from ${src.name} (${src.date}).${reference.policy.activeAcceptable ? ' "Active" counts as acceptable under the policy.' : ' Only "Conformant" counts as acceptable.'}`);
  }
  const off = INTEREST_CATEGORIES.filter((c) => !reference.policy.categories[c]);
  if (off.length) messages.push(`Not counted under the policy: ${off.join(', ')}.`);
  messages.push(`${ofInterest} of ${assessments.length} smelter(s) of interest.`);
  return { total: assessments.length, ofInterest, byCategory, auditStatusKnown, auditStatusSource: reference.facilityList?.source ?? null, byStatus, messages };
}
