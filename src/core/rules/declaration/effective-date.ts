import { createRule } from '../rule';
import { isErrorValue } from '../../grid';
import { parseDate } from '../../normalize';
import { q, reportAt } from './common';

/** The template's data validation accepts only dates after this one. */
export const EARLIEST_EXCLUSIVE = '2006-12-31';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-03-04" -> "04-Mar-2024", the template's own date format. */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${MONTH_NAMES[Number(m) - 1]}-${y}`;
}

function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Text shaped like a date (digits and separators, or a month name), so "not a date" can say "not a real calendar date". */
function looksLikeDate(t: string): boolean {
  return /^\d{1,4}[-/.\s]\d{1,2}[-/.\s]\d{1,4}$/.test(t) || /^\d{1,2}[-\s./][A-Za-z]{3,9}\.?[-\s./,]+\d{2,4}$/.test(t)
    || /^[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}$/.test(t) || /^\d{4}\s*年/.test(t);
}

export default createRule({
  meta: {
    id: 'declaration/effective-date',
    severity: 'error',
    doc:
      'Checks the effective date (the date the declaration was completed). The template\'s Checker only requires the ' +
      'cell to be non-empty, so text that is not a date ("Q1 2024", "2024"), a date that does not exist (31-Feb-2024) ' +
      'or a date on or before 31-Dec-2006 — which the template\'s own data validation rejects — all pass it; these are ' +
      'errors. A date later than today (with a day\'s grace for time zones) is a warning: a declaration cannot be ' +
      'effective before it is made. A text date that reads two ways, such as 03/04/2024, is reported as info with ' +
      'the reading chosen (month first, as Excel does in the US).',
  },
  check(ctx, report) {
    const f = ctx.declaration.company.effectiveDate;
    const raw = f.raw;
    if (raw === null || raw === '' || isErrorValue(raw)) return;
    if (typeof raw === 'string' && raw.trim() === '') return;
    const parsed = parseDate(raw);
    const iso = f.value ?? parsed.iso;
    const fix = 'Enter the date the declaration was completed as a date, e.g. 15-Jan-2025.';
    if (iso === null) {
      const text = typeof raw === 'string' ? raw.trim() : String(raw);
      const why = typeof raw === 'number'
        ? `the number ${raw}, which is not a date`
        : looksLikeDate(text) ? `${q(text)}, which is not a real calendar date` : `${q(text)}, which is not a date`;
      reportAt(report, f, { message: `The effective date is ${why}.`, fix, data: { value: raw } });
      return;
    }
    if (iso <= EARLIEST_EXCLUSIVE) {
      const yearTyped = typeof raw === 'number' && Number.isInteger(raw) && raw >= 1990 && raw <= 2100;
      reportAt(report, f, {
        message: yearTyped
          ? `The effective date cell holds the number ${raw}, which Excel reads as ${displayDate(iso)}; a year alone is not a date.`
          : `The effective date ${displayDate(iso)} is on or before 31-Dec-2006; the template accepts only later dates.`,
        fix,
        data: { value: raw, date: iso },
      });
      return;
    }
    const today = ctx.now.toISOString().slice(0, 10);
    if (iso > addDays(today, 1)) {
      reportAt(report, f, {
        severity: 'warning',
        message: `The effective date ${displayDate(iso)} is in the future (today is ${displayDate(today)}).`,
        fix: 'Enter the date the declaration was completed, not a future date.',
        data: { value: raw, date: iso, today },
      });
      return;
    }
    if (parsed.ambiguous && typeof raw === 'string') {
      reportAt(report, f, {
        severity: 'info',
        message: `The effective date ${q(raw.trim())} is text that reads two ways; it was read as ${displayDate(iso)} (month first).`,
        fix: `Enter the date as a date or with the month in letters, e.g. ${displayDate(iso)}.`,
        data: { value: raw, date: iso },
      });
    }
  },
});
