import { availableParallelism, loadavg } from 'node:os';
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Task, TaskResult } from './fileTask';
import { workerCount } from './workerCount';
import type { PublishedDefinition } from '@returns-hub/shared/definitions/versionsByYear';

/** Heap a worker may use: a file that gets past the caps ends as one finding, not a crashed process. */
const WORKER_HEAP_MB = 1024;

/** Workers worth starting for these files on this machine now (see workerCount). */
function plannedWorkers(paths: string[]): number {
  if (paths.length < 2) return 1;
  const size = (p: string) => {
    try {
      return statSync(p).size;
    } catch {
      return 0; // reading it will say why
    }
  };
  const bytes = paths.reduce((n, p) => n + size(p), 0);
  return workerCount({ files: paths.length, bytes, cores: availableParallelism(), loadAverage: loadavg()[0] });
}

/**
 * Reads and checks files, several at once in worker threads when there is enough to read
 * and a core to spare (see workerCount), else one after another on this thread; results
 * come back in the order given. With workers, the calling thread loads neither readers nor
 * checker. Code running from TypeScript source (tests) is done on this thread.
 */
export async function checkInParallel<T extends Task>(paths: string[], task: T, workers?: number, published: readonly PublishedDefinition[] = []): Promise<TaskResult<T>[]> {
  workers ??= plannedWorkers(paths);
  const script = join(__dirname, 'checkWorker.js');
  const results: TaskResult<T>[] = new Array(paths.length);
  if (workers < 2 || !existsSync(script)) {
    const { runTask } = await import('./fileTask.js');
    for (let i = 0; i < paths.length; i++) results[i] = (await runTask(paths[i], task, published)) as TaskResult<T>;
    return results;
  }
  // Loaded only here: a run on this thread (most small ones) does not pay for it.
  const { Worker } = await import('node:worker_threads');
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
      const w = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, workerData: { published } });
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
