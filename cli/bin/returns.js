#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx: no build step between editing and running.
require('tsx/cjs');
// A closed pipe (`returns pull … | head`) ends the output; it is no error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
require('../src/main.ts')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; });
