import { createRule } from '../rule';
import { isErrorValue } from '../../grid';
import { FIELD_LABELS, q, reportAt } from './common';

/** Invisible characters that look like nothing or like a space. */
const INVISIBLE = /\u00a0|\u200b|\u200c|\u200d|\u2060|\ufeff/;
const INVISIBLE_G = /\u00a0|\u200b|\u200c|\u200d|\u2060|\ufeff/g;

export interface WhitespaceProblem {
  problems: string[];
  /** The value with the whitespace tidied. */
  expected: string;
  /** Tabs, line breaks or invisible characters (they break exports and look-ups), as opposed to plain spaces. */
  hidden: boolean;
}

/** What is wrong with the whitespace of a name, or null when nothing is. */
export function whitespaceProblem(raw: string): WhitespaceProblem | null {
  const problems: string[] = [];
  let hidden = false;
  if (/\t/.test(raw)) { problems.push('a tab'); hidden = true; }
  if (/[\r\n]/.test(raw)) { problems.push('a line break'); hidden = true; }
  if (INVISIBLE.test(raw)) { problems.push('an invisible or non-breaking space'); hidden = true; }
  const plain = raw.replace(INVISIBLE_G, ' ');
  const spaces = plain.replace(/[\t\r\n]/g, '');
  if (/^\s/.test(spaces)) problems.push('leading spaces');
  if (/\s$/.test(spaces)) problems.push('trailing spaces');
  if (/ {2,}/.test(spaces.trim())) problems.push('double spaces');
  if (!problems.length) return null;
  const expected = plain.replace(/[\t\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
  return { problems: [...new Set(problems)], expected, hidden };
}

export default createRule({
  meta: {
    id: 'declaration/whitespace',
    severity: 'info',
    doc:
      'Reports stray whitespace in the names on the Declaration sheet — the company name, the contact name and the ' +
      'authorizer: leading or trailing spaces and double spaces (info), and tabs, line breaks and invisible or ' +
      'non-breaking spaces (warning). They are easy to miss on screen but make the same company or person look ' +
      'different to a buyer\'s supplier database, to look-ups and to exports.',
  },
  check(ctx, report) {
    const c = ctx.declaration.company;
    for (const key of ['companyName', 'contactName', 'authorizerName'] as const) {
      const f = c[key];
      if (typeof f.raw !== 'string' || isErrorValue(f.raw) || f.value === null) continue;
      const p = whitespaceProblem(f.raw);
      if (!p) continue;
      reportAt(report, f, {
        severity: p.hidden ? 'warning' : 'info',
        message: `${FIELD_LABELS[key]} ${q(f.raw)} has ${p.problems.join(', ')}.`,
        fix: `Enter it as ${q(p.expected)}.`,
        data: { value: f.raw, expected: p.expected, problems: p.problems },
      });
    }
  },
});
