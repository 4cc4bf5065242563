import { createRule } from '../rule';
import { answerIs, COMPANY_TOPICS, companyQuestionLabel, reportAt } from './common';

/** Company questions on policy and due diligence, whose "No" a buyer's own due diligence has to take into account. */
export const POLICY_TOPICS: ReadonlySet<string> = new Set([
  'policy', 'policy-public', 'policy-scope', 'due-diligence', 'supplier-due-diligence', 'require-validated', 'review', 'corrective-action',
]);

export default createRule({
  meta: {
    id: 'declaration/policy-no',
    severity: 'info',
    doc:
      'Reports "No" to the company-level questions on policy and due diligence: a sourcing policy (A), its ' +
      'publication (B), requiring validated smelters (C), due diligence measures (D), reviewing suppliers\' ' +
      'information (F) and corrective action (G) in the CMRT and EMRT, and their CRT counterparts (policy scope, ' +
      'requiring suppliers\' due diligence). A "No" is a legitimate answer, not an error, but it is a gap in the ' +
      'supplier\'s due diligence programme that a buyer\'s own OECD-aligned due diligence has to follow up; for a ' +
      'supplier reviewing its own file, it is what the customer may ask about.',
  },
  check(ctx, report) {
    const buyer = ctx.role === 'buyer';
    for (const cq of ctx.declaration.companyQuestions) {
      if (!POLICY_TOPICS.has(cq.topic) || !answerIs(cq.answer, 'No')) continue;
      const what = COMPANY_TOPICS[cq.topic] ?? cq.topic;
      reportAt(report, cq.answer, {
        message: buyer
          ? `The supplier answers "No" to ${companyQuestionLabel(cq)} (${what}).`
          : `You answer "No" to ${companyQuestionLabel(cq)} (${what}); your customer may ask about it.`,
        fix: buyer
          ? `Ask the supplier whether and when it will close this gap (${what}), and take it into account in your own due diligence.`
          : `If it is in place or planned, say so in the comment of question ${cq.id}; otherwise be ready to explain the gap to your customer.`,
        data: { question: cq.id, topic: cq.topic, ...(cq.metal ? { metal: cq.metal } : {}) },
      });
    }
  },
});
