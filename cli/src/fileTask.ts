import { checkFile, type FileCheck } from './checkFiles';
import { reportFile, type FileReport } from './fileReport';

/** What is done with each file: checked whole (upload sends it), or checked and reported as `check` prints it. */
export type Task = 'full' | 'text' | 'json';
export type TaskResult<T extends Task> = T extends 'full' ? FileCheck : FileReport;

export async function runTask(path: string, task: Task): Promise<FileCheck | FileReport> {
  const f = await checkFile(path);
  return task === 'full' ? f : reportFile(f, task === 'json');
}
