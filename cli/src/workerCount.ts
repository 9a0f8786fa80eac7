/**
 * Input below which reading in this thread beats starting workers. A worker costs a thread,
 * its own copy of the reader and checker (loaded and compiled again) and a heap: ~0.1–0.2 s of
 * CPU. The 50 district files (400 KB) check in ~0.2 s of CPU in one thread; 2 × 820 KB
 * registers were still faster in one thread when measured (docs/benchmarks.md).
 */
export const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

/**
 * How many worker threads to read files with; 1 means this thread, no workers. Workers pay
 * only with a core to spare: on a machine already busy (load average at or above the core
 * count) two workers were slower than one thread even for two 7 MB registers.
 */
export function workerCount(o: { files: number; bytes: number; cores: number; loadAverage: number }): number {
  if (o.files < 2 || o.bytes < PARALLEL_MIN_BYTES) return 1;
  const spare = Math.max(0, o.cores - o.loadAverage);
  return Math.max(1, Math.min(o.files, o.cores, 1 + Math.floor(spare)));
}
