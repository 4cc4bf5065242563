import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { analysis, SMELTER_SHEET } from './common';

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/typed-id-mismatch',
    severity: 'error',
    doc:
      'When a supplier types a smelter ID in column A, the template fills the metal and look-up name from it and ' +
      'resolves the ID again in column F. If the two IDs differ, a formula was overwritten or the look-up choice ' +
      'was changed afterwards, and the row names two different smelters; a buyer cannot tell which one is meant.',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    for (const r of a.rows) {
      if (!r.typedIdOk || !r.resolvedIdOk || r.typedId === r.resolvedId) continue;
      const typed = r.typedId!;
      const resolved = r.resolvedId!;
      const name = (id: string): string => {
        const k = a.index.known.get(id);
        return k ? ` (${k.standardName}, ${k.metal})` : '';
      };
      report({
        sheet: SMELTER_SHEET, cell: a.cell('typedId', r.row.row), row: r.row.row,
        message: `The typed ID ${typed}${name(typed)} differs from the ID the template resolved in column F, ${resolved}${name(resolved)}.`,
        fix: 'Clear the row and enter the smelter once: either its ID in column A, or its metal and look-up name in columns B and C.',
        data: { typedId: typed, resolvedId: resolved },
      });
    }
  },
});
