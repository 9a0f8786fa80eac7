import type { Grid } from '@returns-hub/shared/sheet/grid';
import type { Issue } from '@returns-hub/shared/issues/issue';
import type { PackedChunk, SheetHead } from './sheetChunk';
import type { SheetCheck } from './sheetCheck';
import type { YearDefinitions } from '@returns-hub/shared/definitions/versionsByYear';

/** What the page posts to the check worker: a read's parts (or a whole grid), then "check it". */
export type ToChecker =
  | { type: 'head'; id: string; head: SheetHead }
  | { type: 'chunk'; id: string; chunk: PackedChunk }
  | { type: 'grid'; id: string; grid: Grid }
  /** Check a read; `again`: the read checked before, kept, checked once more (with definitions given since), not read again. */
  | { type: 'finish'; id: string; compareWith?: string; again?: boolean }
  /** A fiscal year's forms and units as headquarters published them: sheets stating that year are checked with them. */
  | { type: 'definitions'; fiscalYear: number; year: YearDefinitions };

/** Findings per message of an answer: a page's thread takes each page in a short task, whatever the sheet holds. */
export const ISSUES_PER_MESSAGE = 2000;

/**
 * What the worker answers to `finish`: the check without its findings (and how many there
 * are), then the findings in pages, in order; or why it failed.
 */
export type FromChecker = { type: 'checked'; id: string; result: SheetCheck; issueCount: number } | { type: 'issues'; id: string; issues: Issue[] } | { type: 'failed'; id: string; message: string };

/** A check as the messages that carry it. */
export function answerOf(id: string, result: SheetCheck): FromChecker[] {
  const pages: FromChecker[] = [];
  for (let i = 0; i < result.issues.length; i += ISSUES_PER_MESSAGE) pages.push({ type: 'issues', id, issues: result.issues.slice(i, i + ISSUES_PER_MESSAGE) });
  return [{ type: 'checked', id, result: { ...result, issues: [] }, issueCount: result.issues.length }, ...pages];
}
