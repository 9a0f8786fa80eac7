#!/usr/bin/env node
// `npm test`'s pretest step: the browser tests need a Chromium (its headless shell; the whole
// browser for the benchmarks) and Thai fonts for readable screenshots; the reader's format test
// converts every sample with LibreOffice Calc
// (headless: libreoffice-calc-nogui, unless a full libreoffice-calc is there) and re-saves
// them with openpyxl (python3-openpyxl). Where one is missing and this process may install
// Debian packages (root with apt-get), it installs them and says so in one line; otherwise it
// says in one line what to install, and the tests that need them fail saying what they lack.
//
// On a new machine the system's own updater often holds the dpkg lock for a minute or more:
// apt-get is told to wait for it (DPkg::Lock::Timeout), and a command that still finds a lock
// held (the package lists' lock, which that option does not cover) is tried again, every few
// seconds, until LOCK_WAIT_SECONDS have passed in all.
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { findChromium, INSTALL_HINT } = require('./findChromium');

const PACKAGES = ['chromium', 'chromium-headless-shell', 'fonts-thai-tlwg', 'python3-openpyxl', 'poppler-utils', 'fonts-crosextra-carlito'];
/** One of these gives `soffice`; the first is the smaller, headless one. */
const CALC = ['libreoffice-calc-nogui', 'libreoffice-calc'];
/** How long in all to wait for another install to let go of apt's and dpkg's locks. */
const LOCK_WAIT_SECONDS = 600;
/** What apt-get and dpkg say when another process holds their lock. */
const LOCK_HELD = /Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock the administration directory|is another process using it/i;

/**
 * The commands and bounds, replaceable so a test can run all of this against stand-ins (its
 * own apt-get, dpkg-query and lock file) without touching the machine's real dpkg lock.
 */
const DEFAULTS = {
  aptGet: '/usr/bin/apt-get',
  dpkgQuery: 'dpkg-query',
  lockWaitSeconds: LOCK_WAIT_SECONDS,
  retryEveryMs: 5000,
  findChromium,
  isRoot: () => typeof process.getuid === 'function' && process.getuid() === 0,
  log: (line) => console.log(line),
};

function isInstalled(o, name) {
  try {
    return execFileSync(o.dpkgQuery, ['-W', '-f=${Status}', name], { stdio: 'pipe' }).toString().includes('install ok installed');
  } catch {
    return false; // dpkg-query exits non-zero for a package it has never seen
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs apt-get with the lock wait, again while a lock is still held, until the deadline. */
function aptGet(o, args, deadline, env) {
  for (;;) {
    const left = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
    try {
      execFileSync(o.aptGet, ['-o', `DPkg::Lock::Timeout=${left}`, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
      return;
    } catch (e) {
      const said = `${e.stdout ?? ''}${e.stderr ?? ''}`;
      if (!LOCK_HELD.test(said) || Date.now() + o.retryEveryMs > deadline) {
        throw new Error(said.trim().split('\n').pop() || (e instanceof Error ? e.message : String(e)));
      }
      sleep(o.retryEveryMs);
    }
  }
}

/** Installs what is missing (when it may); returns the packages it installed. */
function ensureTestTools(options = {}) {
  const o = { ...DEFAULTS, ...options };
  const canApt = process.platform === 'linux' && o.isRoot() && existsSync(o.aptGet);
  const found = o.findChromium();
  const missing = canApt ? [...PACKAGES.filter((p) => !isInstalled(o, p)), ...(CALC.some((p) => isInstalled(o, p)) ? [] : [CALC[0]])] : [];
  if (found && missing.length === 0) return [];
  if (!canApt) {
    if (!found) o.log(`pretest: no Chromium found, so the browser tests will fail: ${INSTALL_HINT}.`);
    return [];
  }
  o.log(`pretest: installing Debian packages for the browser and format tests: ${missing.join(' ')} (apt-get, once per machine; waiting up to ${o.lockWaitSeconds} s for another install to finish)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const deadline = Date.now() + o.lockWaitSeconds * 1000;
  aptGet(o, ['update', '-qq'], deadline, env);
  aptGet(o, ['install', '-y', '-qq', '--no-install-recommends', ...missing], deadline, env);
  return missing;
}

module.exports = { ensureTestTools, LOCK_WAIT_SECONDS };

if (require.main === module) {
  try {
    ensureTestTools();
  } catch (e) {
    console.log(`pretest: could not install the test tools (${e instanceof Error ? e.message.split('\n')[0] : e}); ${INSTALL_HINT}, libreoffice-calc-nogui and python3-openpyxl.`);
  }
}
