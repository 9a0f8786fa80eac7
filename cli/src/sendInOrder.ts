/**
 * Sends items up to `limit` at a time, never two that share a key at once (one return in two
 * files is sent in the order given, so the later file makes the later version), and hands
 * each result to `done` in the order of the items, as soon as it and those before it are in.
 * While one request waits on the server and storage, the next is already on its way.
 * `send` resolves with its outcome, failures included: it does not reject.
 */
export async function sendInOrder<T, R>(items: readonly T[], o: { limit: number; keys: (t: T) => string[]; send: (t: T) => Promise<R>; done: (t: T, r: R) => void }): Promise<void> {
  const results: Promise<R>[] = [];
  const holding = new Map<string, Promise<unknown>>();
  const running = new Set<Promise<unknown>>();
  let reported = 0;
  const report = async () => {
    for (; reported < results.length; reported++) o.done(items[reported], await results[reported]);
  };
  let reporting = Promise.resolve();
  for (const item of items) {
    const keys = o.keys(item);
    for (const k of keys) await holding.get(k);
    while (running.size >= o.limit) await Promise.race(running);
    const p = o.send(item);
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    results.push(p);
    running.add(settled);
    void settled.then(() => running.delete(settled));
    for (const k of keys) holding.set(k, settled);
    reporting = reporting.then(report);
  }
  await reporting.then(report);
}
