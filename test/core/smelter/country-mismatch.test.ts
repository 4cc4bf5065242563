import rule from '../../../src/core/rules/smelter/country-mismatch';
import { listed } from '../../support/model-factory';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'country from the look-up', smelters: [listed('CID003185')] },
    { name: 'same country in other words', smelters: [listed('CID004065', { country: 'DR Congo' }), listed('CID004506', { country: 'Tanzania' })] },
    { name: 'no country', smelters: [listed('CID003185', { country: null })] },
  ],
  invalid: [
    {
      name: 'a DRC smelter declared in Belgium',
      smelters: [listed('CID004065', { country: 'BELGIUM' })],
      errors: [{
        row: 5, cell: 'E5', severity: 'warning',
        message: 'The country "BELGIUM" contradicts RMI\'s location of CID004065 (Mining Minerals Resources SARL): CONGO, DEMOCRATIC REPUBLIC OF THE.',
        data: { expected: 'CONGO, DEMOCRATIC REPUBLIC OF THE' },
      }],
    },
    {
      name: 'Republic of the Congo is not the DRC',
      smelters: [listed('CID004065', { country: 'CONGO' })],
      errors: [{ cell: 'E5' }],
    },
  ],
});
