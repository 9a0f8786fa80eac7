const Sequencer = require('@jest/test-sequencer').default;
const { relative } = require('node:path');

/**
 * Starts the long test files first, in an order that keeps both cores busy: each file that mostly
 * waits (on a held lock, on a frozen storage emulator, on `npm start`) is started beside one that
 * computes. Without it, a fresh clone (no timings in Jest's cache) ran files by size: the 60 s
 * dpkg-lock wait started beside the storage stalls, leaving a core idle for 40 s, and the 150 s page
 * test started after 105 s. The seconds are one run of the suite on 2 cores; the files not listed
 * follow, the longest first by Jest's cache, else by size.
 */
const FIRST = [
  'test/e2e/sendPage.e2e.test.ts', // 77 s, computing (Chromium)
  'test/scripts/ensureTestTools.test.ts', // 64 s, waiting on a held lock: `npm test`'s type checks and lint run meanwhile
  'test/e2e/pane.e2e.test.ts', // 70 s, computing, and waiting on the Excel stand-in's latency
  'test/samples/readFormats.test.ts', // 39 s, computing (LibreOffice)
  'test/integration/storageStalls.api.test.ts', // 42 s, waiting on a frozen emulator
  'test/e2e/sendBatch.e2e.test.ts', // 23 s, computing
  'test/integration/startStop.test.ts', // 32 s
  'test/docs/quickstart.test.ts', // 15 s, waiting on `npm start`
  'test/packages/functionsPackage.test.ts', // 33 s, writing files
  'test/e2e/internalControl.e2e.test.ts', // 21 s
  'test/readers/readXlsx.test.ts', // 17 s
  'test/e2e/largeSheet.e2e.test.ts', // 14 s
  'test/e2e/review50.e2e.test.ts', // 14 s
  'test/integration/concurrency.api.test.ts', // 14 s
  'test/integration/largeReturns.api.test.ts', // 13 s
  'test/integration/idempotency.api.test.ts', // 12 s
  'test/cli/checkCommand.test.ts', // 11 s
  'test/e2e/review.e2e.test.ts', // 10 s
];

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const rank = (test) => {
      const at = FIRST.indexOf(relative(test.context.config.rootDir, test.path).split('\\').join('/'));
      return at < 0 ? FIRST.length : at;
    };
    const listed = tests.filter((t) => rank(t) < FIRST.length).sort((a, b) => rank(a) - rank(b));
    return [...listed, ...super.sort(tests.filter((t) => rank(t) === FIRST.length))];
  }
}
module.exports = SlowFirstSequencer;
