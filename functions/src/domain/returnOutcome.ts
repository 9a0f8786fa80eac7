/**
 * What became of one return of a request that could not commit whole: `stored` (with its
 * version), `not_stored`, or `unknown` (storage stopped answering while it was being switched).
 * A retry with the same Idempotency-Key completes the request either way.
 */
export interface ReturnOutcome {
  formId: string;
  fiscalYear: number;
  period: string;
  orgUnit: string;
  subject: string | null;
  state: 'stored' | 'not_stored' | 'unknown';
  version?: number;
}
