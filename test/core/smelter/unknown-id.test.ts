import rule from '../../../src/core/rules/smelter/unknown-id';
import { importFacilityList } from '../../../src/core/reference/import-facility-list';
import { listed } from '../../support/model-factory';
import { testRule } from '../../support/rule-tester';

const now = new Date('2026-07-01T00:00:00Z');
const list = importFacilityList('Facility ID,Metal,Standard Facility Name,Country Location,Assessment Status\nCID099001,Gold,New Refinery,ITALY,Active\n', { now, fileDate: '2026-06-20' }).list!;

testRule(rule, {
  valid: [
    { name: 'ID in the template look-up', smelters: [listed('CID002763')] },
    { name: 'ID only in an older template version (known to the shipped history)', smelters: [listed('CID000092')] },
    { name: 'ID of another family (EMRT cobalt in a CMRT): known, the metal rule reports it', smelters: [{ metal: 'Gold', typedId: 'CID003261' }] },
    { name: 'ID newer than every template but on the imported facility list', smelters: [{ metal: 'Gold', typedId: 'CID099001' }], reference: { facilityList: list } },
    { name: 'malformed IDs are left to smelter/malformed-id', smelters: [{ typedId: 'CID12' }] },
  ],
  invalid: [
    {
      name: 'well-formed ID nobody knows, typed in A',
      smelters: [{ metal: 'Gold', typedId: 'CID999999' }],
      errors: [{ row: 5, cell: 'A5', severity: 'error', message: /CID999999 is not in this template's Smelter Look-up, nor in the RMI look-ups shipped with this tool \(newest: CMRT 6\.5, EMRT 2\.1, CRT 2\.2, AMRT 1\.3\)\.$/ }],
    },
    {
      name: 'unknown ID in F and a different unknown ID in A: both reported',
      smelters: [{ metal: 'Gold', lookup: 'X', id: 'CID999998', typedId: 'CID999997' }],
      errors: [{ cell: 'F5', data: { id: 'CID999998' } }, { cell: 'A5', data: { id: 'CID999997' } }],
    },
    {
      name: 'with a facility list imported, the message says it was consulted',
      smelters: [{ metal: 'Gold', typedId: 'CID999999' }],
      reference: { facilityList: list },
      errors: [{ message: /nor in the imported RMI facility list/ }],
    },
  ],
});
