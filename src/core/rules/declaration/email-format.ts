import { createRule, type Report } from '../rule';
import { a1, colIndex } from '../../grid';
import type { Field } from '../../model';
import { at, FIELD_LABELS, q } from './common';

/** Characters allowed in the local part (RFC 5322 atext, plus any letter or digit for internationalised addresses). */
const LOCAL_ATOM = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+$/u;
/** One domain label: letters/digits, hyphens inside. */
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
/** A top-level domain: letters (at least two), or punycode. */
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{2,59})$/iu;

/** Why a single token is not an email address, or null when it is one. */
export function addressProblem(text: string): string | null {
  if (/\s/.test(text)) return 'it contains spaces';
  const at = text.split('@');
  if (at.length === 1) return 'it has no "@"';
  if (at.length > 2) return 'it has more than one "@"';
  const [local, domain] = at as [string, string];
  if (!local) return 'nothing comes before the "@"';
  if (!domain) return 'nothing comes after the "@"';
  if (local.length > 64) return 'the part before the "@" is longer than 64 characters';
  const atoms = local.split('.');
  if (atoms.some((p) => p === '')) return 'the part before the "@" has a misplaced dot';
  if (!atoms.every((p) => LOCAL_ATOM.test(p))) {
    const bad = [...local].find((ch) => ch !== '.' && !LOCAL_ATOM.test(ch));
    return `the part before the "@" contains ${q(bad)}`;
  }
  const labels = domain.split('.');
  if (labels.length < 2) return `the domain ${q(domain)} has no dot (e.g. "example.com")`;
  if (labels.some((l) => l === '')) return `the domain ${q(domain)} has a misplaced dot`;
  if (!labels.every((l) => LABEL.test(l))) {
    const bad = [...domain].find((ch) => ch !== '.' && ch !== '-' && !/[\p{L}\p{N}]/u.test(ch));
    return bad ? `the domain contains ${q(bad)}` : `the domain ${q(domain)} has a label starting or ending with "-"`;
  }
  if (!TLD.test(labels[labels.length - 1]!)) return `the domain ${q(domain)} does not end in a top-level domain such as ".com"`;
  return null;
}

export function isEmailAddress(text: string): boolean {
  return addressProblem(text) === null;
}

/** Separators between several addresses in one cell. */
const SEPARATORS = /[;,\s/|]+|\band\b|\s&\s/i;

/** Text that stands for "no address": the template's own prompt asks for "not available" or "n/a" then. */
const NOT_AVAILABLE = /^(?:n\/?a\.?|not\s+available|none|nil|-+|\/)$/i;

export type EmailVerdict =
  | { kind: 'ok' }
  | { kind: 'skip' }
  | { kind: 'several'; addresses: string[] }
  | { kind: 'wrapped'; address: string }
  | { kind: 'obfuscated'; address: string }
  | { kind: 'invalid'; reason: string; suggestion: string | null };

/**
 * Judges an email cell's text. Cells with no "@" at all are left to the template's Checker (which flags them), except
 * an address written out ("john at example.com", "john(at)example.com", a full-width "＠"), which gets a suggestion.
 */
export function judgeEmail(text: string): EmailVerdict {
  const t = text.trim();
  if (!t || NOT_AVAILABLE.test(t)) return { kind: 'skip' };
  if (!t.includes('@')) {
    const recovered = recoverAddress(t);
    return recovered ? { kind: 'obfuscated', address: recovered } : { kind: 'skip' };
  }
  if (isEmailAddress(t)) return { kind: 'ok' };
  // "John Doe <john@example.com>", "mailto:john@example.com"
  const wrapped = /^(?:[^<>]*<\s*(?:mailto:)?([^<>\s]+)\s*>|mailto:(\S+))$/i.exec(t);
  const inner = wrapped?.[1] ?? wrapped?.[2];
  if (inner && isEmailAddress(inner)) return { kind: 'wrapped', address: inner };
  const parts = t.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length > 1 && parts.every(isEmailAddress)) return { kind: 'several', addresses: parts };
  return { kind: 'invalid', reason: addressProblem(t) ?? 'it is not an address', suggestion: suggestAddress(t) };
}

/** An address written out or typed with a full-width "＠", made into an address; null when that fails. */
function recoverAddress(t: string): string | null {
  let s = t.normalize('NFKC');
  s = s.replace(/\s*[([{<]\s*at\s*[)\]}>]\s*/gi, '@').replace(/\s*[([{<]\s*dot\s*[)\]}>]\s*/gi, '.');
  if (!s.includes('@')) s = s.replace(/\s+at\s+/i, '@');
  s = s.replace(/\s+dot\s+/gi, '.');
  return s.includes('@') && isEmailAddress(s) ? s : null;
}

/** The address the supplier most likely meant, when a small repair gives one. */
function suggestAddress(t: string): string | null {
  const candidates = [
    t.replace(/\s+/g, ''),
    t.replace(/^[\s"'.,;:]+|[\s"'.,;:]+$/g, ''),
    t.replace(/,/g, '.'),
    t.replace(/\.{2,}/g, '.'),
    t.replace(/@\s*@+/g, '@'),
  ];
  for (const c of candidates) if (c !== t && isEmailAddress(c)) return c;
  return null;
}

interface Target {
  label: string;
  text: string;
  sheet: string;
  cell: string;
  row: number | null;
  /** Addresses of the declaring company's people (errors); smelter and mine contacts are reported as info. */
  company: boolean;
}

function judgeTarget(t: Target, report: Report): void {
  const v = judgeEmail(t.text);
  const pos = { sheet: t.sheet, cell: t.cell, row: t.row };
  switch (v.kind) {
    case 'ok':
    case 'skip':
      return;
    case 'several':
      report({
        ...pos, severity: t.company ? 'warning' : 'info',
        message: `${t.label} holds ${v.addresses.length} addresses (${v.addresses.join(', ')}); the cell takes one address.`,
        fix: `Enter one address per cell (e.g. ${v.addresses[0]}); name further contacts in a comment if needed.`,
        data: { value: t.text, addresses: v.addresses },
      });
      return;
    case 'wrapped':
      report({
        ...pos, severity: t.company ? 'warning' : 'info',
        message: `${t.label} ${q(t.text)} holds more than the address itself.`,
        fix: `Enter just the address: ${v.address}.`,
        data: { value: t.text, suggestion: v.address },
      });
      return;
    case 'obfuscated':
      report({
        ...pos, severity: 'info',
        message: `${t.label} ${q(t.text)} is an address written out, not an address${t.company ? '; the template\'s Checker does not accept it' : ''}.`,
        fix: `Enter it as an address: ${v.address}.`,
        data: { value: t.text, suggestion: v.address },
      });
      return;
    case 'invalid':
      report({
        ...pos, severity: t.company ? 'error' : 'info',
        message: `${t.label} ${q(t.text)} is not a valid email address: ${v.reason}.`,
        fix: v.suggestion ? `Enter the address correctly, probably ${v.suggestion}.` : 'Enter a valid email address (name@example.com).',
        data: { value: t.text, reason: v.reason, ...(v.suggestion ? { suggestion: v.suggestion } : {}) },
      });
  }
}

function companyTarget(key: 'contactEmail' | 'authorizerEmail', f: Field): Target | null {
  if (f.value === null || typeof f.raw !== 'string') return null;
  return { label: FIELD_LABELS[key]!, text: f.raw, ...at(f), company: true };
}

export default createRule({
  meta: {
    id: 'declaration/email-format',
    severity: 'error',
    doc:
      'Checks that the contact and authorizer email cells hold one valid address. The template\'s Checker only looks ' +
      'for an "@", so it accepts "name,surname@example.com", "a@b", "john@example" or two addresses in one cell, and a ' +
      'buyer\'s follow-up then bounces. An invalid address is an error (with the likely address when a small repair ' +
      'gives one); several addresses separated by ";", "," or spaces, or an address wrapped in a display name or ' +
      '"mailto:", is a warning: one address per cell. An address written out ("john at example.com", a full-width "＠") ' +
      'is reported as info with the address to enter; other text without "@" is left to the Checker, and "not available" ' +
      'or "n/a" — what the template asks for when there is no address — is accepted. Smelter and mine contact emails on ' +
      'the Smelter List and Mine List are checked the same way and reported as info.',
  },
  check(ctx, report) {
    const c = ctx.declaration.company;
    for (const key of ['contactEmail', 'authorizerEmail'] as const) {
      const t = companyTarget(key, c[key]);
      if (t) judgeTarget(t, report);
    }
    const smelterCol = ctx.layout.smelterList.columns.contactEmail;
    if (smelterCol) {
      for (const s of ctx.declaration.smelters) {
        if (!s.contactEmail) continue;
        const cell = a1(s.row, colIndex(smelterCol));
        judgeTarget({ label: `Smelter contact email (row ${s.row})`, text: s.contactEmail, sheet: ctx.layout.smelterList.sheet, cell, row: s.row, company: false }, report);
      }
    }
    const mineCol = ctx.layout.mineList?.columns.contactEmail;
    if (mineCol && ctx.layout.mineList) {
      for (const m of ctx.declaration.mines) {
        if (!m.contactEmail) continue;
        const cell = a1(m.row, colIndex(mineCol));
        judgeTarget({ label: `Mine contact email (row ${m.row})`, text: m.contactEmail, sheet: ctx.layout.mineList.sheet, cell, row: m.row, company: false }, report);
      }
    }
  },
});
