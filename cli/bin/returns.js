#!/usr/bin/env node
// The compiled CLI (built by `npm install`'s prepare step: tsc -b). Only the entry is loaded
// here; each command loads what it needs when it runs.
// A closed pipe (`returns pull … | head`) ends the output; it is no error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const argv = process.argv.slice(2);
require('../dist/runTuning.js').tuneForRun(argv);
require('../dist/main.js')
  .main(argv)
  .then((code) => {
    process.exitCode = code;
  });
