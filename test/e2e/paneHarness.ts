import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { buildAddin } from '../../scripts/buildAddin';
import { serveAddin } from '../../scripts/serveAddin';

/** Where the browser tests leave their screenshots. */
export const ARTIFACTS = resolve(__dirname, '../../test-artifacts');

/** A build of the pane (with these build settings) in a folder of its own (`dir`), served on a free loopback port; `close` removes both. */
export async function servePaneBuild(env: Record<string, string>): Promise<{ url: string; dir: string; close: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'pane-build-'));
  try {
    await buildAddin({ env, outDir: dir });
    const served = await serveAddin(0, dir);
    return {
      url: served.url,
      dir,
      close: async () => {
        await served.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

/** The office.js stand-in as one script, served in place of appsforoffice.microsoft.com's. */
export async function bundleOfficeFake(): Promise<string> {
  const out = await build({ entryPoints: [resolve(__dirname, 'officeInBrowser.ts')], bundle: true, write: false, format: 'iife', conditions: ['source'], logLevel: 'error' });
  return out.outputFiles[0].text;
}

/** Waits until a reading of the page's workbook settles on what is expected (the pane's Excel calls are asynchronous). */
export async function eventually<T>(read: () => Promise<T>, expected: unknown, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const got = await read();
    try {
      expect(got).toEqual(expected);
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
