import { domainError, DOMAIN_ERROR_KINDS, type DomainErrorCode } from '../domain/domainError';
import { problemBody, problemOf, problemResponse } from './problem';

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
