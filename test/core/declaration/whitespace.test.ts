import rule, { whitespaceProblem } from '../../../src/core/rules/declaration/whitespace';
import { testDeclarationRule } from '../../support/declaration-grid';

describe('whitespaceProblem', () => {
  it('finds each kind', () => {
    expect(whitespaceProblem('Acme')).toBeNull();
    expect(whitespaceProblem('山田\u3000太郎')).toBeNull(); // the ideographic space between family and given name is normal
    expect(whitespaceProblem(' Acme')).toMatchObject({ problems: ['leading spaces'], expected: 'Acme', hidden: false });
    expect(whitespaceProblem('Acme  Corp ')).toMatchObject({ problems: ['trailing spaces', 'double spaces'], expected: 'Acme Corp', hidden: false });
    expect(whitespaceProblem('Acme\tCorp')).toMatchObject({ problems: ['a tab'], expected: 'Acme Corp', hidden: true });
    expect(whitespaceProblem('Acme\nCorp')).toMatchObject({ problems: ['a line break'], expected: 'Acme Corp', hidden: true });
    expect(whitespaceProblem('Acme\u00a0Corp')).toMatchObject({ problems: ['an invisible or non-breaking space'], expected: 'Acme Corp', hidden: true });
    expect(whitespaceProblem('\u200bAcme')).toMatchObject({ hidden: true, expected: 'Acme' });
  });
});

testDeclarationRule(rule, {
  valid: [
    { name: 'clean names' },
    { name: 'a Japanese name with an ideographic space', company: { contactName: '山田\u3000太郎' } },
    { name: 'whitespace in other cells is not this rule\'s concern', company: { address: '  1 Main St  ', authorizerTitle: 'Director\t' } },
  ],
  invalid: [
    {
      name: 'leading/trailing/double spaces are info (CMRT 6.5 D8, D15)',
      company: { companyName: ' Acme  Metals ', contactName: 'Jane Doe ' },
      errors: [
        { cell: 'D8', severity: 'info', message: /Company name " Acme {2}Metals " has leading spaces, trailing spaces, double spaces/, fix: /"Acme Metals"/ },
        { cell: 'D15', severity: 'info', data: { expected: 'Jane Doe' } },
      ],
    },
    {
      name: 'a tab is a warning (EMRT 2.1 authorizer, D22)',
      family: 'EMRT', version: '2.1', minerals: ['Cobalt'],
      company: { authorizerName: 'John\tRoe' },
      errors: [{ cell: 'D22', severity: 'warning', message: /"John\\tRoe" has a tab/ }],
    },
    {
      name: 'a non-breaking space is a warning',
      company: { companyName: 'Acme\u00a0Metals' },
      errors: [{ cell: 'D8', severity: 'warning' }],
    },
  ],
});

it('does not call a trailing tab "trailing spaces"', () => {
  expect(whitespaceProblem('Acme\t')).toEqual({ problems: ['a tab'], expected: 'Acme', hidden: true });
});
