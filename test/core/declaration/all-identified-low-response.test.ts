import rule from '../../../src/core/rules/declaration/all-identified-low-response';
import { testDeclarationRule } from '../../support/declaration-grid';

testDeclarationRule(rule, {
  valid: [
    { name: 'all identified with 100% response', answers: { Tin: { 'response-rate': '100%', 'all-identified': 'Yes' } } },
    { name: 'all identified with the number 1 (100%)', answers: { Tin: { 'response-rate': 1, 'all-identified': 'Yes' } } },
    { name: 'not all identified with a low response', answers: { Tin: { 'response-rate': 'Greater than 50%', 'all-identified': 'No' } } },
    { name: 'response rate not answered', answers: { Tin: { 'all-identified': 'Yes' } } },
    { name: 'the other metal\'s rate does not count', answers: { Tin: { 'response-rate': '100%', 'all-identified': 'Yes' }, Gold: { 'response-rate': 'None', 'all-identified': 'No' } } },
  ],
  invalid: [
    {
      name: 'CMRT 6.5 Tin: Q7 Yes (D63) with Q6 "Greater than 90%" (D57)',
      answers: { Tin: { 'response-rate': 'Greater than 90%', 'all-identified': 'Yes' } },
      errors: [{ cell: 'D63', severity: 'warning', message: /Tin: question 7 \(all smelters identified\) is "Yes", but question 6 \(supplier response rate\) is "Greater than 90%" \(D57\)/, data: { responseRate: 'Greater than 90%' } }],
    },
    {
      name: 'no supplier responded ("None")',
      answers: { Gold: { 'response-rate': 'None', 'all-identified': 'Yes' } },
      errors: [{ cell: 'D64' }],
    },
    {
      name: 'EMRT 2.1 numbering: Q6 all identified (D90), Q5 response rate (D78)',
      family: 'EMRT', version: '2.1', minerals: ['Cobalt'],
      answers: { Cobalt: { 'response-rate': 'Did not survey', 'all-identified': 'Yes' } },
      errors: [{ cell: 'D90', message: /question 6 .* question 5 .*"Did not survey"/ }],
    },
    {
      name: 'CRT 2.2 numbering: Q5 all identified (D50), Q4 response rate (D44)',
      family: 'CRT', version: '2.2',
      answers: { Cobalt: { 'response-rate': '50% or less', 'all-identified': 'Yes' } },
      errors: [{ cell: 'D50', message: /question 5 .* question 4 / }],
    },
  ],
});
