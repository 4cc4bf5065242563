import { buildFollowUp, type FollowUpRequest } from '../../../src/core/followup/request';
import { renderText } from '../../../src/core/followup/render';
import { listed, notListed } from '../../support/model-factory';
import { makeReview, NOW } from './fixtures';

const CONTACT = { name: 'Bob Buyer', email: 'bob@buyer.example' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Two smelters without any signal, and three of interest: OFAC + covered country, Russian refiner, not listed. */
const MIXED = [
  listed('CID002763'), // 8853 S.p.A., Italy
  listed('CID001105'), // Malaysia Smelting Corporation
  listed('CID003185'), // African Gold Refinery, Uganda
  listed('CID001326'), // Krastsvetmet, Russia
  notListed('Gold', 'Some Refinery', 'CHINA'),
];
const CLEAN = [listed('CID002763'), listed('CID001105')];

function expectQuestions(req: FollowUpRequest, parts: RegExp): void {
  for (const s of req.smelters) {
    expect(s.questions).toHaveLength(3);
    expect(s.questions[0]).toMatch(/^Is this smelter in the supply chain of the parts you sell us/);
    expect(s.questions[0]).toMatch(parts);
    expect(s.questions[1]).toMatch(/product-level \(or user-defined scope\) CMRT covering those parts/);
    expect(s.questions[2]).toMatch(/what mitigation do you plan for this smelter .*and by when\?$/);
  }
}

describe('buildFollowUp, buyer, company-level CMRT', () => {
  const review = makeReview({ scope: 'company', smelters: MIXED, company: { contactEmail: 'jane' } });
  const req = buildFollowUp(review, { role: 'buyer', now: NOW, partNumbers: [' PN-100 ', 'PN-200', 'pn-100', ''], contact: CONTACT });
  const text = renderText(req);

  it('is a request that needs follow-up, with a factual subject', () => {
    expect(req.kind).toBe('request');
    expect(req.needsFollowUp).toBe(true);
    expect(req.subject).toBe('Your CMRT 6.5 (Acme Metals Ltd.): product-level information on 3 smelter(s)');
    expect(text.split('\n')[0]).toBe(`Subject: ${req.subject}`);
  });

  it('names the declaration reviewed: company, version, scope and effective date', () => {
    expect(req.declaration).toMatchObject({ family: 'CMRT', version: '6.5', company: 'Acme Metals Ltd.', scope: 'company', scopeText: 'A. Company', effectiveDate: '2026-05-31' });
    expect(req.paragraphs[0]).toBe('Thank you for the CMRT you sent us for Acme Metals Ltd. (template version 6.5, scope: A. Company, effective date 2026-05-31). We have reviewed it as part of our supply-chain due diligence.');
    expect(req.greeting).toBe('Dear Jane Smith,');
  });

  it('names the company-level scope as the reason for asking at product level', () => {
    expect(req.paragraphs[1]).toMatch(/^Your declaration is company-level: it covers all of your products, so it does not show which smelters are in the supply chain of the parts you sell us \(our part numbers: PN-100, PN-200\)\. This is why we ask for information at product level\.$/);
    expect(text).toContain(req.paragraphs[1]);
  });

  it('lists the part numbers, trimmed and without repeats', () => {
    expect(req.partNumbers).toEqual(['PN-100', 'PN-200']);
    expect(text).toContain('Our part numbers concerned:\n- PN-100\n- PN-200\n');
    expect(req.partsNotFound).toEqual([]);
  });

  it('lists each smelter of interest with name, ID, metal, country and reasons with source and date', () => {
    expect(req.smelters.map((s) => [s.row, s.name, s.id, s.metal, s.country])).toEqual([
      [7, 'African Gold Refinery', 'CID003185', 'Gold', 'UGANDA'],
      [8, 'OJSC "The Gulidov Krasnoyarsk Non-Ferrous Metals Plant" (OJSC Krastsvetmet)', 'CID001326', 'Gold', 'RUSSIAN FEDERATION'],
      [9, 'Some Refinery', null, 'Gold', 'CHINA'],
    ]);
    const agr = req.smelters[0]!;
    expect(agr.reasons).toEqual(expect.arrayContaining([
      expect.objectContaining({ category: 'sanctions', categoryLabel: 'Sanctions, delistings and import bans', source: expect.objectContaining({ date: '2022-03-17', name: expect.stringMatching(/OFAC/) }) }),
      expect.objectContaining({ category: 'high-risk-geography', message: 'Located in UGANDA, a Dodd-Frank covered country.', source: expect.objectContaining({ date: '2010-07-21' }) }),
    ]));
    expect(req.smelters[2]!.reasons).toEqual([expect.objectContaining({ category: 'unrecognized', categoryLabel: 'Not recognised by RMI' })]);
    for (const s of req.smelters) {
      expect(s.reasons.length).toBeGreaterThan(0);
      for (const x of s.reasons) {
        expect(x.source.name).not.toBe('');
        expect(x.source.date).toMatch(ISO_DATE);
        expect(text).toContain(`- ${x.categoryLabel}: ${x.message} (source: ${x.source.name}, ${x.source.date}`);
      }
    }
    expect(text).toContain('1. African Gold Refinery (CID003185) · Gold · UGANDA\n   Row 7 of your Smelter List.');
    expect(text).toContain('3. Some Refinery (no RMI ID) · Gold · CHINA');
    // The two smelters without a signal are not in the request.
    expect(text).not.toMatch(/CID002763|CID001105/);
  });

  it('asks the three questions for each smelter', () => {
    expectQuestions(req, /\(our part numbers: PN-100, PN-200\)/);
    expect(text).toContain(`   a) ${req.smelters[0]!.questions[0]}\n   b) ${req.smelters[0]!.questions[1]}\n   c) ${req.smelters[0]!.questions[2]}`);
  });

  it('is worded factually, not as an accusation', () => {
    expect(req.smelterLead).toMatch(/listed in your declaration/);
    expect(req.smelterLead).toMatch(/not a finding of wrongdoing/);
    expect(text).not.toMatch(/\b(violat\w*|illegal|fraud\w*|guilty|accus\w*|non-?complian\w*)\b/i);
    // Fix texts written for the buyer ("ask the supplier ...") are rewritten for the supplier.
    expect(text).not.toMatch(/ask the supplier/i);
  });

  it('lists the completeness gaps to correct, Checker items first, with their cells', () => {
    expect(req.gaps[0]).toMatchObject({ rule: 'checker/required', sheet: 'Declaration', cell: 'D16', where: 'Declaration!D16', fromChecker: true, fix: null });
    expect(req.gaps.map((g) => g.where)).toEqual(expect.arrayContaining(['Declaration!D16', 'Smelter List!E7', 'Smelter List!D9']));
    expect(req.gaps.find((g) => g.where === 'Smelter List!D9')!.fix).toBe('Give the smelter\'s full name, address and any RMI ID; if RMI lists it, choose it in column C.');
    expect(req.gaps.every((g) => g.severity === 'error' || g.severity === 'warning')).toBe(true);
    expect(text).toContain(`${req.gapsLead}\n- Declaration!D16: [Checker] Provide a valid contact email (the Checker needs an "@").\n`);
  });

  it('sets the response due date 30 days ahead, and the contact', () => {
    expect(req.dueDays).toBe(30);
    expect(req.dueDate).toBe('2026-07-31');
    expect(req.responseDue).toBe('We would be grateful for your reply by 2026-07-31.');
    expect(req.contact).toEqual(CONTACT);
    expect(req.closing).toBe('Thank you for your help. If anything is unclear, please contact Bob Buyer (bob@buyer.example).');
    expect(text.trimEnd().endsWith('Kind regards,\nBob Buyer')).toBe(true);
    expect(req.createdAt).toBe(NOW.toISOString());
  });

  it('has no recipient address when the declaration\'s contact email is not one', () => {
    expect(req.to).toBeNull();
  });
});

describe('buildFollowUp, buyer, company-level CMRT without smelters of interest', () => {
  it('complete: nothing to ask, no product-level paragraph', () => {
    const req = buildFollowUp(makeReview({ scope: 'company', smelters: CLEAN }), { role: 'buyer', now: NOW, contact: CONTACT });
    expect(req.needsFollowUp).toBe(false);
    expect(req.smelters).toEqual([]);
    expect(req.gaps).toEqual([]);
    expect(req.subject).toBe('Your CMRT 6.5 (Acme Metals Ltd.): corrections requested');
    expect(req.paragraphs).toHaveLength(2);
    expect(req.paragraphs[1]).toBe('We have no questions about it at this time.');
    expect(req.smelterLead).toBeNull();
    expect(req.to).toBe('jane.smith@acme.example');
    expect(renderText(req)).not.toMatch(/company-level|Questions:/);
  });

  it('with gaps: asks for the corrections only', () => {
    const req = buildFollowUp(makeReview({ scope: 'company', smelters: CLEAN, company: { effectiveDate: null, authorizerEmail: 'none' } }), { role: 'buyer', now: NOW });
    expect(req.needsFollowUp).toBe(true);
    expect(req.subject).toBe('Your CMRT 6.5 (Acme Metals Ltd.): corrections requested');
    expect(req.smelters).toEqual([]);
    expect(req.gaps.map((g) => g.where)).toEqual(['Declaration!D20', 'Declaration!D22']);
    expect(req.gaps.every((g) => g.fromChecker)).toBe(true);
    expect(req.paragraphs).toHaveLength(1);
    expect(req.declaration.effectiveDate).toBeNull();
    expect(req.paragraphs[0]).toContain('effective date not given');
    const text = renderText(req);
    expect(text).toContain('- Declaration!D22: [Checker] Provide the effective date.');
    expect(text).not.toMatch(/company-level/);
  });
});

describe('buildFollowUp, buyer, product-level CMRT', () => {
  const products = [{ number: 'PN-100', name: 'Connector' }, { number: 'PN-200', name: 'Board' }];

  it('with smelters of interest: asks to confirm that the listed products cover ours', () => {
    const review = makeReview({ scope: 'product', products, smelters: [listed('CID003185'), listed('CID002763')] });
    const req = buildFollowUp(review, { role: 'buyer', now: NOW, partNumbers: ['PN-100', 'PN-300'], contact: CONTACT });
    expect(req.needsFollowUp).toBe(true);
    expect(req.declaration).toMatchObject({ scope: 'product', scopeText: 'B. Product (or List of Products)', products: [{ number: 'PN-100', name: 'Connector' }, { number: 'PN-200', name: 'Board' }] });
    expect(req.paragraphs[1]).toBe('Your declaration is product-level. Please confirm that the products it lists cover the parts you sell us (our part numbers: PN-100, PN-300).');
    expect(renderText(req)).not.toMatch(/company-level/);
    expect(req.smelters.map((s) => s.id)).toEqual(['CID003185']);
    expectQuestions(req, /\(our part numbers: PN-100, PN-300\)/);
    expect(req.partsNotFound).toEqual(['PN-300']);
    expect(req.partsNotFoundText).toBe('These part numbers of ours do not appear on your Product List: PN-300.');
    expect(renderText(req)).toContain(req.partsNotFoundText!);
  });

  it('without smelters of interest and with our parts listed: nothing to ask', () => {
    const req = buildFollowUp(makeReview({ scope: 'product', products, smelters: CLEAN }), { role: 'buyer', now: NOW, partNumbers: ['pn-100 '] });
    expect(req.needsFollowUp).toBe(false);
    expect(req.partsNotFound).toEqual([]);
    expect(req.paragraphs[1]).toBe('We have no questions about it at this time.');
  });

  it('without smelters of interest but a part missing from the Product List: follow-up needed', () => {
    const req = buildFollowUp(makeReview({ scope: 'product', products, smelters: CLEAN }), { role: 'buyer', now: NOW, partNumbers: ['PN-999'] });
    expect(req.needsFollowUp).toBe(true);
    expect(req.partsNotFound).toEqual(['PN-999']);
    expect(req.smelters).toEqual([]);
  });

  it('with an empty Product List: the Checker gap is asked for', () => {
    const req = buildFollowUp(makeReview({ scope: 'product', smelters: CLEAN }), { role: 'buyer', now: NOW });
    expect(req.needsFollowUp).toBe(true);
    expect(req.gaps).toEqual([expect.objectContaining({ sheet: 'Product List', cell: 'B6', fromChecker: true })]);
  });
});

describe('buildFollowUp, other scopes and options', () => {
  it('user-defined scope: asks to confirm that the described scope covers our parts', () => {
    const req = buildFollowUp(makeReview({ scope: 'user-defined', scopeDescription: 'Business unit Sensors', smelters: [listed('CID003185')] }), { role: 'buyer', now: NOW });
    expect(req.paragraphs[1]).toBe('Your declaration has a user-defined scope (Business unit Sensors). Please confirm that this scope covers the parts you sell us.');
  });

  it('scope not stated: says so', () => {
    const req = buildFollowUp(makeReview({ scope: null, smelters: [listed('CID003185')] }), { role: 'buyer', now: NOW });
    expect(req.paragraphs[1]).toMatch(/^Your declaration does not state its scope/);
    expect(req.paragraphs[0]).toContain('scope: not stated');
  });

  it('due date counts calendar days from now (UTC), across a year end', () => {
    const review = makeReview({ smelters: CLEAN });
    expect(buildFollowUp(review, { role: 'buyer', now: NOW, dueDays: 14 }).dueDate).toBe('2026-07-15');
    expect(buildFollowUp(review, { role: 'buyer', now: new Date('2026-12-15T23:59:00Z') }).dueDate).toBe('2027-01-14');
    for (const bad of [0, -1, 1.5, 366, Number.NaN]) expect(() => buildFollowUp(review, { role: 'buyer', now: NOW, dueDays: bad })).toThrow(RangeError);
  });

  it('without a contact: "contact us" and no name under the closing', () => {
    const req = buildFollowUp(makeReview({ smelters: [listed('CID003185')] }), { role: 'buyer', now: NOW });
    expect(req.contact).toBeNull();
    expect(req.closing).toBe('Thank you for your help. If anything is unclear, please contact us.');
    expect(renderText(req).trimEnd().endsWith('Kind regards,')).toBe(true);
  });

  it('keeps a supplier\'s text as typed: placeholders in values are not expanded', () => {
    const req = buildFollowUp(makeReview({ smelters: CLEAN, company: { companyName: 'Evil {dueDate} Co {{x}}', effectiveDate: null } }), { role: 'buyer', now: NOW });
    expect(req.subject).toBe('Your CMRT 6.5 (Evil {dueDate} Co {{x}}): corrections requested');
  });

  it('a removed ID on a smelter of interest is asked about once, as a smelter', () => {
    const req = buildFollowUp(makeReview({ smelters: [listed('CID000092')] }), { role: 'buyer', now: NOW });
    expect(req.smelters).toEqual([expect.objectContaining({ id: 'CID000092', reasons: [expect.objectContaining({ category: 'unrecognized' })] })]);
    expect(req.gaps.filter((g) => g.rule === 'smelter/removed-id')).toEqual([]);
  });
});

describe('buildFollowUp, supplier mode: fix before sending', () => {
  it('groups Checker items and findings by sheet with their fix and cell, and lists smelter ID issues', () => {
    const review = makeReview({ role: 'supplier', smelters: MIXED, company: { contactEmail: 'jane' } });
    const req = buildFollowUp(review, { role: 'supplier', now: NOW });
    expect(req.kind).toBe('fix-list');
    expect(req.needsFollowUp).toBe(true);
    expect(req.subject).toBe('Fix before sending: CMRT 6.5 (Acme Metals Ltd.)');
    expect(req.greeting).toBe('');
    expect(req.fixGroups.map((g) => g.sheet)).toEqual(['Declaration', 'Smelter List']);
    expect(req.fixGroups[0]!.items).toEqual([expect.objectContaining({ cell: 'D16', fromChecker: true, severity: 'error' })]);
    expect(req.fixGroups[1]!.items).toEqual([expect.objectContaining({ rule: 'smelter/covered-country-answer', cell: 'E7', fix: expect.stringMatching(/^Review the answer to question 3 for Gold/) })]);
    expect(req.smelterIdIssues).toEqual([expect.objectContaining({ rule: 'smelter/not-listed', where: 'Smelter List!D9', fix: expect.not.stringMatching(/supplier/i) })]);
    expect(req.gaps).toEqual([]);
    // Smelters customers are likely to ask about, without questions to answer.
    expect(req.smelters.map((s) => s.id)).toEqual(['CID003185', 'CID001326', null]);
    expect(req.smelters.every((s) => s.questions.length === 0)).toBe(true);
    const text = renderText(req);
    expect(text.split('\n')[0]).toBe('Subject: Fix before sending: CMRT 6.5 (Acme Metals Ltd.)');
    expect(text).toContain('Declaration:\n- Declaration!D16: [Checker] Provide a valid contact email (the Checker needs an "@").\n');
    expect(text).toContain('Smelter IDs to check on the Smelter List:\n- Smelter List!D9:');
    expect(text).not.toMatch(/grateful for your reply|Kind regards|Questions:/);
  });

  it('complete declaration: nothing to fix', () => {
    const req = buildFollowUp(makeReview({ role: 'supplier', smelters: CLEAN }), { role: 'supplier', now: NOW });
    expect(req.needsFollowUp).toBe(false);
    expect(req.fixGroups).toEqual([]);
    expect(req.smelterIdIssues).toEqual([]);
    expect(req.paragraphs).toEqual(['Nothing to fix: the Checker is complete and the review found no errors or warnings.']);
  });
});
