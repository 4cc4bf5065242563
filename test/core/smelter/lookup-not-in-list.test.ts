import rule from '../../../src/core/rules/smelter/lookup-not-in-list';
import { listed } from '../../support/model-factory';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'standard name chosen', smelters: [listed('CID000004')] },
    { name: 'an alias chosen', smelters: [listed('CID000004', { lookup: 'ALMT Corp' })] },
    { name: 'case differs (Excel MATCH ignores case)', smelters: [listed('CID000004', { lookup: 'almt corp' })] },
    { name: 'pseudo entries', smelters: [{ metal: 'Tin', lookup: 'Smelter not listed', name: 'X', country: 'CHINA' }, { metal: 'Tin', lookup: 'Smelter not yet identified' }] },
    { name: 'no look-up in the template (AMRT 1.2): nothing to check', smelters: [{ metal: 'Tin', lookup: 'Whatever' }], lookup: [] },
  ],
  invalid: [
    {
      name: 'extra space',
      smelters: [{ metal: 'Tungsten', lookup: 'ALMT  Corp' }],
      errors: [{ row: 5, cell: 'C5', severity: 'error', message: 'The look-up name "ALMT  Corp" differs only in spacing from "ALMT Corp"; the template matches the exact text, so the row does not resolve.' }],
    },
    {
      name: 'a gold refiner chosen for tin',
      smelters: [{ metal: 'Tin', lookup: '8853 S.p.A.' }],
      errors: [{ cell: 'C5', message: /"8853 S\.p\.A\." is a Gold smelter in the template's Smelter Look-up, not a Tin one\./, data: { otherMetal: 'Gold' } }],
    },
    {
      name: 'a typed name that is not in the list, with suggestions',
      smelters: [{ metal: 'Tin', lookup: 'Malaysia Smelting Corp' }],
      errors: [{
        cell: 'C5', message: /^"Malaysia Smelting Corp" is not a Tin name in the template's Smelter Look-up\. Closest for Tin: Malaysia Smelting Corporation \(MSC\) \(CID001105\)/,
        data: { suggestions: expect.arrayContaining([expect.objectContaining({ id: 'CID001105' })]) },
      }],
    },
  ],
});
