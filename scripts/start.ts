import { resolve } from 'node:path';
import { startAzurite } from '@returns-hub/functions/dev/startAzurite';
import { startLocalHost } from '@returns-hub/functions/dev/localHost';
import { makeDeps } from '@returns-hub/functions/deps';
import { loadConfig } from '@returns-hub/functions/config';
import { routes } from '@returns-hub/functions/routes';
import { repair, REPAIR_EVERY_MS, REPAIR_GRACE_MS } from '@returns-hub/functions/services/repair';
import { buildAddin } from './buildAddin';
import { serveAddin } from './serveAddin';

/**
 * `npm start`: the product in development mode (RETURNS_ENV=development, set here
 * explicitly: development keys exist only then), on Azurite (data under .azurite/,
 * git-ignored; AZURITE_LOCATION moves it). Against a real account (RETURNS_STORAGE or
 * RETURNS_STORAGE_ACCOUNT_URL) it refuses to start, in English and Thai, unless
 * RETURNS_ENV=production is set (then no development keys, no start-up repair); the Functions API on the local host
 * (PORT or 7071); the task pane built and served on ADDIN_PORT or 3000 (`-- --api-only`: not).
 *
 * Azurite saves to disk every few seconds and on a clean stop, so every way this process
 * ends (Ctrl-C, SIGTERM, SIGHUP, an error at start-up, an uncaught error) stops it cleanly.
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
  if (!env.RETURNS_STORAGE && !env.RETURNS_STORAGE_ACCOUNT_URL) {
    const location = resolve(env.AZURITE_LOCATION ?? resolve(__dirname, '../.azurite'));
    const azurite = await startAzurite({ port: Number(env.AZURITE_TABLE_PORT ?? 10002), location });
    stops.push(azurite.stop);
    env.RETURNS_STORAGE = azurite.connectionString;
    console.log(`Azurite table service on 127.0.0.1:${azurite.port} (data in ${location}; a local emulator: see "Storage" in the README for what it does not promise)`);
  }
  // Refused before storage is touched: development (its published keys, the start-up repair) against a real account, a bad setting.
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(`the configuration is refused: ${loaded.errors.join('; ')}`);
  const config = loaded.config;
  const deps = makeDeps(config);
  // The Functions' timer, here: the repair at start and every few minutes (only on the local emulator; in Azure the timer runs it).
  const runRepair = async () => {
    try {
      const r = await repair(await deps.store(), await deps.reviews(), { graceMs: REPAIR_GRACE_MS });
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
  console.log(
    `returns-hub API on ${host.url}/api` +
      (config.env === 'development' ? `  (try ${host.url}/api/forms with header "Authorization: Bearer dev-hq")` : ' (production: no development keys, no start-up repair)'),
  );
  if (!apiOnly) {
    const built = await buildAddin();
    const pane = await serveAddin(Number(env.ADDIN_PORT ?? 3000));
    stops.push(pane.close);
    console.log(`Task pane on ${pane.url}/taskpane.html (${Math.round(built.gzipBytes / 1024)} KB gzipped)`);
    if (pane.note) console.log(pane.note);
  }
  if (config.env === 'development' && !env.RETURNS_API_KEYS) console.log('Development API keys: dev-hq (headquarters), dev-unit-<code> per unit, e.g. dev-unit-1045, dev-unit-N');
  console.log('returns-hub ready');
}

main().catch((e) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
  void stopAll(1);
});
