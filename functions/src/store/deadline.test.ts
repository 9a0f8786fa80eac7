import { deadline } from './deadline';

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
