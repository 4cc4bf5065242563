/**
 * Jest runs every suite under test/: unit tests, integration tests (real templates from ../shared, LibreOffice)
 * and, later, browser tests (Chromium through playwright-core).
 *
 * ts-jest compiles TypeScript per file (tsconfig.json has isolatedModules, so ts-jest only transpiles; type errors
 * are caught by `npm run typecheck`). The project's tsconfig targets a bundler (module ESNext); Jest itself loads
 * CommonJS, hence the module override below.
 */

/**
 * Packages in node_modules that ship only ES modules but are reached through CommonJS requires (office-addin-manifest
 * -> @microsoft/app-manifest -> strip-bom, and its uuid). Jest cannot load ESM through require(), so ts-jest transpiles them.
 */
const ESM_ONLY_PACKAGES = ['strip-bom', 'uuid'];
const esmOnly = ESM_ONLY_PACKAGES.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');

const commonjs = { module: 'commonjs', moduleResolution: 'node10', isolatedModules: true, esModuleInterop: true };

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts?(x)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'mjs', 'json'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: commonjs }],
    [`/node_modules/(.+/)?(${esmOnly})/.+\\.m?js$`]: ['ts-jest', { tsconfig: { ...commonjs, allowJs: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(.+/)?(${esmOnly})/)`],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/lib/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/lib/'],
};
