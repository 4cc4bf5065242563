import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { analysis, q, SMELTER_SHEET } from './common';

/** How the row is described: AMRT 1.2 has no look-up column, so a row without an ID is simply "without an RMI ID". */
function notListedWording(lookupColumn: string | undefined): string {
  return lookupColumn ? '"Smelter not listed"' : 'a smelter without an RMI ID';
}

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/not-listed',
    severity: 'warning',
    doc:
      'A "Smelter not listed" row names a smelter RMI does not recognise, so a buyer cannot check its audit status. ' +
      'It must at least give the smelter\'s name (column D) and country (column E) — an error when either is missing. ' +
      'Otherwise the rule reports the row as unrecognised and suggests the closest RMI smelters of the same metal by ' +
      'fuzzy name match (tokens and edit distance, legal forms ignored), since many "not listed" smelters are listed ' +
      'under a slightly different name. Suggestions are in `data.suggestions` as {id, name, country, score}.',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    for (const r of a.rows) {
      if (r.row.lookupKind !== 'not-listed') continue;
      const name = r.row.name?.trim() ?? '';
      const country = r.row.country?.trim() ?? '';
      const row = r.row.row;
      if (!name || !country) {
        const missing = [!name ? `name (column ${a.columns.name ?? 'D'})` : '', !country ? `country (column ${a.columns.country ?? 'E'})` : ''].filter(Boolean);
        report({
          severity: 'error', sheet: SMELTER_SHEET, cell: !name ? a.cell('name', row) : a.cell('country', row), row,
          message: `${a.columns.lookup ? '"Smelter not listed" row' : 'Row'} without the smelter's ${missing.join(' and ')}.`,
          fix: 'Give the smelter\'s name and country so that it can be identified.',
          data: { missing: missing.map((m) => m.split(' ')[0]) },
        });
        if (!name) continue;
      }
      if (r.id && r.known) {
        report({
          severity: 'info', sheet: SMELTER_SHEET, cell: a.cell('lookup', row), row,
          message: `The name ${q(name)} is the RMI look-up name of ${r.id} (${r.known.standardName}, ${r.known.country}); the template resolved it, but the row still says "Smelter not listed".`,
          fix: `Choose ${q(name)} in column ${a.columns.lookup ?? 'C'}.`,
          data: { id: r.id, suggestions: [{ id: r.id, name: r.known.standardName, country: r.known.country, score: 1 }] },
        });
        continue;
      }
      const exact = a.index.idsWithName(r.metal, name);
      const suggestions = exact.length
        ? exact.map((id) => { const k = a.index.known.get(id)!; return { id, name: k.standardName, country: k.country, score: 1 }; })
        : a.index.suggest(r.metal, name);
      const list = suggestions.map((s) => `${s.name} (${s.id}, ${s.country}, ${Math.round(s.score * 100)}%)`).join('; ');
      report({
        sheet: SMELTER_SHEET, cell: a.cell('name', row), row,
        message: exact.length
          ? `${q(name)} is entered as ${notListedWording(a.columns.lookup)}, but RMI lists it: ${list}.`
          : `${q(name)}${country ? ` (${country})` : ''} is not a smelter RMI recognises${r.metal ? ` for ${r.metal}` : ''}.${list ? ` Closest RMI smelters: ${list}.` : ' No similar RMI smelter was found.'}`,
        fix: suggestions.length
          ? `If one of the suggestions is this smelter, ${a.columns.lookup ? `choose it in column ${a.columns.lookup}` : 'enter its RMI ID'}; otherwise ask the supplier for the smelter's full name, address and any RMI ID.`
          : 'Ask the supplier for the smelter\'s full name, address and any RMI ID.',
        data: { name, country: country || null, suggestions },
      });
    }
  },
});
