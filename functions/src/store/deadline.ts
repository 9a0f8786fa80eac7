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
