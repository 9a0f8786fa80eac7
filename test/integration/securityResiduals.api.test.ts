import { connect } from 'node:net';
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
    let sent = false;
    const settle = () => {
      const line = got.split('\r\n')[0];
      // The whole problem body read, and everything sent; or an error on the way.
      const answered = sent && /\r\n\r\n[\s\S]*\}(\r\n0\r\n\r\n)?$/.test(got);
      if (!error && !answered) return;
      s.destroy();
      resolve(error ? `${error} (read: ${JSON.stringify(line)})` : line);
    };
    s.on('data', (d) => ((got += d.toString()), settle()));
    s.on('error', (e: NodeJS.ErrnoException) => ((error = e.code ?? e.message), settle()));
    s.on('close', () => ((error ??= 'closed early'), settle()));
    const part = (n: number) => (chunked ? Buffer.concat([Buffer.from(`${n.toString(16)}\r\n`), Buffer.alloc(n, 0x20), Buffer.from('\r\n')]) : Buffer.alloc(n, 0x20));
    s.write(`POST /api/returns HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer dev-hq\r\n${chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${bytes}`}\r\n\r\n`);
    s.write(part(bytes / 2));
    s.pause();
    setTimeout(() => {
      s.write(Buffer.concat([part(bytes / 2), Buffer.from(chunked ? '0\r\n\r\n' : '')]), () => setTimeout(() => ((sent = true), settle()), 50));
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
