import { isPeriodCode } from '../period/periodCodeList';
import { formatPeriod, periodTitle } from '../period/formatPeriod';

/** A report title's period: `ไตรมาส 2 ปีงบประมาณ พ.ศ. 2563` / `Quarter 2, fiscal year 2563` (the Period module's long form). */
export function reportPeriodTitle(fiscalYear: number, period: string, lang: 'th' | 'en'): string {
  return isPeriodCode(period) ? periodTitle({ fiscalYear, code: period }, lang) : `${period} ${fiscalYear}`;
}

/**
 * The period in a sheet name, in Thai as the clerk reads it elsewhere (a sheet's name is read in
 * Thai whatever Office's language): `ทั้งปี 2563`, `ไตรมาส 2-2563` (no `/`, which sheet names
 * refuse), `ธันวาคม 2562`.
 */
export function periodSheetTag(fiscalYear: number, period: string): string {
  return (isPeriodCode(period) ? formatPeriod({ fiscalYear, code: period }, 'th') : `${period} ${fiscalYear}`).replace(/\//g, '-');
}

/** Excel's longest sheet name. */
const SHEET_NAME_MAX = 31;

/** `<name> <period>`, the name shortened where both would pass Excel's 31 characters (the period is kept whole). */
export function periodSheetName(name: string, fiscalYear: number, period: string): string {
  const tag = periodSheetTag(fiscalYear, period);
  return `${name.slice(0, Math.max(1, SHEET_NAME_MAX - tag.length - 1)).trimEnd()} ${tag}`;
}
