import {
  DEFAULT_TEMPLATE, PLACEHOLDERS, TEMPLATE_KEYS, cloneTemplate, parseTemplate, placeholdersIn, renderTemplate, serialiseTemplate,
} from '../../../src/core/followup/template';
import { buildFollowUp } from '../../../src/core/followup/request';
import { renderText } from '../../../src/core/followup/render';
import { listed } from '../../support/model-factory';
import { makeReview, NOW } from './fixtures';

describe('renderTemplate', () => {
  it('substitutes known placeholders and leaves unknown ones visible', () => {
    expect(renderTemplate('Dear {recipient}, due {dueDate} {typo}', { recipient: 'Ann', dueDate: '2026-07-31' })).toBe('Dear Ann, due 2026-07-31 {typo}');
  });

  it('is one pass: a value holding a placeholder is not expanded again', () => {
    expect(renderTemplate('{a} {b}', { a: '{b}', b: 'B' })).toBe('{b} B');
  });

  it('null and undefined values give empty text; numbers are written', () => {
    expect(renderTemplate('[{a}][{b}][{n}]', { a: null, b: undefined, n: 0 })).toBe('[][][0]');
  });

  it('{{ and }} give literal braces', () => {
    expect(renderTemplate('{{company}} is {company}}}', { company: 'X' })).toBe('{company} is X}');
  });

  it('evaluates nothing and ignores inherited names', () => {
    expect(renderTemplate('{constructor} {toString} {__proto__} {a.b} {1+1} ${x}', {})).toBe('{constructor} {toString} {__proto__} {a.b} {1+1} ${x}');
  });

  it('lists the placeholders a text uses', () => {
    expect(placeholdersIn('{a} {{b}} {c} {a}')).toEqual(['a', 'c']);
  });

  it('the default wording uses only placeholders the builder fills', () => {
    for (const key of TEMPLATE_KEYS) {
      const v = DEFAULT_TEMPLATE[key];
      for (const s of Array.isArray(v) ? v : [v]) for (const p of placeholdersIn(s)) expect(Object.keys(PLACEHOLDERS)).toContain(p);
    }
  });
});

describe('edited wording: serialise, parse, use', () => {
  it('round-trips an edited template and keeps only the edits', () => {
    const edited = cloneTemplate();
    edited.greeting = 'Hello {recipient} team,';
    edited.smelterQuestions = ['Does {smelterName} ({smelterId}) supply {ourParts}?', 'Please reply by {dueDate}.'];
    edited.closing = 'Questions? Write to {contactEmail}.';
    const text = serialiseTemplate(edited);
    const doc = JSON.parse(text) as { format: string; version: number; template: Record<string, unknown> };
    expect(doc.format).toBe('cmrt-review/followup-template');
    expect(Object.keys(doc.template).sort()).toEqual(['closing', 'greeting', 'smelterQuestions']);
    const back = parseTemplate(text);
    expect(back.messages).toEqual([]);
    expect(back.template).toEqual(edited);
  });

  it('the default template serialises to no edits and parses back to the default', () => {
    const text = serialiseTemplate(DEFAULT_TEMPLATE);
    expect(JSON.parse(text).template).toEqual({});
    expect(parseTemplate(text).template).toEqual(DEFAULT_TEMPLATE);
  });

  it('the builder uses the edited wording', () => {
    const t = cloneTemplate();
    t.subject = '{family} {version} – {company} – {smelterCount} smelter(s) – reply by {dueDate}';
    t.introCompanyLevel = 'Company-level declaration, hence this product-level question. {unknownThing}';
    t.smelterQuestions = ['Does {smelterName} ({smelterId}, {metal}, {country}) supply {ourParts}?'];
    const req = buildFollowUp(makeReview({ smelters: [listed('CID003185')] }), { role: 'buyer', now: NOW, templateText: parseTemplate(serialiseTemplate(t)).template, dueDays: 10 });
    expect(req.subject).toBe('CMRT 6.5 – Acme Metals Ltd. – 1 smelter(s) – reply by 2026-07-11');
    expect(req.paragraphs[1]).toBe('Company-level declaration, hence this product-level question. {unknownThing}');
    expect(req.smelters[0]!.questions).toEqual(['Does African Gold Refinery (CID003185, Gold, UGANDA) supply the parts you sell us?']);
    expect(req.template).toEqual(t);
    expect(renderText(req)).toContain('   a) Does African Gold Refinery (CID003185, Gold, UGANDA) supply the parts you sell us?');
  });

  it('the caller\'s template object is not changed by building', () => {
    const t = cloneTemplate();
    const before = JSON.stringify(t);
    buildFollowUp(makeReview({ smelters: [listed('CID003185')] }), { role: 'buyer', now: NOW, templateText: t });
    expect(JSON.stringify(t)).toBe(before);
  });

  it('invalid JSON or another format: the default wording, with an error', () => {
    for (const text of ['{not json', '[]', '"x"', JSON.stringify({ format: 'other', template: {} }), JSON.stringify({ format: 'cmrt-review/followup-template', version: 1 })]) {
      const r = parseTemplate(text);
      expect(r.template).toEqual(DEFAULT_TEMPLATE);
      expect(r.messages.map((m) => m.severity)).toContain('error');
    }
  });

  it('wrong types, unknown keys, too long texts and bad question lists keep the defaults for those entries', () => {
    const body = JSON.stringify({ greeting: 42, closing: 'x'.repeat(5000), evil: '{constructor}', smelterQuestions: [], subject: 'OK {company} {nope}' });
    // A "__proto__" key as JSON.parse reads it (an own property), to check that it pollutes nothing.
    const r = parseTemplate(`{"format":"cmrt-review/followup-template","version":1,"template":{"__proto__":{"polluted":true},${body.slice(1)}}`);
    expect(r.template.greeting).toBe(DEFAULT_TEMPLATE.greeting);
    expect(r.template.closing).toBe(DEFAULT_TEMPLATE.closing);
    expect(r.template.smelterQuestions).toEqual(DEFAULT_TEMPLATE.smelterQuestions);
    expect(r.template.subject).toBe('OK {company} {nope}');
    expect(Object.keys(r.template).sort()).toEqual([...TEMPLATE_KEYS].sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.template)).toBe(Object.prototype);
    expect(r.messages.map((m) => m.code).sort()).toEqual(['invalid-questions', 'too-long', 'unknown-key', 'unknown-key', 'unknown-placeholder', 'wrong-type']);
    const questions = parseTemplate(JSON.stringify({ format: 'cmrt-review/followup-template', version: 1, template: { smelterQuestions: ['ok', 3] } }));
    expect(questions.template.smelterQuestions).toEqual(DEFAULT_TEMPLATE.smelterQuestions);
    expect(questions.messages[0]!.code).toBe('wrong-type');
  });

  it('a newer format version is read with a warning', () => {
    const r = parseTemplate(JSON.stringify({ format: 'cmrt-review/followup-template', version: 2, template: { greeting: 'Hi,' } }));
    expect(r.template.greeting).toBe('Hi,');
    expect(r.messages).toEqual([expect.objectContaining({ severity: 'warning', code: 'newer-version' })]);
  });

  it('DEFAULT_TEMPLATE cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_TEMPLATE)).toBe(true);
    const c = cloneTemplate();
    c.smelterQuestions.push('extra');
    expect(DEFAULT_TEMPLATE.smelterQuestions).toHaveLength(3);
  });
});
