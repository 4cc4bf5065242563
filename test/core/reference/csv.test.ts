import { detectDelimiter, neutraliseCell, parseCsv, writeCsv } from '../../../src/core/csv';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, embedded delimiters and line breaks', () => {
    const text = 'id,name,note\r\nCID000001,"Acme, Inc.","said ""hi""\r\nthen left"\r\nCID000002,Plain,\r\n';
    expect(parseCsv(text).rows).toEqual([
      ['id', 'name', 'note'],
      ['CID000001', 'Acme, Inc.', 'said "hi"\r\nthen left'],
      ['CID000002', 'Plain', ''],
    ]);
  });

  it('drops a BOM and accepts LF, CRLF and lone CR', () => {
    expect(parseCsv('\uFEFFa,b\nc,d\re,f\r\ng,h').rows).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('detects semicolons and tabs', () => {
    expect(parseCsv('a;b;c\n1;"2;3";4\n').rows).toEqual([['a', 'b', 'c'], ['1', '2;3', '4']]);
    expect(parseCsv('a;b;c\n1;2;3').delimiter).toBe(';');
    expect(parseCsv('a\tb\n1\t2').delimiter).toBe('\t');
    // European decimals: commas inside values, semicolons between them.
    expect(detectDelimiter('Name;Share\nA;1,5\nB;2,25\n')).toBe(';');
    expect(detectDelimiter('single column\nvalue\n')).toBe(',');
  });

  it('keeps empty fields and blank lines, but not a final line break', () => {
    expect(parseCsv('a,,c\n\n,b,\n').rows).toEqual([['a', '', 'c'], [''], ['', 'b', '']]);
    expect(parseCsv('').rows).toEqual([]);
  });

  it('an unterminated quote runs to the end', () => {
    expect(parseCsv('a,"b\nc').rows).toEqual([['a', 'b\nc']]);
  });
});

describe('writeCsv', () => {
  const HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    '+1+2',
    '-2+3',
    '@SUM(A1:A2)',
    '\t=1+1',
    '\r=1+1',
    '  =cmd|\' /C calc\'!A0',
    '＝1+1',
  ];

  it.each(HOSTILE)('neutralises %j', (value) => {
    const out = neutraliseCell(value);
    expect(out.startsWith("'")).toBe(true);
    expect(out.slice(1)).toBe(value);
  });

  it('leaves ordinary text, numbers and booleans alone', () => {
    expect(neutraliseCell('Acme Smelter')).toBe('Acme Smelter');
    expect(neutraliseCell('CID000123')).toBe('CID000123');
    expect(neutraliseCell('')).toBe('');
    expect(writeCsv([[-5, 1.5, true, null, undefined]], { bom: false })).toBe('-5,1.5,TRUE,,\r\n');
  });

  it('writes a hostile row so that no cell starts a formula, and it reads back', () => {
    const csv = writeCsv([['name', 'note'], ...HOSTILE.map((h) => [h, 'x,"y"'])]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const back = parseCsv(csv).rows;
    expect(back[0]).toEqual(['name', 'note']);
    for (let i = 0; i < HOSTILE.length; i++) {
      expect(back[i + 1]).toEqual([`'${HOSTILE[i]}`, 'x,"y"']);
      expect(back[i + 1]![0]).toMatch(/^'/);
    }
  });

  it('quotes delimiters, quotes, line breaks and edge spaces; honours the delimiter', () => {
    expect(writeCsv([['a;b', 'c,d', ' e', 'f\ng']], { delimiter: ';', eol: '\n', bom: false })).toBe('"a;b";c,d;" e";"f\ng"\n');
  });
});
