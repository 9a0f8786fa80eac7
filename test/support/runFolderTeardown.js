// Jest's globalTeardown (jest.config.js): the run's folder (runFolder.js) and what its files made in it, removed.
const { rmSync } = require('node:fs');
const { RUN_FOLDER } = require('./runFolder');

module.exports = async function removeRunFolder() {
  if (process.env[RUN_FOLDER]) rmSync(process.env[RUN_FOLDER], { recursive: true, force: true });
};
