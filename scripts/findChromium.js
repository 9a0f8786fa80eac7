// Where the browser tests find a Chromium: CHROMIUM_PATH, else Debian's chromium, else Chrome.
// CommonJS so `npm test`'s pretest step can use it before anything is compiled.
const { existsSync } = require('node:fs');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'];

/** The Chromium executable to drive with playwright-core, or null when the machine has none. */
function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const INSTALL_HINT = "install Debian's chromium and fonts-thai-tlwg (apt-get install chromium fonts-thai-tlwg) or set CHROMIUM_PATH to a Chromium or Chrome executable";

module.exports = { findChromium, INSTALL_HINT };
