import { sendInOrder } from './sendInOrder';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sendInOrder', () => {
  test('up to the limit at once; results handed on in the order of the items, whatever order they finish in', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await sendInOrder([30, 5, 20, 1, 10, 2], {
      limit: 3,
      keys: (n) => [`k${n}`],
      send: async (n) => {
        most = Math.max(most, ++inFlight);
        await tick(n);
        inFlight--;
        return n * 10;
      },
      done: (n, r) => done.push(r),
    });
    expect(most).toBe(3);
    expect(done).toEqual([300, 50, 200, 10, 100, 20]);
  });

  test('two items sharing a key are never sent at once, and go in the order given', async () => {
    const log: string[] = [];
    await sendInOrder(['a1', 'b', 'a2'], {
      limit: 3,
      keys: (s) => [s[0]],
      send: async (s) => {
        log.push(`start ${s}`);
        await tick(s === 'a1' ? 30 : 1);
        log.push(`end ${s}`);
        return s;
      },
      done: () => undefined,
    });
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
    expect(log.indexOf('start b')).toBeLessThan(log.indexOf('end a1'));
  });
});
