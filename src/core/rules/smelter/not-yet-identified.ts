import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { analysis, SMELTER_SHEET } from './common';

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/not-yet-identified',
    severity: 'warning',
    doc:
      'Reports "Smelter not yet identified" rows for a metal whose answer to "Have you identified all of the smelters ' +
      'supplying ... to your supply chain?" is Yes (question 7 in the CMRT, 6 in the EMRT, 5 in the CRT). The two ' +
      'statements contradict each other: either the answer or the row is wrong.',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    const n = a.question('all-identified');
    if (n === null) return;
    for (const r of a.rows) {
      if (r.row.lookupKind !== 'not-yet-identified') continue;
      if (!a.answeredYes(r.metal, 'all-identified')) continue;
      const answer = a.answer(r.metal, 'all-identified');
      report({
        sheet: SMELTER_SHEET, cell: a.cell('lookup', r.row.row), row: r.row.row,
        message: `"Smelter not yet identified" for ${r.metal}, but question ${n} answers that all ${r.metal} smelters are identified (Declaration ${answer!.cell}: ${answer!.value}).`,
        fix: `Identify the smelter and list it, or change the answer to question ${n} for ${r.metal}.`,
        data: { metal: r.metal, question: n, answerCell: answer!.cell, answer: answer!.value },
      });
    }
  },
});
