#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx: no build step between editing and running.
require('tsx/cjs');
require('../src/main.ts')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; });
