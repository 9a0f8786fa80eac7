import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { startAzurite } from '@returns-hub/functions/dev/startAzurite';
import { startLocalHost } from '@returns-hub/functions/dev/localHost';
import { makeDeps } from '@returns-hub/functions/deps';
import { DEFAULT_ADDIN_PORT, devApiKeys, loadConfig } from '@returns-hub/functions/config';
import { routes } from '@returns-hub/functions/routes';
import { repair, REPAIR_EVERY_MS, REPAIR_GRACE_MS } from '@returns-hub/functions/services/repair';
import { buildAddinUnlessBuilt } from './buildAddin';
import { DEV_MANIFEST_NAME, MANIFEST_SOURCE, devManifest } from './manifest';
import { serveAddin } from './serveAddin';
import { startBanner, type StartedProduct } from './startBanner';

/**
 * `npm start`: the product in development mode (RETURNS_ENV=development, set here
 * explicitly: development keys exist only then), on Azurite (data under .azurite/,
 * git-ignored; AZURITE_LOCATION moves it). Against a real account (RETURNS_STORAGE or
 * RETURNS_STORAGE_ACCOUNT_URL) it refuses to start, in English and Thai, unless
 * RETURNS_ENV=production is set (then no development keys, no start-up repair); the Functions API on the local host
 * (PORT or 7071); the task pane built and served on ADDIN_PORT or 3000, with a development
 * manifest for that port (`-- --api-only`: not); Azurite's table service on AZURITE_TABLE_PORT or 10002.
 *
 * Azurite saves to disk every few seconds and on a clean stop, so every way this process
 * ends (Ctrl-C, SIGTERM, SIGHUP, to it or to npm, an error at start-up, an uncaught error)
 * stops it cleanly, and the API and the pane server with it.
 */
const stops: (() => Promise<void>)[] = [];
let stopping: Promise<void> | null = null;

function stopAll(code: number): Promise<void> {
  stopping ??= (async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(code);
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0));

/** The parent of a process: /proc where there is one (Linux), else `ps` (macOS); null when it cannot be told. */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    try {
      return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim()) || null;
    } catch {
      return null;
    }
  }
}

const isGone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as { code?: string }).code === 'ESRCH';
  }
};

/**
 * `npm start` runs this under a shell (`sh -c`, `cmd /c`) under npm. npm forwards SIGTERM and
 * SIGINT to that shell, which dies without passing them on, and SIGHUP it does not forward at
 * all (npm dies, the shell lives on). So whatever ends npm or the shell, this process stops
 * what it started: both are watched (npm only when npm started it), and once either is gone
 * (or this process was re-parented) everything stops as on a signal.
 */
const PARENT = process.ppid;
const watched = [PARENT, ...(process.env.npm_lifecycle_event ? [parentOf(PARENT)] : [])].filter((p): p is number => p !== null && p > 1);
setInterval(() => (process.ppid !== PARENT || watched.some(isGone)) && void stopAll(0), 250).unref();
process.on('uncaughtException', (e) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
  void stopAll(1);
});
process.on('unhandledRejection', (e) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
  void stopAll(1);
});

async function main() {
  const env: Record<string, string | undefined> = { ...process.env, RETURNS_ENV: process.env.RETURNS_ENV ?? 'development' };
  const apiOnly = process.argv.includes('--api-only');
  // The pane and the clerks' web page call the API from their own origin: the configuration's
  // development CORS origins follow ADDIN_PORT (functions/src/config.ts).
  const addinPort = Number(env.ADDIN_PORT ?? DEFAULT_ADDIN_PORT);
  if (!env.RETURNS_STORAGE && !env.RETURNS_STORAGE_ACCOUNT_URL) {
    const location = resolve(env.AZURITE_LOCATION ?? resolve(__dirname, '../.azurite'));
    const azurite = await startAzurite({ port: Number(env.AZURITE_TABLE_PORT ?? 10002), location });
    stops.push(azurite.stop);
    env.RETURNS_STORAGE = azurite.connectionString;
    console.log(`Azurite table service on 127.0.0.1:${azurite.port} (data in ${location}; a local emulator: docs/storage.md says what it does not promise)`);
  }
  // Refused before storage is touched: development (its published keys, the start-up repair) against a real account, a bad setting.
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(`the configuration is refused: ${loaded.errors.join('; ')}`);
  const config = loaded.config;
  const deps = makeDeps(config);
  // The Functions' timer, here: the repair at start and every few minutes (only on the local emulator; in Azure the timer runs it).
  const runRepair = async () => {
    try {
      const r = await repair(await deps.store(), await deps.reviews(), await deps.definitions(), { graceMs: REPAIR_GRACE_MS });
      const failed = r.writes.failed.length + r.intents.failed.length;
      if (r.writes.removed || r.intents.completed || r.intents.forgotten || failed)
        console.log(`Repair: removed ${r.writes.removed} uncommitted write(s); completed ${r.intents.completed} tally update(s), forgot ${r.intents.forgotten}; ${failed} failed.`);
    } catch (e) {
      console.error(`Repair failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  if (config.env === 'development') {
    const timer = setInterval(() => void runRepair(), REPAIR_EVERY_MS);
    timer.unref();
    stops.push(async () => clearInterval(timer));
  }
  const host = await startLocalHost(routes(deps), { port: Number(env.PORT ?? 7071), maxBodyBytes: config.maxBodyBytes });
  stops.push(host.close);
  await deps.store(); // open storage now: tables created
  if (config.env === 'development') void runRepair();
  const started: StartedProduct = { apiOrigin: host.url };
  console.log(
    `returns-hub API on ${host.url}/api` +
      (config.env === 'development'
        ? `  (try ${host.url}/api/forms with header "Authorization: Bearer dev-hq"; the CLI takes --api ${host.url}/api or ${host.url})`
        : ` (production: no development keys, no start-up repair; the CLI takes --api ${host.url}/api)`),
  );
  if (!apiOnly) {
    // A development build whose Settings start from this API's address (an unchanged build is reused: only its pages' settings are written).
    const built = await buildAddinUnlessBuilt({ env: { ...env, DEV_API_URL: `http://127.0.0.1:${env.PORT ?? 7071}` } });
    (await import('esbuild')).stop(); // its service process is not needed once the pane is built
    const pane = await serveAddin(addinPort);
    stops.push(pane.close);
    started.paneUrl = `${pane.url}/taskpane.html`;
    started.pageUrl = `${pane.url}/send/`;
    // The manifest Excel sideloads names where the pane is: manifest.xml with this start's ports (also served beside the pane).
    const manifest = join(built.outDir, DEV_MANIFEST_NAME);
    writeFileSync(manifest, devManifest(readFileSync(MANIFEST_SOURCE, 'utf8'), addinPort, Number(new URL(host.url).port)));
    started.manifestPath = relative(resolve(__dirname, '..'), manifest);
    console.log(`Task pane on ${pane.url}/taskpane.html (${Math.round(built.gzipBytes / 1024)} KB gzipped)`);
    console.log(`Clerks' web page on ${pane.url}/send/ (any browser: choose a file, check it, send it; Settings takes a development key)`);
    if (pane.note) console.log(pane.note);
  }
  if (config.env === 'development' && !env.RETURNS_API_KEYS) started.devKeys = devApiKeys();
  console.log(startBanner(started).join('\n'));
  console.log('returns-hub ready');
}

main().catch((e) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
  void stopAll(1);
});
