import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { analysis, q, SMELTER_SHEET } from './common';

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/metal-mismatch',
    severity: 'error',
    doc:
      'An RMI smelter ID belongs to one metal: the same company has a different ID for each metal it processes. ' +
      'This rule reports a row whose metal (column B) is not the metal of its ID, which happens when a metal or ID is ' +
      'typed over the template\'s formulas or copied from another row. The row then counts towards the wrong metal.',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    for (const r of a.rows) {
      if (!r.known || !r.metal || !r.known.metal) continue;
      if (r.metalKey === r.known.metal.trim().toLowerCase()) continue;
      report({
        sheet: SMELTER_SHEET, cell: a.cell('metal', r.row.row), row: r.row.row,
        message: `${r.id} is a ${r.known.metal} smelter (${q(r.known.standardName)}), but this row declares ${r.metal}.`,
        fix: `Use the smelter's RMI ID for ${r.metal}, or correct the metal to ${r.known.metal}.`,
        data: { id: r.id, declaredMetal: r.metal, idMetal: r.known.metal },
      });
    }
  },
});
