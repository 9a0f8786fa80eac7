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

// One test file more than the cores: some files spend much of their time waiting (on a held lock, a
// frozen emulator, `npm start`, the Excel stand-in's latency), and with one file a core those waits left
// a tenth of the machine idle (65 of 670 CPU-seconds on 2 cores; with 3 files 6, for the same work: the
// suite took 311 s instead of 338). The sequencer starts the long files first (test/support/slowFirstSequencer.js).
// Tests that must not overlap say so (test/support/addinDistLock.ts); budgets on the clock are
// stretched by the load (paneHarness's slowdown).
const { availableParallelism } = require('node:os');

module.exports = {
  maxWorkers: availableParallelism() + 1,
  testSequencer: '<rootDir>/test/support/slowFirstSequencer.js',
  // A folder for the run, shared by its files for what several need made once (the samples' conversions).
  globalSetup: '<rootDir>/test/support/runFolder.js',
  globalTeardown: '<rootDir>/test/support/runFolderTeardown.js',
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
