import { domainError, DOMAIN_ERROR_KINDS, type DomainErrorCode } from '../domain/domainError';
import { problem, problemBody, problemOf, problemResponse } from './problem';
import { HTTP_PROBLEM_STATUS, type HttpProblemCode } from './httpProblemCodes';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { ROUTE_TEXTS, type RouteKind } from '../domain/routeTexts';
import { AuthThrottle } from './authThrottle';
import { routes } from '../routes';
import { azuriteConnection, configFromEnv } from '../config';
import { StorageUnavailable } from '../store/storageUnavailable';
import { makeDeps } from '../deps';
import { MemoryStorage } from '../store/memoryStore';

describe('domain errors become problem details only here', () => {
  test.each([
    ['auth.other_unit', 403],
    ['return.not_found', 404],
    ['return.conflict', 409],
    ['return.has_errors', 422],
    ['idempotency.key_reused', 422],
    ['query.bad_period', 400],
    ['storage.unavailable', 503],
  ] as [DomainErrorCode, number][])('%s → %i', (code, status) => {
    expect(problemOf(domainError(code, { en: 'e', th: 'ท' })).status).toBe(status);
  });

  test("the API answers these codes, and no other: the services' and the HTTP layer's", () => {
    // Listed here so that a new code is a visible change to this test (and gets its Thai below).
    expect([...Object.keys(DOMAIN_ERROR_KINDS), ...Object.keys(HTTP_PROBLEM_STATUS)].sort()).toEqual([
      'auth.hq_only',
      'auth.invalid_key',
      'auth.invalid_token',
      'auth.missing',
      'auth.no_role',
      'auth.other_unit',
      'auth.throttled',
      'body.bad_encoding',
      'body.invalid',
      'body.lone_surrogate',
      'body.malformed_json',
      'body.too_large',
      'definition.changed',
      'definition.etag_required',
      'definition.id_mismatch',
      'definition.invalid',
      'definition.not_found',
      'export.not_found',
      'form.not_found',
      'idempotency.bad_key',
      'idempotency.key_reused',
      'internal',
      'lock.accepted',
      'lock.period_closed',
      'lock.zone_accepted',
      'method.not_allowed',
      'odata.bad_query',
      'odata.not_found',
      'odata.too_broad',
      'org_unit.not_found',
      'path.bad_encoding',
      'path.invalid',
      'query.bad_grouping',
      'query.bad_period',
      'query.invalid',
      'return.conflict',
      'return.duplicate',
      'return.has_errors',
      'return.not_found',
      'return.partly_stored',
      'return.too_large',
      'return.version_not_found',
      'review.already_accepted',
      'review.conflict',
      'review.forbidden',
      'review.not_found',
      'review.not_pending',
      'review.version_changed',
      'route.not_found',
      'storage.unavailable',
      'submit.reviewer_only',
      'tally.rebuild_conflict',
    ]);
  });

  test('every code of the HTTP layer has its status, an English and a Thai title, and carries Thai and English detail', () => {
    for (const code of Object.keys(HTTP_PROBLEM_STATUS) as HttpProblemCode[]) {
      const body = problemBody(problem(code, { en: 'english', th: 'ไทย' }));
      expect([code, body.status]).toEqual([code, HTTP_PROBLEM_STATUS[code]]);
      expect(body.title).toMatch(/[A-Za-z]/);
      expect([code, body.title_th]).toEqual([code, expect.stringMatching(/^[\u0E00-\u0E7F ]+$/)]);
      expect([body.detail, body.detail_th, body.code]).toEqual(['english', 'ไทย', code]);
    }
  });

  test('every code has a status with an English and a Thai title', () => {
    for (const code of Object.keys(DOMAIN_ERROR_KINDS) as DomainErrorCode[]) {
      const body = problemBody(problemOf(domainError(code, { en: 'english', th: 'ไทย' })));
      expect(body.title).toMatch(/[A-Za-z]/);
      expect(body.title_th).toMatch(/[\u0E00-\u0E7F]/);
      expect([body.detail, body.detail_th, body.code]).toEqual(['english', 'ไทย', code]);
    }
  });

  test('storage unavailable tells the client when to retry', () => {
    const res = problemResponse(problemOf(domainError('storage.unavailable', { en: 'e', th: 'ท' })));
    expect((res.headers as Record<string, string>)['Retry-After']).toMatch(/^\d+$/);
    expect((res.headers as Record<string, string>)['Content-Type']).toBe('application/problem+json');
  });
});

describe('refusals say what is true of their route (the words are in ROUTE_TEXTS)', () => {
  const words = (kind: RouteKind) => Object.values(ROUTE_TEXTS[kind]).flatMap((t) => [t.en, t.th]);

  test('every text is in English and in Thai', () => {
    for (const kind of Object.keys(ROUTE_TEXTS) as RouteKind[])
      for (const t of Object.values(ROUTE_TEXTS[kind])) {
        expect([kind, t.en]).toEqual([kind, expect.stringMatching(/^[\x20-\x7e]+$/)]);
        expect([kind, t.th.replace(/Idempotency-Key/g, '')]).toEqual([kind, expect.stringMatching(/^[\u0E00-\u0E7F ()]+$/)]);
      }
  });

  test('a read only says to try again: no Idempotency-Key, nothing "changed" or "stored" (it changes nothing)', () => {
    for (const w of words('read')) expect(w).not.toMatch(/Idempotency-Key|nothing|changed|stored|บันทึก|เปลี่ยน/i);
  });

  test('a rebuild has no Idempotency-Key to resend with: it says it is safe to run again', () => {
    for (const w of words('rebuild')) expect(w).not.toMatch(/Idempotency-Key/);
    expect(ROUTE_TEXTS.rebuild.unavailable.en).toMatch(/safe to repeat/);
  });

  test('a submission is resent with its Idempotency-Key; a decision may not have been recorded', () => {
    for (const t of Object.values(ROUTE_TEXTS.submit)) expect([t.en, t.th]).toEqual([expect.stringContaining('same Idempotency-Key'), expect.stringContaining('Idempotency-Key เดิม')]);
    for (const t of Object.values(ROUTE_TEXTS.decision)) expect(t.en).toMatch(/may not have been recorded/);
  });

  test('a publish may not have made its version: read the definition again; no Idempotency-Key (its ETag guards it)', () => {
    for (const w of words('publish')) expect(w).not.toMatch(/Idempotency-Key/);
    for (const t of Object.values(ROUTE_TEXTS.publish))
      expect([t.en, t.th]).toEqual([expect.stringMatching(/may not have been published.*Read the definition again/), expect.stringContaining('อาจยังไม่ถูกเผยแพร่')]);
  });

  /** What each route that changes something is, for its refusals; every GET is a read. A new POST route must be named here. */
  const CHANGES: Record<string, Exclude<RouteKind, 'read'>> = {
    submitReturns: 'submit',
    rebuildTallies: 'rebuild',
    acceptReturn: 'decision',
    sendBackReturn: 'decision',
    reopenReturn: 'decision',
    bulkAccept: 'decision',
    grantException: 'decision',
    publishDefinition: 'publish',
  };

  test.each([
    ['does not answer', () => new StorageUnavailable('frozen'), 503, 'unavailable'],
    ['fails unexpectedly', () => new Error('injected'), 500, 'internal'],
  ] as const)('storage %s: every route answers its own kind of words', async (_how, failure, status, which) => {
    const deps = {
      ...makeDeps(configFromEnv({ RETURNS_ENV: 'development', RETURNS_STORAGE: azuriteConnection() }), { memory: new MemoryStorage() }),
      authThrottle: new AuthThrottle(),
      store: () => Promise.reject(failure()),
      reviews: () => Promise.reject(failure()),
    };
    const posts: string[] = [];
    for (const r of routes(deps))
      for (const method of r.methods.filter((m) => m !== 'OPTIONS')) {
        if (method === 'POST') posts.push(r.name);
        const kind: RouteKind = method === 'GET' ? 'read' : CHANGES[r.name];
        const path = r.route.replace(/\{(\w+)\}/g, (_m, n: string) => ({ form: 'bma-community-plan-return', fy: '2563', period: 'FY', orgUnit: '1045', kind: 'returns' })[n] ?? n);
        const req = new HttpRequest({
          method,
          url: `http://127.0.0.1/api/${path}`,
          params: { form: 'bma-community-plan-return', fy: '2563', period: 'FY', orgUnit: '1045', kind: 'returns' },
          headers: { authorization: 'Bearer dev-hq', 'content-type': 'application/json', 'idempotency-key': 'route-texts-0001' },
          body: method === 'POST' ? { string: '{}' } : undefined,
        });
        const res = await r.handler(req, new InvocationContext({ logHandler: () => undefined }));
        const body = JSON.parse(String(res.body)) as { detail: string; detail_th: string };
        expect([r.name, method, res.status, body.detail, body.detail_th]).toEqual([r.name, method, status, ROUTE_TEXTS[kind][which].en, ROUTE_TEXTS[kind][which].th]);
      }
    expect(posts.sort()).toEqual(Object.keys(CHANGES).sort());
  });
});
