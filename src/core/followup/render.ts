/**
 * Outputs of a follow-up request: plain text to copy (first line "Subject: ..."), an email draft as a mailto:
 * link, the rows of the add-in's "follow-up request" worksheet, and a CSV of the smelters of interest.
 *
 * mailto: follows RFC 6068: subject and body are UTF-8 percent-encoded with encodeURIComponent (so a space is %20,
 * never "+", and "&", "=", "?", "#", "%" and "+" are encoded), line breaks are CRLF (%0D%0A), and the addresses
 * keep their "@". Mail clients and browsers cut long URLs (about 2,000 characters is the safe limit), so when the
 * link would be longer than `maxLength` the body is replaced by a short note asking to paste the copied text.
 */
import { writeCsv, type CsvCell } from '../csv';
import type { Review } from '../review';
import { CATEGORY_LABELS, type FollowUpItem, type FollowUpRequest, type FollowUpSmelter } from './request';

/** The add-in's worksheet for the request (the Excel adapter only writes sheets named "CMRT Review ..."). */
export const FOLLOW_UP_SHEET = 'Follow-up request';

export const DEFAULT_MAILTO_MAX_LENGTH = 1800;

/** Header lines (subject) must stay on one line. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

function sourceText(s: { name: string; date: string; url?: string }): string {
  return `source: ${s.name}, ${s.date}${s.url ? `, ${s.url}` : ''}`;
}

function smelterHeading(s: FollowUpSmelter): string {
  const parts = [s.metal, s.country].filter((x): x is string => !!x);
  return `${s.name ?? '(name not given)'} (${s.id ?? 'no RMI ID'})${parts.length ? ` · ${parts.join(' · ')}` : ''}`;
}

function itemLine(i: FollowUpItem): string {
  return `- ${i.where}: ${i.fromChecker ? '[Checker] ' : ''}${i.message}${i.fix ? ` Fix: ${i.fix}` : ''}`;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function smelterBlock(s: FollowUpSmelter, n: number, lines: string[], kind: FollowUpRequest['kind']): void {
  lines.push(`${n}. ${smelterHeading(s)}`);
  lines.push(`   Row ${s.row} of your Smelter List.`);
  if (s.reasons.length) {
    lines.push(kind === 'request' ? '   Why we ask:' : '   Signals:');
    for (const x of s.reasons) lines.push(`   - ${x.categoryLabel}: ${x.message} (${sourceText(x.source)})`);
  }
  if (s.questions.length) {
    lines.push('   Questions:');
    s.questions.forEach((q, i) => lines.push(`   ${LETTERS[i] ?? String(i + 1)}) ${q}`));
  }
  lines.push('');
}

/** The body without the subject line. */
export function renderBody(req: FollowUpRequest): string {
  const lines: string[] = [];
  const para = (s: string | null | undefined): void => {
    if (s && s.trim()) lines.push(s, '');
  };
  para(req.greeting);
  for (const p of req.paragraphs) para(p);
  if (req.partNumbers.length && req.partNumbersLead) {
    lines.push(req.partNumbersLead);
    for (const p of req.partNumbers) lines.push(`- ${p}`);
    lines.push('');
  }
  para(req.partsNotFoundText);
  if (req.kind === 'fix-list') {
    for (const g of req.fixGroups) {
      lines.push(`${g.sheet}:`);
      for (const i of g.items) lines.push(itemLine(i));
      lines.push('');
    }
    if (req.smelterIdIssues.length) {
      if (req.smelterIdLead) lines.push(req.smelterIdLead);
      for (const i of req.smelterIdIssues) lines.push(itemLine(i));
      lines.push('');
    }
  }
  if (req.smelters.length && req.smelterLead) {
    para(req.smelterLead);
    req.smelters.forEach((s, i) => smelterBlock(s, i + 1, lines, req.kind));
  }
  if (req.gaps.length && req.gapsLead) {
    lines.push(req.gapsLead);
    for (const i of req.gaps) lines.push(itemLine(i));
    lines.push('');
  }
  if (req.kind === 'request') {
    para(req.responseDue);
    para(req.closing);
    para(req.signature);
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** The request as plain text for copying; the first line is "Subject: ...". Line breaks are "\n". */
export function renderText(req: FollowUpRequest): string {
  return `Subject: ${oneLine(req.subject)}\n\n${renderBody(req)}\n`;
}

/** Lone surrogates make encodeURIComponent throw: replace them with U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** RFC 6068 hfvalue: UTF-8 percent-encoding, CRLF line breaks. */
export function encodeMailtoValue(s: string): string {
  return encodeURIComponent(wellFormed(s).replace(/\r\n|\r|\n/g, '\r\n'));
}

/** The "to" part: addresses separated by commas, each percent-encoded except its "@". */
export function encodeMailtoAddresses(to: string): string {
  return to
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => encodeURIComponent(wellFormed(a)).replace(/%40/g, '@'))
    .join(',');
}

export interface MailtoOptions {
  /** Recipient(s), comma-separated; defaults to the supplier's email on the declaration. Pass "" for none. */
  to?: string;
  /** Longest URL to return (default 1800 characters). */
  maxLength?: number;
}

export interface MailtoResult {
  url: string;
  /** True when the body was replaced by the fallback note (or the subject shortened) to fit `maxLength`. */
  truncated: boolean;
}

function buildMailto(to: string, subject: string, body: string): string {
  const query: string[] = [];
  if (subject) query.push(`subject=${encodeMailtoValue(subject)}`);
  if (body) query.push(`body=${encodeMailtoValue(body)}`);
  return `mailto:${encodeMailtoAddresses(to)}${query.length ? `?${query.join('&')}` : ''}`;
}

/** An email draft link. When the full body does not fit, the body becomes the request's fallback note. */
export function mailtoUrl(req: FollowUpRequest, options: MailtoOptions = {}): MailtoResult {
  const max = options.maxLength ?? DEFAULT_MAILTO_MAX_LENGTH;
  const to = options.to ?? req.to ?? '';
  const subject = oneLine(req.subject);
  const full = buildMailto(to, subject, renderBody(req));
  if (full.length <= max) return { url: full, truncated: false };
  const note = req.emailFallback;
  let url = buildMailto(to, subject, note);
  if (url.length <= max) return { url, truncated: true };
  // Still too long (a very long subject): shorten the subject, by whole code points, until the link fits.
  const chars = Array.from(subject);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (buildMailto(to, `${chars.slice(0, mid).join('')}…`, note).length <= max) lo = mid;
    else hi = mid - 1;
  }
  url = buildMailto(to, lo > 0 ? `${chars.slice(0, lo).join('')}…` : '', note);
  return { url, truncated: true };
}

export type SheetRow = (string | number)[];

/**
 * Rows for the add-in's follow-up worksheet (written by the Excel adapter as text, so nothing runs as a formula):
 * the subject and recipient, the declaration reviewed, the message, then tables of the smelters (one row per
 * reason) and of the points to correct.
 */
export function followUpSheetRows(req: FollowUpRequest): SheetRow[] {
  const d = req.declaration;
  const rows: SheetRow[] = [];
  rows.push([req.kind === 'request' ? 'Follow-up request' : 'Fix before sending']);
  rows.push(['Subject', oneLine(req.subject)]);
  if (req.kind === 'request') rows.push(['To', req.to ?? '']);
  rows.push(['Created', req.createdAt]);
  rows.push([]);
  rows.push(['Declaration reviewed']);
  rows.push(['Company', d.company ?? '']);
  rows.push(['Template', `${d.family} ${d.version}`]);
  rows.push(['Scope', d.scopeText ?? '']);
  if (d.scope === 'user-defined') rows.push(['Scope description', d.scopeDescription ?? '']);
  rows.push(['Effective date', d.effectiveDate ?? '']);
  if (req.partNumbers.length) rows.push(['Our part numbers', req.partNumbers.join(', ')]);
  if (req.partsNotFound.length) rows.push(['Not on the Product List', req.partsNotFound.join(', ')]);
  if (req.kind === 'request') {
    rows.push(['Response due', req.dueDate]);
    rows.push(['Contact', req.contact ? [req.contact.name, req.contact.email].filter(Boolean).join(', ') : '']);
  }
  rows.push([]);
  rows.push(['Message']);
  for (const line of renderBody(req).split('\n')) rows.push([line]);
  if (req.smelters.length) {
    rows.push([]);
    rows.push([req.kind === 'request' ? 'Smelters of interest' : 'Smelters your customers may ask about']);
    rows.push(['Smelter List row', 'Smelter', 'Smelter ID', 'Metal', 'Country', 'Category', 'Reason', 'Source', 'Source date', 'Source URL']);
    for (const s of req.smelters) {
      for (const x of s.reasons) {
        rows.push([s.row, s.name ?? '', s.id ?? '', s.metal ?? '', s.country ?? '', x.categoryLabel, x.message, x.source.name, x.source.date, x.source.url ?? '']);
      }
    }
  }
  const items = req.kind === 'request' ? req.gaps : [...req.fixGroups.flatMap((g) => g.items), ...req.smelterIdIssues];
  if (items.length) {
    rows.push([]);
    rows.push([req.kind === 'request' ? 'Points to correct' : 'Points to fix']);
    rows.push(['Sheet', 'Cell', 'Row', 'Severity', 'Checker', 'Issue', 'How to fix', 'Rule']);
    for (const i of items) rows.push([i.sheet, i.cell ?? '', i.row ?? '', i.severity, i.fromChecker ? 'yes' : '', i.message, i.fix ?? '', i.rule]);
  }
  return rows;
}

export const SMELTER_CSV_HEADER: readonly string[] = [
  'Smelter List row', 'Metal', 'Smelter name', 'Smelter ID', 'Country', 'Category', 'Reason', 'Source', 'Source date', 'Source URL',
];

export interface SmelterCsvOptions {
  /** UTF-8 byte-order mark, so that Excel reads the encoding (default true). */
  bom?: boolean;
}

/**
 * The smelters of interest as CSV, one row per reason (a smelter with two reasons has two rows). Text cells that a
 * spreadsheet would run as a formula (= + - @, tab, CR) are neutralised by csv.ts's writer; CRLF line ends.
 */
export function smelterCsv(review: Review, options: SmelterCsvOptions = {}): string {
  const rows: CsvCell[][] = [[...SMELTER_CSV_HEADER]];
  for (const s of [...review.smelters].filter((x) => x.interest).sort((a, b) => a.row - b.row)) {
    for (const x of s.reasons) {
      rows.push([s.row, s.metal, s.name, s.cid, s.country, CATEGORY_LABELS[x.category] ?? x.category, x.message, x.source.name, x.source.date, x.source.url ?? '']);
    }
  }
  return writeCsv(rows, { bom: options.bom ?? true });
}
