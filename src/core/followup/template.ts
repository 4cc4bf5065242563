/**
 * The wording of the follow-up request, as data: every sentence the request uses is a template string with
 * `{placeholders}`, so that a user can edit the wording in the task pane and keep the edited version
 * (`serialiseTemplate` / `parseTemplate`).
 *
 * Placeholders are plain names in braces: `{company}`. `renderTemplate` replaces known names with their values in
 * one pass (a value is never scanned again, so a supplier's company name such as "{dueDate}" stays as typed);
 * unknown names are left visible, so a typo shows in the output instead of vanishing; `{{` and `}}` write literal
 * braces. Nothing is evaluated.
 *
 * The default wording is factual and non-accusatory: a smelter is "listed in your declaration", and a reason is a
 * "due-diligence signal, not a finding of wrongdoing". It follows step 3 of the OECD Due Diligence Guidance
 * (respond to identified risks): ask for product-level clarity, and for the mitigation planned and its timing.
 */
import type { ImportMessage } from '../reference/types';

export interface FollowUpTemplate {
  /** Subject when the request asks about smelters of interest. */
  subject: string;
  /** Subject when the request only asks for corrections (no smelter of interest). */
  subjectGapsOnly: string;
  greeting: string;
  /** Opening paragraph: thanks, and what was reviewed. */
  intro: string;
  /** Why we ask at product level: the declaration is company-level. */
  introCompanyLevel: string;
  /** The declaration is product-level: ask to confirm that its products cover ours. */
  introProductLevel: string;
  /** The declaration has a user-defined scope: ask to confirm that the scope covers our parts. */
  introUserDefined: string;
  /** The declaration does not state a recognisable scope. */
  introScopeUnknown: string;
  /** Lead-in of the smelter section: what "of interest" means (non-accusatory). */
  smelterLead: string;
  /** Questions asked for each smelter of interest; smelter placeholders available. */
  smelterQuestions: string[];
  /** Lead-in of the part-number list. */
  partNumbersLead: string;
  /** Product-level declaration: our part numbers that its Product List does not show. */
  partNumbersNotFound: string;
  /** Lead-in of the list of corrections. */
  gapsLead: string;
  /** Asked when the request has no smelter of interest and no correction (an acknowledgement). */
  nothingToAsk: string;
  /** The response due date. */
  responseDue: string;
  closing: string;
  signature: string;
  /** Email body used instead of the full text when it is too long for a mailto: link. */
  emailFallback: string;
  /** Supplier mode: subject of the "fix before sending" list. */
  fixSubject: string;
  /** Supplier mode: opening of the list. */
  fixIntro: string;
  /** Supplier mode: lead-in of the smelter ID issues. */
  fixSmelterIdLead: string;
  /** Supplier mode: lead-in of the smelters customers are likely to ask about. */
  fixSmelterLead: string;
  /** Supplier mode: when there is nothing to fix. */
  fixNothing: string;
}

export type TemplateKey = keyof FollowUpTemplate;
/** Keys holding one text (all but the question list). */
export type TextKey = Exclude<TemplateKey, 'smelterQuestions'>;

export const DEFAULT_TEMPLATE: Readonly<FollowUpTemplate> = Object.freeze({
  subject: 'Your {family} {version} ({company}): product-level information on {smelterCount} smelter(s)',
  subjectGapsOnly: 'Your {family} {version} ({company}): corrections requested',
  greeting: 'Dear {recipient},',
  intro: 'Thank you for the {family} you sent us for {company} (template version {version}, scope: {scope}, effective date {effectiveDate}). We have reviewed it as part of our supply-chain due diligence.',
  introCompanyLevel: 'Your declaration is company-level: it covers all of your products, so it does not show which smelters are in the supply chain of {ourParts}. This is why we ask for information at product level.',
  introProductLevel: 'Your declaration is product-level. Please confirm that the products it lists cover {ourParts}.',
  introUserDefined: 'Your declaration has a user-defined scope ({scopeDescription}). Please confirm that this scope covers {ourParts}.',
  introScopeUnknown: 'Your declaration does not state its scope, so we cannot tell whether it covers {ourParts}. Please state the scope, or send a product-level declaration covering them.',
  smelterLead: 'The following {smelterCount} smelter(s) listed in your declaration carry a due-diligence signal from the reference data named with each one. A signal is not a finding of wrongdoing; we ask only to understand whether the smelter concerns the parts you supply to us.',
  smelterQuestions: [
    'Is this smelter in the supply chain of {ourParts}?',
    'If it is: please send a product-level (or user-defined scope) {family} covering those parts, or confirm that a declaration you have already sent us covers them.',
    'If it is: what mitigation do you plan for this smelter (for example engaging it towards an RMI assessment, or changing source), and by when?',
  ],
  partNumbersLead: 'Our part numbers concerned:',
  partNumbersNotFound: 'These part numbers of ours do not appear on your Product List: {partNumbers}.',
  gapsLead: 'Please also correct the following points in the template (the template\'s own Checker or our review flagged them):',
  nothingToAsk: 'We have no questions about it at this time.',
  responseDue: 'We would be grateful for your reply by {dueDate}.',
  closing: 'Thank you for your help. If anything is unclear, please contact {contact}.',
  signature: 'Kind regards,\n{contactName}',
  emailFallback: 'The full request is too long for an email link. Please paste here the text copied from CMRT Review (Copy text), or attach the exported request.',
  fixSubject: 'Fix before sending: {family} {version} ({company})',
  fixIntro: 'Before sending this {family} to your customers, please correct the points below. Points marked "Checker" are flagged by the template\'s own Checker, which your customers will see too.',
  fixSmelterIdLead: 'Smelter IDs to check on the Smelter List:',
  fixSmelterLead: 'Smelters your customers are likely to ask about (due-diligence signals from reference data, not findings of wrongdoing):',
  fixNothing: 'Nothing to fix: the Checker is complete and the review found no errors or warnings.',
}) as Readonly<FollowUpTemplate>;

export const TEMPLATE_KEYS: readonly TemplateKey[] = Object.keys(DEFAULT_TEMPLATE) as TemplateKey[];

/** Placeholders the builder fills, with what they hold (for the template editor). */
export const PLACEHOLDERS: Readonly<Record<string, string>> = Object.freeze({
  family: 'Template family: CMRT, EMRT, CRT or AMRT',
  version: 'Template version, e.g. 6.5',
  company: 'Company name on the declaration',
  recipient: 'The declaration\'s contact name, else "<company> team"',
  scope: 'Declaration scope as stated',
  scopeDescription: 'Description of a user-defined scope',
  effectiveDate: 'Effective date of the declaration',
  ourParts: '"the parts you sell us", with our part numbers when given',
  partNumbers: 'Our part numbers, comma-separated',
  smelterCount: 'Number of smelters of interest',
  gapCount: 'Number of points to correct',
  dueDate: 'Response due date (ISO)',
  dueDays: 'Days until the response is due',
  contact: 'Our contact: name and email',
  contactName: 'Our contact\'s name',
  contactEmail: 'Our contact\'s email',
  smelterName: 'Smelter name (per-smelter questions)',
  smelterId: 'Smelter RMI ID (per-smelter questions)',
  metal: 'Metal of the smelter (per-smelter questions)',
  country: 'Country of the smelter (per-smelter questions)',
});

export type TemplateValues = Readonly<Record<string, string | number | null | undefined>>;

const PLACEHOLDER = /\{\{|\}\}|\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/**
 * Replaces `{name}` with `values[name]` in one pass. A name absent from `values` stays visible as `{name}`;
 * a name present with a null/undefined value becomes empty. `{{` and `}}` give literal braces.
 */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (match, name: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    if (name === undefined || !Object.prototype.hasOwnProperty.call(values, name)) return match;
    const v = values[name];
    return v === null || v === undefined ? '' : String(v);
  });
}

/** Placeholder names a text uses (excluding escaped braces). */
export function placeholdersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (m[1] && !out.includes(m[1])) out.push(m[1]);
  return out;
}

export const TEMPLATE_FORMAT = 'cmrt-review/followup-template';
export const TEMPLATE_FORMAT_VERSION = 1;
/** Longest text accepted for one template entry. */
export const MAX_TEMPLATE_TEXT = 4000;
/** Most per-smelter questions accepted. */
export const MAX_SMELTER_QUESTIONS = 10;

export function cloneTemplate(t: Readonly<FollowUpTemplate> = DEFAULT_TEMPLATE): FollowUpTemplate {
  return { ...t, smelterQuestions: [...t.smelterQuestions] };
}

/** JSON text of an edited template, for the task pane to persist (settings or local storage). Only edited keys are kept. */
export function serialiseTemplate(template: Readonly<FollowUpTemplate>): string {
  const edited: Partial<Record<TemplateKey, string | string[]>> = {};
  for (const key of TEMPLATE_KEYS) {
    const v = template[key];
    const d = DEFAULT_TEMPLATE[key];
    const same = Array.isArray(v) && Array.isArray(d) ? v.length === d.length && v.every((x, i) => x === d[i]) : v === d;
    if (!same) edited[key] = Array.isArray(v) ? [...v] : v;
  }
  return JSON.stringify({ format: TEMPLATE_FORMAT, version: TEMPLATE_FORMAT_VERSION, template: edited }, null, 2);
}

export interface TemplateParseResult {
  /** Always usable: defaults stand in for anything missing or invalid. */
  template: FollowUpTemplate;
  messages: ImportMessage[];
}

/**
 * Reads a persisted template. Invalid JSON or a foreign format gives the default template with an error; a key
 * with a wrong type or too long a text keeps its default with a warning; unknown keys are dropped with a warning;
 * unknown placeholders are kept (they render visibly) with an info message.
 */
export function parseTemplate(text: string): TemplateParseResult {
  const messages: ImportMessage[] = [];
  const template = cloneTemplate();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    messages.push({ severity: 'error', code: 'invalid-json', message: `The saved wording is not valid JSON (${(e as Error).message}); the default wording is used.` });
    return { template, messages };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    messages.push({ severity: 'error', code: 'not-an-object', message: 'The saved wording is not a JSON object; the default wording is used.' });
    return { template, messages };
  }
  const o = doc as Record<string, unknown>;
  if (o.format !== TEMPLATE_FORMAT) {
    messages.push({ severity: 'error', code: 'wrong-format', message: `The saved wording is not a CMRT Review follow-up template (format "${String(o.format)}"); the default wording is used.` });
    return { template, messages };
  }
  if (typeof o.version !== 'number' || o.version > TEMPLATE_FORMAT_VERSION) {
    messages.push({ severity: 'warning', code: 'newer-version', message: `The saved wording has format version ${String(o.version)}; this version reads ${TEMPLATE_FORMAT_VERSION}. Entries it does not know are ignored.` });
  }
  const body = o.template;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    messages.push({ severity: 'error', code: 'no-template', message: 'The saved wording has no "template" object; the default wording is used.' });
    return { template, messages };
  }
  const known = new Set(Object.keys(PLACEHOLDERS));
  const checkPlaceholders = (key: string, s: string): void => {
    const unknown = placeholdersIn(s).filter((p) => !known.has(p));
    if (unknown.length) {
      messages.push({ severity: 'info', code: 'unknown-placeholder', message: `"${key}" uses ${unknown.map((p) => `{${p}}`).join(', ')}, which the request does not fill; it will show as typed.` });
    }
  };
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (!(TEMPLATE_KEYS as readonly string[]).includes(key)) {
      messages.push({ severity: 'warning', code: 'unknown-key', message: `Unknown wording entry "${key}" ignored.` });
      continue;
    }
    const k = key as TemplateKey;
    if (k === 'smelterQuestions') {
      if (!Array.isArray(value) || !value.every((q) => typeof q === 'string')) {
        messages.push({ severity: 'warning', code: 'wrong-type', message: '"smelterQuestions" must be a list of texts; the default questions are used.' });
        continue;
      }
      const qs = (value as string[]).filter((q) => q.trim() !== '');
      if (qs.length === 0 || qs.length > MAX_SMELTER_QUESTIONS || qs.some((q) => q.length > MAX_TEMPLATE_TEXT)) {
        messages.push({ severity: 'warning', code: 'invalid-questions', message: `"smelterQuestions" needs 1 to ${MAX_SMELTER_QUESTIONS} non-empty questions of at most ${MAX_TEMPLATE_TEXT} characters; the default questions are used.` });
        continue;
      }
      qs.forEach((q) => checkPlaceholders(k, q));
      template.smelterQuestions = qs;
      continue;
    }
    if (typeof value !== 'string') {
      messages.push({ severity: 'warning', code: 'wrong-type', message: `"${k}" must be a text; the default is used.` });
      continue;
    }
    if (value.length > MAX_TEMPLATE_TEXT) {
      messages.push({ severity: 'warning', code: 'too-long', message: `"${k}" is longer than ${MAX_TEMPLATE_TEXT} characters; the default is used.` });
      continue;
    }
    checkPlaceholders(k, value);
    template[k as TextKey] = value;
  }
  return { template, messages };
}
