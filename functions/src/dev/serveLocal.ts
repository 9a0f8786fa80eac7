import { configFromEnv } from '../config';
import { makeDeps } from '../deps';
import { routes } from '../routes';
import { startLocalHost, type LocalHost } from './localHost';

/**
 * The API on the local host with configuration from the environment: what `func start` runs,
 * without Core Tools. `node dist/dev/serveLocal.js` (PORT, default 7071; 0 picks a free port)
 * prints one line, `listening <url>`, once it accepts requests.
 */
export async function serveLocal(port: number): Promise<LocalHost> {
  const config = configFromEnv();
  return startLocalHost(routes(makeDeps(config)), { port, maxBodyBytes: config.maxBodyBytes });
}

if (require.main === module) {
  serveLocal(Number(process.env.PORT ?? 7071)).then(
    (host) => {
      console.log(`listening ${host.url}`);
      const stop = () => host.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e) => {
      console.error(`The API could not start: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
