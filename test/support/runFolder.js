// Jest's globalSetup (jest.config.js): a folder for this run of the suite, which its test files share (each runs in a
// worker process of its own, which inherits the variable) for what several of them need made once a run
// (test/support/sampleRenditions.ts). runFolderTeardown.js removes it when the run ends.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const RUN_FOLDER = 'RETURNS_HUB_TEST_RUN_DIR';

module.exports = async function makeRunFolder() {
  process.env[RUN_FOLDER] = mkdtempSync(join(tmpdir(), 'returns-hub-run-'));
};
module.exports.RUN_FOLDER = RUN_FOLDER;
