import rule from '../../../src/core/rules/smelter/typed-id-mismatch';
import { listed } from '../../support/model-factory';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'typed and resolved IDs agree', smelters: [listed('CID002763', { typedId: 'CID002763' })] },
    { name: 'no typed ID', smelters: [listed('CID002763')] },
    { name: 'typed ID not resolved (e.g. not recalculated): nothing to compare', smelters: [{ typedId: 'CID002763' }] },
    { name: 'typed ID with spaces is left to smelter/malformed-id', smelters: [listed('CID002763', { typedId: 'CID002763 x' })] },
  ],
  invalid: [
    {
      name: 'typed ID differs from the ID in F',
      smelters: [listed('CID002763', { typedId: 'CID002920' })],
      errors: [{
        row: 5, cell: 'A5', severity: 'error',
        message: 'The typed ID CID002920 (ABC Refinery Pty Ltd., Gold) differs from the ID the template resolved in column F, CID002763 (8853 S.p.A., Gold).',
        data: { typedId: 'CID002920', resolvedId: 'CID002763' },
      }],
    },
  ],
});
