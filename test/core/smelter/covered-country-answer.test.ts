import rule from '../../../src/core/rules/smelter/covered-country-answer';
import { listed, notListed } from '../../support/model-factory';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'Q3 Yes', smelters: [listed('CID003185')], answers: { Gold: { 3: 'Yes' } } },
    { name: 'Q3 No, no smelter in a covered country', smelters: [listed('CID002763')], answers: { Gold: { 3: 'No' } } },
    { name: 'Q3 No for tin; the covered-country smelter is gold', smelters: [listed('CID003185')], answers: { Tin: { 3: 'No' } } },
    { name: 'EMRT has no covered-country question', family: 'EMRT', smelters: [listed('CID003261')], answers: { Cobalt: { 3: 'No' } } },
  ],
  invalid: [
    {
      name: 'Q3 No while a gold refiner is in Uganda',
      smelters: [listed('CID002763'), listed('CID003185')],
      answers: { Gold: { 3: 'No' } },
      errors: [{ row: 6, cell: 'E6', severity: 'warning', message: /^CID003185 \(African Gold Refinery\) is in UGANDA, a Dodd-Frank covered country, but question 3 answers No for Gold/, data: { iso2: 'UG', question: 3 } }],
    },
    {
      name: 'Q3 No and a not-listed smelter in the DRC',
      smelters: [notListed('Tin', 'Bukavu Smelter', 'CONGO, DEMOCRATIC REPUBLIC OF THE')],
      answers: { Tin: { 3: 'No' } },
      errors: [{ message: /^"Bukavu Smelter" is in CONGO, DEMOCRATIC REPUBLIC OF THE/ }],
    },
  ],
});
