import { statSync } from 'node:fs';
import { enableGarbageCollection } from './collectGarbage';

/**
 * A file from this size up holds a big sheet (a register of tens of thousands of rows), whose
 * grid, located rows and checked rows come and go in tens of megabytes. Many small files do
 * not: what each lets go is a few kilobytes, which V8's own collector handles best.
 */
export const BIG_FILE_BYTES = 1024 * 1024;

/**
 * A run of small files only (each at most SMALL_FILE_BYTES, SHORT_RUN_BYTES in all: the 50
 * district returns are 7.5 KB each, 400 KB in all) is over before most optimised code pays
 * for its compiling: each file runs the same short paths (zip, a few XML parts, locating,
 * checking) a few times, and V8's default budget optimises dozens of them after a few files.
 * Measured on Node 20: the 50 files took 0.36–0.39 s of CPU, much of it TurboFan compiling;
 * with a 16× budget 0.28–0.29 s (docs/benchmarks.md, `npm run bench -- peer`). One big sheet is the
 * opposite (its loops are hot at once): a 5,000-row register took 8 % more CPU and a
 * 60,000-row one 11 % more, so the budget is raised only for runs of small files.
 */
export const SMALL_FILE_BYTES = 64 * 1024;
export const SHORT_RUN_BYTES = 2 * 1024 * 1024;
/** 16 × V8 11's default interrupt budget (66 KB of bytecode run before a function is considered for TurboFan). */
const SHORT_RUN_INTERRUPT_BUDGET = 16 * 67_584;

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
 * How V8 is set for a run: a tight heap for runs holding a big file; a later tier-up for runs
 * of small files only. Short runs once went without the optimising compiler (TurboFan), which
 * paid when the regular-expression reader did the work in native code; the XML tokenizer is
 * JavaScript (a 0.9 MB register took 2.2 s of CPU without TurboFan instead of 0.64 s), so
 * every run keeps it, and a run of small files only gets to it later.
 */
export function tuningFor(shape: RunShape | null): { tightHeap: boolean; lateTierUp: boolean } {
  return {
    tightHeap: shape !== null && shape.largestBytes >= BIG_FILE_BYTES,
    lateTierUp: shape !== null && shape.totalBytes > 0 && shape.largestBytes <= SMALL_FILE_BYTES && shape.totalBytes <= SHORT_RUN_BYTES,
  };
}

/**
 * The V8 flag that raises the budget for optimising, for the V8 it was measured with: V8 11
 * (Node 20 and 21). Later V8s decide by invocation counts and tier up through Maglev, made for
 * short runs; a flag V8 does not know prints an error. They are left as they are.
 */
export function lateTierUpFlag(v8Version: string): string | null {
  return v8Version.split('.')[0] === '11' ? `--interrupt-budget=${SHORT_RUN_INTERRUPT_BUDGET}` : null;
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
  const tuning = tuningFor(runShape(argv));
  const tierUp = tuning.lateTierUp ? lateTierUpFlag(process.versions.v8) : null;
  if (!tuning.tightHeap && !tierUp) return;
  // node:v8 (milliseconds to load) only here: the bin runs this before every command, and most runs need none.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
  if (tierUp) setFlagsFromString(tierUp);
  if (tuning.tightHeap) {
    setFlagsFromString(`--heap-growing-percent=${TIGHT_HEAP_GROWING_PERCENT}`);
    enableGarbageCollection();
  }
}
