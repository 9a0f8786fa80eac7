import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { alive } from './processAlive';

/**
 * Waits until no other test process holds the lock at `path` (Jest runs several test files at once, each in a
 * process of its own), then holds it until the returned release is called. A lock whose process has ended is taken
 * over. `what` names what the lock guards, for the error when the wait passes `waitMs`.
 */
export async function holdLock(path: string, what: string, waitMs = 300_000): Promise<() => void> {
  mkdirSync(resolve(path, '..'), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(path); // atomic: one process makes it
      writeFileSync(join(path, 'pid'), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(join(path, 'pid'), 'utf8'));
    } catch {
      /* being made or removed right now */
    }
    if (Number.isInteger(holder) && holder > 0 && !alive(holder)) rmSync(path, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`${what} stayed held by process ${holder} for ${waitMs / 1000} s (${path})`);
    else await new Promise((r) => setTimeout(r, 250));
  }
}
