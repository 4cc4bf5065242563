import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { findLookupEntry, looseNameKey } from '../../reference/smelter-index';
import { analysis, q, SMELTER_SHEET } from './common';

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/lookup-not-in-list',
    severity: 'error',
    doc:
      'Checks that each look-up choice in column C is one of the names the template\'s own Smelter Look-up lists ' +
      'for the row\'s metal. The template resolves a smelter from the exact metal + name pair, so a name typed or ' +
      'pasted instead of chosen from the dropdown — or chosen for another metal — leaves the row without a smelter. ' +
      'The closest names for the metal are suggested.',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    const li = a.index.lookup;
    if (li.entries.length === 0) return; // a template without a look-up (AMRT 1.2) has no dropdown to check
    for (const r of a.rows) {
      if (r.row.lookupKind !== 'listed' || !r.row.lookup || !r.metal) continue;
      const choice = r.row.lookup;
      if (findLookupEntry(li, r.metalKey, choice)) continue;
      const cell = a.cell('lookup', r.row.row);
      const loose = li.byMetalNameLoose.get(looseNameKey(r.metal, choice));
      if (loose) {
        report({
          sheet: SMELTER_SHEET, cell, row: r.row.row,
          message: `The look-up name ${q(choice)} differs only in spacing from ${q(loose.lookupName)}; the template matches the exact text, so the row does not resolve.`,
          fix: `Choose ${q(loose.lookupName)} from the dropdown.`,
          data: { value: choice, suggestions: [{ id: loose.id, name: loose.lookupName, country: loose.country, score: 1 }] },
        });
        continue;
      }
      const otherMetal = li.entries.find((e) => e.lookupName.toLowerCase() === choice.toLowerCase());
      const suggestions = a.index.suggest(r.metal, choice).filter((s) => li.byId.has(s.id));
      const hint = suggestions.length ? ` Closest for ${r.metal}: ${suggestions.map((s) => `${s.name} (${s.id})`).join('; ')}.` : '';
      report({
        sheet: SMELTER_SHEET, cell, row: r.row.row,
        message: otherMetal
          ? `${q(choice)} is a ${otherMetal.metal} smelter in the template's Smelter Look-up, not a ${r.metal} one.${hint}`
          : `${q(choice)} is not a ${r.metal} name in the template's Smelter Look-up.${hint}`,
        fix: 'Choose the smelter from the dropdown in column C, or choose "Smelter not listed" and type its name in column D.',
        data: { value: choice, metal: r.metal, suggestions, ...(otherMetal ? { otherMetal: otherMetal.metal } : {}) },
      });
    }
  },
});
