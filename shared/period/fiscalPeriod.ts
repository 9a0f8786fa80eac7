import type { IsoDate } from '../parse/parseThaiDate';
import { isPeriodCode } from './periodCode';
import { periodEnd as endOf } from './period';

/**
 * The old string-coded interface, kept only until functions/ switches over
 * (functions/src/services/readReturns.ts). New code: `periodEnd`/`dueDate` of `./period`.
 */

/** @deprecated Use `periodEnd({ fiscalYear, code })` from `shared/period/period`. Unknown codes count as FY, as before. */
export function periodEnd(fyBe: number, period: string): IsoDate {
  return endOf({ fiscalYear: fyBe, code: isPeriodCode(period) ? period : 'FY' });
}

/** @deprecated Import from `shared/period/fiscalCalendar` (or use `dueDate` of `shared/period/period`). */
export { addDays } from './fiscalCalendar';
