import { createRule } from '../rule';
import type { ReadNote } from '../../model';
import { rowOf } from '../declaration/common';

const FIXES: Record<Exclude<ReadNote['code'], 'unknown-version'>, string> = {
  'error-value': 'Replace the error with the value; if the template has a formula there, choose the entry again from the dropdown (or copy the cell from a blank template).',
  'number-as-text': 'Enter the value as the template expects it (text or number) rather than pasting it.',
  'typed-over-formula': 'Restore the template\'s formula (copy the cell from a blank template of the same version) and choose the entry from the dropdown instead of typing over it.',
  'unrecognised-value': 'Choose the value from the dropdown or enter it in the format the template expects.',
  truncated: 'Split the content over several rows or shorten it; the rest was not read.',
};

export default createRule({
  meta: {
    id: 'template/read-notes',
    severity: 'warning',
    doc:
      'Turns what the reader noticed while reading the workbook into findings at their positions: Excel error values ' +
      'such as #N/A or #REF! in input cells (usually a broken look-up or a pasted formula), numbers where text belongs, ' +
      'template formulas typed over, values it did not recognise and content cut off. Each keeps the severity the ' +
      'reader gave it. An unknown template version is reported separately (template/unknown-version).',
  },
  check(ctx, report) {
    for (const n of ctx.declaration.notes) {
      if (n.code === 'unknown-version') continue;
      report({
        severity: n.severity,
        sheet: n.sheet, cell: n.cell, row: n.row ?? rowOf(n.cell),
        message: n.message,
        fix: FIXES[n.code],
        data: { code: n.code },
      });
    }
  },
});
