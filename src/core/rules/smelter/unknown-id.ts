import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { analysis, newestTemplates, SMELTER_SHEET } from './common';

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/unknown-id',
    severity: 'error',
    doc:
      'Reports a well-formed smelter ID that nothing knows: it is neither in the template\'s own Smelter Look-up, ' +
      'nor in any RMI look-up shipped with this tool (every CMRT, EMRT, CRT and AMRT version it knows), nor in the ' +
      'RMI facility list the user imported. Such an ID is usually a typo or an ID from another system; a buyer cannot ' +
      'tell which smelter is meant.',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    const withList = a.reference.facilityList ? ', nor in the imported RMI facility list' : '';
    for (const r of a.rows) {
      const candidates: [string, 'id' | 'typedId'][] = [];
      if (r.resolvedIdOk && !a.index.known.has(r.resolvedId!)) candidates.push([r.resolvedId!, 'id']);
      if (r.typedIdOk && r.typedId !== r.resolvedId && !a.index.known.has(r.typedId!)) candidates.push([r.typedId!, 'typedId']);
      for (const [id, key] of candidates) {
        report({
          sheet: SMELTER_SHEET, cell: a.cell(key, r.row.row), row: r.row.row,
          message: `${id} is not in this template's Smelter Look-up, nor in the RMI look-ups shipped with this tool (newest: ${newestTemplates()})${withList}.`,
          fix: 'Check the ID against RMI\'s current facility list; if the smelter has no RMI ID, choose "Smelter not listed" and give its name and country.',
          data: { id },
        });
      }
    }
  },
});
