import rule, { isPlaceholderName } from '../../../src/core/rules/declaration/authorizer-placeholder';
import { testDeclarationRule } from '../../support/declaration-grid';

describe('isPlaceholderName', () => {
  it.each(['same', 'Same as above', 'SAME AS ABOVE.', 'see above', 'N/A', 'n.a.', '-', '--', '.', '?', 'TBD', 'to be determined', 'ditto', '同上', '无', 'なし', '상동', 'same as contact'])('%s is a placeholder', (s) => {
    expect(isPlaceholderName(s)).toBe(true);
  });
  it.each(['Jane Doe', 'Li Na', 'Na Li', 'Ng', 'O\'Brien', '王伟', 'Samantha Same', 'Xu', 'Dr. A. Tbd-Smith'])('%s is a name', (s) => {
    expect(isPlaceholderName(s)).toBe(false);
  });
});

testDeclarationRule(rule, {
  valid: [
    { name: 'real names' },
    { name: 'authorizer and contact are the same person, named twice', company: { contactName: 'Jane Doe', authorizerName: 'Jane Doe' } },
    { name: 'short real names', company: { contactName: 'Li Na', authorizerName: 'Ng' } },
    { name: 'empty cells: the Checker reports them', company: { contactName: null, authorizerName: null } },
  ],
  invalid: [
    {
      name: '"same as above" as the authorizer (CMRT 6.5, D18)',
      company: { authorizerName: 'Same as above' },
      errors: [{ cell: 'D18', severity: 'error', message: /Authorizer is "Same as above", a placeholder/, fix: /full name of the person who authorizes/ }],
    },
    {
      name: '"N/A" contact and "-" authorizer, in cell order',
      company: { contactName: 'N/A', authorizerName: '-' },
      errors: [{ cell: 'D18', severity: 'error' }, { cell: 'D15', severity: 'warning', message: /Contact name/ }],
    },
    {
      name: '"TBD" in EMRT 2.1 (D22)',
      family: 'EMRT', version: '2.1', minerals: ['Mica'],
      company: { authorizerName: 'TBD' },
      errors: [{ cell: 'D22', data: { value: 'TBD', field: 'authorizerName' } }],
    },
    {
      name: '"同上" (same as above) in CRT 2.2',
      family: 'CRT', version: '2.2',
      company: { authorizerName: '同上' },
      errors: [{ cell: 'D18', severity: 'error' }],
    },
  ],
});
