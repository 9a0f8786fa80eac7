import { resolve } from 'node:path';
import { startAzurite } from '@returns-hub/functions/dev/startAzurite';
import { startLocalHost } from '@returns-hub/functions/dev/localHost';
import { makeDeps } from '@returns-hub/functions/deps';
import { configFromEnv } from '@returns-hub/functions/config';
import { routes } from '@returns-hub/functions/routes';
import { buildAddin } from './buildAddin';
import { serveAddin } from './serveAddin';

/**
 * `npm start`: Azurite (data under .azurite/, git-ignored), the Functions API on the local
 * host (PORT or 7071), and the task pane built and served on ADDIN_PORT or 3000.
 * Set RETURNS_STORAGE to use another storage account instead of Azurite.
 */
async function main() {
  const port = Number(process.env.PORT ?? 7071);
  let storage = process.env.RETURNS_STORAGE;
  const stops: (() => Promise<void>)[] = [];
  if (!storage) {
    const azurite = await startAzurite({ port: Number(process.env.AZURITE_TABLE_PORT ?? 10002), location: resolve(__dirname, '../.azurite') });
    storage = azurite.connectionString;
    stops.push(azurite.stop);
    console.log(`Azurite table service on 127.0.0.1:${azurite.port} (data in .azurite/)`);
  }
  const config = { ...configFromEnv(), storage };
  const deps = makeDeps(config);
  const host = await startLocalHost(routes(deps), { port, maxBodyBytes: config.maxBodyBytes });
  stops.push(host.close);
  console.log(`returns-hub API on ${host.url}/api  (try ${host.url}/api/forms with header "Authorization: Bearer dev-hq")`);
  const built = await buildAddin();
  const pane = await serveAddin(Number(process.env.ADDIN_PORT ?? 3000));
  stops.push(pane.close);
  console.log(`Task pane on ${pane.url}/taskpane.html (${Math.round(built.gzipBytes / 1024)} KB gzipped)`);
  if (pane.note) console.log(pane.note);
  if (!process.env.RETURNS_API_KEYS) console.log('Development API keys: dev-hq (headquarters), dev-unit-<code> per unit, e.g. dev-unit-1045, dev-unit-N');
  const shutdown = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
