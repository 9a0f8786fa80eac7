import { chromium, type Browser } from 'playwright-core';
import { findChromium, INSTALL_HINT } from '../../scripts/findChromium';

/** Flags for a headless Chromium on a machine with no network but loopback. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Launches the machine's Chromium (see scripts/findChromium.js): its headless shell where there is one,
 * or with `wholeBrowser` (the benchmarks) the browser itself; with none, fails with one line saying what to install.
 */
export async function launchChromium(o: { wholeBrowser?: boolean } = {}): Promise<Browser> {
  const executablePath = findChromium(process.env, { headlessShell: !o.wholeBrowser });
  if (!executablePath) throw new Error(`No Chromium for the browser tests: ${INSTALL_HINT}.`);
  return chromium.launch({ executablePath, args: ARGS });
}
