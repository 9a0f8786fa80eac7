import type { Grid } from '@returns-hub/shared/sheet/grid';
import type { SheetChunk, SheetHead } from './sheetChunk';
import type { SheetCheck } from './sheetCheck';

/** What the page posts to the check worker: a read's parts (or a whole grid), then "check it". */
export type ToChecker =
  { type: 'head'; id: string; head: SheetHead } | { type: 'chunk'; id: string; chunk: SheetChunk } | { type: 'grid'; id: string; grid: Grid } | { type: 'finish'; id: string; compareWith?: string };

/** What the worker answers to `finish`. */
export type FromChecker = { type: 'checked'; id: string; result: SheetCheck } | { type: 'failed'; id: string; message: string };
