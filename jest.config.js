/** Jest runs TypeScript through ts-jest; type errors are caught by `tsc` in `npm test`, so tests transpile only. */
// ESM-only packages that office-addin-mock's dependency chain requires; Jest on Node 20
// cannot require ESM, so ts-jest compiles just these to CommonJS.
const ESM_ONLY = ['strip-bom', 'uuid'];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/shared'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    '^.+\\.js$': ['ts-jest', { diagnostics: false, tsconfig: { allowJs: true, module: 'commonjs', esModuleInterop: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!.*(${ESM_ONLY.join('|')})/)`],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
