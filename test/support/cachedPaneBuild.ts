import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { buildAddin, configurePages, paneBuildIn, paneBuildOf, type PaneSize } from '../../scripts/buildAddin';
import { buildConfigFrom, type BuildConfig } from '@returns-hub/addin/settings/buildConfig';
import { holdLock } from './processLock';

const ROOT = resolve(__dirname, '../..');
/** Builds kept on disk between test files and runs; a fresh checkout has none. */
const CACHE = resolve(ROOT, 'node_modules/.cache/returns-hub/pane-builds');
/** A build not used for this long is removed when another is made. */
const KEPT_MS = 24 * 3600_000;

/**
 * The pane and the clerk's page built with these settings, as `buildAddin` makes them, once per
 * content of their sources: the browser test files share one build instead of each bundling
 * its own (esbuild, about 6 CPU-seconds a build). The scripts are bundled once for every setting
 * (`<sources>`); each setting is a copy with its own pages (`<sources>-<settings>`, configurePages).
 * A changed source makes another build. The folder is read only: serve it, never write into it.
 */
export async function cachedPaneBuild(env: Record<string, string>): Promise<{ dir: string; size: PaneSize }> {
  const sources = paneBuildOf().slice(0, 32);
  const config = buildConfigFrom(env);
  const dir = join(CACHE, `${sources}-${createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 8)}`);
  if (!paneBuildIn(dir)) {
    // One build of these sources at a time: on a fresh clone the browser test files that start together wait for the
    // first one's build instead of each making the same (two at once cost a build's CPU, 6 s, twice).
    const release = await holdLock(join(CACHE, `${sources}.lock`), 'a pane build');
    try {
      if (!paneBuildIn(dir)) await configuredCopy(join(CACHE, sources), dir, env, config);
    } finally {
      release();
    }
  }
  try {
    utimesSync(dir, new Date(), new Date()); // used: kept
  } catch {
    /* another run removed it meanwhile: served as is */
  }
  return { dir, size: paneBuildIn(dir)!.size };
}

/** `dir`: the scripts bundled in `scripts` (bundled now, from `env`, if they are not there), with the pages of `config`. */
async function configuredCopy(scripts: string, dir: string, env: Record<string, string>, config: BuildConfig): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  if (!paneBuildIn(scripts)) await wholeOrNothing(scripts, (making) => buildAddin({ env, outDir: making }));
  await wholeOrNothing(dir, async (making) => {
    cpSync(scripts, making, { recursive: true });
    configurePages(making, config);
  });
  for (const old of readdirSync(CACHE)) {
    const path = join(CACHE, old);
    if (!path.startsWith(scripts) && Date.now() - statSync(path).mtimeMs > KEPT_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** Makes a folder of its own, then renames it to `dir`: whole or not at all. */
async function wholeOrNothing(dir: string, make: (making: string) => Promise<unknown>): Promise<void> {
  const making = `${dir}.${process.pid}-${Date.now()}`;
  try {
    await make(making);
    rmSync(dir, { recursive: true, force: true });
    renameSync(making, dir);
  } finally {
    rmSync(making, { recursive: true, force: true });
  }
}
