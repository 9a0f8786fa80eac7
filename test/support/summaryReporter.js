const { writeSync } = require('node:fs');

/**
 * Prints one plain closing line, `Tests: N passed, N failed`, as the very last output
 * (after Jest's own summary), so CI logs end with a line any reader of test output understands.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
    process.once('exit', () => writeSync(2, line));
  }
}
module.exports = SummaryReporter;
