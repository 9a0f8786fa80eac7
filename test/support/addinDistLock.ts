import { resolve } from 'node:path';
import { holdLock } from './processLock';

/** npm start builds the pane into addin/dist, as the README says: one writer at a time. */
const LOCK = resolve(__dirname, '../../node_modules/.cache/returns-hub/addin-dist.lock');

/**
 * Waits until no other test process runs `npm start` with its pane build, then holds addin/dist until the returned
 * release is called: two builds into one folder would remove each other's chunks and overwrite each other's manifest.
 */
export const holdAddinDist = (waitMs = 300_000): Promise<() => void> => holdLock(LOCK, 'addin/dist', waitMs);
