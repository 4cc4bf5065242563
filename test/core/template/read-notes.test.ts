import rule from '../../../src/core/rules/template/read-notes';
import { testDeclarationRule } from '../../support/declaration-grid';

testDeclarationRule(rule, {
  valid: [
    { name: 'no error values' },
    { name: 'the unknown version note is template/unknown-version\'s', statedVersion: '6.6' },
    {
      name: '#N/A in the ID and country columns of an unresolved look-up is left to the smelter rules',
      cells: { 'Smelter List': { B5: 'Tin', C5: 'Bogus Smelter', E5: '#N/A', F5: '#N/A' } },
    },
  ],
  invalid: [
    {
      name: 'error values in Declaration input cells (CMRT 6.5 contact email D16, Tin Q1 D27)',
      company: { contactEmail: '#N/A' },
      answers: { Tin: { intentional: '#REF!' } },
      errors: [
        { cell: 'D16', severity: 'warning', message: /Declaration!D16 shows the error #N\/A/, fix: /Replace the error/, data: { code: 'error-value' } },
        { cell: 'D27', severity: 'warning', message: /#REF!/ },
      ],
    },
    {
      name: 'an error value on the Smelter List keeps its sheet and row',
      cells: { 'Smelter List': { B7: 'Gold', C7: 'Smelter not listed', D7: 'X', E7: 'CHINA', G7: '#VALUE!' } },
      errors: [{ cell: 'G7', sheet: 'Smelter List', row: 7, message: /row 7 shows the error #VALUE!/ }],
    },
    {
      name: 'EMRT 2.1 effective date (D26)',
      family: 'EMRT', version: '2.1', minerals: ['Cobalt'],
      company: { effectiveDate: '#NAME?' },
      errors: [{ cell: 'D26' }],
    },
  ],
});
