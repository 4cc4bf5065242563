import { createRule } from '../rule';
import { FIELD_LABELS, q, reportAt } from './common';

/**
 * Placeholders seen instead of a person's name, compared after lower-casing and removing punctuation and spaces
 * (so "Same as above." and "same-as-above" match "sameasabove").
 */
const PLACEHOLDER_KEYS = new Set([
  'same', 'sameasabove', 'asabove', 'seeabove', 'refertoabove', 'ditto', 'idem', 'dito', 'sameascontact',
  'sameascontactname', 'sameascontactperson', 'sameasthecontact', 'contact', 'sameasauthorizer', 'seecontact',
  'na', 'nan', 'notapplicable', 'notavailable', 'none', 'nil', 'null', 'nobody', 'unknown', 'tbd', 'tba', 'tbc',
  'tobedetermined', 'tobeadvised', 'tobeconfirmed', 'pending', 'test', 'xxx', 'xx', 'x', 'abc', 'name', 'yourname',
  'authorizer', 'authoriser', 'authorizedperson', 'authorisedperson', 'contactname', 'contactperson', 'todo',
  // Chinese, Japanese, Korean: "same as above", "none", "unknown".
  '同上', '如上', '无', '無', '没有', '未知', '待定', 'なし', '無し', '不明', '同左', '상동', '위와같음', '없음', '미정',
]);

/** Whether a name cell holds a placeholder rather than a person's name. */
export function isPlaceholderName(value: string): boolean {
  const t = value.trim();
  if (!t) return false;
  if (/^[\p{P}\p{S}\s]+$/u.test(t)) return true; // "-", "--", ".", "/", "?", "***"
  const key = t.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');
  return PLACEHOLDER_KEYS.has(key);
}

export default createRule({
  meta: {
    id: 'declaration/authorizer-placeholder',
    severity: 'error',
    doc:
      'The authorizer is the person responsible for the declaration, and the contact the person a buyer writes to. ' +
      'The template\'s Checker only requires these cells to be non-empty, so "same as above", "see above", "N/A", ' +
      '"-", "TBD", "同上" and the like pass it although they name nobody. This rule reports such placeholders: an ' +
      'error for the authorizer (the declaration then has no accountable signatory), a warning for the contact name.',
  },
  check(ctx, report) {
    const c = ctx.declaration.company;
    for (const key of ['authorizerName', 'contactName'] as const) {
      const f = c[key];
      if (f.value === null || !isPlaceholderName(f.value)) continue;
      const authorizer = key === 'authorizerName';
      reportAt(report, f, {
        severity: authorizer ? 'error' : 'warning',
        message: `${FIELD_LABELS[key]} is ${q(f.value)}, a placeholder rather than a person's name.`,
        fix: authorizer
          ? 'Enter the full name of the person who authorizes this declaration, even when it is the contact person.'
          : 'Enter the full name of the person to contact about this declaration.',
        data: { value: f.value, field: key },
      });
    }
  },
});
