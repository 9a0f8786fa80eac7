#!/usr/bin/env node
// `npm test`: builds what the tests run (`tsc -b`: the CLI and the API's dist/), then runs Jest with
// the slower checks beside it: the type checks no build covers (the add-in, the tests) and ESLint
// with Prettier. Jest's files spend much of their time waiting on the processes they start, so the
// checks use what Jest leaves idle, at a lower priority than the tests. Each check says in one line
// when it is done (with its output if it failed), so that Jest's `Tests: N passed, N failed` stays the
// last line of a run that passed; the exit status is non-zero if anything failed.
// Arguments go to Jest (`npm test -- test/cli`).
const { spawn, spawnSync } = require('node:child_process');
const { setPriority } = require('node:os');

/** The checks that run beside Jest, with the names their one-line reports give them. */
const CHECKS = [
  { name: 'Type check (add-in and tests)', script: 'typecheck:rest' },
  { name: 'ESLint and Prettier', script: 'lint' },
];
/** Below the tests' priority (0): on a busy machine the tests, some of which wait on the clock, go first. */
const CHECK_NICENESS = 10;

function runCheck({ name, script }) {
  const started = Date.now();
  const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    setPriority(child.pid, CHECK_NICENESS);
  } catch {
    // not allowed here: the check runs at the tests' priority
  }
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((done) => {
    let finished = false;
    const finish = (ok) => {
      if (finished) return;
      finished = true;
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stderr.write(ok ? `\n${name}: passed (${seconds} s)\n` : `\n${name} failed (${seconds} s):\n${output.trimEnd()}\n`);
      done({ name, ok });
    };
    child.on('error', (e) => {
      output += e.message;
      finish(false);
    });
    child.on('close', (code) => finish(code === 0));
  });
}

function main() {
  const build = spawnSync('npm', ['run', '--silent', 'typecheck:build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('\nnpm test: `tsc -b` failed, so the tests were not run (they run its output).');
    process.exit(build.status ?? 1);
  }
  const checks = Promise.all(CHECKS.map(runCheck));
  const jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...process.argv.slice(2)], { stdio: 'inherit' });
  jest.on('close', async (code, signal) => {
    const failedChecks = (await checks).filter((r) => !r.ok).map((r) => r.name);
    if (failedChecks.length) console.error(`\nnpm test: ${failedChecks.join(' and ')} failed (the output is above).`);
    process.exit(code !== 0 || signal !== null || failedChecks.length ? 1 : 0);
  });
}

main();
