/**
 * fill.ts -> readXlsx round trips on copies of real templates, and the filled files still open in exceljs.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { cellAt, formulaAt, getSheet, valueAtA1 } from '../../src/core/grid';
import { readXlsx } from '../../src/xlsx/read';
import { fillTemplate, listTemplates, readTemplateBytes, smelterListPlan, type CellWrite } from '../support/fill';

const have = listTemplates().length > 0;

const TRICKY = [
  `<tag attr="x"> & 'quotes' "double"`,
  '  leading and trailing spaces  ',
  'Ünïcödé – 中文 – 日本語 – 한국어 – emoji 😀',
  'line one\nline two\r\nline three\ttab',
  'looks like an escape: _x000D_ and _x005F_',
  '=not a formula',
  '',
];

function writesFor(sheet: string): CellWrite[] {
  return [
    { sheet, cell: 'D8', value: TRICKY[0]! },
    { sheet, cell: 'D9', value: TRICKY[1]! },
    { sheet, cell: 'D10', value: TRICKY[2]! },
    { sheet, cell: 'D11', value: TRICKY[3]! },
    { sheet, cell: 'D12', value: TRICKY[4]! },
    { sheet, cell: 'D13', value: TRICKY[5]! },
    { sheet, cell: 'D14', value: TRICKY[6]! },
    { sheet, cell: 'D15', value: 42 },
    { sheet, cell: 'D16', value: -0.125 },
    { sheet, cell: 'D17', value: 1e21 },
    { sheet, cell: 'D18', value: true },
    { sheet, cell: 'D19', value: false },
    { sheet, cell: 'D20', value: null },
    { sheet, cell: 'D22', value: 45678 }, // the date of completion, as a serial
    { sheet, cell: 'AZ3000', value: 'far away, new row and cell' },
    { sheet, cell: 'A200', value: 'new row in the middle' },
  ];
}

function expectTricky(read: (a1: string) => unknown, skip: string[] = []): void {
  expect(read('D8')).toBe(TRICKY[0]);
  expect(read('D9')).toBe(TRICKY[1]);
  expect(read('D10')).toBe(TRICKY[2]);
  expect(read('D11')).toBe('line one\nline two\r\nline three\ttab');
  if (!skip.includes('D12')) expect(read('D12')).toBe(TRICKY[4]);
  expect(read('D13')).toBe(TRICKY[5]);
  if (!skip.includes('D14')) expect(read('D14')).toBe('');
  expect(read('D15')).toBe(42);
  expect(read('D16')).toBe(-0.125);
  expect(read('D17')).toBe(1e21);
  expect(read('D18')).toBe(true);
  expect(read('D19')).toBe(false);
  expect(read('D20')).toBeNull();
  expect(read('D22')).toBe(45678);
  expect(read('AZ3000')).toBe('far away, new row and cell');
  expect(read('A200')).toBe('new row in the middle');
}

function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

(have ? describe : describe.skip)('fillTemplate', () => {
  // [template, how strings are written, also opened in exceljs (slow: two are enough)]
  describe.each([
    ['RMI_CMRT_6.5.xlsx', 'inline', true],
    ['RMI_CMRT_6.01.xlsx', 'shared', true],
    ['RMI_EMRT_2.1.xlsx', 'inline', false],
    ['RMI_AMRT_1.2.xlsx', 'shared', false],
  ] as const)('%s (%s strings)', (name, strings, viaExceljs) => {
    const blank = readTemplateBytes(name);
    const filled = fillTemplate(blank, writesFor('Declaration'), { strings, level: 1 });

    it('round-trips literals of every kind through readXlsx', () => {
      const wb = readXlsx(filled, { sheets: ['Declaration'], formulas: true });
      const decl = getSheet(wb, 'Declaration')!;
      expectTricky((a1) => valueAtA1(decl, a1));
      // literals carry no formula, and the style of the cell is kept
      expect(formulaAt(decl, 8, 4)).toBeNull();
      const xml = strFromU8(parts(filled)['xl/worksheets/sheet4.xml']!);
      const before = strFromU8(parts(blank)['xl/worksheets/sheet4.xml']!);
      const style = (x: string, ref: string) => new RegExp(`<c r="${ref}"( s="\\d+")?`).exec(x)?.[1] ?? '';
      for (const ref of ['D8', 'D15', 'D20', 'D22']) expect(style(xml, ref)).toBe(style(before, ref));
      // rows stay in order
      const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
      expect(rows).toEqual([...rows].sort((a, b) => a - b));
      expect(rows).toContain(3000);
    });

    it('leaves every other part byte-identical and drops calcChain', () => {
      const a = parts(blank);
      const b = parts(filled);
      const changed = new Set(['xl/worksheets/sheet4.xml', 'xl/sharedStrings.xml', 'xl/calcChain.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);
      for (const k of Object.keys(a)) {
        if (changed.has(k)) continue;
        expect(b[k]).toBeDefined();
        expect(Buffer.from(b[k]!).equals(Buffer.from(a[k]!))).toBe(true);
      }
      expect(b['xl/calcChain.xml']).toBeUndefined();
      expect(strFromU8(b['xl/_rels/workbook.xml.rels']!)).not.toContain('calcChain');
      expect(strFromU8(b['[Content_Types].xml']!)).not.toContain('calcChain');
      if (!a['xl/calcChain.xml']) {
        expect(Buffer.from(b['[Content_Types].xml']!).equals(Buffer.from(a['[Content_Types].xml']!))).toBe(true);
      }
      if (strings === 'inline') expect(Buffer.from(b['xl/sharedStrings.xml']!).equals(Buffer.from(a['xl/sharedStrings.xml']!))).toBe(true);
    });

    (viaExceljs ? it : it.skip)('still opens in exceljs, which reads the same values', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(filled));
      const ws = wb.getWorksheet('Declaration')!;
      const text = (v: unknown) => (v && typeof v === 'object' && 'richText' in v ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('') : v);
      const read = (a1: string) => {
        const v = text(ws.getCell(a1).value);
        if (v instanceof Date) return v.getTime() / 86400000 + 25569;
        return v === undefined ? null : v;
      };
      // exceljs leaves _xHHHH_ escapes raw in inline strings (decoded here) and mangles an escaped "_x005F_"
      // in shared strings, so the cell that spells escapes out literally (D12) is only checked in readXlsx;
      // it also reads an empty inline string (D14) as an empty cell
      expectTricky(
        (a1) => {
          const v = read(a1);
          if (typeof v === 'string') return v.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
          return v;
        },
        strings === 'inline' ? ['D12', 'D14'] : ['D12'],
      );
    }, 60_000);
  });

  describe('formulas on RMI_CMRT_6.5.xlsx', () => {
    const blank = readTemplateBytes('RMI_CMRT_6.5.xlsx');
    const writes: CellWrite[] = [
      // literal typed over formulas
      { sheet: 'Smelter List', cell: 'B5', value: 'Tin' },
      { sheet: 'Smelter List', cell: 'C5', value: 'Smelter not listed' },
      // what Excel caches after recalculating
      { sheet: 'Smelter List', cell: 'E5', value: 'CHINA', keepFormula: true },
      { sheet: 'Smelter List', cell: 'V5', value: null, error: '#N/A', keepFormula: true },
      { sheet: 'Smelter List', cell: 'X5', value: 1, keepFormula: true },
      { sheet: 'Smelter List', cell: 'X7', value: 1, keepFormula: true }, // a shared-formula child
      { sheet: 'Smelter List', cell: 'G6', value: '', keepFormula: true },
      // the master of Checker H6:H17 overwritten by a literal: its children must keep their formulas
      { sheet: 'Checker', cell: 'H6', value: 7 },
      { sheet: 'Checker', cell: 'H9', value: 0, keepFormula: true },
      // an error typed as a literal
      { sheet: 'Declaration', cell: 'D8', value: null, error: '#REF!' },
    ];
    const filled = fillTemplate(blank, writes, { level: 1 });
    const wb = readXlsx(filled, { sheets: ['Smelter List', 'Checker', 'Declaration'], formulas: true });
    const list = getSheet(wb, 'Smelter List')!;
    const checker = getSheet(wb, 'Checker')!;

    it('replaces a formula by a literal, keeping nothing of it', () => {
      expect(cellAt(list, 5, 2)).toBe('Tin');
      expect(formulaAt(list, 5, 2)).toBeNull();
      expect(cellAt(list, 5, 3)).toBe('Smelter not listed');
      expect(formulaAt(list, 5, 3)).toBeNull();
      expect(valueAtA1(getSheet(wb, 'Declaration'), 'D8')).toBe('#REF!');
    });

    it('keeps formulas and sets their cached results', () => {
      expect(cellAt(list, 5, 5)).toBe('CHINA');
      expect(formulaAt(list, 5, 5)).toBe(`=IF(ISERROR($V5),"",OFFSET('Smelter Look-up'!$D$4,$V5-4,0)&"")`);
      expect(cellAt(list, 5, 22)).toBe('#N/A');
      expect(formulaAt(list, 5, 22)).toMatch(/^=IF\(C5="",NA\(\)/);
      expect(cellAt(list, 5, 24)).toBe(1);
      expect(cellAt(list, 7, 24)).toBe(1);
      expect(formulaAt(list, 7, 24)).toBe('=IF(AND(C7="Smelter not listed",OR(LEN(D7)=0,LEN(E7)=0)),1,0)');
      expect(cellAt(list, 6, 7)).toBe('');
      expect(formulaAt(list, 6, 7)).toMatch(/^=IF\(C6=\$X\$4/);
    });

    it('spells out the children of an overwritten shared-formula master', () => {
      expect(cellAt(checker, 6, 8)).toBe(7);
      expect(formulaAt(checker, 6, 8)).toBeNull();
      for (let r = 7; r <= 17; r++) expect(formulaAt(checker, r, 8)).toBe(`=F${r}*G${r}`);
      expect(cellAt(checker, 9, 8)).toBe(0);
      const xml = strFromU8(unzipSync(filled)['xl/worksheets/sheet6.xml']!);
      expect(xml).toContain('<f>F7*G7</f>');
      expect(xml).not.toMatch(/<c r="H6"[^>]*><f/);
    });

    it('opens in exceljs with the same formulas and values', async () => {
      const ej = new ExcelJS.Workbook();
      await ej.xlsx.load(Buffer.from(filled));
      const ws = ej.getWorksheet('Checker')!;
      expect(ws.getCell('H6').value).toBe(7);
      for (let r = 7; r <= 17; r++) expect(ws.getCell(`H${r}`).formula).toBe(`F${r}*G${r}`);
      const sl = ej.getWorksheet('Smelter List')!;
      expect(sl.getCell('B5').value).toBe('Tin');
      expect(sl.getCell('E5').value).toMatchObject({ result: 'CHINA' });
      expect(sl.getCell('X7').formula).toBe('IF(AND(C7="Smelter not listed",OR(LEN(D7)=0,LEN(E7)=0)),1,0)');
    }, 60_000);

    it('refuses keepFormula on a cell without a formula, and unknown sheets', () => {
      expect(() => fillTemplate(blank, [{ sheet: 'Declaration', cell: 'D8', value: 'x', keepFormula: true }])).toThrow(/no formula/);
      expect(() => fillTemplate(blank, [{ sheet: 'Nope', cell: 'A1', value: 1 }])).toThrow(/no sheet named "Nope"/);
    });
  });

  it('fills a Smelter List from the template’s own look-up rows (fullSmelterListWrites)', () => {
    const blank = readTemplateBytes('RMI_CMRT_6.5.xlsx');
    const plan = smelterListPlan({ template: blank, rows: 60 });
    const wb = readXlsx(fillTemplate(blank, plan.writes, { level: 1 }), { sheets: ['Smelter List'], formulas: true });
    const list = wb.sheets[0]!;
    for (const row of [plan.rows[0]!, plan.rows[37]!, plan.rows[59]!]) {
      expect(cellAt(list, row.row, 2)).toBe(row.metal);
      expect(cellAt(list, row.row, 3)).toBe(row.lookupName);
      expect(cellAt(list, row.row, 6)).toBe(row.smelterId); // F: the ID, a cached formula result
      expect(row.smelterId).toMatch(/^CID\d{6}$/);
      expect(formulaAt(list, row.row, 6)).toMatch(/OFFSET\('Smelter Look-up'!\$E\$4/);
      expect(cellAt(list, row.row, 22)).toBe(row.lookupRow); // V: the MATCH row
      expect(cellAt(list, row.row, 28)).toBe(row.metal + row.lookupName); // AB: B&C
    }
    expect(cellAt(list, 65, 2)).toBe(''); // rows after the filled ones stay blank
  });
});
