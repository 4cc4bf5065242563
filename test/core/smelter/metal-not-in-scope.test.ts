import rule from '../../../src/core/rules/smelter/metal-not-in-scope';
import { listed, notListed } from '../../support/model-factory';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'CMRT: Q1 Yes', smelters: [listed('CID001105')], answers: { Tin: { 1: 'Yes' } } },
    { name: 'CMRT: Q1 unanswered', smelters: [listed('CID001105')] },
    { name: 'CMRT: Q1 No for another metal', smelters: [listed('CID001105')], answers: { Gold: { 1: 'No' } } },
    { name: 'EMRT: cobalt selected', family: 'EMRT', scope: ['Cobalt'], smelters: [listed('CID003261')] },
  ],
  invalid: [
    {
      name: 'CMRT: tin smelters listed, Q1 answered No for tin',
      smelters: [listed('CID001105'), notListed('Tin', 'Acme Tin', 'CHINA')],
      answers: { Tin: { 1: 'No' } },
      errors: [
        { row: 5, cell: 'B5', severity: 'warning', message: /^A Tin smelter is listed, but question 1 answers that no Tin is intentionally added or used \(Declaration D\d+: No\)\.$/, data: { reason: 'answered-no', firstOfMetal: true } },
        { row: 6, data: { firstOfMetal: false } },
      ],
    },
    {
      name: 'EMRT: a copper smelter while only cobalt is selected',
      family: 'EMRT', scope: ['Cobalt'],
      smelters: [listed('CID003261'), listed('CID004394')],
      errors: [{ row: 6, cell: 'B6', message: 'A Copper smelter is listed, but Copper is not among the minerals selected on the Declaration.', data: { reason: 'not-selected' } }],
    },
  ],
});
