let gc: (() => void) | null = null;

/**
 * Rows below which what a file let go is left to V8's own collector. A full collection costs
 * milliseconds even when little is live: forced after each of 5,000 district files (≈ 40 rows
 * each), it was 78 % of the run's CPU; after a 200,000-row register's grid, it returns tens of
 * megabytes at once.
 */
export const LARGE_ROWS = 10_000;

/**
 * Lets `collectGarbage` run a full collection. For runs holding a big file only (the bin
 * decides): V8 lets garbage pile up to a multiple of what was live at its last full collection,
 * and a big sheet's grid, once located, is tens of megabytes of garbage in one go.
 */
export function enableGarbageCollection(): void {
  // node:v8 and node:vm (milliseconds to load) only here: most runs never enable it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runInNewContext } = require('node:vm') as typeof import('node:vm');
  setFlagsFromString('--expose-gc');
  gc = runInNewContext('gc') as () => void;
}

/** A full collection now, where a structure of `rows` rows has just been let go: only when enabled and it is large. */
export function collectGarbage(rows: number): void {
  if (rows >= LARGE_ROWS) gc?.();
}
