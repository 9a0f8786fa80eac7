import { deadline } from './deadline';
import { StorageUnavailable } from './storageUnavailable';

/** Whether a storage failure carries one of these HTTP statuses (404 absent, 409 exists, 412 changed meanwhile …). */
export function isStatus(e: unknown, ...statuses: number[]): boolean {
  const s = typeof e === 'object' && e !== null ? (e as { statusCode?: number }).statusCode : undefined;
  return s !== undefined && statuses.includes(s);
}

/** Failures that mean "storage is not there right now" rather than a defect. */
export function unavailableReason(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const { name, code, statusCode } = e as { name?: string; code?: string; statusCode?: number };
  if (name === 'AbortError') return 'no answer in time';
  if (code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'REQUEST_SEND_ERROR', 'UND_ERR_SOCKET'].includes(code)) return code;
  if (statusCode === 500 || statusCode === 503 || statusCode === 408) return `status ${statusCode}`;
  return null;
}

/** One storage call, bounded: no progress within `timeoutMs` aborts it; "not there" failures become `StorageUnavailable`. */
export async function boundedCall<T>(timeoutMs: number, work: (signal: AbortSignal, progress: () => void) => Promise<T>): Promise<T> {
  const d = deadline(timeoutMs);
  try {
    return await work(d.signal, d.progress);
  } catch (e) {
    const reason = d.signal.aborted ? `no answer within ${timeoutMs} ms` : unavailableReason(e);
    if (reason) throw new StorageUnavailable(reason);
    throw e;
  } finally {
    d.done();
  }
}
