import { domainError, DOMAIN_ERROR_KINDS, type DomainErrorCode } from '../domain/domainError';
import { problem, problemBody, problemOf, problemResponse } from './problem';
import { HTTP_PROBLEM_STATUS, type HttpProblemCode } from './httpProblemCodes';

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
