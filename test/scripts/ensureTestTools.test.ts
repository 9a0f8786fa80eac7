import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestTools } from '../../scripts/ensureTestTools';

/**
 * `npm test`'s pretest on a new machine whose system updater holds the dpkg lock: a stand-in
 * apt-get that fails as apt does while its lock is held (it honours no timeout of its own, so
 * the waiting must be the pretest's), a stand-in dpkg-query, and a stand-in lock holder, all on
 * a lock file of this test's own: the machine's real dpkg lock is never touched.
 */
const dir = mkdtempSync(join(tmpdir(), 'returns-pretest-'));
const lock = join(dir, 'lock-frontend');
const installed = join(dir, 'installed');
const calls = join(dir, 'apt-get.calls');
const aptGet = join(dir, 'apt-get');
const dpkgQuery = join(dir, 'dpkg-query');
writeFileSync(installed, '');
writeFileSync(
  aptGet,
  `#!/bin/sh
echo "$*" >> '${calls}'
exec 9>'${lock}'
if ! flock -n 9; then
  echo "E: Could not get lock ${lock}. It is held by process 4242 (unattended-upgr)" >&2
  exit 100
fi
case " $* " in *" install "*) for p in "$@"; do echo "$p" >> '${installed}'; done;; esac
`,
);
writeFileSync(dpkgQuery, `#!/bin/sh\nfor p; do :; done\ngrep -qx "$p" '${installed}' && printf 'install ok installed'\n`);
chmodSync(aptGet, 0o755);
chmodSync(dpkgQuery, 0o755);

/** Holds the test's lock for `seconds` (as the system updater holds dpkg's), until it ends or is stopped by its id. */
function holdLock(seconds: number) {
  const holder = spawn('sh', ['-c', `exec 9>'${lock}'; flock 9; exec sleep ${seconds}`], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      execFileSync('flock', ['-n', lock, 'true']);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    } catch {
      return holder; // the lock is held
    }
  }
  throw new Error('the stand-in lock holder never took the lock');
}
const options = { aptGet, dpkgQuery, findChromium: () => null, isRoot: () => true, log: () => {} };

test('a lock held for 60 s by another process: the pretest waits, then installs every tool (apt-get told to wait too)', () => {
  writeFileSync(calls, '');
  const holder = holdLock(60);
  try {
    const t = Date.now();
    const got = ensureTestTools({ ...options, lockWaitSeconds: 150, retryEveryMs: 2000 });
    expect(Date.now() - t).toBeGreaterThan(55_000);
    expect(got).toEqual(['chromium', 'chromium-headless-shell', 'fonts-thai-tlwg', 'python3-openpyxl', 'poppler-utils', 'fonts-crosextra-carlito', 'libreoffice-calc-nogui']);
    const lines = readFileSync(calls, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(2); // tried while the lock was held
    for (const l of lines) expect(l).toMatch(/^-o DPkg::Lock::Timeout=(\d+) /);
    expect(Math.max(...lines.map((l) => Number(/Timeout=(\d+)/.exec(l)![1])))).toBeLessThanOrEqual(150);
    expect(lines.slice(-2)).toEqual([
      expect.stringMatching(/ update -qq$/),
      expect.stringMatching(/ install -y -qq --no-install-recommends chromium chromium-headless-shell fonts-thai-tlwg python3-openpyxl poppler-utils fonts-crosextra-carlito libreoffice-calc-nogui$/),
    ]);
    expect(ensureTestTools({ ...options, findChromium: () => '/usr/bin/chromium' })).toEqual([]); // all there now: nothing to do
  } finally {
    holder.kill();
  }
}, 180_000);

test('a lock held past the bound: it stops at the bound and says the lock is held', () => {
  writeFileSync(installed, '');
  const holder = holdLock(30);
  try {
    const t = Date.now();
    expect(() => ensureTestTools({ ...options, lockWaitSeconds: 4, retryEveryMs: 1000 })).toThrow(/Could not get lock/);
    expect(Date.now() - t).toBeLessThan(10_000);
  } finally {
    holder.kill();
  }
}, 30_000);
