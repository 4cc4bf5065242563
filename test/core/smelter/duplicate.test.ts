import rule from '../../../src/core/rules/smelter/duplicate';
import { listed, notListed, notYetIdentified } from '../../support/model-factory';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'different smelters', smelters: [listed('CID000004'), listed('CID002763')] },
    { name: 'same company, different metals (different IDs)', smelters: [listed('CID001188'), listed('CID001191')] },
    { name: 'same not-listed name for two metals', smelters: [notListed('Tin', 'Acme Metals', 'CHINA'), notListed('Gold', 'Acme Metals', 'CHINA')] },
    { name: 'pseudo-rows repeat freely', smelters: [notYetIdentified('Tin'), notYetIdentified('Tin')] },
  ],
  invalid: [
    {
      name: 'same ID twice: once by dropdown, once typed',
      smelters: [listed('CID002763'), listed('CID000004'), listed('CID002763', { typedId: 'CID002763', lookup: '8853 S.p.A.' })],
      errors: [{ row: 7, cell: 'F7', severity: 'warning', message: 'CID002763 (8853 S.p.A.) is listed again for Gold; first listed in row 5.', data: { firstRow: 5, id: 'CID002763' } }],
    },
    {
      name: 'same not-listed smelter, differently written',
      smelters: [notListed('Tin', 'Acme Metals Co., Ltd.', 'CHINA'), notListed('Tin', 'ACME METALS', 'CHINA'), notListed('Tin', 'acme metals ltd', 'CHINA')],
      errors: [
        { row: 6, cell: 'D6', message: /"ACME METALS" is listed again for Tin; first listed in row 5\./ },
        { row: 7, cell: 'D7', data: { firstRow: 5 } },
      ],
    },
  ],
});
