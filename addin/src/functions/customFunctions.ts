import type { Measure } from '@returns-hub/shared/consolidate/tally';
import { FigureSource } from './figureSource';
import { parseFigureArgs, type FigureQuery } from './parseFunctionArgs';
import { FunctionError, noData, toExcelError, unknownIndicator } from './functionError';

let source: FigureSource | null = null;
/** The shared runtime gives the functions the pane's API client. */
export function useFigureSource(s: FigureSource): void {
  source = s;
}

async function measureOf(q: FigureQuery, indicator: unknown): Promise<Measure> {
  if (!source) throw noData('returns-hub is not connected yet: open the task pane once');
  const tally = await source.tally(q.form.id, q.fy, q.period, q.by);
  const group = tally.groups.find((g) => g.orgUnit === q.unit);
  if (!group) throw noData(`No figures for ${q.unit} in ${q.form.id} ${q.fy} ${q.period}`);
  const id = String(indicator ?? '').trim();
  const m = group.measures.find((x) => x.id === id);
  if (!m)
    throw unknownIndicator(
      `Unknown indicator "${id}" for ${q.form.id}. Indicators: ${group.measures
        .map((x) => x.id)
        .slice(0, 30)
        .join(', ')}`,
    );
  return m;
}

/** CustomFunctionsRuntime 1.2: errors with their own code and message; before it, plain errors (#VALUE!). */
let functionErrors = false;
export function useFunctionErrors(supported: boolean): void {
  functionErrors = supported;
}

async function excelSafe<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw e instanceof FunctionError && functionErrors ? toExcelError(e) : e;
  }
}

/**
 * A consolidated value from returns-hub.
 * @customfunction TOTAL
 * @param form Form id, e.g. bma-community-plan-return.
 * @param indicator Indicator id, e.g. budget_disbursed or 5.1.
 * @param fiscalYear Fiscal year (BE), e.g. 2563.
 * @param [period] FY, Q1–Q4 or M01–M12 (default FY).
 * @param [orgUnit] Org unit code or name (default headquarters).
 * @returns The consolidated value.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- custom-functions-metadata declares `any` as Excel's "any" argument (a KPI code may be a number such as 5.1)
export function total(form: string, indicator: any, fiscalYear: number, period?: string, orgUnit?: any): Promise<number> {
  return excelSafe(async () => {
    const m = await measureOf(parseFigureArgs(form, fiscalYear, period, orgUnit), indicator);
    if (m.value === null) throw noData(`No value yet for ${indicator}`);
    return m.value;
  });
}

/**
 * % of target to date (or the indicator's own percentage when it has no target to date).
 * @customfunction PCT
 * @param form Form id.
 * @param indicator Indicator id.
 * @param fiscalYear Fiscal year (BE).
 * @param [period] FY, Q1–Q4 or M01–M12.
 * @param [orgUnit] Org unit code or name (default headquarters).
 * @returns The percentage.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- custom-functions-metadata declares `any` as Excel's "any" argument (a KPI code may be a number such as 5.1)
export function pct(form: string, indicator: any, fiscalYear: number, period?: string, orgUnit?: any): Promise<number> {
  return excelSafe(async () => {
    const m = await measureOf(parseFigureArgs(form, fiscalYear, period, orgUnit), indicator);
    const v = m.pctOfTargetToDate !== undefined ? m.pctOfTargetToDate : m.pct;
    if (v === null || v === undefined) throw noData(`${indicator} has no target to date in this period`);
    return Math.round(v * 100) / 100;
  });
}

/**
 * Traffic light by % of target to date: green, yellow, red, or empty when there is none.
 * @customfunction STATUS
 * @param form Form id.
 * @param indicator Indicator id.
 * @param fiscalYear Fiscal year (BE).
 * @param [period] FY, Q1–Q4 or M01–M12.
 * @param [orgUnit] Org unit code or name (default headquarters).
 * @returns green, yellow, red or empty.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- custom-functions-metadata declares `any` as Excel's "any" argument (a KPI code may be a number such as 5.1)
export function status(form: string, indicator: any, fiscalYear: number, period?: string, orgUnit?: any): Promise<string> {
  return excelSafe(async () => (await measureOf(parseFigureArgs(form, fiscalYear, period, orgUnit), indicator)).status ?? '');
}

/**
 * Returns received of those expected, e.g. 50/50.
 * @customfunction RECEIVED
 * @param form Form id.
 * @param fiscalYear Fiscal year (BE).
 * @param [period] FY or Q1–Q4.
 * @returns received/expected
 */
export function received(form: string, fiscalYear: number, period?: string): Promise<string> {
  return excelSafe(async () => {
    const q = parseFigureArgs(form, fiscalYear, period);
    if (!source) throw noData('returns-hub is not connected yet: open the task pane once');
    const c = await source.received(q.form.id, q.fy, q.period);
    return `${c.received}/${c.expected}`;
  });
}

/** Registers the functions with Excel (shared runtime). */
export function associateFunctions(): void {
  const cf = (globalThis as { CustomFunctions?: { associate(id: string, fn: unknown): void } }).CustomFunctions;
  if (!cf) return;
  cf.associate('TOTAL', total);
  cf.associate('PCT', pct);
  cf.associate('STATUS', status);
  cf.associate('RECEIVED', received);
}
