import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { metalKey } from '../../reference/names';
import { analysis, SMELTER_SHEET } from './common';

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/metal-not-in-scope',
    severity: 'warning',
    doc:
      'Reports smelters listed for a metal the declaration says is out of scope: question 1 ("Is any ... ' +
      'intentionally added or used ...?") answered No for that metal, or — in the EMRT and AMRT — a mineral the ' +
      'supplier did not select. Either the answer or the smelter list is wrong, and the template\'s own checks ignore ' +
      'smelters of metals out of scope.',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    const inScope = new Set((ctx.declaration.mineralsInScope ?? []).map(metalKey));
    const q1 = a.question('intentional');
    const reported = new Set<string>();
    for (const r of a.rows) {
      if (!r.isSmelter || !r.metal) continue;
      if (inScope.size > 0 && !inScope.has(r.metalKey)) {
        const selectable = a.family === 'EMRT' || a.family === 'AMRT';
        report({
          sheet: SMELTER_SHEET, cell: a.cell('metal', r.row.row), row: r.row.row,
          message: selectable
            ? `A ${r.metal} smelter is listed, but ${r.metal} is not among the minerals selected on the Declaration.`
            : `A ${r.metal} smelter is listed, but ${r.metal} is not a metal this ${a.family} covers.`,
          fix: selectable ? `Select ${r.metal} on the Declaration, or remove the row.` : 'Remove the row or report it in the right template.',
          data: { metal: r.metal, reason: 'not-selected' },
        });
        continue;
      }
      if (!a.answeredNo(r.metal, 'intentional')) continue;
      const answer = a.answer(r.metal, 'intentional');
      report({
        sheet: SMELTER_SHEET, cell: a.cell('metal', r.row.row), row: r.row.row,
        message: `A ${r.metal} smelter is listed, but question ${q1} answers that no ${r.metal} is intentionally added or used (Declaration ${answer!.cell}: ${answer!.value}).`,
        fix: `Answer Yes to question ${q1} for ${r.metal}, or remove the ${r.metal} smelters.`,
        data: { metal: r.metal, reason: 'answered-no', answerCell: answer!.cell, firstOfMetal: !reported.has(r.metalKey) },
      });
      reported.add(r.metalKey);
    }
  },
});
