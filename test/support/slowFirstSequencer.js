const Sequencer = require('@jest/test-sequencer').default;
const { relative } = require('node:path');

/**
 * Starts the longest test files first, so that no worker is left with a long file at the end.
 * Jest does this from the durations in its cache; on a fresh clone there are none, and it falls
 * back on file size, which started the 150 s page test after 105 s and the 60 s dpkg-lock wait
 * after 384 s. These are the files' seconds in one run of the suite (two workers, quiet machine);
 * a file not listed counts as half a second. The cache, where there is one, still comes first.
 */
const SECONDS = {
  'test/e2e/sendPage.e2e.test.ts': 156,
  'test/e2e/pane.e2e.test.ts': 97,
  'test/scripts/ensureTestTools.test.ts': 64,
  'test/integration/storageStalls.api.test.ts': 59,
  'test/samples/readFormats.test.ts': 57,
  'test/e2e/internalControl.e2e.test.ts': 44,
  'test/readers/readXlsx.test.ts': 37,
  'test/e2e/sendBatch.e2e.test.ts': 33,
  'test/integration/startStop.test.ts': 31,
  'test/integration/largeReturns.api.test.ts': 21,
  'test/e2e/largeSheet.e2e.test.ts': 19,
  'test/packages/functionsPackage.test.ts': 18,
  'test/docs/quickstart.test.ts': 18,
  'test/e2e/review.e2e.test.ts': 18,
  'test/e2e/review50.e2e.test.ts': 18,
  'test/cli/checkCommand.test.ts': 15,
  'test/integration/concurrency.api.test.ts': 12,
  'test/integration/idempotency.api.test.ts': 10,
};
const UNLISTED_SECONDS = 0.5;

class SlowFirstSequencer extends Sequencer {
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const seconds = SECONDS[relative(test.context.config.rootDir, test.path).split('\\').join('/')];
    return (seconds ?? UNLISTED_SECONDS) * 1000;
  }
}
module.exports = SlowFirstSequencer;
