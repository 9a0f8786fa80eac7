/**
 * An abort signal that fires when a storage call makes no progress for `ms`: a frozen or
 * unreachable storage answers within a bound, while a long listing that keeps receiving
 * pages is not cut off. `progress()` restarts the clock; `done()` releases the timer.
 */
export function deadline(ms: number): { signal: AbortSignal; progress(): void; done(): void } {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), ms);
  return {
    signal: controller.signal,
    progress: () => {
      clearTimeout(timer);
      if (!controller.signal.aborted) timer = setTimeout(() => controller.abort(), ms);
    },
    done: () => clearTimeout(timer),
  };
}

/**
 * Storage moves at least this many bytes a second even on a busy host: a call carrying more
 * gets longer than the base deadline, in proportion (a 3 MiB transaction: base + 3 s).
 */
export const SLOWEST_BYTES_PER_SECOND = 1024 * 1024;

/** The deadline of one storage operation, sized to its work: the base (a point read) and time for the bytes it carries. */
export function deadlineFor(baseMs: number, bytes = 0): number {
  return baseMs + Math.ceil((bytes / SLOWEST_BYTES_PER_SECOND) * 1000);
}
