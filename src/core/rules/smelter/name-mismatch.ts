import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { nameSimilarity, prepareName } from '../../reference/fuzzy';
import { normaliseSmelterName } from '../../reference/names';
import type { KnownSmelter } from '../../reference/smelter-index';
import { analysis, q, SMELTER_SHEET } from './common';

/** Scores at or above this count as the same name written differently. */
const SAME_NAME = 0.75;

const normalisedNames = new WeakMap<KnownSmelter, Set<string>>();
function namesOf(k: KnownSmelter): Set<string> {
  let s = normalisedNames.get(k);
  if (!s) normalisedNames.set(k, (s = new Set(k.names.map(normaliseSmelterName))));
  return s;
}

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/name-mismatch',
    severity: 'warning',
    doc:
      'Compares the smelter name in column D with the standard name and the aliases RMI lists for the row\'s ID ' +
      '(template look-up, shipped look-up history and the imported facility list), ignoring case, accents, ' +
      'punctuation and legal forms such as "Co., Ltd." or "S.A.". A name that matches none of them suggests that the ' +
      'ID and the name describe different smelters.',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    for (const r of a.rows) {
      const name = r.row.name?.trim();
      if (!r.isSmelter || !r.known || !name) continue;
      if (namesOf(r.known).has(normaliseSmelterName(name))) continue;
      const p = prepareName(name);
      let best = 0;
      for (const n of r.known.names) best = Math.max(best, nameSimilarity(p, prepareName(n)));
      if (best >= SAME_NAME) continue;
      report({
        sheet: SMELTER_SHEET, cell: a.cell('name', r.row.row), row: r.row.row,
        message: `The name ${q(name)} does not match ${r.id}'s standard name ${q(r.known.standardName)} or its aliases.`,
        fix: `Check that ${r.id} is the intended smelter; correct the name or the ID.`,
        data: { id: r.id, name, standardName: r.known.standardName, aliases: r.known.names.filter((n) => n !== r.known!.standardName), score: Math.round(best * 100) / 100 },
      });
    }
  },
});
