import rule from '../../../src/core/rules/declaration/origin-before-data';
import { testDeclarationRule } from '../../support/declaration-grid';

testDeclarationRule(rule, {
  valid: [
    { name: 'No with all data in', answers: { Tin: { 'covered-countries': 'No', cahra: 'No', 'response-rate': '100%', 'all-identified': 'Yes' } } },
    { name: 'Unknown while data is missing', answers: { Tin: { 'covered-countries': 'Unknown', cahra: 'Unknown', 'response-rate': 'Greater than 75%', 'all-identified': 'No' } } },
    { name: 'Yes while data is missing', answers: { Tin: { 'covered-countries': 'Yes', 'response-rate': 'Greater than 75%' } } },
    { name: 'No without the data questions answered', answers: { Tin: { cahra: 'No' } } },
  ],
  invalid: [
    {
      name: 'CMRT 6.5 Tin: Q3 and Q4 "No" with a 75% response rate',
      answers: { Tin: { 'covered-countries': 'No', cahra: 'No', 'response-rate': 'Greater than 75%', 'all-identified': 'Yes' } },
      errors: [
        { cell: 'D39', severity: 'warning', message: /Tin: question 3 \(sourced from the covered countries\) is "No", but question 6 \(supplier response rate\) is "Greater than 75%"/, fix: /"Unknown"/, data: { topic: 'covered-countries', question: 3 } },
        { cell: 'D45', data: { topic: 'cahra', question: 4 } },
      ],
    },
    {
      name: 'all smelters not identified',
      answers: { Gold: { cahra: 'No', 'response-rate': '100%', 'all-identified': 'No' } },
      errors: [{ cell: 'D46', message: /question 7 \(all smelters identified\) is "No"/ }],
    },
    {
      name: 'both gaps',
      answers: { Tantalum: { 'covered-countries': 'No', 'response-rate': 'None', 'all-identified': 'No' } },
      errors: [{ cell: 'D38', message: /"None" and question 7/ }],
    },
    {
      name: 'EMRT 2.1: CAHRA is question 3 (D54 for the first mineral)',
      family: 'EMRT', version: '2.1', minerals: ['Cobalt', 'Lithium'],
      answers: { Cobalt: { cahra: 'No', 'all-identified': 'Unknown' }, Lithium: { cahra: 'No', 'all-identified': 'Yes', 'response-rate': '100%' } },
      errors: [{ cell: 'D54', message: /Cobalt: question 3 .*question 6 \(all smelters identified\) is "Unknown"/ }],
    },
    {
      name: 'CRT 2.2: CAHRA is question 2 (D32)',
      family: 'CRT', version: '2.2',
      answers: { Cobalt: { cahra: 'No', 'response-rate': 'Greater than 50%' } },
      errors: [{ cell: 'D32', message: /question 2 .*question 4/ }],
    },
  ],
});
