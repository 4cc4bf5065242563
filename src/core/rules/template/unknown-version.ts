import { createRule } from '../rule';
import { rowOf } from '../declaration/common';

export default createRule({
  meta: {
    id: 'template/unknown-version',
    severity: 'warning',
    doc:
      'The workbook states a template version this tool has no layout for (a newer release, a re-numbered or a ' +
      'modified copy). It was read with the layout of the nearest known version, so every position the findings ' +
      'point at should be checked by eye; answers in cells that moved may have been missed.',
  },
  check(ctx, report) {
    for (const n of ctx.declaration.notes) {
      if (n.code !== 'unknown-version') continue;
      const cell = n.cell ?? ctx.layout.declaration.versionCell;
      report({
        sheet: n.sheet, cell, row: n.row ?? rowOf(cell),
        message: n.message,
        fix: 'Use an official RMI template of a released version, or check the findings\' positions by eye.',
        data: { family: ctx.declaration.template.family, version: ctx.declaration.template.version, layoutVersion: ctx.declaration.template.layoutVersion },
      });
    }
  },
});
