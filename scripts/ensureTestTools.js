#!/usr/bin/env node
// `npm test`'s pretest step: the browser tests need a Chromium (and Thai fonts for readable
// screenshots); the reader's format test converts every sample with LibreOffice Calc
// (headless: libreoffice-calc-nogui, unless a full libreoffice-calc is there) and re-saves
// them with openpyxl (python3-openpyxl). Where none exists and this process may install Debian packages (root with
// apt-get), it installs them and says so in one line; otherwise it says in one line what to
// install, and the browser tests fail (they are never skipped).
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { findChromium, INSTALL_HINT } = require('./findChromium');

const PACKAGES = ['chromium', 'fonts-thai-tlwg', 'python3-openpyxl', 'poppler-utils', 'fonts-crosextra-carlito'];
/** One of these gives `soffice`; the first is the smaller, headless one. */
const CALC = ['libreoffice-calc-nogui', 'libreoffice-calc'];

function canApt() {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');
}

function isInstalled(name) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { stdio: 'pipe' }).toString().includes('install ok installed');
  } catch {
    return false; // dpkg-query exits non-zero for a package it has never seen
  }
}

function main() {
  const found = findChromium();
  const missing = canApt() ? [...PACKAGES.filter((p) => !isInstalled(p)), ...(CALC.some(isInstalled) ? [] : [CALC[0]])] : [];
  if (found && missing.length === 0) return;
  if (!canApt()) {
    if (!found) console.log(`pretest: no Chromium found, so the browser tests will fail: ${INSTALL_HINT}.`);
    return;
  }
  console.log(`pretest: installing Debian packages for the browser and format tests: ${missing.join(' ')} (apt-get, once per machine)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

try {
  main();
} catch (e) {
  console.log(`pretest: could not install the browser test tools (${e instanceof Error ? e.message.split('\n')[0] : e}); ${INSTALL_HINT}.`);
}
