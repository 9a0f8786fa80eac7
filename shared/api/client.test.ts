import { apiHost, createApiClient, type ApiClient, type FetchLike } from './client';
import { retryAfterMs, retryDelay, DEFAULT_RETRY } from './retryPolicy';

type Answer = { status: number; body?: unknown; text?: string; headers?: Record<string, string> } | { refused: string };

/** A fetch that answers from a script, recording each request; and a wait that records instead of sleeping. */
function scripted(answers: Answer[], random = () => 0.5) {
  const requests: { url: string; method: string; headers: Record<string, string> }[] = [];
  const waits: number[] = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, method: init.method, headers: init.headers });
    const a = answers.shift() ?? { status: 500, body: { detail: 'script ran out' } };
    if ('refused' in a) throw Object.assign(new Error(`connect ${a.refused} 127.0.0.1:9`), { code: a.refused });
    const text = a.text ?? JSON.stringify(a.body ?? {});
    const headers = Object.fromEntries(Object.entries(a.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return { ok: a.status < 300, status: a.status, statusText: 'x', headers: { get: (n) => headers[n.toLowerCase()] ?? null }, text: async () => text };
  };
  const client = createApiClient({ baseUrl: 'http://api.test/api/', key: 'k', fetch, wait: async (ms) => void waits.push(ms), random });
  return { client, requests, waits };
}

const busy = (retryAfter?: string): Answer => ({
  status: 503,
  body: { type: 'about:blank', title: 'busy', status: 503, detail: 'storage busy' },
  headers: retryAfter ? { 'Retry-After': retryAfter } : {},
});
const ok: Answer = { status: 200, body: { role: 'hq', orgUnit: null, name: 'hq-key' } };
const RETURN = { form: 'bma-community-plan-return', fy: 2563, period: 'FY', orgUnit: '1045' };
const view = { status: 200, body: { version: 1, status: 'accepted' } };

describe('the API client retries as a careful person would', () => {
  test("the server's Retry-After is the wait (seconds or a date), plus a little jitter", async () => {
    const s = scripted([busy('2'), busy(new Date(Date.now() + 5_000).toUTCString()), ok]);
    await s.client.me();
    expect(s.requests).toHaveLength(3);
    expect(s.waits[0]).toBe(2000 + 150); // 2 s + random 0.5 × 300 ms
    expect(s.waits[1]).toBeGreaterThan(3_000);
    expect(s.waits[1]).toBeLessThanOrEqual(5_150);
  });

  test('without Retry-After the waits grow, and two clients that failed together do not come back together', async () => {
    const a = scripted([busy(), busy(), busy(), ok], () => 0);
    const b = scripted([busy(), busy(), busy(), ok], () => 0.99);
    await Promise.all([a.client.me(), b.client.me()]);
    expect(a.waits).toEqual([150, 300, 600]); // half of 300, 600, 1,200 ms
    expect(b.waits.map((w, i) => w > a.waits[i] * 1.9)).toEqual([true, true, true]);
  });

  test('a Retry-After longer than the client waits: it gives up at once with the server’s answer', async () => {
    const s = scripted([busy('3600'), ok]);
    await expect(s.client.me()).rejects.toMatchObject({ status: 503 });
    expect(s.requests).toHaveLength(1);
  });

  test.each(['ECONNREFUSED', 'ENOTFOUND', 'DEPTH_ZERO_SELF_SIGNED_CERT'])('%s: one attempt, no wait', async (code) => {
    const s = scripted([{ refused: code }, ok]);
    await expect(s.client.me()).rejects.toMatchObject({ code });
    expect([s.requests.length, s.waits.length]).toEqual([1, 0]);
  });

  test('a connection reset is retried', async () => {
    const s = scripted([{ refused: 'ECONNRESET' }, ok]);
    await expect(s.client.me()).resolves.toMatchObject({ role: 'hq' });
    expect(s.requests).toHaveLength(2);
  });

  test('every review decision carries an idempotency key (fresh per decision, or the one given) and is retried with the same key; a POST without one is never sent again', async () => {
    const acts = [
      (c: ApiClient, key?: string) => c.accept(RETURN, {}, key),
      (c: ApiClient, key?: string) => c.sendBack(RETURN, { reason: 'x', comments: [] }, key),
      (c: ApiClient, key?: string) => c.reopen(RETURN, { reason: 'x' }, key),
      (c: ApiClient, key?: string) => c.bulkAccept({ form: RETURN.form, fy: 2563, period: 'FY', allClean: true }, key),
      (c: ApiClient, key?: string) => c.grantException({ form: RETURN.form, fy: 2563, period: 'FY', orgUnit: '1045', reason: 'x' }, key),
    ];
    const fresh: string[] = [];
    for (const act of acts) {
      const s = scripted([{ refused: 'ECONNRESET' }, busy('1'), view]);
      await act(s.client);
      const keys = s.requests.map((r) => r.headers['Idempotency-Key']);
      expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(keys).toEqual([keys[0], keys[0], keys[0]]);
      fresh.push(keys[0]);
      const given = scripted([{ refused: 'ECONNRESET' }, view]);
      await act(given.client, 'review-key-0001');
      expect(given.requests.map((r) => r.headers['Idempotency-Key'])).toEqual(['review-key-0001', 'review-key-0001']);
    }
    expect(new Set(fresh).size).toBe(acts.length);
    // A submission always carries one: its retry is stored once.
    const submit = scripted([{ refused: 'ECONNRESET' }, { status: 201, body: { receipts: [] } }]);
    await submit.client.submit({ fileName: 'x.xlsx', returns: [] });
    const keys = submit.requests.map((r) => r.headers['Idempotency-Key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys).toEqual([keys[0], keys[0]]);
    // A POST without a key (the rebuild of tallies) is sent once: a lost answer is not retried.
    const bare = scripted([{ refused: 'ECONNRESET' }, { status: 200, body: {} }]);
    await expect(bare.client.rebuildTallies({ form: RETURN.form, fy: 2563 })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(bare.requests.map((r) => [r.method, r.headers['Idempotency-Key']])).toEqual([['POST', undefined]]);
  });

  test('a refusal that is an answer (4xx, 500) is not retried; a gateway page that is not JSON is quoted, not a parse error', async () => {
    const s = scripted([{ status: 409, body: { type: 'about:blank', title: 'locked', status: 409, detail: 'accepted' } }]);
    await expect(s.client.accept(RETURN)).rejects.toMatchObject({ status: 409, problem: { detail: 'accepted' } });
    expect(s.requests).toHaveLength(1);
    const page: Answer = { status: 502, text: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
    const proxy = scripted(Array(DEFAULT_RETRY.attempts).fill(page));
    await expect(proxy.client.me()).rejects.toMatchObject({ status: 502, problem: { detail: '502 Bad Gateway' } });
    expect(proxy.requests).toHaveLength(DEFAULT_RETRY.attempts);
  });

  test('the address may be given with /api (as npm start and azd print it) or without', () => {
    for (const u of ['http://127.0.0.1:7071', 'http://127.0.0.1:7071/', 'http://127.0.0.1:7071/api', 'http://127.0.0.1:7071/api/']) expect(apiHost(u)).toBe('http://127.0.0.1:7071');
    expect(apiHost('https://func-api-x.azurewebsites.net/api')).toBe('https://func-api-x.azurewebsites.net');
    expect(apiHost('http://api')).toBe('http://api'); // a host named api
    expect(apiHost('https://gateway.agency.go.th/returns/api/')).toBe('https://gateway.agency.go.th/returns');
  });
});

describe('retryPolicy', () => {
  test('Retry-After: seconds, an HTTP date, or nothing readable', () => {
    expect(retryAfterMs('7', 0)).toBe(7000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(retryAfterMs('soon', 0)).toBeNull();
    expect(retryAfterMs(null, 0)).toBeNull();
  });

  test('the last attempt, and statuses that are answers, give up', () => {
    expect(retryDelay(DEFAULT_RETRY, DEFAULT_RETRY.attempts, { kind: 'network' })).toBeNull();
    for (const status of [400, 401, 403, 404, 409, 413, 422, 500]) expect(retryDelay(DEFAULT_RETRY, 1, { kind: 'status', status, retryAfter: null })).toBeNull();
    for (const status of [429, 502, 503, 504]) expect(retryDelay(DEFAULT_RETRY, 1, { kind: 'status', status, retryAfter: null })).not.toBeNull();
  });
});
