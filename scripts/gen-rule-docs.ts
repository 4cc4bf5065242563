/**
 * Writes docs/rules.md: every rule's id, default severity and doc paragraph (see scripts/rule-docs.ts).
 * Run with `npx tsx scripts/gen-rule-docs.ts`; `--check` exits 1 when the file is out of date instead of writing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderRuleDocs } from './rule-docs';

const path = resolve(__dirname, '..', 'docs', 'rules.md');
const content = renderRuleDocs();
const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
if (process.argv.includes('--check')) {
  if (current !== content) {
    console.error('docs/rules.md is out of date: run `npx tsx scripts/gen-rule-docs.ts`.');
    process.exit(1);
  }
  console.log('docs/rules.md is up to date.');
} else if (current === content) {
  console.log('docs/rules.md is up to date.');
} else {
  writeFileSync(path, content);
  console.log(`Wrote ${path}.`);
}
