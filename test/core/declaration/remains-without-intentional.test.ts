import rule from '../../../src/core/rules/declaration/remains-without-intentional';
import { testDeclarationRule } from '../../support/declaration-grid';

testDeclarationRule(rule, {
  valid: [
    { name: 'Q1 Yes, Q2 Yes', answers: { Tin: { intentional: 'Yes', remains: 'Yes' } } },
    { name: 'Q1 Yes, Q2 No', answers: { Tin: { intentional: 'Yes', remains: 'No' } } },
    { name: 'Q1 No, Q2 empty (the template closes Q2)', answers: { Tin: { intentional: 'No' } } },
    { name: 'Q1 No, Q2 No', answers: { Gold: { intentional: 'No', remains: 'No' } } },
    { name: 'other metal\'s Q1 does not count', answers: { Tin: { intentional: 'No' }, Gold: { intentional: 'Yes', remains: 'Yes' } } },
    { name: 'CRT has no "remains" question', family: 'CRT', version: '2.2', answers: { Cobalt: { intentional: 'No' } } },
  ],
  invalid: [
    {
      name: 'CMRT 6.5 Gold: Q2 (D34) Yes while Q1 (D28) No',
      answers: { Gold: { intentional: 'No', remains: 'Yes' } },
      errors: [{ cell: 'D34', severity: 'error', message: /Gold: question 2 \(remains in the product\) is "Yes" while question 1 \(intentionally added\) is "No" \(D28\)/, data: { metal: 'Gold', intentionalCell: 'D28' } }],
    },
    {
      name: 'every metal, CMRT 6.01',
      version: '6.01',
      answers: { Tantalum: { intentional: 'No', remains: 'Yes' }, Tungsten: { intentional: 'no', remains: 'yes' } },
      errors: [{ cell: 'D32' }, { cell: 'D35' }],
    },
    {
      name: 'EMRT 2.1 slots follow the selection (Cobalt, Mica -> slots 0, 1)',
      family: 'EMRT', version: '2.1', minerals: ['Mica', 'Cobalt'],
      answers: { Mica: { intentional: 'No', remains: 'Yes' } },
      errors: [{ cell: 'D43', message: /Mica/, data: { intentionalCell: 'D31' } }],
    },
  ],
});
