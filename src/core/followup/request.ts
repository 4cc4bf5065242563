/**
 * The follow-up builder (issue #8): from a review, a structured request to send back to the supplier, in the
 * spirit of step 3 of the OECD Due Diligence Guidance (respond to identified risks).
 *
 * Buyer mode gives a request: the declaration reviewed (company, template version, scope, effective date), the
 * buyer's part numbers, each smelter of interest with its reasons (each naming its source and date) and the
 * questions to ask about it (is it in the supply chain of our parts; a product-level or user-defined-scope
 * declaration covering them; the mitigation planned and by when), the completeness gaps to correct, a response
 * due date and a contact. A company-level declaration is named as the reason for asking at product level; a
 * product-level one is asked to confirm that its products cover ours.
 *
 * Supplier mode gives a "fix before sending" list instead: Checker items and error/warning findings with their
 * fix and cell, grouped by sheet, plus the smelter ID issues, and the smelters customers are likely to ask about.
 *
 * Every sentence comes from a `FollowUpTemplate` (see template.ts), so the user's edited wording applies. The
 * result is plain data; render.ts turns it into text, a mailto: link, worksheet rows and a CSV.
 */
import type { Finding, ScopeKind, Severity } from '../model';
import type { InterestCategory } from '../policy';
import type { SourceInfo } from '../reference/types';
import type { Review } from '../review';
import type { Role } from '../rules/rule';
import { DEFAULT_TEMPLATE, cloneTemplate, renderTemplate, type FollowUpTemplate, type TemplateValues } from './template';

export {
  DEFAULT_TEMPLATE, PLACEHOLDERS, parseTemplate, placeholdersIn, renderTemplate, serialiseTemplate,
  type FollowUpTemplate, type TemplateParseResult, type TemplateValues,
} from './template';

export interface FollowUpContact {
  name: string;
  email?: string;
}

export interface FollowUpOptions {
  role: Role;
  /** The buyer's part numbers the request is about (blank entries and repeats are dropped). */
  partNumbers?: readonly string[];
  /** Who the supplier should reply to. */
  contact?: FollowUpContact;
  /** Days until the response is due (whole number, 1-365; default 30). */
  dueDays?: number;
  /** "Today"; the due date counts from it (UTC calendar days). */
  now: Date;
  /** The user's edited wording; the default wording otherwise. */
  templateText?: FollowUpTemplate;
}

export const DEFAULT_DUE_DAYS = 30;
export const MAX_DUE_DAYS = 365;

export const CATEGORY_LABELS: Readonly<Record<InterestCategory, string>> = Object.freeze({
  'audit-status': 'Audit status',
  sanctions: 'Sanctions, delistings and import bans',
  'high-risk-geography': 'High-risk geography',
  unrecognized: 'Not recognised by RMI',
  watchlist: 'Watch list',
});

export interface FollowUpReason {
  category: InterestCategory;
  categoryLabel: string;
  message: string;
  source: SourceInfo;
}

export interface FollowUpSmelter {
  /** 1-based Smelter List row. */
  row: number;
  name: string | null;
  id: string | null;
  metal: string | null;
  country: string | null;
  reasons: FollowUpReason[];
  /** The per-smelter questions, rendered (empty in supplier mode). */
  questions: string[];
}

/** One point to correct: a Checker item or a finding, with its position and fix. */
export interface FollowUpItem {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string | null;
  row: number | null;
  /** "Declaration!D16", "Smelter List row 12", "Smelter List". */
  where: string;
  message: string;
  /** How to fix it, addressed to the supplier; null when the message already says it. */
  fix: string | null;
  /** Flagged by the template's own Checker (the customer's copy will flag it too). */
  fromChecker: boolean;
}

export interface FollowUpSheetGroup {
  sheet: string;
  items: FollowUpItem[];
}

/** The declaration the request is about, as the supplier stated it. */
export interface ReviewedDeclaration {
  family: string;
  version: string;
  company: string | null;
  /** Normalised scope kind, null when not stated or not recognised. */
  scope: ScopeKind | null;
  /** The scope as stated in the template, e.g. "A. Company". */
  scopeText: string | null;
  scopeDescription: string | null;
  /** ISO date when the cell holds a date, else the cell's text; null when empty. */
  effectiveDate: string | null;
  /** The supplier's contact on the declaration. */
  contactName: string | null;
  contactEmail: string | null;
  products: { number: string | null; name: string | null }[];
}

export interface FollowUpRequest {
  /** "request" (buyer) or "fix-list" (supplier: what to fix before sending). */
  kind: 'request' | 'fix-list';
  role: Role;
  /** Whether anything needs asking or fixing. */
  needsFollowUp: boolean;
  /** ISO timestamp of `now`. */
  createdAt: string;
  subject: string;
  /** Empty in supplier mode. */
  greeting: string;
  /** Opening paragraphs: what was reviewed, why we ask at product level, or "nothing to ask". */
  paragraphs: string[];
  declaration: ReviewedDeclaration;
  /** The supplier's email from the declaration, when it looks like one: the natural "to" of an email draft. */
  to: string | null;
  partNumbers: string[];
  partNumbersLead: string | null;
  /** Product-level declaration: our part numbers its Product List does not show. */
  partsNotFound: string[];
  partsNotFoundText: string | null;
  smelterLead: string | null;
  smelters: FollowUpSmelter[];
  gapsLead: string | null;
  /** Buyer mode: points the supplier should correct (Checker items first). */
  gaps: FollowUpItem[];
  /** Supplier mode: points to fix, grouped by sheet in template order. */
  fixGroups: FollowUpSheetGroup[];
  /** Supplier mode: smelter ID issues on the Smelter List. */
  smelterIdIssues: FollowUpItem[];
  smelterIdLead: string | null;
  dueDays: number;
  /** ISO date (YYYY-MM-DD), `now` + `dueDays` calendar days (UTC). */
  dueDate: string;
  responseDue: string;
  contact: FollowUpContact | null;
  closing: string;
  signature: string;
  /** Body for an email link when the full text is too long for a URL. */
  emailFallback: string;
  /** The wording used. */
  template: FollowUpTemplate;
}

/** Rules about a smelter's identification (listed separately in supplier mode). */
export const SMELTER_ID_RULES: ReadonlySet<string> = new Set([
  'smelter/unknown-id', 'smelter/malformed-id', 'smelter/removed-id', 'smelter/typed-id-mismatch',
  'smelter/lookup-not-in-list', 'smelter/metal-mismatch', 'smelter/name-mismatch', 'smelter/not-listed',
]);

/** Fix texts for rules whose own fix is addressed to the buyer ("ask the supplier ..."). */
const SUPPLIER_FACING_FIX: Readonly<Record<string, string>> = {
  'smelter/removed-id': 'Confirm whether this smelter still supplies, and give its current RMI ID or details.',
  'smelter/not-listed': 'Give the smelter\'s full name, address and any RMI ID; if RMI lists it, choose it in column C.',
};

const SHEET_ORDER = ['Declaration', 'Smelter List', 'Product List', 'Mine List', 'Checker'];

const text = (s: string | null | undefined): string | null => {
  const t = s?.trim();
  return t ? t : null;
};

function cellText(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  return text(String(raw));
}

function whereOf(f: Pick<Finding, 'sheet' | 'cell' | 'row'>): string {
  if (f.cell) return `${f.sheet}!${f.cell}`;
  if (f.row) return `${f.sheet} row ${f.row}`;
  return f.sheet;
}

function toItem(f: Finding): FollowUpItem {
  const fromChecker = f.rule.startsWith('checker/');
  let fix = f.fix ?? null;
  if (fix && /\bask the supplier\b/i.test(fix)) fix = SUPPLIER_FACING_FIX[f.rule] ?? null;
  if (fix !== null && fix.trim() === f.message.trim()) fix = null;
  return { rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, row: f.row, where: whereOf(f), message: f.message, fix, fromChecker };
}

function sheetRank(sheet: string): number {
  const i = SHEET_ORDER.indexOf(sheet);
  return i < 0 ? SHEET_ORDER.length : i;
}

function groupBySheet(items: readonly FollowUpItem[]): FollowUpSheetGroup[] {
  const groups = new Map<string, FollowUpItem[]>();
  for (const it of items) {
    const g = groups.get(it.sheet);
    if (g) g.push(it);
    else groups.set(it.sheet, [it]);
  }
  return [...groups.entries()]
    .sort((a, b) => sheetRank(a[0]) - sheetRank(b[0]))
    .map(([sheet, list]) => ({ sheet, items: list }));
}

/** Dates count in UTC calendar days, like the rest of the core. */
export function addDays(now: Date, days: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

function normalisePartNumbers(parts: readonly string[] | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of parts ?? []) {
    const t = typeof p === 'string' ? p.trim() : '';
    const k = partKey(t);
    if (!t || seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}

const partKey = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

function reviewedDeclaration(review: Review): ReviewedDeclaration {
  const c = review.declaration.company;
  return {
    family: review.template.family,
    version: review.template.version,
    company: text(c.companyName.value) ?? cellText(c.companyName.raw),
    scope: c.scope,
    scopeText: text(c.declarationScope.value) ?? cellText(c.declarationScope.raw),
    scopeDescription: text(c.scopeDescription.value) ?? cellText(c.scopeDescription.raw),
    effectiveDate: text(c.effectiveDate.value) ?? cellText(c.effectiveDate.raw),
    contactName: text(c.contactName.value),
    contactEmail: text(c.contactEmail.value),
    products: review.declaration.products
      .filter((p) => text(p.number) || text(p.name) || text(p.requesterNumber))
      .map((p) => ({ number: text(p.number), name: text(p.name) })),
  };
}

/** Our part numbers that a product-level declaration's Product List does not show (by its or the requester's number). */
function partsMissingFromProductList(review: Review, parts: readonly string[]): string[] {
  const listed = new Set<string>();
  for (const p of review.declaration.products) {
    for (const n of [p.number, p.requesterNumber ?? null]) if (text(n)) listed.add(partKey(n!));
  }
  return parts.filter((p) => !listed.has(partKey(p)));
}

function validDueDays(days: number | undefined): number {
  if (days === undefined) return DEFAULT_DUE_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DUE_DAYS) {
    throw new RangeError(`The response time must be a whole number of days from 1 to ${MAX_DUE_DAYS}, not ${String(days)}.`);
  }
  return days;
}

function ourParts(parts: readonly string[]): string {
  if (!parts.length) return 'the parts you sell us';
  if (parts.length <= 5) return `the parts you sell us (our part numbers: ${parts.join(', ')})`;
  return 'the parts you sell us (our part numbers are listed in this request)';
}

/** Builds the follow-up request (buyer) or the "fix before sending" list (supplier) for a review. */
export function buildFollowUp(review: Review, options: FollowUpOptions): FollowUpRequest {
  const t = cloneTemplate(options.templateText ?? DEFAULT_TEMPLATE);
  const role = options.role;
  const dueDays = validDueDays(options.dueDays);
  const dueDate = addDays(options.now, dueDays);
  const decl = reviewedDeclaration(review);
  const partNumbers = normalisePartNumbers(options.partNumbers);
  const contactName = text(options.contact?.name);
  const contactEmail = text(options.contact?.email);
  const contact: FollowUpContact | null = contactName || contactEmail ? { name: contactName ?? '', ...(contactEmail ? { email: contactEmail } : {}) } : null;
  const ofInterest = review.smelters.filter((s) => s.interest).sort((a, b) => a.row - b.row);
  // Buyer: points to correct. A removed-ID warning on a smelter of interest repeats its reason: not listed twice.
  const soiRows = new Set(ofInterest.map((s) => s.row));
  const gaps = review.findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .filter((f) => !(f.rule === 'smelter/removed-id' && f.row !== null && soiRows.has(f.row)))
    .map(toItem);

  const values: Record<string, string | number | null> = {
    family: decl.family,
    version: decl.version,
    company: decl.company ?? 'company not stated',
    recipient: decl.contactName ?? (decl.company ? `${decl.company} team` : 'Sir or Madam'),
    scope: decl.scopeText ?? 'not stated',
    scopeDescription: decl.scopeDescription ?? 'not described',
    effectiveDate: decl.effectiveDate ?? 'not given',
    ourParts: ourParts(partNumbers),
    partNumbers: partNumbers.join(', '),
    smelterCount: ofInterest.length,
    gapCount: role === 'buyer' ? gaps.length : review.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length,
    dueDate,
    dueDays,
    contact: contactName && contactEmail ? `${contactName} (${contactEmail})` : contactName ?? contactEmail ?? 'us',
    contactName: contactName ?? '',
    contactEmail: contactEmail ?? '',
  };
  const r = (s: string, extra: TemplateValues = {}): string => renderTemplate(s, { ...values, ...extra });

  const smelters: FollowUpSmelter[] = ofInterest.map((s) => {
    const local = { smelterName: s.name ?? 'this smelter', smelterId: s.cid ?? 'no RMI ID', metal: s.metal ?? '', country: s.country ?? '' };
    return {
      row: s.row,
      name: s.name,
      id: s.cid,
      metal: s.metal,
      country: s.country,
      reasons: s.reasons.map((x) => ({ category: x.category, categoryLabel: CATEGORY_LABELS[x.category] ?? x.category, message: x.message, source: { ...x.source } })),
      questions: role === 'buyer' ? t.smelterQuestions.map((q) => r(q, local)) : [],
    };
  });

  const base = {
    role,
    createdAt: options.now.toISOString(),
    declaration: decl,
    to: decl.contactEmail && /^[^@\s]+@[^@\s]+$/.test(decl.contactEmail) ? decl.contactEmail : null,
    partNumbers,
    smelters,
    dueDays,
    dueDate,
    responseDue: r(t.responseDue),
    contact,
    closing: r(t.closing),
    signature: r(t.signature).replace(/\s+$/, ''),
    emailFallback: r(t.emailFallback),
    template: t,
  };

  if (role === 'supplier') {
    const relevant = review.findings.filter((f) => f.severity === 'error' || f.severity === 'warning' || (f.severity === 'info' && SMELTER_ID_RULES.has(f.rule)));
    const idIssues = relevant.filter((f) => SMELTER_ID_RULES.has(f.rule)).map(toItem);
    const fixes = relevant.filter((f) => !SMELTER_ID_RULES.has(f.rule)).map(toItem);
    const fixGroups = groupBySheet(fixes);
    const needs = fixes.length > 0 || idIssues.some((i) => i.severity !== 'info');
    return {
      ...base,
      kind: 'fix-list',
      needsFollowUp: needs,
      subject: r(t.fixSubject),
      greeting: '',
      paragraphs: [r(fixes.length || idIssues.length ? t.fixIntro : t.fixNothing)],
      partNumbersLead: null,
      partsNotFound: [],
      partsNotFoundText: null,
      smelterLead: smelters.length ? r(t.fixSmelterLead) : null,
      gapsLead: null,
      gaps: [],
      fixGroups,
      smelterIdIssues: idIssues,
      smelterIdLead: idIssues.length ? r(t.fixSmelterIdLead) : null,
    };
  }

  const partsNotFound = decl.scope === 'product' && partNumbers.length ? partsMissingFromProductList(review, partNumbers) : [];
  const paragraphs = [r(t.intro)];
  if (smelters.length) {
    const scopeText = decl.scope === 'company' ? t.introCompanyLevel
      : decl.scope === 'product' ? t.introProductLevel
        : decl.scope === 'user-defined' ? t.introUserDefined
          : t.introScopeUnknown;
    paragraphs.push(r(scopeText));
  }
  const needsFollowUp = smelters.length > 0 || review.checker.incomplete > 0 || review.summary.errors > 0 || partsNotFound.length > 0;
  if (!smelters.length && !gaps.length && !partsNotFound.length) paragraphs.push(r(t.nothingToAsk));
  return {
    ...base,
    kind: 'request',
    needsFollowUp,
    subject: r(smelters.length ? t.subject : t.subjectGapsOnly),
    greeting: r(t.greeting),
    paragraphs,
    partNumbersLead: partNumbers.length ? r(t.partNumbersLead) : null,
    partsNotFound,
    partsNotFoundText: partsNotFound.length ? r(t.partNumbersNotFound, { partNumbers: partsNotFound.join(', ') }) : null,
    smelterLead: smelters.length ? r(t.smelterLead) : null,
    gapsLead: gaps.length ? r(t.gapsLead) : null,
    gaps,
    fixGroups: [],
    smelterIdIssues: [],
    smelterIdLead: null,
  };
}
