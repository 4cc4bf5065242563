import rule from '../../../src/core/rules/smelter/metal-mismatch';
import { listed } from '../../support/model-factory';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'metal matches the ID', smelters: [listed('CID000004'), listed('CID002763')] },
    { name: 'metal in another case', smelters: [listed('CID000004', { metal: 'TUNGSTEN' })] },
    { name: 'unknown ID: nothing to compare', smelters: [{ metal: 'Tin', typedId: 'CID999999' }] },
    { name: 'no metal given', smelters: [listed('CID000004', { metal: null })] },
  ],
  invalid: [
    {
      name: 'a tungsten ID declared as tin',
      smelters: [listed('CID000004', { metal: 'Tin' })],
      errors: [{ row: 5, cell: 'B5', severity: 'error', message: 'CID000004 is a Tungsten smelter ("A.L.M.T. Corp."), but this row declares Tin.', data: { idMetal: 'Tungsten', declaredMetal: 'Tin' } }],
    },
    {
      name: 'the same company has another ID per metal: Mitsubishi gold ID on a tin row',
      smelters: [{ metal: 'Tin', typedId: 'CID001188' }],
      errors: [{ cell: 'B5', message: /CID001188 is a Gold smelter/ }],
    },
    {
      name: 'an EMRT cobalt ID in a CMRT gold row',
      smelters: [{ metal: 'Gold', typedId: 'CID003261' }],
      errors: [{ message: /CID003261 is a Cobalt smelter \("Kamoto Copper Company"\)/ }],
    },
  ],
});
