import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { mkdirSync } from 'node:fs';

/** A running Azurite table service on loopback. */
export interface Azurite {
  port: number;
  connectionString: string;
  /** The emulator's process id (tests freeze it with SIGSTOP to see what a hung storage does). */
  readonly pid: number;
  stop(): Promise<void>;
  /** Stops and starts it again on the same port and folder (data kept unless in memory). */
  restart(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const sock = connect(port, '127.0.0.1');
      sock.once('connect', () => (sock.destroy(), resolve()));
      sock.once('error', () => {
        sock.destroy();
        if (Date.now() > deadline) reject(new Error(`Azurite did not listen on ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/**
 * Starts the real Azure Storage emulator (npm `azurite`, table service) on 127.0.0.1.
 * `location`: folder for its data; omitted: in memory. Telemetry off: no traffic leaves loopback.
 */
export async function startAzurite(opts: { port?: number; location?: string; quiet?: boolean } = {}): Promise<Azurite> {
  const port = opts.port ?? (await freePort());
  const main = require.resolve('azurite/dist/src/table/main.js');
  const args = [main, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--skipApiVersionCheck', '--disableTelemetry', '--loose'];
  if (opts.location) {
    mkdirSync(opts.location, { recursive: true });
    args.push('--location', opts.location);
  } else args.push('--inMemoryPersistence');
  if (opts.quiet !== false) args.push('--silent');

  let child: ChildProcess;
  const launch = async () => {
    child = spawn(process.execPath, args, { stdio: opts.quiet === false ? 'inherit' : 'ignore', cwd: opts.location ?? process.cwd() });
    await waitForPort(port, 20_000);
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      const proc = child; // this process, not whichever a restart starts later
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve(); // already gone (a signal leaves exitCode null)
      const force = setTimeout(() => proc.kill('SIGKILL'), 5000);
      proc.once('exit', () => (clearTimeout(force), resolve()));
      proc.kill('SIGINT'); // Azurite's clean shutdown: it saves its data on SIGINT
    });
  await launch();
  const connectionString =
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
    'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
    `TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
  return {
    port,
    connectionString,
    get pid() {
      return child.pid ?? -1;
    },
    stop,
    restart: async () => (await stop(), await launch()),
  };
}
