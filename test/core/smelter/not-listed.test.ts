import rule from '../../../src/core/rules/smelter/not-listed';
import { listed, notListed } from '../../support/model-factory';
import { findingsOf, testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'listed smelters only', smelters: [listed('CID000004'), listed('CID002763')] },
  ],
  invalid: [
    {
      name: 'missing name and country',
      smelters: [notListed('Tin', null, null)],
      errors: [{ row: 5, cell: 'D5', severity: 'error', message: '"Smelter not listed" row without the smelter\'s name (column D) and country (column E).', data: { missing: ['name', 'country'] } }],
    },
    {
      name: 'missing country: reported, and the name is still checked',
      smelters: [notListed('Tin', 'Acme Tin Works', null)],
      errors: [{ cell: 'E5', severity: 'error', message: /without the smelter's country \(column E\)/ }, { cell: 'D5', severity: 'warning', message: /not a smelter RMI recognises for Tin/ }],
    },
    {
      name: 'unrecognised smelter with no similar RMI smelter',
      smelters: [notListed('Tin', 'Zzyzx Quantum Foundry', 'ICELAND')],
      errors: [{ cell: 'D5', severity: 'warning', message: '"Zzyzx Quantum Foundry" (ICELAND) is not a smelter RMI recognises for Tin. No similar RMI smelter was found.', data: { suggestions: [] } }],
    },
    {
      name: 'an RMI smelter entered as not listed (name differs only in legal form)',
      smelters: [notListed('Gold', 'Valcambi SA', 'SWITZERLAND')],
      errors: [{ message: /^"Valcambi SA" is entered as "Smelter not listed", but RMI lists it: Valcambi S\.A\. \(CID002003, SWITZERLAND, 100%\)\.$/, data: { suggestions: [{ id: 'CID002003', score: 1 }] } }],
    },
    {
      name: 'AMRT 1.2 has no look-up column: a row with a name and no ID, in its own columns',
      family: 'AMRT', version: '1.2', lookup: [],
      smelters: [{ metal: 'Aluminum', name: 'Zzyzx Quantum Foundry', lookupKind: 'not-listed' }],
      errors: [
        { cell: 'C5', severity: 'error', message: "Row without the smelter's country (column C)." },
        { cell: 'B5', severity: 'warning', message: /^"Zzyzx Quantum Foundry" is not a smelter RMI recognises for Aluminum\./ },
      ],
    },
    {
      name: 'exact look-up name: the template resolved it',
      smelters: [notListed('Gold', '8853 S.p.A.', 'ITALY', { id: 'CID002763' })],
      errors: [{ severity: 'info', cell: 'C5', data: { id: 'CID002763' } }],
    },
  ],
});

/** Realistic misspellings of listed smelters, and the ID the suggestions must rank first. */
const MISSPELLINGS: [string, string, string][] = [
  ['Tin', 'Malaysia Smelting Corp.', 'CID001105'],
  ['Tin', 'PT Timah Kundur', 'CID001477'],
  ['Tin', 'Yunnan Tin Company Ltd', 'CID002180'],
  ['Gold', 'Mitsubishi Materials Corp', 'CID001188'],
  ['Gold', 'Metalor Technologies SA', 'CID001153'],
  ['Gold', 'Valcambi', 'CID002003'],
  ['Gold', 'Argor Heraeus', 'CID000077'],
  ['Gold', 'Heraeus Precious Metals GmbH & Co KG', 'CID000711'],
  ['Gold', 'Umicore Precious Metal Refining Hoboken', 'CID001980'],
  ['Gold', 'Asahi Refining Canada Limited', 'CID000924'],
  ['Gold', 'Krastsvetmet', 'CID001326'],
  ['Gold', 'Aida Chemical Industries', 'CID000019'],
  ['Tungsten', 'ALMT Corporation', 'CID000004'],
  ['Gold', 'Jiangxi Copper Company Limited', 'CID000855'],
  // typos
  ['Tin', 'Malaysia Smeltng Corporation', 'CID001105'],
  ['Gold', 'Mitsubishi Materails', 'CID001188'],
  ['Gold', 'Metalor Tecnologies', 'CID001153'],
  ['Gold', 'Heraus Germany', 'CID000711'],
  ['Tin', 'Yunan Tin', 'CID002180'],
  ['Gold', 'Aida Chemcial Industries', 'CID000019'],
  ['Gold', 'Asahi Refinning Canada', 'CID000924'],
  ['Tin', 'PT Tima Kundur', 'CID001477'],
  ['Gold', 'Rand Refinary', 'CID001512'],
  ['Gold', 'Istambul Gold Refinery', 'CID000814'],
  ['Gold', 'Umicore Precious Metal Refinning Hoboken', 'CID001980'],
  ['Gold', 'Krasnoyarsk Non Ferrous Metals Plant', 'CID001326'],
  ['Gold', 'Tanaka Kikinzoku', 'CID001875'],
];

describe('smelter/not-listed suggestions', () => {
  it.each(MISSPELLINGS)('%s "%s" -> %s', (metal, name, id) => {
    const [f] = findingsOf(rule, { smelters: [notListed(metal, name, 'SOMEWHERE')] });
    const suggestions = f!.data!.suggestions as { id: string; name: string; country: string; score: number }[];
    expect(suggestions[0]).toMatchObject({ id });
    expect(suggestions[0]!.score).toBeGreaterThanOrEqual(0.5);
    expect(f!.message).toContain(id);
    for (const s of suggestions) expect(Object.keys(s).sort()).toEqual(['country', 'id', 'name', 'score']);
  });

  it('suggests only smelters of the same metal', () => {
    const [f] = findingsOf(rule, { smelters: [notListed('Tin', 'Mitsubishi Materials Corp', 'JAPAN')] });
    const suggestions = f!.data!.suggestions as { id: string }[];
    expect(suggestions[0]!.id).toBe('CID001191');
    expect(suggestions.map((s) => s.id)).not.toContain('CID001188');
  });

  it('suggests at most three', () => {
    const [f] = findingsOf(rule, { smelters: [notListed('Gold', 'Metalor', 'SWITZERLAND')] });
    expect((f!.data!.suggestions as unknown[]).length).toBeLessThanOrEqual(3);
  });
});
