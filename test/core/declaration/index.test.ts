import { readdirSync } from 'fs';
import { join } from 'path';
import { DECLARATION_RULES, DECLARATION_VALUE_RULES } from '../../../src/core/rules/declaration';
import { TEMPLATE_RULES } from '../../../src/core/rules/template';
import { run } from '../../support/declaration-grid';

const CONSISTENT = {
  intentional: 'Yes', remains: 'Yes', 'covered-countries': 'No', cahra: 'No', recycled: 'No', 'response-rate': '100%',
  'all-identified': 'Yes', 'all-reported': 'Yes',
} as const;

it('exports every rule file, each under an id that matches its file name', () => {
  const files = (dir: string) => readdirSync(join(__dirname, '../../../src/core/rules', dir)).filter((f) => f.endsWith('.ts') && !['index.ts', 'common.ts'].includes(f)).map((f) => `${dir}/${f.slice(0, -3)}`).sort();
  expect(DECLARATION_VALUE_RULES.map((r) => r.meta.id).sort()).toEqual(files('declaration'));
  expect(TEMPLATE_RULES.map((r) => r.meta.id).sort()).toEqual(files('template'));
  expect(DECLARATION_RULES).toEqual([...TEMPLATE_RULES, ...DECLARATION_VALUE_RULES]);
});

it('finds nothing in a complete, consistent CMRT 6.5 declaration', () => {
  expect(run(DECLARATION_RULES, {
    answers: { Tantalum: CONSISTENT, Tin: CONSISTENT, Gold: CONSISTENT, Tungsten: { intentional: 'No' } },
    comments: { Tin: { 'all-reported': 'ok' } },
    companyAnswers: {
      policy: 'Yes', 'policy-public': 'Yes', 'require-validated': 'Yes', 'due-diligence': 'Yes',
      survey: 'Yes, in conformance with IPC1755 (e.g., CMRT)', review: 'Yes', 'corrective-action': 'Yes', 'annual-filing': 'No',
    },
    companyComments: { 'policy-public': 'https://acme-metals.com/policy' },
  })).toEqual([]);
});

it('finds nothing in a complete, consistent EMRT 2.1 and CRT 2.2 declaration', () => {
  const emrt = { ...CONSISTENT } as Record<string, string>;
  delete emrt['covered-countries'];
  expect(run(DECLARATION_RULES, { family: 'EMRT', version: '2.1', minerals: ['Cobalt', 'Mica'], answers: { Cobalt: emrt, Mica: emrt }, companyAnswers: { policy: 'Yes', survey: 'Yes, in conformance with IPC1755 (e.g. EMRT)' } })).toEqual([]);
  const crt = { ...emrt };
  delete crt.remains;
  expect(run(DECLARATION_RULES, { family: 'CRT', version: '2.2', answers: { Cobalt: crt }, companyAnswers: { policy: 'Yes', survey: 'Yes, CRT' } })).toEqual([]);
});
