import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import type { Route } from '../routes';
import { problem, problemResponse } from '../http/problem';
import { tooLarge } from '../http/tooLarge';

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

/** Route parameters, percent-decoded; null when an encoding is malformed (`%E0%A4%A`, `%zz`). */
function decodeParams(names: string[], m: RegExpExecArray): Record<string, string> | null {
  const params: Record<string, string> = {};
  try {
    names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
  } catch {
    return null;
  }
  return params;
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

/** Reads a body; past the limit it answers null and keeps nothing more (the rest is drained by `refuseTooLarge`). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const take = (c: Buffer) => {
      size += c.length;
      if (size <= max) return void chunks.push(c);
      req.off('data', take);
      resolve(null);
    };
    req.on('data', take);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** What is read and dropped of an over-limit body after its 413, at most: then the connection is cut. */
const DRAIN_BYTES = 64 * 1024 * 1024;
const DRAIN_MS = 10_000;

/**
 * 413, delivered whole before the connection closes. Node's server closes a connection as soon as
 * the answer to an unfinished request ends, and a client still sending then meets a reset (its
 * HTTP client drops the answer with the write error). So the answer's head and body are written
 * now (with its length: the client can read it while it sends), and it is ended, closing the
 * connection, only once the rest of the body has been read and dropped, bounded in bytes and time.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, maxBodyBytes: number): void {
  const out = problemResponse(tooLarge(maxBodyBytes));
  const body = Buffer.from(String(out.body));
  res.writeHead(413, { ...(out.headers as Record<string, string>), 'Content-Length': String(body.length), Connection: 'close' });
  res.write(body);
  const close = () => {
    clearTimeout(cut);
    if (!res.writableEnded) res.end();
  };
  const cut = setTimeout(() => (close(), req.destroy()), DRAIN_MS);
  cut.unref();
  let drained = 0;
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained <= DRAIN_BYTES) return;
    close();
    req.destroy();
  });
  req.on('end', close);
  req.on('close', close);
  if (req.complete) close();
  req.resume();
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
      if (matches.length === 0) return send(res, problemResponse(problem('route.not_found', { en: `No API route ${url.pathname}.`, th: `ไม่มีเส้นทาง ${url.pathname} ในระบบ` })));
      const hit = matches.find((x) => x.c.route.methods.includes(req.method as Route['methods'][number]));
      if (!hit) return send(res, problemResponse(problem('method.not_allowed', { en: `${req.method} is not allowed on ${url.pathname}.`, th: `เรียก ${url.pathname} ด้วย ${req.method} ไม่ได้` })));
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > opts.maxBodyBytes) return refuseTooLarge(req, res, opts.maxBodyBytes);
      const params = decodeParams(hit.c.names, hit.m!);
      if (!params) return send(res, problemResponse(problem('path.bad_encoding', { en: 'The path holds a malformed percent-encoding.', th: 'ที่อยู่ (path) มีการเข้ารหัสแบบเปอร์เซ็นต์ที่ไม่ถูกต้อง' })));
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const body = hasBody ? await readBody(req, opts.maxBodyBytes) : Buffer.alloc(0);
      if (body === null) return refuseTooLarge(req, res, opts.maxBodyBytes);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      // As the platform's front end does: the caller's address appended, so a client cannot choose the last one.
      headers['x-forwarded-for'] = [headers['x-forwarded-for'], req.socket.remoteAddress ?? 'unknown'].filter(Boolean).join(', ');
      const request = new HttpRequest({ method: req.method, url: url.toString(), headers, params, body: hasBody && body.length ? { bytes: body } : undefined });
      const context = new InvocationContext({ functionName: hit.c.route.name, invocationId: randomUUID() });
      send(res, await hit.c.route.handler(request, context));
    } catch {
      send(res, problemResponse(problem('internal', { en: 'The local host failed to handle the request.', th: 'เครื่องบริการภายในขัดข้อง' })));
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
