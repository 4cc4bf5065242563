/**
 * What the reader says about files it cannot read, and the formula mover used for shared formulas.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { shiftFormula } from '../../src/xlsx/formula';
import { readXlsx, XlsxError, type XlsxErrorCode } from '../../src/xlsx/read';
import { listTemplates, readTemplateBytes } from '../support/fill';

function errorOf(bytes: Uint8Array, sheets?: string[]): XlsxError {
  try {
    readXlsx(bytes, sheets ? { sheets } : {});
  } catch (e) {
    if (e instanceof XlsxError) return e;
    throw new Error(`not an XlsxError: ${String(e)}`);
  }
  throw new Error('no error thrown');
}

function expectError(bytes: Uint8Array, code: XlsxErrorCode, sheets?: string[]): XlsxError {
  const e = errorOf(bytes, sheets);
  expect(e.code).toBe(code);
  expect(e.name).toBe('XlsxError');
  // one clear sentence for an end user
  expect(e.message).not.toMatch(/\n/);
  expect(e.message).toMatch(/^[A-Z].*\.$/);
  expect(e.message.length).toBeLessThan(200);
  return e;
}

/** A deterministic pseudo-random byte string. */
function noise(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('readXlsx errors', () => {
  it('a text file is not a zip', () => {
    expectError(strToU8('Company,Smelter ID\nAcme,CID000001\n'), 'not-zip');
  });

  it('random bytes and an empty file are not a zip', () => {
    expectError(noise(4096), 'not-zip');
    expectError(new Uint8Array(0), 'not-zip');
  });

  it('an OLE compound file (encrypted xlsx or old .xls) says so', () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = expectError(ole, 'encrypted');
    expect(e.message).toMatch(/password/i);
    expect(e.message).toMatch(/\.xls\b/);
  });

  it('a zip without xl/workbook.xml is not an xlsx (a Word document says what it is)', () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect(expectError(docx, 'not-xlsx').message).toMatch(/Word document/);
    const plain = zipSync({ 'readme.txt': strToU8('hello') });
    expectError(plain, 'not-xlsx');
  });

  it('a zip that is cut short or damaged is corrupt', () => {
    const ok = zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets/></workbook>'.repeat(50)) });
    expectError(ok.subarray(0, ok.length - 30), 'corrupt'); // the end of central directory is gone
    expectError(ok.subarray(0, 10), 'corrupt');
    // central directory intact, deflated data garbled
    const bad = ok.slice();
    for (let i = 40; i < 80; i++) bad[i] = 0xff;
    expectError(bad, 'corrupt');
  });

  (listTemplates().length > 0 ? describe : describe.skip)('on real templates', () => {
    const blank = readTemplateBytes('RMI_CMRT_6.5.xlsx');

    it('a truncated real template is corrupt', () => {
      expectError(blank.subarray(0, Math.floor(blank.length / 2)), 'corrupt');
    });

    it('a sheet listed in the workbook but missing from the package is missing-sheet', () => {
      const files = unzipSync(blank);
      delete files['xl/worksheets/sheet5.xml']; // Smelter List
      const broken = zipSync(files);
      const e = expectError(broken, 'missing-sheet', ['Smelter List']);
      expect(e.message).toContain('"Smelter List"');
      // other sheets still read
      expect(readXlsx(broken, { sheets: ['Declaration'] }).sheets).toHaveLength(1);
    });

    it('asking for sheets the template does not have is not an error', () => {
      const wb = readXlsx(blank, { sheets: ['Mine List', 'Minerals Scope', 'declaration '] });
      expect(wb.sheets.map((s) => s.name)).toEqual(['Declaration']);
    });
  });
});

describe('shiftFormula', () => {
  it('moves relative references and keeps anchored parts', () => {
    expect(shiftFormula('F6*G6', 1, 0)).toBe('F7*G7');
    expect(shiftFormula('$A1+A$1+$A$1+A1', 2, 3)).toBe('$A3+D$1+$A$1+D3');
    expect(shiftFormula('SUM(H4:H69)', 10, 1)).toBe('SUM(I14:I79)');
  });

  it('leaves strings, names, functions and sheet names alone and moves qualified references', () => {
    expect(shiftFormula(`IF(C6="Smelter not listed",OR(LEN(D6)=0),"A1")`, 1, 0)).toBe(`IF(C7="Smelter not listed",OR(LEN(D7)=0),"A1")`);
    expect(shiftFormula(`INDEX('Smelter Look-up'!$A:$A,MATCH($A5,'Smelter Look-up'!E:E,0))`, 3, 1)).toBe(
      `INDEX('Smelter Look-up'!$A:$A,MATCH($A8,'Smelter Look-up'!F:F,0))`,
    );
    expect(shiftFormula('OFFSET(L!$C$1,MATCH(X1,CL,0),SL,,)+LOG10(A1)+Sheet2!B2', 1, 1)).toBe('OFFSET(L!$C$1,MATCH(Y2,CL,0),SL,,)+LOG10(B2)+Sheet2!C3');
    expect(shiftFormula(`'It''s A1'!A1&"say ""B2"""`, 1, 0)).toBe(`'It''s A1'!A2&"say ""B2"""`);
    expect(shiftFormula('IFERROR(A1,#N/A)+TRUE+1E5+Table1[Col A1]', 1, 0)).toBe('IFERROR(A2,#N/A)+TRUE+1E5+Table1[Col A1]');
    expect(shiftFormula('SUM(2:3)+SUM($5:6)', 2, 0)).toBe('SUM(4:5)+SUM($5:8)');
  });

  it('gives #REF! for references moved off the sheet', () => {
    expect(shiftFormula('A2+B1', -1, 0)).toBe('A1+#REF!');
    expect(shiftFormula('A1', 0, -1)).toBe('#REF!');
  });
});
