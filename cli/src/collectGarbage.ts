import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;

/**
 * Lets `collectGarbage` run a full collection. For long runs only (the bin decides): V8 lets
 * garbage pile up to a multiple of what was live at its last full collection, and a big
 * sheet's grid, once located, is tens of megabytes of garbage in one go.
 */
export function enableGarbageCollection(): void {
  setFlagsFromString('--expose-gc');
  gc = runInNewContext('gc') as () => void;
}

/** A full collection now, where a large structure has just been let go; nothing unless enabled. */
export function collectGarbage(): void {
  gc?.();
}
