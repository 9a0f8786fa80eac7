import type { Grid } from '@returns-hub/shared/sheet/grid';
import type { FromChecker, ToChecker } from './checkProtocol';
import { packChunk, type SheetChunk, type SheetHead, type SheetSink } from './sheetChunk';
import type { SheetCheck } from './sheetCheck';
import type { YearDefinitions } from '@returns-hub/shared/definitions/versionsByYear';

/** One read of a sheet on its way to the checker: its parts as they arrive, then the check. */
export interface CheckRun extends SheetSink {
  /** Names this read: a later read is compared with it by this (`finish({ compareWith })`). */
  readonly id: string;
  /** A whole grid instead of a head and chunks (a page that read a file). */
  grid(g: Grid): void;
  /** Checks what was handed over; with `compareWith`, also which cells differ from that earlier read. */
  finish(o?: { compareWith?: string }): Promise<SheetCheck>;
}

/** Checks sheets somewhere: in a Web Worker (the pane, the clerks' web page), or in the page itself. */
export interface Checker {
  begin(): CheckRun;
  /** Checks a read once more (after `useDefinitions`), the checker keeping its cells: the sheet is not read again. */
  again(readId: string, o?: { compareWith?: string }): Promise<SheetCheck>;
  /** Gives the checker a fiscal year's forms and units as headquarters published them (it checks with the built-in ones until then). */
  useDefinitions(fiscalYear: number, year: YearDefinitions): void;
}

/** Checks waiting for their answer, by read: the answer so far, and how many findings are still to come. */
export type Waiting = Map<string, { resolve: (r: SheetCheck) => void; reject: (e: Error) => void; result?: SheetCheck; missing?: number }>;

let reads = 0;

/** A read whose parts go out as messages; its check is answered through `waiting`. */
export function runOver(send: (m: ToChecker) => void, waiting: Waiting): CheckRun {
  const id = `read-${++reads}`;
  return {
    id,
    head: (head: SheetHead) => send({ type: 'head', id, head }),
    chunk: (chunk: SheetChunk) => send({ type: 'chunk', id, chunk: packChunk(chunk) }),
    grid: (grid: Grid) => send({ type: 'grid', id, grid }),
    finish: (o = {}) => checkOver(send, waiting, { type: 'finish', id, compareWith: o.compareWith }),
  };
}

/** Asks for a check (of a read, or of a read once more); answered through `waiting`. */
export function checkOver(send: (m: ToChecker) => void, waiting: Waiting, m: ToChecker & { type: 'finish' }): Promise<SheetCheck> {
  return new Promise<SheetCheck>((resolve, reject) => {
    waiting.set(m.id, { resolve, reject });
    send(m);
  });
}

/** Takes one message of an answer; the check is settled once its last page of findings is in. */
export function settle(waiting: Waiting, m: FromChecker): void {
  const w = waiting.get(m.id);
  if (!w) return;
  if (m.type === 'failed') {
    waiting.delete(m.id);
    return w.reject(new Error(m.message));
  }
  if (m.type === 'checked') [w.result, w.missing] = [m.result, m.issueCount];
  else if (w.result && w.missing !== undefined) {
    for (const i of m.issues) w.result.issues.push(i);
    w.missing -= m.issues.length;
  }
  if (w.result && w.missing === 0) {
    waiting.delete(m.id);
    w.resolve(w.result);
  }
}

/**
 * Checks in a Web Worker (`checkWorker.js` beside the page), started at the first check. A
 * worker that cannot start, or stops, fails the checks waiting on it (the pane says so and
 * offers Retry, which starts another); none is left hanging.
 */
export function workerChecker(start: () => Worker): Checker {
  let worker: Worker | null = null;
  const waiting: Waiting = new Map();
  const stop = (message: string) => {
    worker?.terminate();
    worker = null;
    for (const [id] of waiting) settle(waiting, { type: 'failed', id, message });
  };
  const send = (m: ToChecker) => {
    if (!worker) {
      try {
        const w = (worker = start());
        w.onmessage = (e: MessageEvent<FromChecker>) => settle(waiting, e.data);
        w.onerror = (e) => {
          e.preventDefault();
          stop(`the check worker stopped: ${e.message}`);
        };
      } catch (e) {
        if (m.type === 'finish') setTimeout(() => settle(waiting, { type: 'failed', id: m.id, message: `the check worker could not start: ${e instanceof Error ? e.message : String(e)}` }), 0);
        return;
      }
    }
    worker.postMessage(m);
  };
  return {
    begin: () => runOver(send, waiting),
    again: (id, o = {}) => checkOver(send, waiting, { type: 'finish', id, compareWith: o.compareWith, again: true }),
    useDefinitions: (fiscalYear, year) => send({ type: 'definitions', fiscalYear, year }),
  };
}
