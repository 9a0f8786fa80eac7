import { checkFileKeeping, summariseSheet, type FileResult, type SheetToSend } from './checkFiles';
import { reportFile, type FileReport } from './fileReport';
import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions, type PublishedDefinition } from '@returns-hub/shared/definitions/versionsByYear';
import { builtInDefinitions } from './builtInDefinitions';

/** What is done with each file: checked for sending (upload), or checked and reported as `check` prints it. */
export type Task = 'full' | 'text' | 'json';
export type FileToSend = FileResult<SheetToSend>;
export type TaskResult<T extends Task> = T extends 'full' ? FileToSend : FileReport;

/**
 * Reads and checks a file for a task, with the built-in definitions and what headquarters
 * published (`published`: as the API sent it, for `upload`; none: the built-in set, offline).
 */
export async function runTask(path: string, task: Task, published: readonly PublishedDefinition[] = []): Promise<FileToSend | FileReport> {
  const source = published.length ? new VersionedDefinitions(builtInDocuments(), published) : builtInDefinitions();
  if (task === 'full') return checkFileKeeping(path, (s): SheetToSend => ({ ...summariseSheet(s), located: s.located }), true, source);
  return reportFile(await checkFileKeeping(path, summariseSheet, false, source), task === 'json');
}
