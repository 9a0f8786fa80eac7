import { ApiError } from '@returns-hub/shared/api/client';
import { SignInNeeded } from './login/signInNeeded';

/** A refusal in both languages (the API's English and Thai detail), or why the API could not be reached or signed in to. */
export function explainFailure(e: unknown, api: string): string {
  if (e instanceof ApiError) return `refused — ${e.status} ${e.problem.detail}${e.problem.detail_th ? `\n  ${e.problem.detail_th}` : ''}`;
  if (e instanceof SignInNeeded) return `not signed in — ${e.message}\n  ต้องลงชื่อเข้าใช้อีกครั้ง: สั่ง "returns login --api ${e.api}"`;
  return `could not reach ${api} — ${e instanceof Error ? e.message : String(e)}`;
}
