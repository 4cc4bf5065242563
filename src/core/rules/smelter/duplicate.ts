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
    // metal -> ID or normalised name -> first row
    const byId = new Map<string, Map<string, number>>();
    const byName = new Map<string, Map<string, number>>();
    const firstRow = (maps: Map<string, Map<string, number>>, metal: string, key: string, row: number): number | null => {
      let m = maps.get(metal);
      if (!m) maps.set(metal, (m = new Map()));
      const prev = m.get(key);
      if (prev === undefined) m.set(key, row);
      return prev ?? null;
    };
    for (const r of a.rows) {
      if (!r.isSmelter) continue;
      const row = r.row.row;
      if (r.id) {
        const prev = firstRow(byId, r.metalKey, r.id, row);
        if (prev === null) continue;
        report({
          sheet: SMELTER_SHEET, cell: a.cell('id', row) ?? a.cell('lookup', row), row,
          message: `${r.id}${r.known ? ` (${r.known.standardName})` : ''} is listed again for ${r.metal ?? 'the same metal'}; first listed in row ${prev}.`,
          fix: `Delete this row or row ${prev}, keeping the one with the complete details.`,
          data: { firstRow: prev, id: r.id },
        });
      } else if (r.row.lookupKind === 'not-listed' && r.row.name?.trim()) {
        const norm = normaliseSmelterName(r.row.name);
        if (!norm) continue;
        const prev = firstRow(byName, r.metalKey, norm, row);
        if (prev === null) continue;
        report({
          sheet: SMELTER_SHEET, cell: a.cell('name', row), row,
          message: `${q(r.row.name.trim())} is listed again for ${r.metal ?? 'the same metal'}; first listed in row ${prev}.`,
          fix: `Delete this row or row ${prev}, keeping the one with the complete details.`,
          data: { firstRow: prev, name: r.row.name },
        });
      }
    }
  },
});
