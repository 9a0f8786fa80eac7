import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { ADDIN_DIST } from './buildAddin';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.json': 'application/json',
  '.xml': 'application/xml',
};
/** Where office-addin-dev-certs keeps its certificate (`npx office-addin-dev-certs install`). */
const CERT_DIR = join(homedir(), '.office-addin-dev-certs');

function serveFile(root: string, req: IncomingMessage, res: ServerResponse) {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  // A folder is its index.html (the clerk's page is /send/), reached with its slash, as Static Web Apps does.
  const dir = resolve(root, '.' + path);
  if (path !== '/' && !path.endsWith('/') && existsSync(join(dir, 'index.html'))) {
    res.writeHead(301, { Location: `${path}/` });
    return res.end();
  }
  const file = path === '/' ? resolve(root, 'taskpane.html') : path.endsWith('/') ? join(dir, 'index.html') : dir;
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('not found');
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
  res.end(readFileSync(file));
}

/** Serves the built pane: HTTPS with the dev certificate when there is one, else HTTP on localhost (sideloading into Excel needs HTTPS). */
export async function serveAddin(port: number, root = ADDIN_DIST): Promise<{ url: string; close: () => Promise<void>; note?: string }> {
  const crt = join(CERT_DIR, 'localhost.crt');
  const key = join(CERT_DIR, 'localhost.key');
  const secure = existsSync(crt) && existsSync(key);
  const handler = (req: IncomingMessage, res: ServerResponse) => serveFile(root, req, res);
  const server = secure ? createHttps({ cert: readFileSync(crt), key: readFileSync(key) }, handler) : createHttp(handler);
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const { port: bound } = server.address() as { port: number };
  return {
    url: `${secure ? 'https' : 'http'}://localhost:${bound}`,
    close: () => new Promise((r) => server.close(() => r())),
    note: secure
      ? undefined
      : `No trusted development certificate in ${CERT_DIR} (run "npx office-addin-dev-certs install" where it works): serving the pane over HTTP. Excel needs HTTPS to sideload manifest.xml; the pane still opens in a browser.`,
  };
}
