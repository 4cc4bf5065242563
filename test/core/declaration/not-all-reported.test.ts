import rule from '../../../src/core/rules/declaration/not-all-reported';
import { testDeclarationRule } from '../../support/declaration-grid';

testDeclarationRule(rule, {
  valid: [
    { name: 'all reported', answers: { Tin: { 'all-reported': 'Yes' } } },
    { name: 'not answered', answers: { Tin: { intentional: 'Yes' } } },
  ],
  invalid: [
    {
      name: 'CMRT 6.5 Tungsten Q8 (D71) "No", for a buyer',
      answers: { Tungsten: { 'all-reported': 'No' } },
      errors: [{ cell: 'D71', severity: 'warning', message: /Tungsten: question 8 \(all smelter information reported\) is "No".*There is no comment/, fix: /^Ask the supplier which Tungsten smelters/ }],
    },
    {
      name: 'with a comment, for a supplier',
      role: 'supplier',
      answers: { Tin: { 'all-reported': 'No' } },
      comments: { Tin: { 'all-reported': 'Confidential' } },
      errors: [{ cell: 'D69', message: /The comment says "Confidential"\. Your customer will ask why\./, fix: /^Report all known Tin smelters/, data: { comment: 'Confidential' } }],
    },
    {
      name: 'EMRT 2.1: question 7 (D103 for the second mineral)',
      family: 'EMRT', version: '2.1', minerals: ['Cobalt', 'Graphite'],
      answers: { Graphite: { 'all-reported': 'No' } },
      errors: [{ cell: 'D103', message: /Graphite: question 7/ }],
    },
    {
      name: 'CRT 2.2: question 6 (D56)',
      family: 'CRT', version: '2.2',
      answers: { Cobalt: { 'all-reported': 'No' } },
      errors: [{ cell: 'D56', message: /question 6/ }],
    },
  ],
});
