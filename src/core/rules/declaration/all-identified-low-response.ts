import { createRule } from '../rule';
import { answerIs, answerOf, q, questionLabel, reportAt } from './common';

export default createRule({
  meta: {
    id: 'declaration/all-identified-low-response',
    severity: 'warning',
    doc:
      'Per metal, a supplier that declares all smelters identified ("Yes" to the all-identified question: CMRT ' +
      'question 7, EMRT 2.x question 6, CRT question 5) while fewer than 100% of its relevant suppliers responded to ' +
      'its survey (the response-rate question) contradicts itself: the smelters of the suppliers that did not respond ' +
      'are unknown. One of the two answers needs correcting, or the comment needs to explain it.',
  },
  check(ctx, report) {
    for (const m of ctx.declaration.answers) {
      const identified = answerOf(m, 'all-identified');
      const rate = answerOf(m, 'response-rate');
      if (!identified || !rate) continue;
      if (!answerIs(identified.answer, 'Yes')) continue;
      const r = rate.answer.value;
      if (r === null || answerIs(rate.answer, '100%', 'Unknown')) continue;
      reportAt(report, identified.answer, {
        message: `${m.metal}: ${questionLabel(identified.n, 'all-identified')} is "Yes", but ${questionLabel(rate.n, 'response-rate')} is ${q(r)} (${rate.answer.cell}), so some suppliers' smelters cannot be known.`,
        fix: `Answer question ${identified.n} "No" for ${m.metal} until every relevant supplier has responded, or correct the response rate in question ${rate.n}.`,
        data: { metal: m.metal, responseRate: r, responseRateCell: rate.answer.cell },
      });
    }
  },
});
