import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

/**
 * Input below which a run is too short for V8's optimising compiler (TurboFan) to pay back
 * what it spends compiling: checking the 50 district files (400 KB) took 0.25 s of CPU with
 * it and 0.18 s without; one 820 KB register the same either way; a 7 MB register twice as
 * long without it (docs/benchmarks.md).
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

/** `check` or `upload` of little input. */
export function isShortRun(argv: string[]): boolean {
  const [command, ...args] = argv;
  return (command === 'check' || command === 'upload') && fileBytes(args) < SHORT_RUN_BYTES;
}

/**
 * Called by the bin before a command loads: a short run goes without the optimising
 * compiler. Process-wide, so never called where other work shares the process (tests call
 * `main` directly).
 */
export function tuneForShortRun(argv: string[]): void {
  if (isShortRun(argv)) setFlagsFromString('--no-opt');
}
