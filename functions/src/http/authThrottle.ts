import type { HttpRequest } from '@azure/functions';
import { isIPv4, isIPv6 } from 'node:net';

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
 * The client an address stands for: an IPv4 address (an IPv4-mapped IPv6 one as IPv4), or an
 * IPv6 address's /64 network, which one subscriber holds whole (it could otherwise take a new
 * address for every guess).
 */
export function clientOfAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Throttles failed authentication per client (an address, or an IPv6 /64), in one process: a key
 * or token guessed again and again is refused (429 with Retry-After) without being checked, until
 * the window has passed. Memory stays bounded: at most `clients` are remembered (the one that
 * failed longest ago forgotten first), each with at most `allowed` failure times.
 */
export class AuthThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly allowed = AUTH_FAILURES_ALLOWED,
    private readonly windowMs = AUTH_WINDOW_MS,
    private readonly now = () => Date.now(),
    private readonly clients = ADDRESSES,
  ) {}

  /** Clients remembered now (bounded by `clients`). */
  get remembered(): number {
    return this.failures.size;
  }

  private recent(client: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(client) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(client, kept);
    else this.failures.delete(client);
    return kept;
  }

  /** Seconds a caller from this address must wait before trying again (0: it may try now). */
  retryAfter(address: string): number {
    const recent = this.recent(clientOfAddress(address));
    if (recent.length < this.allowed) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.allowed] + this.windowMs - this.now()) / 1000));
  }

  failed(address: string): void {
    const client = clientOfAddress(address);
    const recent = this.recent(client);
    this.failures.delete(client); // re-inserted last: the map's order is the order of last failure
    this.failures.set(client, [...recent.slice(Math.max(0, recent.length - this.allowed + 1)), this.now()]);
    while (this.failures.size > this.clients) this.failures.delete(this.failures.keys().next().value!);
  }
}
