import rule from '../../../src/core/rules/template/outdated';
import { newestVersion } from '../../../src/core/layouts';
import { testDeclarationRule } from '../../support/declaration-grid';

it('knows the newest versions it compares with', () => {
  expect(newestVersion('CMRT')).toBe('6.5');
  expect(newestVersion('EMRT')).toBe('2.1');
});

testDeclarationRule(rule, {
  valid: [
    { name: 'CMRT 6.5 is the newest CMRT' },
    { name: 'EMRT 2.1 is the newest EMRT', family: 'EMRT', version: '2.1', minerals: ['Cobalt'] },
    { name: 'CRT 2.2 is the newest CRT layout', family: 'CRT', version: '2.2' },
    { name: 'a version newer than all known ones is template/unknown-version\'s concern', statedVersion: '6.6' },
  ],
  invalid: [
    {
      name: 'CMRT 6.22 (version cell J3), for a buyer',
      version: '6.22',
      errors: [{ cell: 'J3', severity: 'info', message: /^This is CMRT 6\.22; the newest CMRT is 6\.5\.$/, fix: /^Ask the supplier to send its next declaration on CMRT 6\.5\.$/, data: { newest: '6.5' } }],
    },
    {
      name: 'CMRT 6.01, for a supplier',
      version: '6.01', role: 'supplier',
      errors: [{ cell: 'J3', fix: /^Move your declaration to CMRT 6\.5/ }],
    },
    {
      name: 'EMRT 1.3 -> 2.1',
      family: 'EMRT', version: '1.3',
      errors: [{ cell: 'J3', message: /newest EMRT is 2\.1/ }],
    },
    {
      name: 'an unknown version older than the newest is outdated too',
      version: '6.31', statedVersion: '6.3',
      errors: [{ cell: 'J3', message: /CMRT 6\.3;/ }],
    },
  ],
});
