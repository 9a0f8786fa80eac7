import { connect } from 'node:net';
import { request } from 'node:http';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { routes } from '@returns-hub/functions/routes';
import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { AUTH_FAILURES_ALLOWED } from '@returns-hub/functions/http/authThrottle';
import { testEntra, type TestEntra } from '../support/testEntra';
import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';

/** The HTTP layer's refusals (on the in-memory stores: nothing here is about storage). */
let api: Api;
let entra: TestEntra;
const MAX_BODY = 256 * 1024;
beforeAll(async () => {
  entra = await testEntra();
  api = await startApi({ memory: new MemoryStorage(), config: { entra: entra.config, maxBodyBytes: MAX_BODY } });
}, 60_000);
afterAll(async () => api?.close());

describe('Entra ID tokens', () => {
  test('a token without exp (valid for ever) is refused', async () => {
    const t = await entra.token({ roles: ['Returns.HQ'], oid: 'a' }, { expiresIn: null });
    expect((await raw(api, '/api/forms', { key: t })).status).toBe(401);
  });

  test('a token naming no user (no oid, no sub) is refused: a display name is no identity', async () => {
    const t = await entra.token({ roles: ['Returns.HQ'], preferred_username: 'hq@bma.go.th' }, { subject: null });
    const r = await raw(api, '/api/forms', { key: t });
    expect([r.status, r.body.code]).toEqual([401, 'auth.invalid_token']);
  });

  test('two users with the same display name are two callers: one key does not collide across them', async () => {
    const body = JSON.stringify(await requestFor(sample('community-plan/districts/1045.xlsx')));
    const other = JSON.stringify(await requestFor(sample('community-plan/districts/1046.xlsx')));
    const as = async (oid: string, b: string) =>
      (
        await raw(api, '/api/returns', {
          method: 'POST',
          body: b,
          key: await entra.token({ roles: ['Returns.HQ'], oid, preferred_username: 'same@bma.go.th' }),
          headers: { 'Idempotency-Key': 'shared-key-0001' },
        })
      ).status;
    expect([await as('user-a', body), await as('user-b', other)]).toEqual([201, 201]);
  });
});

describe('failed authentication is throttled per address', () => {
  let own: Api;
  beforeAll(async () => (own = await startApi({ memory: new MemoryStorage() })), 60_000);
  afterAll(async () => own?.close());

  test(`after ${AUTH_FAILURES_ALLOWED} failures within a minute, every attempt from that address waits (429, Retry-After), a valid key too; naming another address does not help; another caller is not held`, async () => {
    for (let i = 0; i < AUTH_FAILURES_ALLOWED; i++) expect((await raw(own, '/api/forms', { key: `guess-${i}` })).status).toBe(401);
    const held = await raw(own, '/api/forms', { key: 'guess-more' });
    expect([held.status, held.body.code, Number(held.headers.get('retry-after')) > 0]).toEqual([429, 'auth.throttled', true]);
    expect(held.body.detail_th).toMatch(/[\u0E00-\u0E7F]/);
    expect((await raw(own, '/api/forms', { key: 'dev-hq' })).status).toBe(429);
    // The host appends the caller's own address: one sent in the header is not the one counted.
    expect((await raw(own, '/api/forms', { key: 'dev-hq', headers: { 'X-Forwarded-For': '198.51.100.7' } })).status).toBe(429);
    // A caller elsewhere (its address appended by the platform's front end) is not held.
    const forms = routes(own.deps).find((r) => r.name === 'forms')!;
    const elsewhere = await forms.handler(
      new HttpRequest({ method: 'GET', url: `${own.url}/api/forms`, headers: { authorization: 'Bearer dev-hq', 'x-forwarded-for': '198.51.100.7:50123' } }),
      new InvocationContext(),
    );
    expect(elsewhere.status).toBe(200);
  });
});

/**
 * A raw POST of an over-limit body sent as a client busy elsewhere sends it: the first part,
 * then (a moment later, without reading meanwhile) the rest. Answers the status line it read
 * once it has sent everything, or the socket error it met on the way (a reset loses the answer).
 */
function postOverLimit(port: number, bytes: number, chunked: boolean): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    let got = '';
    let error: string | null = null;
    let written = false;
    let sent = false;
    let settled = false;
    const whole = () => /\r\n\r\n[\s\S]*\}(\r\n0\r\n\r\n)?$/.test(got);
    const settle = () => {
      if (settled) return;
      const line = got.split('\r\n')[0];
      // The whole problem body read, and everything sent; or an error on the way.
      const answered = sent && whole();
      if (!error && !answered) return;
      settled = true;
      s.destroy();
      resolve(error ? `${error} (read: ${JSON.stringify(line)})` : line);
    };
    s.on('data', (d) => ((got += d.toString()), settle()));
    s.on('error', (e: NodeJS.ErrnoException) => ((error = e.code ?? e.message), settle()));
    // A close once the whole body is written (the server has read it, then closed) is the end of a delivered answer.
    s.on('close', () => (written && whole() ? (sent = true) : (error ??= 'closed early'), settle()));
    const part = (n: number) => (chunked ? Buffer.concat([Buffer.from(`${n.toString(16)}\r\n`), Buffer.alloc(n, 0x20), Buffer.from('\r\n')]) : Buffer.alloc(n, 0x20));
    s.write(`POST /api/returns HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer dev-hq\r\n${chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${bytes}`}\r\n\r\n`);
    s.write(part(bytes / 2));
    s.pause();
    setTimeout(() => {
      s.write(Buffer.concat([part(bytes / 2), Buffer.from(chunked ? '0\r\n\r\n' : '')]), () => ((written = true), setTimeout(() => ((sent = true), settle()), 50)));
      s.resume();
    }, 200);
  });
}

describe('an over-limit body', () => {
  test.each([
    ['declared (Content-Length)', false],
    ['chunked (no length)', true],
  ])(
    '%s: the 413 reaches a client still sending, never a reset',
    async (_n, chunked) => {
      const port = Number(new URL(api.url).port);
      const got = [];
      for (let i = 0; i < 3; i++) got.push(await postOverLimit(port, 8 * MAX_BODY, chunked));
      expect(got).toEqual(Array(3).fill('HTTP/1.1 413 Payload Too Large'));
    },
    60_000,
  );
});

/**
 * Node's own HTTP client (what `http.request` users and proxies speak) sends an over-limit body
 * in two parts a moment apart, and reads the answer: its status and code, or the error that lost it.
 */
function postWithNodeHttp(url: string, bytes: number, chunked: boolean): Promise<string> {
  return new Promise((resolve) => {
    const req = request(`${url}/api/returns`, {
      method: 'POST',
      agent: false,
      headers: { Authorization: 'Bearer dev-hq', 'Content-Type': 'application/json', ...(chunked ? {} : { 'Content-Length': String(bytes) }) },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve(`${res.statusCode} ${(JSON.parse(body) as { code: string }).code}`));
      res.on('error', (e: NodeJS.ErrnoException) => resolve(`response lost: ${e.code ?? e.message}`));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(`request lost: ${e.code ?? e.message}`));
    // Busy sending: nothing is read from the socket until the whole body is written.
    req.write(Buffer.alloc(bytes / 2, 0x20), () => req.socket?.pause());
    setTimeout(() => req.end(Buffer.alloc(bytes / 2, 0x20), () => req.socket?.resume()), 200);
  });
}

/** The fetch the CLI and the pane use (undici in Node): the whole body at once, or streamed in two parts. */
async function postWithFetch(url: string, bytes: number, streamed: boolean): Promise<string> {
  const half = new Uint8Array(bytes / 2).fill(0x20);
  const body = streamed
    ? new ReadableStream<Uint8Array>({
        async start(c) {
          c.enqueue(half);
          await new Promise((r) => setTimeout(r, 200));
          c.enqueue(half);
          c.close();
        },
      })
    : new Uint8Array(bytes).fill(0x20);
  try {
    const res = await fetch(`${url}/api/returns`, {
      method: 'POST',
      headers: { Authorization: 'Bearer dev-hq', 'Content-Type': 'application/json' },
      body,
      ...(streamed ? { duplex: 'half' } : {}),
    } as RequestInit);
    return `${res.status} ${((await res.json()) as { code: string }).code}`;
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return `lost: ${cause?.code ?? cause?.message ?? String(e)}`;
  }
}

describe('an over-limit body, sent by real HTTP clients on loopback to the host the tests and npm start use', () => {
  test.each([
    ['node:http, Content-Length', () => postWithNodeHttp(api.url, 8 * MAX_BODY, false)],
    ['node:http, chunked', () => postWithNodeHttp(api.url, 8 * MAX_BODY, true)],
    ['fetch, the whole body', () => postWithFetch(api.url, 8 * MAX_BODY, false)],
    ['fetch, streamed', () => postWithFetch(api.url, 8 * MAX_BODY, true)],
  ])(
    '%s: the client reads 413 body.too_large',
    async (_n, post) => {
      const got = [];
      for (let i = 0; i < 3; i++) got.push(await post());
      expect(got).toEqual(Array(3).fill('413 body.too_large'));
    },
    60_000,
  );
});
