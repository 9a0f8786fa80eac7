import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Task, TaskResult } from './fileTask';

/** Heap a worker may use: a file that gets past the caps ends as one finding, not a crashed process. */
const WORKER_HEAP_MB = 1024;

/**
 * Reads and checks files several at once, up to the core count, in worker threads; results
 * come back in the order given. The calling thread loads neither readers nor checker. One
 * file, or code running from TypeScript source (tests), is done on this thread.
 */
export async function checkInParallel<T extends Task>(paths: string[], task: T, workers = Math.min(paths.length, availableParallelism())): Promise<TaskResult<T>[]> {
  const script = join(__dirname, 'checkWorker.js');
  const results: TaskResult<T>[] = new Array(paths.length);
  if (workers < 2 || !existsSync(script)) {
    const { runTask } = await import('./fileTask.js');
    for (let i = 0; i < paths.length; i++) results[i] = (await runTask(paths[i], task)) as TaskResult<T>;
    return results;
  }
  let next = 0;
  const failed = async (i: number, e: Error): Promise<void> => {
    const { reportFile } = await import('./fileReport.js');
    const { issueAt } = await import('@returns-hub/shared/issues/messages');
    const file = basename(paths[i]);
    const f = { file, sheets: [], issues: [issueAt('error', 'file.unreadable', file, { detail: e.message.slice(0, 120) })] };
    results[i] = (task === 'full' ? f : reportFile(f, task === 'json')) as TaskResult<T>;
  };
  const lane = (): Promise<void> =>
    new Promise<void>((done) => {
      const w = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      let current = -1;
      const take = () => {
        if (next >= paths.length) return void w.terminate().then(() => done());
        current = next++;
        w.postMessage({ id: current, path: paths[current], task });
      };
      w.on('message', (m: { id: number; result: TaskResult<T> }) => {
        results[m.id] = m.result;
        take();
      });
      // A worker that dies (out of its heap) fails the file it was on; the rest go to a fresh worker.
      w.on('error', (e) => void failed(current, e).then(lane).then(done));
      take();
    });
  await Promise.all(Array.from({ length: workers }, lane));
  return results;
}
