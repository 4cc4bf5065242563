import { isOtherFormatAnswer } from '../../answers';
import { createRule } from '../rule';
import { companyQuestionLabel, q, reportAt } from './common';

export default createRule({
  meta: {
    id: 'declaration/other-format-no-description',
    severity: 'warning',
    doc:
      'The company question on the supply chain survey (question E in the CMRT and the EMRT, G in the CRT) offers ' +
      '"Yes, using other format (describe)". The answer asks for a description of that format in the comment, but the ' +
      'template\'s Checker does not require it, and without it a buyer cannot judge whether the survey covers what an ' +
      'RMI template would. This rule reports that answer with an empty comment.',
  },
  check(ctx, report) {
    for (const cq of ctx.declaration.companyQuestions) {
      if (cq.topic !== 'survey' || !isOtherFormatAnswer(cq.answer.value)) continue;
      if (cq.comment.value !== null) continue;
      reportAt(report, cq.comment, {
        message: `The answer to ${companyQuestionLabel(cq)} is ${q(cq.answer.value)} (${cq.answer.cell}), but its comment does not describe the format.`,
        fix: `Describe the survey format in the comment of question ${cq.id} (e.g. the questionnaire used and what it asks about smelters).`,
        data: { question: cq.id, answerCell: cq.answer.cell, answer: cq.answer.value },
      });
    }
  },
});
