import { createRule } from '../rule';
import { answerIs, answerOf, questionLabel, reportAt } from './common';

export default createRule({
  meta: {
    id: 'declaration/remains-without-intentional',
    severity: 'error',
    doc:
      'Per metal, the question whether the metal remains in the product only makes sense when it is intentionally ' +
      'added: in the CMRT and the EMRT the template closes question 2 once question 1 is "No". A "Yes" there while ' +
      'question 1 says "No" contradicts it (usually question 1 was changed afterwards, or answers were pasted), and the ' +
      'template\'s Checker then skips the metal\'s remaining questions and smelters, so the declaration reads as "not ' +
      'in scope" while it says the metal is in the product. Families without a "remains" question (CRT, AMRT) are not ' +
      'checked.',
  },
  check(ctx, report) {
    for (const m of ctx.declaration.answers) {
      const intentional = answerOf(m, 'intentional');
      const remains = answerOf(m, 'remains');
      if (!intentional || !remains) continue;
      if (!answerIs(intentional.answer, 'No') || !answerIs(remains.answer, 'Yes')) continue;
      reportAt(report, remains.answer, {
        message: `${m.metal}: ${questionLabel(remains.n, 'remains')} is "Yes" while ${questionLabel(intentional.n, 'intentional')} is "No" (${intentional.answer.cell}).`,
        fix: `Correct question ${intentional.n} or question ${remains.n} for ${m.metal}: if ${m.metal} remains in the product, it is intentionally added, so question ${intentional.n} is "Yes".`,
        data: { metal: m.metal, intentionalCell: intentional.answer.cell, questions: [intentional.n, remains.n] },
      });
    }
  },
});
