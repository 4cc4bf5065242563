import { canonicalAnswer, cleanText, parseDate, serialToIso, answerKey } from '../../../src/core/normalize';
import { ANSWER_VOCABULARY, scopeKind } from '../../../src/core/answers';
import { languageName } from '../../../src/core/read';

describe('cleanText', () => {
  it.each([
    ['  Acme\t', 'Acme'], ['\u00a0Acme Ltd.\u200b', 'Acme Ltd.'], ['', null], ['   \t ', null], [null, null],
    ['#N/A', null], [12345, '12345'], [true, 'TRUE'],
  ])('%j -> %j', (input, out) => expect(cleanText(input as never)).toBe(out));
});

describe('canonicalAnswer', () => {
  const cmrt = ANSWER_VOCABULARY.CMRT;
  it.each([
    ['yes', 'Yes'], [' NO ', 'No'], ['unknown\t', 'Unknown'], [1, '100%'], ['100%', '100%'], ['100 %', '100%'],
    ['greater than 90%', 'Greater than 90%'],
    ['Yes, in conformance with IPC1755 (e.g., CMRT)', 'Yes, in conformance with IPC-1755 [e.g., CMRT]'],
    ['yes, in conformance with ipc-1755 [e.g. cmrt]', 'Yes, in conformance with IPC-1755 [e.g., CMRT]'],
    ['Yes, Using Other Format (Describe)', 'Yes, using other format (describe)'],
  ])('%j -> %j', (input, out) => expect(canonicalAnswer(input, cmrt)).toBe(out));

  it('returns null for values outside the list', () => {
    expect(canonicalAnswer('Maybe', cmrt)).toBeNull();
    expect(canonicalAnswer(0.9, cmrt)).toBeNull();
    expect(canonicalAnswer('#N/A', cmrt)).toBeNull();
  });

  it('keys ignore case, spacing, punctuation and bracket style', () => {
    expect(answerKey('Smelter Not Listed')).toBe(answerKey('smelter not listed '));
    expect(answerKey('IPC-1755 [e.g., CMRT]')).toBe(answerKey('IPC1755 (e.g., CMRT)'));
  });
});

describe('dates', () => {
  it('converts Excel serials with the 1900 leap-year bug', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBeNull();
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(39082)).toBe('2006-12-31');
    expect(serialToIso(45413)).toBe('2024-05-01');
    expect(serialToIso(45413.75)).toBe('2024-05-01');
  });

  it.each([
    ['02-May-2024', '2024-05-02'], ['2 May 2024', '2024-05-02'], ['May 2, 2024', '2024-05-02'],
    ['2024-05-02', '2024-05-02'], ['2024/5/2', '2024-05-02'], ['02.05.2024', '2024-05-02'], ['2024年5月2日', '2024-05-02'],
    ['13/05/2024', '2024-05-13'], ['05/13/2024', '2024-05-13'], ['45413', '2024-05-01'],
  ])('parses %j', (text, iso) => expect(parseDate(text).iso).toBe(iso));

  it('rejects dates that are not real calendar dates', () => {
    expect(parseDate('31-Feb-2024').iso).toBeNull();
    expect(parseDate('2023-02-29').iso).toBeNull();
    expect(parseDate('tomorrow').iso).toBeNull();
    expect(parseDate('#VALUE!').iso).toBeNull();
  });

  it('flags day/month ambiguity and accepts Date objects', () => {
    expect(parseDate('03/04/2024')).toEqual({ iso: '2024-03-04', ambiguous: true });
    expect(parseDate(new Date(Date.UTC(2024, 4, 2)) as never).iso).toBe('2024-05-02');
  });
});

describe('scope and language', () => {
  it.each([
    ['A. Company', 'company'], ['a. company ', 'company'], ['B. Product (or List of Products)', 'product'],
    ["C. User defined [Specify in 'Description of scope']", 'user-defined'], ['Something else', null],
  ])('scope %j -> %j', (t, k) => expect(scopeKind(t)).toBe(k));

  it.each([
    ['中文 Chinese', 'Chinese'], ['English', 'English'], ['日本語 Japanese', 'Japanese'], ['Français', 'French'],
    ['Deutsch', 'German'], ['Türkçe', 'Turkish'],
  ])('language %j -> %j', (t, l) => expect(languageName(t)).toBe(l));
});
