/**
 * The xlsx reader on every real blank RMI template in shared/templates: sheet order and states, the Declaration
 * header (revision, language), known formulas (plain, shared-formula children, array formulas), defined names,
 * protection and data validations.
 */
import { cellAt, formulaAt, getSheet, valueAtA1 } from '../../src/core/grid';
import { readXlsx, type XlsxSheet, type XlsxWorkbook } from '../../src/xlsx/read';
import { listTemplates, readTemplateBytes } from '../support/fill';

const CMRT = ['Revision', 'Instructions', 'Definitions', 'Declaration', 'Smelter List', 'Checker', 'Product List', 'Smelter Look-up', 'L', 'C', 'SorP'];
const INSTR_FIRST = ['Instructions', 'Revision', ...CMRT.slice(2)];

/** Sheet order as stored in each template's xl/workbook.xml (checked by hand). */
const SHEETS: Record<string, string[]> = {
  'RMI_AMRT_1.2.xlsx': ['Instructions', 'Revision', 'Definitions', 'Declaration', 'Minerals Scope', 'Smelter List', 'Checker', 'Mine List', 'Product List', 'L', 'C', 'SorP'],
  'RMI_AMRT_1.3.xlsx': ['Revision', 'Instructions', 'Definitions', 'Declaration', 'Minerals Scope', 'Smelter List', 'Checker', 'Mine List', 'Product List', 'Smelter Look-up', 'L', 'C', 'SorP'],
  'RMI_CMRT_6.01.xlsx': CMRT,
  'RMI_CMRT_6.1.xlsx': CMRT,
  'RMI_CMRT_6.22.xlsx': CMRT,
  'RMI_CMRT_6.31.xlsx': CMRT,
  'RMI_CMRT_6.4.xlsx': CMRT,
  'RMI_CMRT_6.4_en.xlsx': CMRT,
  'RMI_CMRT_6.5.xlsx': CMRT,
  'RMI_CRT_2.2.xlsx': INSTR_FIRST,
  'RMI_CRT_2.21.xlsx': INSTR_FIRST,
  'RMI_EMRT_1.1.xlsx': INSTR_FIRST,
  'RMI_EMRT_1.11.xlsx': INSTR_FIRST,
  'RMI_EMRT_1.2.xlsx': INSTR_FIRST,
  'RMI_EMRT_1.3.xlsx': INSTR_FIRST,
  'RMI_EMRT_2.0.xlsx': ['Instructions', 'Revision', 'Definitions', 'Declaration', 'Smelter List', 'Checker', 'Mine List', 'Product List', 'Smelter Look-up', 'L', 'C', 'SorP'],
  'RMI_EMRT_2.1.xlsx': ['Revision', 'Instructions', 'Definitions', 'Declaration', 'Smelter List', 'Checker', 'Mine List', 'Product List', 'Smelter Look-up', 'L', 'C', 'SorP'],
};

const templates = listTemplates();
const have = templates.length > 0;

function sheet(wb: XlsxWorkbook, name: string): XlsxSheet {
  const s = getSheet(wb, name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s as XlsxSheet;
}

(have ? describe : describe.skip)('readXlsx on every real template', () => {
  it('finds all 17 templates', () => {
    expect(templates).toEqual(Object.keys(SHEETS).sort());
  });

  describe.each(Object.keys(SHEETS))('%s', (name) => {
    let wb: XlsxWorkbook;
    beforeAll(() => {
      wb = readXlsx(readTemplateBytes(name), { formulas: true, sheets: (n) => n !== 'SorP' });
    });

    it('lists every sheet in workbook order, reads all but SorP, with the hidden ones hidden', () => {
      expect(wb.sheetNames).toEqual(SHEETS[name]);
      expect(wb.sheets.map((s) => s.name)).toEqual(SHEETS[name]!.filter((n) => n !== 'SorP'));
      expect(wb.sheetVisibility).toMatchObject({ L: 'hidden', C: 'hidden', SorP: 'hidden', Declaration: 'visible' });
      expect(sheet(wb, 'L').visibility).toBe('hidden');
      expect(sheet(wb, 'Declaration').visibility).toBe('visible');
    });

    it('reads the Declaration header: J3 is the revision, D3 one of the languages of the LN list', () => {
      const decl = sheet(wb, 'Declaration');
      const j3 = valueAtA1(decl, 'J3');
      expect(typeof j3).toBe('string');
      expect(j3 as string).toMatch(/^Revision \d/);
      // LN = L!$D$1:$M$1, the language list of the dropdown in D3
      const ln = wb.definedNames.find((d) => d.name === 'LN');
      const m = /^L!\$D\$1:\$([A-Z])\$1$/.exec(ln?.ref ?? '');
      expect(m).not.toBeNull();
      const last = m![1]!.charCodeAt(0) - 64; // 1-based column of the last language
      const languages = (sheet(wb, 'L').values[0] ?? []).slice(3, last);
      expect(languages.every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
      expect(languages).toContain('English');
      expect(languages).toContain(valueAtA1(decl, 'D3'));
      // P3 = MATCH($D$3,LN,0): the cached language index agrees with D3
      expect(formulaAt(decl, 3, 16)).toBe('=MATCH($D$3,LN,0)');
      expect(cellAt(decl, 3, 16)).toBe(languages.indexOf(valueAtA1(decl, 'D3')) + 1);
    });

    it('reads sheet protection, dimensions and the Smelter List dropdowns', () => {
      const decl = sheet(wb, 'Declaration');
      expect(decl.protection).toEqual({ protected: true, passwordProtected: true });
      expect(sheet(wb, 'C').protection).toEqual({ protected: false, passwordProtected: false });
      expect(decl.dimensionRef).toMatch(/^A1:[A-Z]+\d+$/);
      const list = sheet(wb, 'Smelter List');
      // the country dropdown: the CL name, or (AMRT) its range spelled out
      const country = list.dataValidations.find((d) => d.formula1 === 'CL' || d.formula1 === "'C'!$B$2:$B$251");
      expect(country).toMatchObject({ type: 'list' });
      expect(country!.sqref).toMatch(/^[CE]5:[CE]2[45]\d\d$/);
      if (name !== 'RMI_AMRT_1.2.xlsx') {
        expect(list.dataValidations.some((d) => d.type === 'list' && /^C5:C2[45]\d\d$/.test(d.sqref) && d.formula1 === 'SN')).toBe(true);
      }
    });

    // AMRT 1.2 has neither the ID input column nor the flag; AMRT 1.3 keeps the flag in AB
    const flagCol = name === 'RMI_AMRT_1.2.xlsx' ? null : name === 'RMI_AMRT_1.3.xlsx' ? 28 : 24;
    (flagCol ? it : it.skip)('expands shared formulas down the Smelter List (the "not listed" flag)', () => {
      const list = sheet(wb, 'Smelter List');
      // the flag formula is shared in every template; these rows carry masters and children alike
      for (const row of [6, 7, 37, 38, 500, 1999]) {
        expect(formulaAt(list, row, flagCol!)).toBe(`=IF(AND(C${row}="Smelter not listed",OR(LEN(D${row})=0,LEN(E${row})=0)),1,0)`);
        expect(cellAt(list, row, flagCol!)).toBe(0);
      }
      // B/C look-up formulas (plain or shared) keep their absolute look-up columns
      expect(formulaAt(list, 700, 2)).toBe(`=IF(LEN(A700)=0,"",INDEX('Smelter Look-up'!$A:$A,MATCH($A700,'Smelter Look-up'!$E:$E,0)))`);
      // a formula that evaluates to "" reads as '', an empty input cell as null
      expect(cellAt(list, 700, 2)).toBe('');
      expect(cellAt(list, 700, 4)).toBeNull();
    });
  });

  describe('RMI_CMRT_6.5.xlsx (saved by WPS, shared formulas with ca="1")', () => {
    let wb: XlsxWorkbook;
    beforeAll(() => {
      wb = readXlsx(readTemplateBytes('RMI_CMRT_6.5.xlsx'), { formulas: true, sheets: ['Checker', 'Smelter List', 'Declaration'] });
    });

    it('reads only the requested sheets', () => {
      expect(wb.sheets.map((s) => s.name)).toEqual(['Declaration', 'Smelter List', 'Checker']);
      expect(wb.sheetNames).toHaveLength(11);
    });

    it('reads the Checker totals and its shared-formula children', () => {
      const checker = sheet(wb, 'Checker');
      expect(formulaAt(checker, 70, 8)).toBe('=SUM(H4:H69)');
      expect(formulaAt(checker, 6, 8)).toBe('=F6*G6'); // master of H6:H17
      expect(formulaAt(checker, 7, 8)).toBe('=F7*G7'); // child
      expect(formulaAt(checker, 17, 8)).toBe('=F17*G17');
      expect(typeof cellAt(checker, 70, 8)).toBe('number');
    });

    it('reads the Smelter List row formulas and cached results', () => {
      const list = sheet(wb, 'Smelter List');
      expect(formulaAt(list, 6, 24)).toBe('=IF(AND(C6="Smelter not listed",OR(LEN(D6)=0,LEN(E6)=0)),1,0)');
      expect(formulaAt(list, 2504, 28)).toBe('=B2504&C2504');
      expect(formulaAt(list, 2504, 19)).toBe(`=IF(B2504="","",IF(ISERROR(MATCH($E2504,CL,0)),"Unknown",INDIRECT("'C'!$A$"&MATCH($E2504,CL,0)+1)))`);
      expect(cellAt(list, 6, 22)).toBe('#N/A'); // t="e"
      expect(list.values).toHaveLength(2504);
      // header cell with &#13;&#10; character references keeps its CR LF
      expect(cellAt(list, 3, 2)).toMatch(/^\r\n/);
      // the workbook-level and sheet-level names
      expect(wb.definedNames).toContainEqual({ name: 'Metal', localSheet: 'Smelter List', ref: "'Smelter List'!$W$3:$Z$3" });
      expect(wb.definedNames).toContainEqual({ name: 'CL', ref: "'C'!$B$2:$B$250" });
    });
  });

  it('decodes _xHHHH_ escapes (CMRT 6.01 writes _x000D_ for CR)', () => {
    const wb = readXlsx(readTemplateBytes('RMI_CMRT_6.01.xlsx'), { sheets: ['Smelter List', 'Declaration'] });
    const b3 = cellAt(getSheet(wb, 'Smelter List'), 3, 2) as string;
    expect(b3).not.toContain('_x000D_');
    expect(b3).toMatch(/^\r\n/);
    const prompt = (getSheet(wb, 'Declaration') as XlsxSheet).dataValidations.find((d) => d.type === 'date');
    expect(prompt).toMatchObject({ sqref: 'D22', formula1: '39082' });
  });

  it('skips phonetic runs and normalises literal CR LF (EMRT 1.1, written by another tool)', () => {
    const wb = readXlsx(readTemplateBytes('RMI_EMRT_1.1.xlsx'), { sheets: ['Declaration', 'L'] });
    const texts = wb.sheets.flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === 'string');
    expect(texts.length).toBeGreaterThan(50);
    // the Japanese line of the "(*) required" note has <rPh> readings that must not leak into the text
    const note = texts.find((t) => t.startsWith('注：(*)のある欄は必須回答項目です'));
    expect(note).toBe('注：(*)のある欄は必須回答項目です。');
    expect(texts.some((t) => t.includes('\r'))).toBe(false);
    expect(texts.some((t) => /^4\) 是否 100% 的钴来自回收料或\n/.test(t))).toBe(true);
  });

  it('reads booleans (t="b") of AMRT 1.3', () => {
    const wb = readXlsx(readTemplateBytes('RMI_AMRT_1.3.xlsx'), { sheets: ['Smelter List'], formulas: true });
    const list = wb.sheets[0]!;
    expect(cellAt(list, 7, 23)).toBe(false); // W7, <v>0</v> with t="b"
    expect(list.values.flat().filter((v) => typeof v === 'boolean').length).toBeGreaterThan(2000);
  });
});
