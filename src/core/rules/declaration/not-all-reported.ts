import { createRule } from '../rule';
import { answerIs, answerOf, q, questionLabel, reportAt } from './common';

export default createRule({
  meta: {
    id: 'declaration/not-all-reported',
    severity: 'warning',
    doc:
      'Per metal, "No" to the all-reported question (CMRT question 8, EMRT 2.x question 7, CRT question 6) says that ' +
      'the Smelter List leaves out smelters the supplier knows of. The declaration is then incomplete on purpose; a ' +
      'buyer should ask which smelters are missing and why (confidentiality is the usual reason), and a supplier ' +
      'should expect the question and answer it in the comment.',
  },
  check(ctx, report) {
    for (const m of ctx.declaration.answers) {
      const reported = answerOf(m, 'all-reported');
      if (!reported || !answerIs(reported.answer, 'No')) continue;
      const comment = reported.comment?.value ?? null;
      const buyer = ctx.role === 'buyer';
      reportAt(report, reported.answer, {
        message: `${m.metal}: ${questionLabel(reported.n, 'all-reported')} is "No": the Smelter List does not include all known smelters.` +
          (comment ? ` The comment says ${q(comment)}.` : ' There is no comment explaining why.') +
          (buyer ? '' : ' Your customer will ask why.'),
        fix: buyer
          ? `Ask the supplier which ${m.metal} smelters are not reported and why, and to report them on the Smelter List.`
          : `Report all known ${m.metal} smelters on the Smelter List, or explain in the comment of question ${reported.n} why some are not reported.`,
        data: { metal: m.metal, question: reported.n, comment },
      });
    }
  },
});
