import { createRule } from '../rule';
import { answerIs, answerOf, q, questionLabel, reportAt } from './common';

export default createRule({
  meta: {
    id: 'declaration/origin-before-data',
    severity: 'warning',
    doc:
      'Per metal, answering "No" to the origin questions — none of the metal comes from the covered countries (CMRT ' +
      'question 3) or from conflict-affected and high-risk areas (CAHRA: CMRT question 4, EMRT 2.x question 3, CRT ' +
      'question 2) — is a claim about every smelter in the supply chain. It is not supported while not all data is in: ' +
      'fewer than 100% of the relevant suppliers responded (the response-rate question), or not all smelters are ' +
      'identified (the all-identified question is "No" or "Unknown"). The answer should then be "Unknown", or the ' +
      'comment should say what the "No" rests on.',
  },
  check(ctx, report) {
    for (const m of ctx.declaration.answers) {
      const rate = answerOf(m, 'response-rate');
      const identified = answerOf(m, 'all-identified');
      const gaps: string[] = [];
      if (rate && rate.answer.value !== null && !answerIs(rate.answer, '100%')) {
        gaps.push(`${questionLabel(rate.n, 'response-rate')} is ${q(rate.answer.value)}`);
      }
      if (identified && answerIs(identified.answer, 'No', 'Unknown')) {
        gaps.push(`${questionLabel(identified.n, 'all-identified')} is ${q(identified.answer.value)}`);
      }
      if (!gaps.length) continue;
      for (const topic of ['covered-countries', 'cahra'] as const) {
        const origin = answerOf(m, topic);
        if (!origin || !answerIs(origin.answer, 'No')) continue;
        reportAt(report, origin.answer, {
          message: `${m.metal}: ${questionLabel(origin.n, topic)} is "No", but ${gaps.join(' and ')}, so the origin of all the ${m.metal} is not known yet.`,
          fix: `Answer question ${origin.n} "Unknown" for ${m.metal} until all suppliers have responded and all smelters are identified, or explain in its comment what the "No" is based on.`,
          data: { metal: m.metal, topic, question: origin.n, ...(rate ? { responseRate: rate.answer.value } : {}), ...(identified ? { allIdentified: identified.answer.value } : {}) },
        });
      }
    }
  },
});
