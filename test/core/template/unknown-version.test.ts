import rule from '../../../src/core/rules/template/unknown-version';
import { testDeclarationRule } from '../../support/declaration-grid';

testDeclarationRule(rule, {
  valid: [
    { name: 'a known version' },
    { name: 'a known older version', version: '6.22' },
  ],
  invalid: [
    {
      name: 'CMRT 6.6 read with the 6.5 layout (J3, row 3)',
      statedVersion: '6.6',
      errors: [{ cell: 'J3', row: 3, severity: 'warning', message: /CMRT version 6\.6 is not one this tool knows.*6\.5 layout/, data: { version: '6.6', layoutVersion: '6.5' } }],
    },
    {
      name: 'EMRT 2.05 read with the 2.0 layout',
      family: 'EMRT', version: '2.0', statedVersion: '2.05', minerals: ['Cobalt'],
      errors: [{ cell: 'J3', data: { layoutVersion: '2.0' } }],
    },
  ],
});
