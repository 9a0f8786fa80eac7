/** How a request failed: an answer with a status (and the server's Retry-After, if any), or no answer at all. */
export type RequestFailure = { kind: 'status'; status: number; retryAfter: string | null } | { kind: 'network'; code?: string };

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The first wait without a Retry-After; each later one may be twice as long. */
  baseMs: number;
  /** No wait is longer: a longer Retry-After gives up at once, so the caller hears why now. */
  maxDelayMs: number;
  /** [0, 1): the jitter, injected so tests can pin it. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 300, maxDelayMs: 30_000, random: Math.random };

/** Statuses that say "not now": too many requests, and a gateway or the service briefly down. */
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/**
 * Failures no retry mends soon: nobody listens at the address, the name does not resolve, no
 * route, or a certificate that is not trusted. Retrying them only delays the message.
 */
function isHopeless(code: string | undefined): boolean {
  if (!code) return false;
  return ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code) || code.startsWith('ERR_TLS') || /CERT/.test(code);
}

/** Milliseconds a Retry-After header asks for (delay-seconds or an HTTP date), or null when it says nothing readable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * How long to wait before attempt `attempt + 1` after `failure`, or null to give up: after the
 * last attempt, for a status that is an answer (4xx but 429, 500), for a connection no retry
 * mends, and when the server's Retry-After is longer than the policy waits. The server's
 * Retry-After is honoured; otherwise the wait grows exponentially with jitter (half fixed, half
 * random), so clients that failed together do not come back together.
 */
export function retryDelay(p: RetryPolicy, attempt: number, failure: RequestFailure, now: number = Date.now()): number | null {
  if (attempt >= p.attempts) return null;
  if (failure.kind === 'network') {
    if (isHopeless(failure.code)) return null;
  } else {
    if (!RETRYABLE_STATUS.has(failure.status)) return null;
    const asked = retryAfterMs(failure.retryAfter, now);
    if (asked !== null) return asked > p.maxDelayMs ? null : asked + Math.floor(p.random() * p.baseMs);
  }
  const ceiling = Math.min(p.maxDelayMs, p.baseMs * 2 ** (attempt - 1));
  return Math.floor(ceiling / 2 + p.random() * (ceiling / 2));
}
