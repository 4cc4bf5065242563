import { countryName, countryToIso2, sameCountry } from '../../../src/core/reference/countries';
import { coveredCountry, matchCahra, subdivisionCode } from '../../../src/core/reference/geography';
import { TEMPLATE_COUNTRIES } from '../../../src/core/reference/data/countries';

describe('countries', () => {
  it('maps the template spellings', () => {
    expect(countryToIso2('CONGO, DEMOCRATIC REPUBLIC OF THE')).toBe('CD');
    expect(countryToIso2('CONGO')).toBe('CG');
    expect(countryToIso2('TANZANIA, UNITED REPUBLIC OF')).toBe('TZ');
    expect(countryToIso2('KOREA, REPUBLIC OF')).toBe('KR');
    expect(countryToIso2('ÅLAND ISLANDS')).toBe('AX');
    expect(countryToIso2('  russian federation ')).toBe('RU');
  });

  it('maps common aliases and ISO2, not "Unknown"', () => {
    expect(countryToIso2('DR Congo')).toBe('CD');
    expect(countryToIso2('Republic of the Congo')).toBe('CG');
    expect(countryToIso2('Tanzania')).toBe('TZ');
    expect(countryToIso2('NORTH MACEDONIA, REPUBLIC OF')).toBe('MK');
    expect(countryToIso2('de')).toBe('DE');
    expect(countryToIso2('Unknown')).toBeNull();
    expect(countryToIso2('Atlantis')).toBeNull();
    expect(countryName('cd')).toBe('CONGO, DEMOCRATIC REPUBLIC OF THE');
    expect(sameCountry('DRC', 'CONGO, DEMOCRATIC REPUBLIC OF THE')).toBe(true);
    expect(sameCountry('CONGO', 'CONGO, DEMOCRATIC REPUBLIC OF THE')).toBe(false);
  });

  it('covers every country of the template list', () => {
    expect(TEMPLATE_COUNTRIES.length).toBe(250);
    for (const [name, iso] of TEMPLATE_COUNTRIES) expect(countryToIso2(name)).toBe(iso === 'ZZ' ? null : iso);
  });
});

describe('covered countries', () => {
  it.each([
    ['CONGO, DEMOCRATIC REPUBLIC OF THE', 'CD'], ['ANGOLA', 'AO'], ['BURUNDI', 'BI'], ['CENTRAL AFRICAN REPUBLIC', 'CF'],
    ['CONGO', 'CG'], ['RWANDA', 'RW'], ['SOUTH SUDAN', 'SS'], ['TANZANIA, UNITED REPUBLIC OF', 'TZ'], ['UGANDA', 'UG'], ['ZAMBIA', 'ZM'],
  ])('%s is covered', (name, iso) => {
    expect(coveredCountry(name)).toMatchObject({ iso2: iso, name, source: { date: '2010-07-21' } });
  });

  it.each(['SUDAN', 'KENYA', 'BELGIUM', null])('%s is not covered', (name) => {
    expect(coveredCountry(name)).toBeNull();
  });
});

describe('CAHRA', () => {
  it('whole countries always match', () => {
    for (const c of ['BURUNDI', 'ERITREA', 'LIBYA', 'VENEZUELA (BOLIVARIAN REPUBLIC OF)', 'ZIMBABWE']) {
      expect(matchCahra(c, 'anywhere')).toMatchObject({ level: 'country', source: { date: '2026-06-27' } });
    }
  });

  it('regions match by the SorP name, the CAHRA name, the ISO code, ignoring accents and "province"', () => {
    expect(matchCahra('CONGO, DEMOCRATIC REPUBLIC OF THE', 'Haut-Katanga')).toMatchObject({ level: 'region', region: { code: 'CD-HK', highRisk: true } });
    expect(matchCahra('CONGO, DEMOCRATIC REPUBLIC OF THE', 'HAUT KATANGA PROVINCE')).toMatchObject({ level: 'region', region: { code: 'CD-HK' } });
    expect(matchCahra('CONGO, DEMOCRATIC REPUBLIC OF THE', 'CD-LU')).toMatchObject({ level: 'region', region: { code: 'CD-LU' } });
    expect(matchCahra('COLOMBIA', 'Bolivar')).toMatchObject({ level: 'region', region: { code: 'CO-BOL' } });
    expect(matchCahra('SUDAN', 'Al Kharţūm')).toMatchObject({ level: 'region', region: { code: 'SD-KH' } });
    expect(subdivisionCode('MX', 'Mexico')).toBe('MX-MEX');
  });

  it('a region-only country matches at country level, saying it is weaker', () => {
    const m = matchCahra('INDIA', 'Kerala')!;
    expect(m.level).toBe('country-has-regions');
    expect(m.description).toBe('India has 2 region(s) on the EU CAHRA list; Kerala is not one of them (weaker, country-level signal)');
    expect(matchCahra('MEXICO', null)!.description).toMatch(/the state\/province is not given/);
  });

  it('countries not on the list do not match', () => {
    expect(matchCahra('GERMANY', 'Hessen')).toBeNull();
    expect(matchCahra(null, null)).toBeNull();
  });
});
