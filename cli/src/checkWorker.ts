import { parentPort, workerData } from 'node:worker_threads';
import type { PublishedDefinition } from '@returns-hub/shared/definitions/versionsByYear';
import { runTask, type Task } from './fileTask';

/** What headquarters published, as the pool was given it (none: the built-in definitions). */
const published: PublishedDefinition[] = (workerData as { published?: PublishedDefinition[] } | null)?.published ?? [];

/** A worker of the check pool: reads and checks the files it is sent, one at a time. */
parentPort?.on('message', async (m: { id: number; path: string; task: Task }) => {
  parentPort?.postMessage({ id: m.id, result: await runTask(m.path, m.task, published) });
});
