import rule from '../../../src/core/rules/smelter/not-yet-identified';
import { listed, notYetIdentified } from '../../support/model-factory';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'CMRT: Q7 answered No', smelters: [notYetIdentified('Tin')], answers: { Tin: { 7: 'No' } } },
    { name: 'CMRT: Q7 unanswered', smelters: [notYetIdentified('Tin')] },
    { name: 'CMRT: Q7 Yes for another metal', smelters: [notYetIdentified('Tin')], answers: { Gold: { 7: 'Yes' } } },
    { name: 'CMRT: Q7 Yes and all rows identified', smelters: [listed('CID001105')], answers: { Tin: { 7: 'Yes' } } },
    { name: 'EMRT: question 7 is "all reported", not "all identified"', family: 'EMRT', smelters: [notYetIdentified('Cobalt')], answers: { Cobalt: { 7: 'Yes' } } },
    { name: 'AMRT has no such question', family: 'AMRT', smelters: [notYetIdentified('Aluminum')], answers: { Aluminum: { 7: 'Yes' } } },
  ],
  invalid: [
    {
      name: 'CMRT: Q7 Yes with a not-yet-identified tin row',
      smelters: [listed('CID001105'), notYetIdentified('Tin')],
      answers: { Tin: { 7: 'Yes' } },
      errors: [{ row: 6, cell: 'C6', severity: 'warning', message: /^"Smelter not yet identified" for Tin, but question 7 answers that all Tin smelters are identified \(Declaration D\d+: Yes\)\.$/, data: { question: 7, metal: 'Tin' } }],
    },
    {
      name: 'EMRT: question 6',
      family: 'EMRT', version: '2.1',
      smelters: [notYetIdentified('Cobalt')],
      answers: { Cobalt: { 6: 'Yes' } },
      errors: [{ message: /question 6 answers/, data: { question: 6 } }],
    },
    {
      name: 'CRT: question 5',
      family: 'CRT', version: '2.2',
      smelters: [notYetIdentified('Cobalt')],
      answers: { Cobalt: { 5: 'Yes' } },
      errors: [{ data: { question: 5 } }],
    },
  ],
});
