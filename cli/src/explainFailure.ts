import { ApiError } from '@returns-hub/shared/api/client';

/** A refusal in both languages (the API's English and Thai detail), or why the API could not be reached. */
export function explainFailure(e: unknown, api: string): string {
  if (e instanceof ApiError) return `refused — ${e.status} ${e.problem.detail}${e.problem.detail_th ? `\n  ${e.problem.detail_th}` : ''}`;
  return `could not reach ${api} — ${e instanceof Error ? e.message : String(e)}`;
}
