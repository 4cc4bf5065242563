/**
 * Reviews for the follow-up tests, built from hand-made declarations placed in the real CMRT 6.5 layout's cells,
 * so that Checker items and findings point at real positions. A complete declaration has every required field,
 * Q1/Q2 "Yes" for Tin and Gold (Q1 "No" for Tantalum and Tungsten) and the company questions answered.
 */
import type { CompanyFieldKey, CompanyInfo, Declaration, Field, MetalAnswers, ProductRow, ScopeKind } from '../../../src/core/model';
import type { ReviewReference } from '../../../src/core/reference';
import { reviewDeclaration, type Review, type ReviewOptions } from '../../../src/core/review';
import { layoutFor } from '../../../src/core/read';
import { lookupFor, smelterRow, type RowInput } from '../../support/model-factory';

export const NOW = new Date('2026-07-01T09:30:00Z');

const TEMPLATE = { family: 'CMRT' as const, version: '6.5', versionText: 'Revision 6.5\nApril 25, 2025', releaseDate: '2025-04-25', language: 'English', layoutVersion: '6.5' };
const LAYOUT = layoutFor(TEMPLATE);

const SCOPE_TEXT: Record<ScopeKind, string> = {
  company: 'A. Company',
  product: 'B. Product (or List of Products)',
  'user-defined': 'C. User defined',
};

const COMPANY_DEFAULTS: Record<CompanyFieldKey, string | null> = {
  companyName: 'Acme Metals Ltd.', declarationScope: null, scopeDescription: null, companyId: null, companyIdAuthority: null,
  address: '1 Foundry Road, Sheffield', contactName: 'Jane Smith', contactEmail: 'jane.smith@acme.example', contactPhone: '+44 114 000 0000',
  authorizerName: 'John Doe', authorizerTitle: 'Compliance Manager', authorizerEmail: 'john.doe@acme.example', authorizerPhone: null,
  effectiveDate: '2026-05-31',
};

function field(value: string | null, cell: string): Field {
  return { value, raw: value, sheet: 'Declaration', cell };
}

export interface FixtureInput {
  scope?: ScopeKind | null;
  scopeDescription?: string;
  /** Company fields to override (null empties one). */
  company?: Partial<Record<CompanyFieldKey, string | null>>;
  smelters?: RowInput[];
  /** Product List numbers (product-level declarations). */
  products?: { number: string; name?: string }[];
}

export function makeFullDeclaration(input: FixtureInput = {}): Declaration {
  const scope = input.scope === undefined ? 'company' : input.scope;
  const values: Record<CompanyFieldKey, string | null> = {
    ...COMPANY_DEFAULTS,
    declarationScope: scope ? SCOPE_TEXT[scope] : null,
    scopeDescription: input.scopeDescription ?? null,
    ...input.company,
  };
  const cells = LAYOUT.declaration.company;
  const company = Object.fromEntries(
    (Object.keys(cells) as CompanyFieldKey[]).map((k) => [k, field(values[k] ?? null, cells[k])]),
  ) as unknown as Omit<CompanyInfo, 'scope'>;
  const inScope = new Set(['Tin', 'Gold']);
  const byMetal = new Map<string, MetalAnswers>();
  for (const q of LAYOUT.declaration.questions) {
    for (const s of q.slots) {
      const metal = s.metal!;
      let m = byMetal.get(metal);
      if (!m) byMetal.set(metal, (m = { metal, topics: {}, answers: {}, comments: {} }));
      m.topics[q.number] = q.topic;
      let answer: string | null = null;
      if (q.number === 1) answer = inScope.has(metal) ? 'Yes' : 'No';
      else if (inScope.has(metal)) answer = q.topic === 'response-rate' ? '100%' : q.topic === 'recycled' || q.topic === 'covered-countries' || q.topic === 'cahra' ? 'No' : 'Yes';
      m.answers[q.number] = field(answer, s.answerCell);
      m.comments[q.number] = field(null, s.commentCell);
    }
  }
  const companyQuestions = LAYOUT.declaration.companyQuestions.map((q) => ({
    id: q.id,
    topic: q.topic,
    answer: field('Yes', q.answerCell),
    comment: field(q.topic === 'policy-public' ? 'https://acme.example/policy' : null, q.commentCell),
  }));
  const products: ProductRow[] = (input.products ?? []).map((p, i) => ({ row: LAYOUT.productList.firstRow + i, number: p.number, name: p.name ?? null, comments: null }));
  return {
    template: { ...TEMPLATE },
    company: { ...company, scope },
    mineralsInScope: [...LAYOUT.declaration.minerals],
    answers: LAYOUT.declaration.minerals.map((m) => byMetal.get(m)!),
    companyQuestions,
    smelters: (input.smelters ?? []).map((r, i) => smelterRow(r, LAYOUT.smelterList.firstRow + i)),
    products,
    mines: [],
    notes: [],
  };
}

export interface ReviewInput extends FixtureInput {
  role?: ReviewOptions['role'];
  reference?: ReviewReference;
}

export function makeReview(input: ReviewInput = {}): Review {
  return reviewDeclaration(makeFullDeclaration(input), lookupFor('CMRT'), { role: input.role ?? 'buyer', now: NOW, reference: input.reference });
}
