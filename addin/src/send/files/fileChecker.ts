import type { YearDefinitions } from '@returns-hub/shared/definitions/versionsByYear';
import type { FileReading, FromFiles, ShownCell, ToFiles } from './fileProtocol';
import { FileHost, type ReadBytes } from './fileHost';

/** How far a file's reading has come, as the page shows it. */
export interface ReadProgress {
  stage: 'reading' | 'checking';
  done: number;
  total: number;
}

/** Where the page's files are read and checked: a Web Worker in the browser, the page's own thread in tests. */
export interface FileChecker {
  /** Reads and checks a file; `id` names it for `rows` and `forget`. */
  check(id: string, file: Blob, name: string, onProgress: (p: ReadProgress) => void): Promise<FileReading>;
  /** Rows of a checked file's sheet, as text. */
  rows(id: string, sheet: number, from: number, count: number): Promise<ShownCell[][]>;
  forget(id: string): void;
  /** A fiscal year's definitions as headquarters published them, for the checks from now on. */
  useDefinitions(fiscalYear: number, year: YearDefinitions): void;
  /** Checks a file read before again (not read again), with the definitions given since. */
  recheck(id: string, name: string): Promise<FileReading>;
  /** Starts reading's machinery ahead of the first file (the worker and its scripts), so the first check is quick. */
  warm(): void;
}

type Pending = { resolve: (v: never) => void; reject: (e: Error) => void; onProgress?: (p: ReadProgress) => void };

let requests = 0;

/** A checker over messages: requests go out through `send`, answers come back through `answer`. */
function overMessages(send: (m: ToFiles) => void): { checker: FileChecker; answer: (m: FromFiles) => void; failAll: (message: string) => void } {
  const pending = new Map<string, Pending>();
  const ask = <T>(m: ToFiles & { id: string }, onProgress?: (p: ReadProgress) => void) =>
    new Promise<T>((resolve, reject) => {
      pending.set(m.id, { resolve: resolve as (v: never) => void, reject, onProgress });
      send(m);
    });
  const answer = (m: FromFiles) => {
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') return p.onProgress?.({ stage: m.stage, done: m.done, total: m.total });
    pending.delete(m.id);
    if (m.type === 'failed') p.reject(new Error(m.message));
    else p.resolve((m.type === 'read' ? m.reading : m.rows) as never);
  };
  const failAll = (message: string) => {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(new Error(message));
    }
  };
  return {
    answer,
    failAll,
    checker: {
      check: (id, file, name, onProgress) => ask<FileReading>({ type: 'read', id, name, file }, onProgress),
      rows: (id, sheet, from, count) => ask<ShownCell[][]>({ type: 'rows', id: `rows-${++requests}`, file: id, sheet, from, count }),
      forget: (id) => send({ type: 'forget', file: id }),
      useDefinitions: (fiscalYear, year) => send({ type: 'definitions', fiscalYear, year }),
      recheck: (id, name) => ask<FileReading>({ type: 'recheck', id, name }),
      warm: () => send({ type: 'forget', file: '' }),
    },
  };
}

/**
 * Files read in a Web Worker (send/fileWorker.js), started at the first file. A worker that
 * stops (a file too big for the browser's memory) fails what waits on it, and the next file
 * starts another: nothing is left waiting.
 */
export function workerFileChecker(start: () => Worker): FileChecker {
  let worker: Worker | null = null;
  // The years' definitions given so far: a worker started again (after one stopped) is given them first.
  const years = new Map<number, ToFiles>();
  const m = overMessages((msg) => {
    if (msg.type === 'definitions') years.set(msg.fiscalYear, msg);
    if (!worker) {
      const w = (worker = start());
      for (const given of years.values()) if (given !== msg) w.postMessage(given);
      w.onmessage = (e: MessageEvent<FromFiles>) => m.answer(e.data);
      w.onerror = (e) => {
        e.preventDefault();
        worker?.terminate();
        worker = null;
        m.failAll(e.message || 'the file worker stopped');
      };
    }
    worker.postMessage(msg);
  });
  return m.checker;
}

/** Files read on this thread, as the worker would (tests in Node); each answer still comes asynchronously. */
export function inlineFileChecker(read: ReadBytes): FileChecker {
  const m = overMessages((msg) => void host.receive(msg));
  const host = new FileHost(read, (a) => setTimeout(() => m.answer(a), 0));
  return m.checker;
}
