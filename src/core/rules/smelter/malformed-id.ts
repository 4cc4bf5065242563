import { createRule } from '../rule';
import type { ReviewReference } from '../../reference';
import { ID_PATTERN } from '../../reference/smelter-index';
import { analysis, q, SMELTER_SHEET } from './common';

/** The ID the supplier probably meant: "cid 000123" -> "CID000123", "123" -> "CID000123". */
export function likelyId(value: string): string | null {
  const compact = value.replace(/[\s\-_.]/g, '').toUpperCase();
  if (ID_PATTERN.test(compact)) return compact;
  const digits = /^(?:CID)?(\d{1,6})$/.exec(compact)?.[1];
  return digits ? `CID${digits.padStart(6, '0')}` : null;
}

export default createRule<ReviewReference>({
  meta: {
    id: 'smelter/malformed-id',
    severity: 'error',
    doc:
      'Checks that every smelter ID on the Smelter List — the one typed in column A and the one the template ' +
      'resolved in column F — is an RMI ID: "CID" followed by six digits. The template looks an ID up by its exact ' +
      'text, so an ID with spaces around it, in lower case or with missing zeros does not resolve to a smelter, and ' +
      'the buyer cannot match the row against RMI\'s lists.',
  },
  check(ctx, report) {
    const a = analysis(ctx);
    const checkCell = (raw: string | null, key: 'typedId' | 'id', row: number): void => {
      if (!raw) return;
      const t = raw.length === 9 && ID_PATTERN.test(raw) ? raw : raw.trim();
      if (t === raw) {
        if (ID_PATTERN.test(t)) return;
      } else if (ID_PATTERN.test(t)) {
        report({
          severity: 'warning', sheet: SMELTER_SHEET, cell: a.cell(key, row), row,
          message: `The ${what(key)} ${q(raw)} has spaces around it; the template only matches the exact ID, so it does not resolve.`,
          fix: `Enter ${t} without spaces.`,
          data: { value: raw, expected: t },
        });
        return;
      }
      if (!t) return;
      const likely = likelyId(t);
      report({
        sheet: SMELTER_SHEET, cell: a.cell(key, row), row,
        message: `The ${what(key)} ${q(raw)} is not an RMI smelter ID (CID followed by six digits)${likely ? `; did you mean ${likely}?` : '.'}`,
        fix: likely ? `Enter ${likely} exactly.` : 'Enter the smelter\'s RMI ID (e.g. CID000123), or leave column A empty and choose the smelter in column C.',
        data: { value: raw, ...(likely ? { suggestion: likely } : {}) },
      });
    };
    for (const r of a.rows) {
      // Well-formed and untrimmed (the common case) needs no further look.
      if (r.row.typedId && !(r.typedIdOk && r.row.typedId === r.typedId)) checkCell(r.row.typedId, 'typedId', r.row.row);
      if (r.row.id && !(r.resolvedIdOk && r.row.id === r.resolvedId)) checkCell(r.row.id, 'id', r.row.row);
    }
  },
});

const what = (key: 'typedId' | 'id'): string => (key === 'typedId' ? 'typed smelter ID' : 'smelter ID');
