// ESLint flat config for the whole tree: `npm run lint` (= `eslint .`).
//
// - @eslint/js recommended + typescript-eslint recommended (not type-checked, to keep lint fast)
// - eslint-plugin-office-addins rules (Office.js load/sync mistakes) for the add-in sources
// - the src/core boundary: pure domain code, no Office.js, React, DOM or Node (test/architecture.test.ts checks
//   the same thing with the TypeScript compiler)
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const CORE_MESSAGE = 'src/core is pure domain code: no Office.js, React, DOM or Node. Put host code in src/excel, src/xlsx or src/cli.';

/** Node built-ins, with and without the node: prefix (sub-paths such as fs/promises included). */
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

const coreRestrictedImports = {
  paths: [...nodeBuiltins, 'react', 'react-dom', 'office-js', '@microsoft/office-js', '@types/office-js'].map((name) => ({
    name,
    message: CORE_MESSAGE,
  })),
  patterns: [
    { group: ['node:*'], message: CORE_MESSAGE },
    { group: ['react/*', 'react-dom/*', '@fluentui/*', '@microsoft/office-js/*', 'office-addin-*'], message: CORE_MESSAGE },
    // Relative imports that climb out of src/core into a host layer.
    { regex: '^(\\.\\./)+(excel|taskpane|cli)(/|$)', message: CORE_MESSAGE },
    { regex: '(^|/)src/(excel|taskpane|cli)(/|$)', message: CORE_MESSAGE },
  ],
};

const coreRestrictedGlobals = ['window', 'document', 'Office', 'Excel', 'navigator', 'localStorage', 'process', 'Buffer', 'require'].map(
  (name) => ({ name, message: `${CORE_MESSAGE} (global "${name}")` }),
);

/** Office.js rules from eslint-plugin-office-addins, without its Prettier and React presets. */
const officeAddinsRules = Object.fromEntries(
  Object.keys(officeAddins.rules).map((rule) => [
    `office-addins/${rule}`,
    ['no-context-sync-in-loop', 'no-empty-load', 'no-navigational-load', 'no-office-initialize'].includes(rule) ? 'warn' : 'error',
  ]),
);

export default defineConfig(
  {
    ignores: ['node_modules/', 'dist/', 'lib/', 'coverage/', '.cache/', '.tmp/', 'test-results/', '**/*.d.ts'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Cleaning spreadsheet text legitimately matches control characters (/[^\x00-\x7f]/, /[\x00-\x1f]/).
      'no-control-regex': 'off',
    },
  },
  // Node-side code: build config, scripts, CLI, tests, benchmarks.
  {
    files: ['*.js', '*.cjs', 'bin/**/*.js', 'build/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['*.mjs', 'scripts/**', 'bench/**', 'test/**', 'src/cli/**', 'src/xlsx/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
  // The add-in: browser + Office.js.
  {
    files: ['src/taskpane/**', 'src/excel/**', 'src/preview/**'],
    languageOptions: { globals: { ...globals.browser, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' } },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinsRules,
  },
  // The core boundary.
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', coreRestrictedImports],
      'no-restricted-globals': ['error', ...coreRestrictedGlobals],
      // Office.js types in type positions (Excel.Range, Office.Context), which no-restricted-globals does not see.
      'no-restricted-syntax': [
        'error',
        { selector: 'TSQualifiedName > Identifier.left[name=/^(Excel|Office|OfficeExtension)$/]', message: CORE_MESSAGE },
      ],
    },
  },
);
