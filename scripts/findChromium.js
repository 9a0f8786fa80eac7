// Where the browser tests find a Chromium: CHROMIUM_PATH, else Debian's chromium-headless-shell (for
// the tests), else Debian's chromium, else Chrome. CommonJS so `npm test`'s pretest step can use it
// before anything is compiled.
const { existsSync } = require('node:fs');

const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'];
/**
 * Chromium's headless shell (Debian's chromium-headless-shell; what Playwright itself runs headless
 * tests in): the same Blink and V8 without the browser around them. The page tests take a quarter
 * less CPU in it than in the whole browser.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * The Chromium executable to drive with playwright-core, or null when the machine has none.
 * `headlessShell`: the shell where there is one (the tests); without it, a whole browser (the
 * benchmarks, which time what a clerk's browser does).
 */
function findChromium(env = process.env, { headlessShell = false } = {}) {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return [...(headlessShell ? [HEADLESS_SHELL] : []), ...BROWSERS].find((p) => existsSync(p)) ?? null;
}

const INSTALL_HINT =
  "install Debian's chromium, chromium-headless-shell and fonts-thai-tlwg (apt-get install chromium chromium-headless-shell fonts-thai-tlwg) or set CHROMIUM_PATH to a Chromium or Chrome executable";

module.exports = { findChromium, INSTALL_HINT };
