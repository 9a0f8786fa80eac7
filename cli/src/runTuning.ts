import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { enableGarbageCollection } from './collectGarbage';

/**
 * Input below which a run is short. Short runs once went without V8's optimising compiler
 * (TurboFan), which paid when the regular-expression reader did the work in native code. The
 * XML tokenizer is JavaScript: without TurboFan a 0.9 MB register took 2.2 s of CPU instead
 * of 0.64 s, and one district file the same 0.11 s either way, so every run keeps it now.
 */
export const SHORT_RUN_BYTES = 1024 * 1024;

/** Bytes of the arguments that name files (flags and their values name none). */
function fileBytes(args: string[]): number {
  let n = 0;
  for (const a of args) {
    try {
      const s = statSync(a, { throwIfNoEntry: false });
      if (s?.isFile()) n += s.size;
    } catch {
      // unreadable: the command will say so
    }
  }
  return n;
}

/**
 * How much a run reads: `short` (`check`/`upload` of under SHORT_RUN_BYTES), `long` (more),
 * or `other` (commands that read no workbook).
 */
export function runLength(argv: string[]): 'short' | 'long' | 'other' {
  const [command, ...args] = argv;
  if (command !== 'check' && command !== 'upload') return 'other';
  return fileBytes(args) < SHORT_RUN_BYTES ? 'short' : 'long';
}

/**
 * Heap growth for long runs: V8 lets the heap grow to a multiple of what was live at its
 * last full collection before collecting again, and a register's grid, located rows and
 * checked rows come and go in tens of megabytes. Growing by 30 % (and a full collection
 * where a grid or a reading's garbage is let go, see collectGarbage) kept checking the
 * 200,000-row register at ~167 MB peak instead of ~236 MB, for ~10 % more CPU.
 */
const LONG_RUN_HEAP_GROWING_PERCENT = 30;

/**
 * Called by the bin before a command loads: a long run keeps its heap close to what is live.
 * Process-wide, so never called where other work shares the process (tests call `main` directly).
 */
export function tuneForRun(argv: string[]): void {
  if (runLength(argv) === 'long') {
    setFlagsFromString(`--heap-growing-percent=${LONG_RUN_HEAP_GROWING_PERCENT}`);
    enableGarbageCollection();
  }
}
