import { deadline, deadlineFor, SLOWEST_BYTES_PER_SECOND } from './deadline';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a storage call deadline', () => {
  test('aborts after the time without progress', async () => {
    const d = deadline(50);
    await sleep(80);
    expect(d.signal.aborted).toBe(true);
  });

  test('progress restarts the clock; done stops it', async () => {
    const d = deadline(60);
    for (let i = 0; i < 4; i++) {
      await sleep(30);
      d.progress();
    }
    expect(d.signal.aborted).toBe(false);
    d.done();
    await sleep(80);
    expect(d.signal.aborted).toBe(false);
  });
});

describe('deadlines sized to the work', () => {
  test('a point read gets the base; a large transaction gets time for its bytes', () => {
    expect(deadlineFor(2000)).toBe(2000);
    expect(deadlineFor(2000, 3 * SLOWEST_BYTES_PER_SECOND)).toBe(5000);
  });
});
