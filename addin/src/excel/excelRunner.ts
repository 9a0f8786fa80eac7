import type { ExcelContext } from './excelApi';
import { excelProblemOf, type ExcelProblem } from './excelProblem';
import { featureSupported, type Feature, type IsSetSupported } from './requirementSets';

/** What the Excel layer needs from the host: office.js in Excel (officeHost.ts), or the test fake. */
export interface ExcelHost {
  /** One batch (office.js `Excel.run`); `delayForCellEdit` asks Excel to hold it until the clerk leaves the cell being edited. */
  run<T>(batch: (context: ExcelContext) => Promise<T>, options: { delayForCellEdit: boolean }): Promise<T>;
  isSetSupported: IsSetSupported;
}

/** An Excel batch's result: its value, or the problem to show. Nothing from Excel is thrown past the runner. */
export type ExcelOutcome<T> = { ok: true; value: T } | { ok: false; problem: ExcelProblem };

/** Waits before running a batch again that Excel refused because a cell was being edited (hosts without delayForCellEdit). */
export const CELL_EDIT_RETRY_MS = [400, 800, 1600];

export interface ExcelRunner {
  /** Runs a batch; cell-edit refusals are retried, every failure comes back as a problem. */
  run<T>(batch: (context: ExcelContext) => Promise<T>): Promise<ExcelOutcome<T>>;
  supports(feature: Feature): boolean;
}

const hostWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one place every Excel call goes through. Where the host has it (ExcelApi 1.11),
 * Excel holds a batch until the clerk leaves the cell being edited; elsewhere a batch
 * refused for cell-edit mode is run again after a short wait, a few times, before the
 * clerk is told to leave the cell and retry. A retried batch starts from the beginning,
 * so batches only load, or write the same cells again.
 */
export function excelRunner(host: ExcelHost, opts: { wait?: (ms: number) => Promise<void>; retryMs?: readonly number[] } = {}): ExcelRunner {
  const wait = opts.wait ?? hostWait;
  const retryMs = opts.retryMs ?? CELL_EDIT_RETRY_MS;
  const supports = (feature: Feature) => {
    try {
      return featureSupported(feature, host.isSetSupported);
    } catch {
      return false; // a host that cannot answer has none of the optional sets
    }
  };
  return {
    supports,
    async run<T>(batch: (context: ExcelContext) => Promise<T>): Promise<ExcelOutcome<T>> {
      const delayForCellEdit = supports('waitForCellEdit');
      for (let attempt = 0; ; attempt++) {
        try {
          return { ok: true, value: await host.run(batch, { delayForCellEdit }) };
        } catch (e) {
          const problem = excelProblemOf(e);
          if (problem.code !== 'InvalidOperationInCellEditMode' || attempt >= retryMs.length) return { ok: false, problem };
          await wait(retryMs[attempt]);
        }
      }
    },
  };
}
