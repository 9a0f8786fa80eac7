import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { alive } from './processAlive';

/** npm start builds the pane into addin/dist, as the README says: one writer at a time. */
const LOCK = resolve(__dirname, '../../node_modules/.cache/returns-hub/addin-dist.lock');

/**
 * Waits until no other test process runs `npm start` with its pane build (Jest runs two test
 * files at once), then holds addin/dist until the returned release is called: two builds into
 * one folder would remove each other's chunks and overwrite each other's manifest. A lock whose
 * process has ended is taken over.
 */
export async function holdAddinDist(waitMs = 300_000): Promise<() => void> {
  mkdirSync(resolve(LOCK, '..'), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(LOCK); // atomic: one process makes it
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    } catch {
      /* being made or removed right now */
    }
    if (Number.isInteger(holder) && holder > 0 && !alive(holder)) rmSync(LOCK, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`addin/dist stayed held by process ${holder} for ${waitMs / 1000} s (${LOCK})`);
    else await new Promise((r) => setTimeout(r, 250));
  }
}
