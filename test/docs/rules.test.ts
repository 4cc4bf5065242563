/**
 * docs/rules.md is generated from the rules' metadata (scripts/gen-rule-docs.ts); it must match what the rules say now.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { renderRuleDocs, RULE_GROUPS } from '../../scripts/rule-docs';

const all = RULE_GROUPS.flatMap((g) => g.rules);

it('docs/rules.md is up to date (run `npx tsx scripts/gen-rule-docs.ts`)', () => {
  const onDisk = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
  expect(onDisk).toBe(renderRuleDocs());
});

it('lists every rule once, with its severity and a one-paragraph doc', () => {
  const ids = all.map((r) => r.meta.id);
  expect(new Set(ids).size).toBe(ids.length);
  const md = renderRuleDocs();
  for (const r of all) {
    expect(['error', 'warning', 'info']).toContain(r.meta.severity);
    expect(r.meta.doc).not.toMatch(/\n\s*\n/);
    expect(md).toContain(`### \`${r.meta.id}\``);
    expect(md).toContain(r.meta.doc);
  }
});

it('covers the declaration, template and smelter rules', () => {
  const ids = all.map((r) => r.meta.id);
  expect(ids).toEqual(expect.arrayContaining([
    'declaration/email-format', 'declaration/authorizer-placeholder', 'declaration/effective-date', 'declaration/answer-not-in-list',
    'declaration/whitespace', 'declaration/remains-without-intentional', 'declaration/all-identified-low-response',
    'declaration/origin-before-data', 'declaration/not-all-reported', 'declaration/other-format-no-description', 'declaration/policy-no',
    'template/outdated', 'template/unknown-version', 'template/read-notes',
  ]));
  expect(ids.some((id) => id.startsWith('smelter/'))).toBe(true);
});
