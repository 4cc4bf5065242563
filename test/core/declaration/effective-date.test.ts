import rule, { displayDate } from '../../../src/core/rules/declaration/effective-date';
import { testDeclarationRule } from '../../support/declaration-grid';

// NOW (test/support/declaration-grid.ts) is 2025-06-15.

it('displays dates the way the template does', () => {
  expect(displayDate('2024-03-04')).toBe('04-Mar-2024');
});

testDeclarationRule(rule, {
  valid: [
    { name: 'an Excel date (serial 45413 = 01-May-2024)' },
    { name: 'an unambiguous text date', company: { effectiveDate: '2024-05-01' } },
    { name: 'a text date with the month in letters', company: { effectiveDate: '1 May 2024' } },
    { name: 'a day-first text date that reads only one way', company: { effectiveDate: '25/03/2024' } },
    { name: 'today', company: { effectiveDate: '2025-06-15' } },
    { name: 'tomorrow (time-zone grace)', company: { effectiveDate: '2025-06-16' } },
    { name: 'the first accepted day, 01-Jan-2007', company: { effectiveDate: '2007-01-01' } },
    { name: 'empty: the Checker reports it', company: { effectiveDate: null } },
    { name: 'an error value: reported by template/read-notes', company: { effectiveDate: '#VALUE!' } },
  ],
  invalid: [
    {
      name: '31-Feb (CMRT 6.5, D22)',
      company: { effectiveDate: '31/02/2024' },
      errors: [{ cell: 'D22', severity: 'error', message: /"31\/02\/2024", which is not a real calendar date/ }],
    },
    {
      name: 'text that is not a date',
      company: { effectiveDate: 'Q1 2024' },
      errors: [{ cell: 'D22', severity: 'error', message: /"Q1 2024", which is not a date/, fix: /as a date/ }],
    },
    {
      name: 'on 31-Dec-2006, which the template\'s validation rejects',
      company: { effectiveDate: '2006-12-31' },
      errors: [{ cell: 'D22', severity: 'error', message: /31-Dec-2006 is on or before 31-Dec-2006/ }],
    },
    {
      name: 'a year typed as a number',
      company: { effectiveDate: 2024 },
      errors: [{ cell: 'D22', severity: 'error', message: /number 2024, which Excel reads as 16-Jul-1905/ }],
    },
    {
      name: 'in the future',
      company: { effectiveDate: 45900 }, // 2025-08-31
      errors: [{ cell: 'D22', severity: 'warning', message: /31-Aug-2025 is in the future \(today is 15-Jun-2025\)/, data: { date: '2025-08-31' } }],
    },
    {
      name: 'an ambiguous text date is info (EMRT 2.1, D26)',
      family: 'EMRT', version: '2.1', minerals: ['Cobalt'],
      company: { effectiveDate: '03/04/2024' },
      errors: [{ cell: 'D26', severity: 'info', message: /read as 04-Mar-2024/ }],
    },
    {
      name: 'future relative to an injected "now"',
      now: new Date('2024-01-01T00:00:00Z'),
      errors: [{ cell: 'D22', severity: 'warning' }],
    },
  ],
});
