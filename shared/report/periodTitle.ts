import { isPeriodCode } from '../period/periodCodeList';
import { periodTitle } from '../period/formatPeriod';

/** A report title's period: `ไตรมาส 2 ปีงบประมาณ พ.ศ. 2563` / `Quarter 2, fiscal year 2563` (the Period module's long form). */
export function reportPeriodTitle(fiscalYear: number, period: string, lang: 'th' | 'en'): string {
  return isPeriodCode(period) ? periodTitle({ fiscalYear, code: period }, lang) : `${period} ${fiscalYear}`;
}

/** The period in a sheet name (no `/`, which sheet names refuse): `Q2-2563`, `FY2563`, `M03-2563`. */
export function periodSheetTag(fiscalYear: number, period: string): string {
  return period === 'FY' ? `FY${fiscalYear}` : `${period}-${fiscalYear}`;
}
