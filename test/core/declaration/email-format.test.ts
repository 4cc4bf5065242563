import rule, { judgeEmail, isEmailAddress } from '../../../src/core/rules/declaration/email-format';
import { testDeclarationRule } from '../../support/declaration-grid';

describe('isEmailAddress', () => {
  it.each(['a@example.com', 'first.last+tag@mail.example.co.uk', "o'neil@example.ie", '王@例子.中国', 'x_y-z@sub-domain.xn--p1ai'])('accepts %s', (s) => {
    expect(isEmailAddress(s)).toBe(true);
  });
  it.each(['a@b', 'name,surname@x.com', 'a@@b.com', 'a@b..com', '.a@b.com', 'a.@b.com', 'a@-b.com', 'a b@c.com', 'a@b.c', 'a@b.123', '@b.com', 'a@'])('rejects %s', (s) => {
    expect(isEmailAddress(s)).toBe(false);
  });
});

describe('judgeEmail', () => {
  it('splits several addresses', () => {
    expect(judgeEmail('a@x.com; b@y.com')).toEqual({ kind: 'several', addresses: ['a@x.com', 'b@y.com'] });
    expect(judgeEmail('a@x.com, b@y.com')).toEqual({ kind: 'several', addresses: ['a@x.com', 'b@y.com'] });
    expect(judgeEmail('a@x.com / b@y.com')).toEqual({ kind: 'several', addresses: ['a@x.com', 'b@y.com'] });
  });
  it('leaves text without "@" to the Checker, and accepts what the template asks for when there is no address', () => {
    expect(judgeEmail('not available')).toEqual({ kind: 'skip' });
    expect(judgeEmail('N/A')).toEqual({ kind: 'skip' });
    expect(judgeEmail('ask the sales team')).toEqual({ kind: 'skip' });
  });
  it('recovers written-out addresses', () => {
    expect(judgeEmail('john at example.com')).toEqual({ kind: 'obfuscated', address: 'john@example.com' });
    expect(judgeEmail('john(at)example(dot)com')).toEqual({ kind: 'obfuscated', address: 'john@example.com' });
    expect(judgeEmail('john＠example.com')).toEqual({ kind: 'obfuscated', address: 'john@example.com' });
  });
  it('unwraps display names and mailto:', () => {
    expect(judgeEmail('John Doe <john@example.com>')).toEqual({ kind: 'wrapped', address: 'john@example.com' });
    expect(judgeEmail('mailto:john@example.com')).toEqual({ kind: 'wrapped', address: 'john@example.com' });
  });
  it('suggests a repair', () => {
    expect(judgeEmail('name,surname@x.com')).toMatchObject({ kind: 'invalid', suggestion: 'name.surname@x.com' });
    expect(judgeEmail('john @example.com')).toMatchObject({ kind: 'invalid', reason: 'it contains spaces', suggestion: 'john@example.com' });
    expect(judgeEmail('a@b')).toMatchObject({ kind: 'invalid', suggestion: null });
  });
});

testDeclarationRule(rule, {
  valid: [
    { name: 'valid addresses (CMRT 6.5)' },
    { name: 'valid addresses (EMRT 2.1)', family: 'EMRT', version: '2.1', minerals: ['Cobalt'] },
    { name: 'plus-addressing and sub-domains', company: { contactEmail: 'cm+2025@compliance.acme.co.jp' } },
    { name: '"not available", as the template asks for when there is no address', company: { authorizerEmail: 'not available' } },
    { name: '"n/a"', company: { contactEmail: 'n/a' } },
    { name: 'no "@" at all: the Checker reports it', company: { contactEmail: 'see website' } },
    { name: 'empty cells: the Checker reports them', company: { contactEmail: null, authorizerEmail: null } },
    { name: 'an error value: reported by template/read-notes', company: { contactEmail: '#N/A' } },
  ],
  invalid: [
    {
      name: 'a comma in the local part (CMRT 6.5 contact email, D16)',
      company: { contactEmail: 'name,surname@x.com' },
      errors: [{ cell: 'D16', severity: 'error', message: /not a valid email address: the part before the "@" contains ","/, fix: /name\.surname@x\.com/, data: { suggestion: 'name.surname@x.com' } }],
    },
    {
      name: 'a domain without a dot (authorizer email, D20)',
      company: { authorizerEmail: 'a@b' },
      errors: [{ cell: 'D20', severity: 'error', message: /has no dot/, fix: /valid email address/ }],
    },
    {
      name: 'two addresses in one cell: one address per cell',
      company: { contactEmail: 'jane@acme.com; sales@acme.com' },
      errors: [{ cell: 'D16', severity: 'warning', message: /2 addresses/, fix: /one address per cell/, data: { addresses: ['jane@acme.com', 'sales@acme.com'] } }],
    },
    {
      name: 'an address written out',
      company: { contactEmail: 'jane at acme.com' },
      errors: [{ cell: 'D16', severity: 'info', fix: /jane@acme\.com/ }],
    },
    {
      name: 'a display name around the address',
      company: { authorizerEmail: 'John Roe <john.roe@acme.com>' },
      errors: [{ cell: 'D20', severity: 'warning', fix: /john\.roe@acme\.com/ }],
    },
    {
      name: 'both cells, in EMRT 2.1 positions (D20, D24)',
      family: 'EMRT', version: '2.1', minerals: ['Cobalt'],
      company: { contactEmail: 'jane@acme', authorizerEmail: 'john..roe@acme.com' },
      errors: [{ cell: 'D20', severity: 'error' }, { cell: 'D24', severity: 'error', message: /misplaced dot/, fix: /john\.roe@acme\.com/ }],
    },
    {
      name: 'CRT 2.2 positions',
      family: 'CRT', version: '2.2',
      company: { contactEmail: 'jane@@acme.com' },
      errors: [{ cell: 'D16', severity: 'error', fix: /jane@acme\.com/ }],
    },
    {
      name: 'smelter contact emails on the Smelter List are info',
      cells: { 'Smelter List': { B5: 'Tin', C5: 'Smelter not listed', D5: 'Some Smelter', E5: 'BOLIVIA', K5: 'Li Lei', L5: 'lilei@smelter', M5: 'x' } },
      errors: [{ cell: 'L5', sheet: 'Smelter List', severity: 'info', message: /Smelter contact email \(row 5\)/ }],
    },
  ],
});
