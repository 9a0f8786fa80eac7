import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './fileTask';

/** A worker of the check pool: reads and checks the files it is sent, one at a time. */
parentPort?.on('message', async (m: { id: number; path: string; task: Task }) => {
  parentPort?.postMessage({ id: m.id, result: await runTask(m.path, m.task) });
});
