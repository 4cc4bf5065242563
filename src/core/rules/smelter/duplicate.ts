import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { normaliseSmelterName } from '../../reference/names';
import { analysis, q, SMELTER_SHEET } from './common';

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/duplicate',
    severity: 'warning',
    doc:
      'Reports a smelter listed twice for the same metal — the same RMI ID, or, for "Smelter not listed" rows, the ' +
      'same name once case, punctuation and legal forms are ignored. The later row is reported and names the first. ' +
      'Duplicates inflate smelter counts and may carry conflicting details.',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    const first = new Map<string, number>();
    for (const r of a.rows) {
      if (!r.isSmelter) continue;
      let key: string | null = null;
      let cell: string | null = null;
      let what = '';
      if (r.id) {
        key = `${r.metalKey}\u0000id\u0000${r.id}`;
        cell = a.cell('id', r.row.row) ?? a.cell('lookup', r.row.row);
        what = `${r.id}${r.known ? ` (${r.known.standardName})` : ''}`;
      } else if (r.row.lookupKind === 'not-listed' && r.row.name?.trim()) {
        const norm = normaliseSmelterName(r.row.name);
        if (!norm) continue;
        key = `${r.metalKey}\u0000name\u0000${norm}`;
        cell = a.cell('name', r.row.row);
        what = q(r.row.name.trim());
      }
      if (!key) continue;
      const prev = first.get(key);
      if (prev === undefined) {
        first.set(key, r.row.row);
        continue;
      }
      report({
        sheet: SMELTER_SHEET, cell, row: r.row.row,
        message: `${what} is listed again for ${r.metal ?? 'the same metal'}; first listed in row ${prev}.`,
        fix: `Delete this row or row ${prev}, keeping the one with the complete details.`,
        data: { firstRow: prev, ...(r.id ? { id: r.id } : { name: r.row.name }) },
      });
    }
  },
});
