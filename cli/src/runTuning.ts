import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { enableGarbageCollection } from './collectGarbage';

/**
 * A file from this size up holds a big sheet (a register of tens of thousands of rows), whose
 * grid, located rows and checked rows come and go in tens of megabytes. Many small files do
 * not: what each lets go is a few kilobytes, which V8's own collector handles best.
 */
export const BIG_FILE_BYTES = 1024 * 1024;

/** What a run reads: the bytes of the files it names, in all and the largest one. */
export interface RunShape {
  totalBytes: number;
  largestBytes: number;
}

/** The files `check` or `upload` names (flags and their values name none); null for commands that read no workbook. */
export function runShape(argv: string[]): RunShape | null {
  const [command, ...args] = argv;
  if (command !== 'check' && command !== 'upload') return null;
  const shape = { totalBytes: 0, largestBytes: 0 };
  for (const a of args) {
    try {
      const s = statSync(a, { throwIfNoEntry: false });
      if (!s?.isFile()) continue;
      shape.totalBytes += s.size;
      shape.largestBytes = Math.max(shape.largestBytes, s.size);
    } catch {
      // unreadable: the command will say so
    }
  }
  return shape;
}

/**
 * How V8 is set for a run: a tight heap for runs holding a big file. Short runs once went
 * without the optimising compiler (TurboFan), which paid when the regular-expression reader
 * did the work in native code; the XML tokenizer is JavaScript (a 0.9 MB register took 2.2 s
 * of CPU without TurboFan instead of 0.64 s), so every run keeps it.
 */
export function tuningFor(shape: RunShape | null): { tightHeap: boolean } {
  return { tightHeap: shape !== null && shape.largestBytes >= BIG_FILE_BYTES };
}

/**
 * Heap growth for runs holding a big file: V8 lets the heap grow to a multiple of what was
 * live at its last full collection before collecting again. Growing by 30 % (and a full
 * collection where a large grid or a reading's garbage is let go, see collectGarbage) kept
 * checking the 200,000-row register at ~167 MB peak instead of ~236 MB, for ~10 % more CPU.
 * Decided by the largest file, not the sum: 5,000 small files are no big sheet, and forcing
 * collections after each of them made checking them 11× slower than the pandas peer.
 */
const TIGHT_HEAP_GROWING_PERCENT = 30;

/**
 * Called by the bin before a command loads: a run holding a big file keeps its heap close to
 * what is live. Process-wide, so never called where other work
 * shares the process (tests call `main` directly).
 */
export function tuneForRun(argv: string[]): void {
  if (tuningFor(runShape(argv)).tightHeap) {
    setFlagsFromString(`--heap-growing-percent=${TIGHT_HEAP_GROWING_PERCENT}`);
    enableGarbageCollection();
  }
}
