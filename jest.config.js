/**
 * One Jest run over every package: tests beside their modules (`*.test.ts`) and the
 * cross-package tests in test/. @swc/jest only transpiles (types are checked by `tsc` in
 * `npm test`), in a fraction of ts-jest's time, which a fresh clone pays for every file.
 * Packages import each other by name; the `source` export condition maps
 * `@returns-hub/<pkg>/<path>` to the TypeScript source, so tests need no build.
 */
// ESM-only packages that office-addin-mock's dependency chain requires; Jest on Node 20
// cannot require ESM, so these are compiled to CommonJS too.
const ESM_ONLY = ['strip-bom', 'uuid'];
const transpile = { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } };

// One test file more than there are cores (three on 2 cores; Jest's default, cores − 1, runs one): most of
// the suite's time is spent waiting on the processes its tests start (Chromium, Azurite, LibreOffice,
// npm start) and on the Excel stand-in's latency, so the extra files use what the others leave idle.
// Tests that must not overlap say so (test/support/addinDistLock.ts); budgets on the clock are
// stretched by the load (paneHarness's slowdown). The longest files start first (slowFirstSequencer).
const { availableParallelism } = require('node:os');

module.exports = {
  maxWorkers: availableParallelism() + 1,
  testSequencer: '<rootDir>/test/support/slowFirstSequencer.js',
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['source', 'node', 'require', 'default'] },
  roots: ['<rootDir>/shared', '<rootDir>/functions', '<rootDir>/cli', '<rootDir>/addin', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  transform: {
    '^.+\\.[tj]sx?$': ['@swc/jest', transpile],
  },
  // Lazy `import('./x.js')` in CommonJS packages (node16 resolution wants the extension) → the TS source.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transformIgnorePatterns: [`/node_modules/(?!.*(${ESM_ONLY.join('|')})/)`],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
