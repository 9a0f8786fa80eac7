import { HttpRequest } from '@azure/functions';
import { AuthThrottle, AUTH_FAILURES_ALLOWED, AUTH_WINDOW_MS, clientAddress, clientOfAddress } from './authThrottle';

/** A throttle on a clock the test moves. */
function throttle(clients?: number) {
  let t = 1_000_000;
  const th = new AuthThrottle(AUTH_FAILURES_ALLOWED, AUTH_WINDOW_MS, () => t, clients);
  return { th, advance: (ms: number) => (t += ms) };
}

const failTimes = (th: AuthThrottle, address: string, n: number) => {
  for (let i = 0; i < n; i++) th.failed(address);
};

describe('failed authentication is throttled per client', () => {
  test(`${AUTH_FAILURES_ALLOWED} failures within the window hold the client; Retry-After counts down to the oldest failure leaving the window`, () => {
    const { th, advance } = throttle();
    failTimes(th, '203.0.113.5', AUTH_FAILURES_ALLOWED - 1);
    expect(th.retryAfter('203.0.113.5')).toBe(0);
    th.failed('203.0.113.5');
    expect(th.retryAfter('203.0.113.5')).toBe(AUTH_WINDOW_MS / 1000);
    advance(AUTH_WINDOW_MS - 15_000);
    expect(th.retryAfter('203.0.113.5')).toBe(15);
    expect(th.retryAfter('203.0.113.6')).toBe(0); // a neighbour is another client
    advance(15_000);
    expect(th.retryAfter('203.0.113.5')).toBe(0);
    expect(th.remembered).toBe(0); // what left the window is forgotten
  });

  test('an IPv6 client is its /64: a new address for each guess does not escape; another network is not held', () => {
    const { th } = throttle();
    for (let i = 0; i < AUTH_FAILURES_ALLOWED; i++) th.failed(`2001:db8:aa:1:${(i + 1).toString(16)}::${i + 7}`);
    expect(th.retryAfter('2001:db8:aa:1:ffff:ffff:ffff:1')).toBeGreaterThan(0);
    expect(th.retryAfter('2001:0db8:00aa:0001::1')).toBeGreaterThan(0);
    expect(th.retryAfter('2001:db8:aa:2::1')).toBe(0);
    expect(th.remembered).toBe(1);
  });

  test.each([
    ['203.0.113.5', '203.0.113.5'],
    ['::ffff:203.0.113.5', '203.0.113.5'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1:2:3:4', 'fe80:0:0:0::/64'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['unknown', 'unknown'],
  ])('%s counts as %s', (address, client) => expect(clientOfAddress(address)).toBe(client));

  test('memory stays bounded under a spray of addresses: the longest-quiet client is forgotten first', () => {
    const { th } = throttle(1_000);
    failTimes(th, '198.51.100.1', 5 * AUTH_FAILURES_ALLOWED);
    for (let i = 0; i < 50_000; i++) th.failed(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    expect(th.remembered).toBe(1_000);
    expect(th.retryAfter('198.51.100.1')).toBe(0); // forgotten: the oldest
    failTimes(th, '198.51.100.2', 5 * AUTH_FAILURES_ALLOWED);
    expect(th.retryAfter('198.51.100.2')).toBeGreaterThan(0);
    expect(th.remembered).toBe(1_000);
  });
});

describe("the caller's address", () => {
  const req = (xff?: string) => new HttpRequest({ method: 'GET', url: 'http://127.0.0.1/api/forms', headers: xff ? { 'x-forwarded-for': xff } : {} });
  test.each([
    ['203.0.113.5:50123', '203.0.113.5'],
    ['198.51.100.7, 203.0.113.5:50123', '203.0.113.5'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
  ])('X-Forwarded-For %s: the last entry (the one the front end appended) → %s', (xff, address) => expect(clientAddress(req(xff))).toBe(address));
  test('none: unknown', () => expect(clientAddress(req())).toBe('unknown'));
});
