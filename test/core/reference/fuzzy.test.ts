import { editDistance, nameSimilarity, prepareName } from '../../../src/core/reference/fuzzy';
import { normaliseSmelterName, normaliseText } from '../../../src/core/reference/names';

describe('names', () => {
  it('normalises text', () => {
    expect(normaliseText('  Córrego do Sítio — Mineração ')).toBe('corrego do sitio mineracao');
    expect(normaliseText('Heraeus Precious Metals GmbH & Co. KG')).toBe('heraeus precious metals gmbh and co kg');
  });

  it('drops legal forms', () => {
    expect(normaliseSmelterName('Aida Chemical Industries Co., Ltd.')).toBe('aida chemical industries');
    expect(normaliseSmelterName('Metalurgica Met-Mex Penoles S.A. De C.V.')).toBe('metalurgica met mex penoles');
    expect(normaliseSmelterName('PT Timah Tbk Kundur')).toBe('timah kundur');
    expect(normaliseSmelterName('JSC Novosibirsk Refinery')).toBe('novosibirsk refinery');
    expect(normaliseSmelterName('A.L.M.T. Corp.')).toBe('almt');
    expect(normaliseSmelterName('Co., Ltd.')).toBe('co ltd');
  });
});

describe('fuzzy', () => {
  it('edit distance, with an early stop', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('scores misspellings high and unrelated names low', () => {
    const s = (a: string, b: string): number => nameSimilarity(prepareName(a), prepareName(b));
    expect(s('Mitsubishi Materails Corp', 'Mitsubishi Materials Corporation')).toBeGreaterThan(0.85);
    expect(s('YunnanTin', 'Yunnan Tin Co., Ltd.')).toBeGreaterThan(0.85);
    expect(s('Valcambi SA', 'Valcambi S.A.')).toBe(1);
    expect(s('Acme Metals', 'Valcambi S.A.')).toBeLessThan(0.3);
    expect(s('Gold Refinery', 'Rand Refinery (Pty) Ltd.')).toBeLessThan(0.6);
  });
});
