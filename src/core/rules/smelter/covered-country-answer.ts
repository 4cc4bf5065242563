import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { coveredCountry } from '../../reference/geography';
import { analysis, SMELTER_SHEET } from './common';

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/covered-country-answer',
    severity: 'warning',
    doc:
      'In the CMRT, question 3 asks whether any smelter in the supply chain sources the metal from the Dodd-Frank ' +
      '"covered countries" (the DRC and its nine neighbours). This rule reports each listed smelter located in a ' +
      'covered country for a metal answered No: a smelter there very likely sources from the region, so the answer ' +
      'needs a second look.',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    const n = a.question('covered-countries');
    if (n === null) return;
    for (const r of a.rows) {
      if (!r.isSmelter) continue;
      if (!a.answeredNo(r.metal, 'covered-countries')) continue;
      const answer = a.answer(r.metal, 'covered-countries');
      const country = r.row.country?.trim() || r.known?.country || null;
      const covered = coveredCountry(country);
      if (!covered) continue;
      const who = r.id ? `${r.id}${r.known ? ` (${r.known.standardName})` : ''}` : `"${r.row.name?.trim() ?? 'this smelter'}"`;
      report({
        sheet: SMELTER_SHEET, cell: a.cell('country', r.row.row), row: r.row.row,
        message: `${who} is in ${covered.name}, a Dodd-Frank covered country, but question ${n} answers No for ${r.metal} (Declaration ${answer!.cell}).`,
        fix: `Review the answer to question ${n} for ${r.metal}, or explain in its comment why this smelter does not source from the covered countries.`,
        data: { metal: r.metal, country: covered.name, iso2: covered.iso2, question: n, answerCell: answer!.cell, source: covered.source },
      });
    }
  },
});
