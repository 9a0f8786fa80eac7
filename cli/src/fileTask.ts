import { checkFileKeeping, summariseSheet, type FileResult, type SheetToSend } from './checkFiles';
import { reportFile, type FileReport } from './fileReport';

/** What is done with each file: checked for sending (upload), or checked and reported as `check` prints it. */
export type Task = 'full' | 'text' | 'json';
export type FileToSend = FileResult<SheetToSend>;
export type TaskResult<T extends Task> = T extends 'full' ? FileToSend : FileReport;

export async function runTask(path: string, task: Task): Promise<FileToSend | FileReport> {
  if (task === 'full') return checkFileKeeping(path, (s): SheetToSend => ({ ...summariseSheet(s), located: s.located }));
  return reportFile(await checkFileKeeping(path, summariseSheet, false), task === 'json');
}
