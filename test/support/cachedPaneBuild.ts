import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { buildAddin, type PaneSize } from '../../scripts/buildAddin';
import { sourcesFingerprint } from '../../scripts/sourcesFingerprint';
import { holdLock } from './processLock';

const ROOT = resolve(__dirname, '../..');
/** Builds kept on disk between test files and runs; a fresh checkout has none. */
const CACHE = resolve(ROOT, 'node_modules/.cache/returns-hub/pane-builds');
/** Everything a pane build is made from: its sources, its build scripts and the installed packages' versions. */
const BUILT_FROM = [
  'addin/src',
  'addin/assets',
  'shared',
  'readers/src',
  'forms',
  'scripts/buildAddin.ts',
  'scripts/buildSendPage.ts',
  'scripts/builtInFormsPlugin.ts',
  'scripts/zodLocalesEn.js',
  'package-lock.json',
];
/** A build not used for this long is removed when another is made. */
const KEPT_MS = 24 * 3600_000;
const SIZE_FILE = 'pane-size.json';

/**
 * The pane and the clerk's page built with these settings, as `buildAddin` makes them, once per
 * content of their sources: the browser test files share one build instead of each bundling
 * its own (esbuild, about 4 s a build on a quiet machine and 15 s at load 14). A changed source
 * makes another build. The folder is read only: serve it, never write into it.
 */
export async function cachedPaneBuild(env: Record<string, string>): Promise<{ dir: string; size: PaneSize }> {
  const key = createHash('sha256')
    .update(sourcesFingerprint(BUILT_FROM))
    .update(JSON.stringify(Object.entries(env).sort()))
    .digest('hex')
    .slice(0, 32);
  const dir = join(CACHE, key);
  if (!existsSync(join(dir, SIZE_FILE))) {
    // One build of these settings at a time: on a fresh clone the browser test files that start together wait for the
    // first one's build instead of each making the same (two at once cost a build's CPU, 6 s, twice).
    const release = await holdLock(`${dir}.lock`, 'a pane build');
    try {
      if (!existsSync(join(dir, SIZE_FILE))) await build(dir, env);
    } finally {
      release();
    }
  }
  try {
    utimesSync(dir, new Date(), new Date()); // used: kept
  } catch {
    /* another run removed it meanwhile: served as is */
  }
  return { dir, size: JSON.parse(readFileSync(join(dir, SIZE_FILE), 'utf8')) as PaneSize };
}

/** Builds into a folder of its own, then renames it to `dir`: whole or not at all. Builds not used for a day are removed. */
async function build(dir: string, env: Record<string, string>): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  const building = `${dir}.${process.pid}-${Date.now()}`;
  try {
    const { outDir: _o, ...size } = await buildAddin({ env, outDir: building });
    writeFileSync(join(building, SIZE_FILE), JSON.stringify(size));
    renameSync(building, dir);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  for (const old of readdirSync(CACHE)) {
    const path = join(CACHE, old);
    if (!path.startsWith(dir) && Date.now() - statSync(path).mtimeMs > KEPT_MS) rmSync(path, { recursive: true, force: true });
  }
}
