/**
 * Differential test: every cell of the Declaration, Smelter List and Smelter Look-up sheets, as the xlsx reader
 * reads it, against exceljs on the same real templates (values, and formulas including expanded shared formulas).
 *
 * exceljs objects are first mapped to the plain value a host reports (rich text joined, formula -> its result,
 * error objects -> their text, dates -> serial numbers). Known exceljs differences, handled explicitly below:
 *  - exceljs leaves `_xHHHH_` escapes (CMRT 6.01's `_x000D_`) undecoded: the oracle's text is decoded first;
 *  - for some `t="e"` formula cells of WPS-saved files it reports a garbled error text ("# IF(...") instead of
 *    "#N/A": such cells only have to read as some error value;
 *  - it reports no result for a formula whose cached value is falsy ('' of `t="str"`, 0, FALSE): there the
 *    reader must give one of those (or null).
 */
import ExcelJS from 'exceljs';
import { ERROR_VALUES, type CellValue } from '../../src/core/grid';
import { readXlsx, type XlsxWorkbook } from '../../src/xlsx/read';
import { listTemplates, readTemplateBytes } from '../support/fill';

// WPS-saved (6.5), Excel with _x000D_ and calcChain (6.01), rPh and literal CR LF (EMRT 1.1), booleans (AMRT 1.3)
const TEMPLATES = ['RMI_CMRT_6.5.xlsx', 'RMI_CMRT_6.01.xlsx', 'RMI_EMRT_1.1.xlsx', 'RMI_AMRT_1.3.xlsx'];
const SHEETS = ['Declaration', 'Smelter List', 'Smelter Look-up'];
const have = listTemplates().length > 0;

const GARBLED_ERROR = Symbol('garbled error');
const NO_RESULT = Symbol('no cached result');
type Oracle = CellValue | typeof GARBLED_ERROR | typeof NO_RESULT;

function decodeEscapes(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function plain(v: unknown): Oracle {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return decodeEscapes(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.getTime() / 86400000 + 25569;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return decodeEscapes((o.richText as { text: string }[]).map((r) => r.text).join(''));
  if (typeof o.error === 'string') return ERROR_VALUES.has(o.error) ? o.error : GARBLED_ERROR;
  if ('formula' in o || 'sharedFormula' in o) return 'result' in o && o.result !== undefined ? plain(o.result) : NO_RESULT;
  if ('text' in o) return plain(o.text);
  throw new Error(`unexpected exceljs value ${JSON.stringify(v)}`);
}

function matches(ours: CellValue, oracle: Oracle): boolean {
  if (oracle === GARBLED_ERROR) return typeof ours === 'string' && ERROR_VALUES.has(ours);
  // exceljs drops falsy cached results: '' (t="str" with an empty <v>), 0 and FALSE
  if (oracle === NO_RESULT) return ours === '' || ours === null || ours === 0 || ours === false;
  if (typeof oracle === 'number' && typeof ours === 'number') return Math.abs(oracle - ours) < 1e-9 * Math.max(1, Math.abs(oracle));
  return ours === oracle;
}

(have ? describe : describe.skip)('readXlsx agrees with exceljs', () => {
  describe.each(TEMPLATES)('%s', (name) => {
    let ours: XlsxWorkbook;
    let theirs: ExcelJS.Workbook;
    beforeAll(async () => {
      const bytes = readTemplateBytes(name);
      ours = readXlsx(bytes, { sheets: SHEETS, formulas: true });
      theirs = new ExcelJS.Workbook();
      await theirs.xlsx.load(Buffer.from(bytes));
    }, 120_000);

    it.each(SHEETS)('%s: every value and formula', (sheetName) => {
      const mine = ours.sheets.find((s) => s.name === sheetName);
      const ws = theirs.getWorksheet(sheetName);
      if (!ws) {
        expect(mine).toBeUndefined(); // e.g. no Smelter Look-up in this template
        return;
      }
      expect(mine).toBeDefined();
      const seen = new Set<string>();
      const bad: string[] = [];
      let compared = 0;
      let formulas = 0;
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.isMerged && cell.master.address !== cell.address) return; // exceljs repeats the master's value
          const key = `${r}:${c}`;
          seen.add(key);
          const oracle = plain(cell.value);
          const value = mine!.values[r - 1]?.[c - 1] ?? null;
          compared++;
          if (!matches(value, oracle)) bad.push(`${cell.address}: ours ${JSON.stringify(value)} exceljs ${String(typeof oracle === 'symbol' ? oracle.description : JSON.stringify(oracle))}`);
          const f = cell.formula; // exceljs spells shared formulas out for every cell
          const ourF = mine!.formulas?.[r - 1]?.[c - 1] ?? null;
          if (f) {
            formulas++;
            if (ourF !== `=${f}`) bad.push(`${cell.address}: formula ours ${ourF} exceljs =${f}`);
          } else if (ourF !== null && cell.type !== ExcelJS.ValueType.Merge) {
            bad.push(`${cell.address}: formula ours ${ourF}, none in exceljs`);
          }
        });
      });
      // and nothing the other side lacks
      mine!.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && !seen.has(`${r + 1}:${c + 1}`)) {
            const found = ws.findCell(r + 1, c + 1);
            const slave = found !== undefined && found.isMerged && found.master.address !== found.address;
            if (!slave) bad.push(`R${r + 1}C${c + 1}: ours ${JSON.stringify(v)}, exceljs has nothing`);
          }
        }),
      );
      expect(bad.slice(0, 20)).toEqual([]);
      expect(compared).toBeGreaterThan(sheetName === 'Declaration' ? 100 : 500);
      if (sheetName === 'Smelter List') expect(formulas).toBeGreaterThan(10_000);
    });
  });
});
