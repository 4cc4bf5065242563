import rule from '../../../src/core/rules/smelter/cahra-answer';
import { listed, notListed } from '../../support/model-factory';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'Q4 Yes', smelters: [listed('CID002515')], answers: { Gold: { 4: 'Yes' } } },
    { name: 'Q4 No, no CAHRA smelter', smelters: [listed('CID002763')], answers: { Gold: { 4: 'No' } } },
    { name: 'CMRT question 3 is the covered-country question, not the CAHRA one', smelters: [listed('CID002515')], answers: { Gold: { 3: 'No' } } },
  ],
  invalid: [
    {
      name: 'whole-country CAHRA (Zimbabwe)',
      smelters: [listed('CID002515')],
      answers: { Gold: { 4: 'No' } },
      errors: [{ row: 5, cell: 'E5', severity: 'warning', message: /^CID002515 \(Fidelity Printers and Refiners Ltd\.\): Zimbabwe is listed as a whole country on the EU CAHRA list, but question 4 answers No for Gold/, data: { level: 'country', iso2: 'ZW' } }],
    },
    {
      name: 'listed region (Antioquia, Colombia)',
      smelters: [listed('CID003641')],
      answers: { Gold: { 4: 'No' } },
      errors: [{ cell: 'J5', severity: 'warning', message: /Antioquia \(CO-ANT\) is a listed region of Colombia on the EU CAHRA list \(conflict-affected/, data: { level: 'region', region: { code: 'CO-ANT' } } }],
    },
    {
      name: 'country with listed regions, smelter elsewhere (Sonora, Mexico): weaker signal, info',
      smelters: [listed('CID000180')],
      answers: { Gold: { 4: 'No' } },
      errors: [{ cell: 'E5', severity: 'info', message: /Mexico has \d+ region\(s\) on the EU CAHRA list; Sonora is not one of them \(weaker, country-level signal\)/, data: { level: 'country-has-regions' } }],
    },
    {
      name: 'EMRT question 3, DRC cobalt in Lualaba',
      family: 'EMRT', version: '2.1',
      smelters: [listed('CID003261')],
      answers: { Cobalt: { 3: 'No' } },
      errors: [{ data: { level: 'region', region: { code: 'CD-LU' }, question: 3 } }],
    },
    {
      name: 'CRT question 2, not-listed smelter with a typed region name',
      family: 'CRT', version: '2.2',
      smelters: [notListed('Cobalt', 'Kolwezi Works', 'CONGO, DEMOCRATIC REPUBLIC OF THE', { state: 'lualaba province' })],
      answers: { Cobalt: { 2: 'No' } },
      errors: [{ cell: 'J5', data: { level: 'region', region: { code: 'CD-LU' }, question: 2 } }],
    },
  ],
});
