import rule from '../../../src/core/rules/smelter/name-mismatch';
import { listed, notListed } from '../../support/model-factory';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'no name on a dropdown row (column D stays empty)', smelters: [listed('CID000004')] },
    { name: 'the standard name', smelters: [listed('CID000004', { name: 'A.L.M.T. Corp.' })] },
    { name: 'an alias', smelters: [listed('CID000004', { name: 'Allied Material Corporation' })] },
    { name: 'case, punctuation and legal form ignored', smelters: [listed('CID000019', { name: 'AIDA CHEMICAL INDUSTRIES CO LTD' })] },
    { name: 'a small misspelling of the standard name', smelters: [listed('CID001188', { name: 'Mitsubishi Materails Corporation' })] },
    { name: 'name resolved by the template from a not-listed row', smelters: [notListed('Gold', '8853 S.p.A.', 'ITALY', { id: 'CID002763' })] },
    { name: 'unknown ID: nothing to compare', smelters: [{ metal: 'Gold', typedId: 'CID999999', name: 'Anything' }] },
  ],
  invalid: [
    {
      name: 'a name of another smelter',
      smelters: [listed('CID002763', { name: 'Valcambi SA' })],
      errors: [{
        row: 5, cell: 'D5', severity: 'warning',
        message: 'The name "Valcambi SA" does not match CID002763\'s standard name "8853 S.p.A." or its aliases.',
        data: { id: 'CID002763', standardName: '8853 S.p.A.' },
      }],
    },
  ],
});
