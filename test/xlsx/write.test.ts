/**
 * src/xlsx/write.ts: what it writes reads back the same with our reader and with exceljs (an independent reader),
 * text that looks like a formula stays text, characters XML cannot carry survive, and bad sheet names are refused.
 */
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { readXlsx } from '../../src/xlsx/read';
import { columnName, sheetNameProblem, writeXlsx, xmlText, XlsxWriteError, type XlsxTable } from '../../src/xlsx/write';

const TABLES: XlsxTable[] = [
  {
    name: 'Suppliers',
    rows: [
      ['File', 'Company', 'Smelters', 'Note'],
      ['acme.xlsx', 'Acme <Metals> & "Sons"', 12, '=HYPERLINK("http://evil.example","click")'],
      ['b.xlsx', '+1 234', 0, '@SUM(A1)'],
      ['c.xlsx', ' leading and trailing ', 3.5, 'two\nlines'],
      ['d.xlsx', 'bell\u0007 and _x0041_ literal', -2, null],
      ['e.xlsx', '中文 Ünïcödé 😀', 1e21, ''],
    ],
  },
  { name: "Smelters' list", rows: [['Metal', 'ID'], ['Gold', 'CID000015']] },
  { name: 'Empty', rows: [] },
];

describe('writeXlsx', () => {
  const bytes = writeXlsx(TABLES);

  it('reads back with our reader: same sheets, same values, formula-like text still text', () => {
    const wb = readXlsx(bytes, { formulas: true });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Suppliers', "Smelters' list", 'Empty']);
    const sup = wb.sheets[0]!;
    const expected = TABLES[0]!.rows.map((r) => r.map((v) => (v === '' || v === undefined ? null : v)));
    expect(sup.values.map((r) => Array.from({ length: 4 }, (_, i) => r[i] ?? null))).toEqual(expected);
    expect((sup.formulas ?? []).flat().filter(Boolean)).toEqual([]);
    expect(wb.sheets[1]!.values).toEqual([['Metal', 'ID'], ['Gold', 'CID000015']]);
  });

  it('reads back with exceljs: values, bold header, frozen first row, filter over the table', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Suppliers')!;
    expect(ws.getCell('B2').value).toBe('Acme <Metals> & "Sons"');
    expect(ws.getCell('D2').value).toBe('=HYPERLINK("http://evil.example","click")');
    expect(ws.getCell('D2').formula).toBeUndefined();
    expect(ws.getCell('C4').value).toBe(3.5);
    expect(ws.getCell('B4').value).toBe(' leading and trailing ');
    expect(ws.getCell('D4').value).toBe('two\nlines');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:D6');
    expect(wb.getWorksheet("Smelters' list")!.getCell('B2').value).toBe('CID000015');
  });

  it('keeps characters XML cannot carry, and a literal "_x0041_", as typed', () => {
    const wb = readXlsx(bytes);
    expect(wb.sheets[0]!.values[4]![1]).toBe('bell\u0007 and _x0041_ literal');
    expect(xmlText('a\u0001b')).toBe('a_x0001_b');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
    expect(xmlText('\uD800x')).toBe('_xD800_x');
  });

  it('writes well-formed parts that name every sheet', () => {
    const parts = unzipSync(bytes);
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml',
      'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml',
    ]);
    const workbook = strFromU8(parts['xl/workbook.xml']!);
    expect(workbook).toContain('<sheet name="Smelters\' list" sheetId="2" r:id="rId2"/>');
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Smelters'' list'!$A$1:$B$2</definedName>`);
  });

  it('refuses bad and repeated sheet names, and an empty workbook', () => {
    expect(() => writeXlsx([])).toThrow(XlsxWriteError);
    expect(() => writeXlsx([{ name: 'a/b', rows: [] }])).toThrow('Cannot name a sheet "a/b": it contains one of');
    expect(() => writeXlsx([{ name: 'x'.repeat(32), rows: [] }])).toThrow('longer than 31 characters');
    expect(() => writeXlsx([{ name: 'Data', rows: [] }, { name: 'DATA', rows: [] }])).toThrow('Two sheets are named "DATA".');
    expect(sheetNameProblem("'quoted'")).toMatch(/apostrophe/);
    expect(sheetNameProblem('Findings')).toBeNull();
  });

  it('writes 12,000 rows across its encoding batches without losing or reordering one', () => {
    const rows: (string | number)[][] = [['n', 'text']];
    for (let i = 1; i <= 12_000; i++) rows.push([i, `row ${i}`]);
    const back = readXlsx(writeXlsx([{ name: 'Big', rows }])).sheets[0]!.values;
    expect(back).toHaveLength(12_001);
    expect(back[5000]).toEqual([5000, 'row 5000']);
    expect(back[5001]).toEqual([5001, 'row 5001']);
    expect(back[12_000]).toEqual([12_000, 'row 12000']);
    expect(back.every((r, i) => i === 0 || r[0] === i)).toBe(true);
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD']);
  });

  it('cuts text over Excel\'s 32,767 characters with an ellipsis rather than writing a file Excel repairs', () => {
    const wb = readXlsx(writeXlsx([{ name: 'Long', rows: [['h'], ['y'.repeat(40_000)]] }]));
    const v = wb.sheets[0]!.values[1]![0] as string;
    expect(v).toHaveLength(32_767);
    expect(v.endsWith('…')).toBe(true);
  });
});
