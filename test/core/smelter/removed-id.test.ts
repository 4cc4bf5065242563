import rule from '../../../src/core/rules/smelter/removed-id';
import { importFacilityList } from '../../../src/core/reference/import-facility-list';
import { listed, lookupFor } from '../../support/model-factory';
import { testRule } from '../../support/rule-tester';

const now = new Date('2026-07-01T00:00:00Z');

testRule(rule, {
  valid: [
    { name: 'ID still in the newest template', smelters: [listed('CID002763')] },
    { name: 'cobalt ID still listed by the EMRT (and CRT)', family: 'EMRT', smelters: [listed('CID003261')] },
    { name: 'unknown ID: left to smelter/unknown-id', smelters: [{ metal: 'Gold', typedId: 'CID999999' }] },
    {
      name: 'dropped from the templates but on the imported facility list',
      smelters: [listed('CID000092')],
      reference: { facilityList: importFacilityList('Facility ID,Metal,Standard Facility Name,Country Location,Assessment Status\nCID000092,Tantalum,Asaka Riken Co. Ltd.,JAPAN,Conformant', { now, fileDate: '2026-06-01' }).list! },
    },
    {
      name: 'a template newer than the shipped history lists the ID again: the template wins',
      version: '6.6',
      smelters: [listed('CID000092')],
      lookup: [...lookupFor('CMRT'), { row: 9999, metal: 'Tantalum', lookupName: 'Asaka Riken Co., Ltd.', standardName: 'Asaka Riken Co., Ltd.', country: 'JAPAN', id: 'CID000092', source: 'RMI', street: null, city: null, state: null }],
    },
  ],
  invalid: [
    {
      name: 'ID dropped after CMRT 6.1',
      smelters: [listed('CID000092')],
      errors: [{ row: 5, cell: 'F5', severity: 'warning', message: 'CID000092 (Asaka Riken Co., Ltd., JAPAN) is no longer on RMI\'s list: last listed in CMRT 6.1.', data: { lastListed: [{ family: 'CMRT', version: '6.1' }] } }],
    },
    {
      name: 'an older template (CMRT 6.1) still lists it: RMI dropped it later',
      version: '6.1',
      smelters: [listed('CID000092')],
      lookup: [...lookupFor('CMRT'), { row: 9999, metal: 'Tantalum', lookupName: 'Asaka Riken Co., Ltd.', standardName: 'Asaka Riken Co., Ltd.', country: 'JAPAN', id: 'CID000092', source: 'RMI', street: null, city: null, state: null }],
      errors: [{ cell: 'F5', message: /last listed in CMRT 6\.1/ }],
    },
    {
      name: 'typed only (not resolved by a newer template)',
      smelters: [{ metal: 'Tantalum', typedId: 'CID000092' }],
      errors: [{ cell: 'F5', data: { id: 'CID000092' } }],
    },
  ],
});
