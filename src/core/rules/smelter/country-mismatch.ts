import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { sameCountry } from '../../reference/countries';
import { analysis, q, SMELTER_SHEET } from './common';

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/country-mismatch',
    severity: 'warning',
    doc:
      'Compares the smelter country in column E with the country RMI lists for the row\'s ID. The template fills the ' +
      'country from its look-up, so a different country means it was typed over — and the country drives the ' +
      'covered-country and CAHRA answers, so a wrong one can hide a high-risk location.',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    for (const r of a.rows) {
      const country = r.row.country?.trim();
      const expected = r.known?.country?.trim();
      if (!r.isSmelter || !country || !expected || /^unknown$/i.test(expected)) continue;
      if (sameCountry(country, expected)) continue;
      report({
        sheet: SMELTER_SHEET, cell: a.cell('country', r.row.row), row: r.row.row,
        message: `The country ${q(country)} contradicts RMI's location of ${r.id} (${r.known!.standardName}): ${expected}.`,
        fix: `Correct the country to ${expected}, or check that ${r.id} is the intended smelter.`,
        data: { id: r.id, country, expected },
      });
    }
  },
});
