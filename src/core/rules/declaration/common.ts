/**
 * Helpers shared by the declaration rules: positions of Declaration fields, the answer to a question by topic (never
 * by number: the numbers differ between families), and the wording of values, questions and roles in messages.
 */
import { parseA1 } from '../../grid';
import type { CompanyQuestion, Field, MetalAnswers } from '../../model';
import type { Report, Role } from '../rule';

export const DECLARATION_SHEET = 'Declaration';

/** 1-based row of an A1 address, or null when the address is not one. */
export function rowOf(cell: string | null | undefined): number | null {
  if (!cell) return null;
  try {
    return parseA1(cell).row;
  } catch {
    return null;
  }
}

/** The position of a field, for a finding. */
export function at(f: Field): { sheet: string; cell: string; row: number | null } {
  return { sheet: f.sheet, cell: f.cell, row: rowOf(f.cell) };
}

type FindingInput = Parameters<Report>[0];

/** Reports a finding at a field's cell. */
export function reportAt(report: Report, f: Field, finding: Omit<FindingInput, 'sheet' | 'cell' | 'row'>): void {
  report({ ...at(f), ...finding });
}

/** Quotes a cell value for a message, shortened when long; tabs and line breaks made visible. */
export function q(value: unknown): string {
  const v = value === null || value === undefined ? '' : String(value);
  const shown = v.replace(/\t/g, '\\t').replace(/\r?\n/g, '\\n');
  return `"${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}"`;
}

/** The raw cell value as text (what the supplier typed), or null for an empty cell. */
export function rawText(f: Field): string | null {
  if (f.raw === null || f.raw === undefined) return null;
  return String(f.raw);
}

/** Human labels of the company fields, as the template names them. */
export const FIELD_LABELS: Record<string, string> = {
  companyName: 'Company name',
  declarationScope: 'Declaration scope',
  scopeDescription: 'Description of scope',
  companyId: 'Company unique ID',
  companyIdAuthority: 'Company unique ID authority',
  address: 'Address',
  contactName: 'Contact name',
  contactEmail: 'Contact email',
  contactPhone: 'Contact phone',
  authorizerName: 'Authorizer',
  authorizerTitle: 'Authorizer title',
  authorizerEmail: 'Authorizer email',
  authorizerPhone: 'Authorizer phone',
  effectiveDate: 'Effective date',
};

/** The number of the question with this topic in a metal's answers (e.g. "cahra" -> 4 in the CMRT, 3 in the EMRT 2.x). */
export function questionNumber(m: MetalAnswers, topic: string): number | null {
  for (const [n, t] of Object.entries(m.topics)) if (t === topic) return Number(n);
  return null;
}

/** A metal's answer to the question with this topic, with its number. */
export function answerOf(m: MetalAnswers, topic: string): { n: number; answer: Field; comment: Field | undefined } | null {
  const n = questionNumber(m, topic);
  if (n === null) return null;
  const answer = m.answers[n];
  if (!answer) return null;
  return { n, answer, comment: m.comments[n] };
}

/** The canonical answer of a field (the reader stores the dropdown's spelling when it recognises the text). */
export function answerIs(f: Field | undefined, ...values: string[]): boolean {
  return !!f && f.value !== null && values.some((v) => v.toLowerCase() === f.value!.toLowerCase());
}

/** Short descriptions of what each question asks, for messages. */
export const QUESTION_TOPICS: Record<string, string> = {
  intentional: 'intentionally added',
  remains: 'remains in the product',
  'covered-countries': 'sourced from the covered countries',
  cahra: 'sourced from conflict-affected and high-risk areas',
  recycled: 'from recycled or scrap sources only',
  'response-rate': 'supplier response rate',
  'all-identified': 'all smelters identified',
  'all-reported': 'all smelter information reported',
};

/** "question 4 (sourced from conflict-affected and high-risk areas)" */
export function questionLabel(n: number, topic: string): string {
  const what = QUESTION_TOPICS[topic];
  return `question ${n}${what ? ` (${what})` : ''}`;
}

/** What each company-level question asks, as a short label for messages. */
export const COMPANY_TOPICS: Record<string, string> = {
  policy: 'sourcing policy',
  'policy-public': 'policy publicly available',
  'policy-scope': 'policy covers the OECD Annex II risks and the worst forms of child labour',
  'due-diligence': 'due diligence measures implemented',
  'supplier-due-diligence': 'suppliers required to exercise due diligence',
  'require-validated': 'direct suppliers required to source from validated smelters',
  survey: 'supply chain survey of relevant suppliers',
  review: 'suppliers\' due diligence information reviewed',
  'corrective-action': 'corrective action management',
  'annual-filing': 'annual conflict minerals disclosure filed',
  grievance: 'grievance mechanism',
  'public-report': 'public due diligence report',
};

/** "company question C for Cobalt" */
export function companyQuestionLabel(cq: CompanyQuestion): string {
  return `company question ${cq.id}${cq.metal ? ` for ${cq.metal}` : ''}`;
}

/** Words for the other party: the buyer reviews a supplier's file, a supplier reviews its own before sending. */
export function otherParty(role: Role): string {
  return role === 'buyer' ? 'the supplier' : 'your customer';
}
