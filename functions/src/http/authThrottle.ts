import type { HttpRequest } from '@azure/functions';

/** Failed authentications allowed from one address within the window; past that, every attempt from it waits. */
export const AUTH_FAILURES_ALLOWED = 20;
export const AUTH_WINDOW_MS = 60_000;
/** Addresses remembered at most (the oldest forgotten first): memory stays bounded under a spray of addresses. */
const ADDRESSES = 10_000;

/**
 * The caller's address: the last entry of X-Forwarded-For, which the platform's front end (App
 * Service, or the local host) appends, so a client cannot choose it by sending the header itself.
 */
export function clientAddress(req: HttpRequest): string {
  const forwarded = (req.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const last = forwarded[forwarded.length - 1];
  if (!last) return 'unknown';
  // App Service writes `ip:port`; an IPv6 address is bracketed when it has a port.
  const bracketed = /^\[([^\]]+)\]/.exec(last);
  if (bracketed) return bracketed[1];
  return /^[\d.]+:\d+$/.test(last) ? last.slice(0, last.lastIndexOf(':')) : last;
}

/**
 * Throttles failed authentication per address, in one process: a key or token guessed again
 * and again is refused (429 with Retry-After) without being checked, until the window has passed.
 */
export class AuthThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly allowed = AUTH_FAILURES_ALLOWED,
    private readonly windowMs = AUTH_WINDOW_MS,
    private readonly now = () => Date.now(),
  ) {}

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(address, kept);
    else this.failures.delete(address);
    return kept;
  }

  /** Seconds this address must wait before trying again (0: it may try now). */
  retryAfter(address: string): number {
    const recent = this.recent(address);
    if (recent.length < this.allowed) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.allowed] + this.windowMs - this.now()) / 1000));
  }

  failed(address: string): void {
    const recent = this.recent(address);
    this.failures.delete(address); // re-inserted last: the map's order is the order of last failure
    this.failures.set(address, [...recent.slice(-this.allowed), this.now()]);
    if (this.failures.size > ADDRESSES) this.failures.delete(this.failures.keys().next().value!);
  }
}
