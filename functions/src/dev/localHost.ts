import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import type { Route } from '../routes';
import { problem, problemResponse } from '../http/problem';

export interface LocalHost {
  url: string;
  server: Server;
  close(): Promise<void>;
}

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(r: Route): Compiled {
  const names: string[] = [];
  const source = r.route.replace(/\{(\w+)\}/g, (_m, n) => (names.push(n), '([^/]+)'));
  return { route: r, pattern: new RegExp(`^/api/${source}/?$`), names };
}

function send(res: ServerResponse, out: HttpResponseInit): void {
  const headers: Record<string, string> = {};
  const h = out.headers as Record<string, string> | undefined;
  if (h) for (const [k, v] of Object.entries(h)) headers[k] = String(v);
  let body: string | Buffer | undefined;
  if (out.jsonBody !== undefined) {
    body = JSON.stringify(out.jsonBody);
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
  } else if (typeof out.body === 'string' || Buffer.isBuffer(out.body)) body = out.body as string | Buffer;
  res.writeHead(out.status ?? 200, headers);
  res.end(body);
}

/** Reads a body, giving up (413) past the limit without buffering the rest. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        resolve(null);
        req.pause();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Serves the same Azure Functions handlers over plain Node HTTP, for `npm start` and the
 * tests where Azure Functions Core Tools cannot be installed. Routes are `/api/<route>`.
 */
export async function startLocalHost(routes: Route[], opts: { port: number; host?: string; maxBodyBytes: number; extra?: (req: IncomingMessage, res: ServerResponse) => boolean }): Promise<LocalHost> {
  const compiled = routes.map(compile);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      if (opts.extra?.(req, res)) return;
      const matches = compiled.map((c) => ({ c, m: c.pattern.exec(url.pathname) })).filter((x) => x.m);
      if (matches.length === 0) return send(res, problemResponse(problem(404, 'route.not_found', 'Not Found', `No API route ${url.pathname}.`)));
      const hit = matches.find((x) => x.c.route.methods.includes(req.method as Route['methods'][number]));
      if (!hit) return send(res, problemResponse(problem(405, 'method.not_allowed', 'Method Not Allowed', `${req.method} is not allowed on ${url.pathname}.`)));
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > opts.maxBodyBytes) {
        send(res, problemResponse(problem(413, 'body.too_large', 'Content Too Large', `The request body is larger than ${opts.maxBodyBytes} bytes.`)));
        req.destroy();
        return;
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const body = hasBody ? await readBody(req, opts.maxBodyBytes) : Buffer.alloc(0);
      if (body === null) {
        res.setHeader('Connection', 'close');
        send(res, problemResponse(problem(413, 'body.too_large', 'Content Too Large', `The request body is larger than ${opts.maxBodyBytes} bytes.`)));
        req.destroy();
        return;
      }
      const params: Record<string, string> = {};
      hit.c.names.forEach((n, i) => (params[n] = decodeURIComponent(hit.m![i + 1])));
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const request = new HttpRequest({ method: req.method, url: url.toString(), headers, params, body: hasBody && body.length ? { bytes: body } : undefined });
      const context = new InvocationContext({ functionName: hit.c.route.name, invocationId: randomUUID() });
      send(res, await hit.c.route.handler(request, context));
    } catch (e) {
      send(res, problemResponse(problem(500, 'internal', 'Internal Server Error', 'The local host failed to handle the request.')));
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port, opts.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    server,
    close: () => new Promise((resolve) => (server.closeAllConnections?.(), server.close(() => resolve()))),
  };
}
