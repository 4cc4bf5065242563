import rule, { likelyId } from '../../../src/core/rules/smelter/malformed-id';
import { listed, notListed } from '../../support/model-factory';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'ID chosen through the dropdowns', smelters: [listed('CID002763')] },
    { name: 'ID typed in column A and resolved in F', smelters: [listed('CID002763', { typedId: 'CID002763' })] },
    { name: 'not-listed row without an ID', smelters: [notListed('Gold', 'Some Refinery', 'ITALY')] },
    { name: 'empty rows', smelters: [{}, {}] },
  ],
  invalid: [
    {
      name: 'typed ID with surrounding spaces (the template matches only the exact text)',
      smelters: [{ typedId: ' CID002763 ' }],
      errors: [{ row: 5, cell: 'A5', severity: 'warning', message: /spaces around it.*only matches the exact ID/, data: { expected: 'CID002763' } }],
    },
    {
      name: 'lower case, dashes and missing zeros',
      smelters: [{ typedId: 'cid-002763' }, { typedId: '2763' }, { typedId: 'CID2763' }],
      errors: [
        { row: 5, cell: 'A5', severity: 'error', message: /did you mean CID002763\?/, data: { suggestion: 'CID002763' } },
        { row: 6, cell: 'A6', message: /did you mean CID002763\?/ },
        { row: 7, cell: 'A7', message: /did you mean CID002763\?/ },
      ],
    },
    {
      name: 'text that is not an ID at all, typed over the resolved column',
      smelters: [listed('CID002763', { id: 'see attached list' })],
      errors: [{ row: 5, cell: 'F5', severity: 'error', message: /"see attached list" is not an RMI smelter ID \(CID followed by six digits\)\.$/ }],
    },
    {
      name: 'seven digits',
      smelters: [{ typedId: 'CID0027630' }],
      errors: [{ cell: 'A5', message: /is not an RMI smelter ID/ }],
    },
  ],
});

describe('likelyId', () => {
  it.each([
    ['cid002763', 'CID002763'],
    ['CID 002763', 'CID002763'],
    ['CID-002763', 'CID002763'],
    ['2763', 'CID002763'],
    ['CID.2763', 'CID002763'],
    ['XYZ', null],
    ['CID12345678', null],
  ])('%s -> %s', (input, expected) => {
    expect(likelyId(input)).toBe(expected);
  });
});
