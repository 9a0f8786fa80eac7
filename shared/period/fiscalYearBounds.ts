/**
 * The one rule for fiscal years (Buddhist Era) everywhere a year is read, stored or asked
 * for: 2400–2800. (To be replaced by the bounds of the shared `Period` type when it lands.)
 */
export const FISCAL_YEAR_MIN = 2400;
export const FISCAL_YEAR_MAX = 2800;

export function isFiscalYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= FISCAL_YEAR_MIN && year <= FISCAL_YEAR_MAX;
}
