import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { removedFromHistory } from '../../reference/history';
import { analysis, SMELTER_SHEET } from './common';

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/removed-id',
    severity: 'warning',
    doc:
      'Reports an ID that RMI has dropped from its list: an older template version\'s Smelter Look-up lists it, but ' +
      'the newest version of that template family (as shipped with this tool) no longer does, and the imported ' +
      'facility list does not have it either (nor does a template newer than the shipped history). Dropped IDs are typically merged duplicates, closed facilities or ' +
      'entities that are not smelters; the supplier should confirm the smelter and its current ID.',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    for (const r of a.rows) {
      if (!r.id || !r.isSmelter) continue;
      if (a.reference.facilityList?.entries.has(r.id) || a.newerThanHistory(r)) continue;
      const removed = removedFromHistory(r.id);
      if (!removed) continue;
      const e = removed[0]!;
      const where = removed.map((x) => `${x.family} ${x.lastSeen}`).join(', ');
      report({
        sheet: SMELTER_SHEET, cell: a.cell('id', r.row.row) ?? a.cell('typedId', r.row.row), row: r.row.row,
        message: `${r.id} (${e.standardName}, ${e.country}) is no longer on RMI's list: last listed in ${where}.`,
        fix: 'Ask the supplier whether the smelter still supplies, and for its current RMI ID or details.',
        data: { id: r.id, lastListed: removed.map((x) => ({ family: x.family, version: x.lastSeen })) },
      });
    }
  },
});
