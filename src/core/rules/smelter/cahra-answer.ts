import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { matchCahra } from '../../reference/geography';
import { analysis, SMELTER_SHEET } from './common';

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/cahra-answer',
    severity: 'warning',
    doc:
      'The CAHRA question (4 in the CMRT, 3 in the EMRT, 2 in the CRT) asks whether any smelter sources the metal ' +
      'from conflict-affected and high-risk areas. This rule reports each listed smelter located in an area on the ' +
      'EU indicative CAHRA list for a metal answered No: a warning when the whole country is listed or the smelter\'s ' +
      'state/province is a listed region, and an info note when the country only has some listed regions and the ' +
      'smelter\'s region is not one of them or unknown (a weaker, country-level signal).',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    const n = a.question('cahra');
    if (n === null) return;
    for (const r of a.rows) {
      if (!r.isSmelter) continue;
      if (!a.answeredNo(r.metal, 'cahra')) continue;
      const answer = a.answer(r.metal, 'cahra');
      const country = r.row.country?.trim() || r.known?.country || null;
      const state = r.row.state?.trim() || (r.known && (!r.row.country?.trim() || r.row.country.trim() === r.known.country) ? r.known.state : null);
      const m = matchCahra(country, state);
      if (!m) continue;
      const who = r.id ? `${r.id}${r.known ? ` (${r.known.standardName})` : ''}` : `"${r.row.name?.trim() ?? 'this smelter'}"`;
      const weak = m.level === 'country-has-regions';
      report({
        severity: weak ? 'info' : 'warning',
        sheet: SMELTER_SHEET, cell: a.cell(m.level === 'region' && r.row.state?.trim() ? 'state' : 'country', r.row.row), row: r.row.row,
        message: `${who}: ${m.description}, but question ${n} answers No for ${r.metal} (Declaration ${answer!.cell}).`,
        fix: weak
          ? `Check where in ${m.countryName} the smelter is and where it sources ${r.metal} from.`
          : `Review the answer to question ${n} for ${r.metal}, or explain in its comment why this smelter does not source from the CAHRA.`,
        data: { metal: r.metal, level: m.level, iso2: m.iso2, ...(m.region ? { region: m.region } : {}), question: n, answerCell: answer!.cell, source: m.source },
      });
    }
  },
});
