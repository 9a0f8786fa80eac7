import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import { formatPeriod } from '@returns-hub/shared/period/formatPeriod';
import { isPeriodCode } from '@returns-hub/shared/period/periodCode';
import type { ReturnKey } from '../store/keys';

/** A return as messages name it: `bma-community-plan-return 1045 Wang Thonglang FY2563`, and in Thai. */
export function returnName(k: ReturnKey, units: OrgUnitTree): { en: string; th: string } {
  const unit = units.byCode(k.orgUnit);
  const period = (lang: 'en' | 'th') => (isPeriodCode(k.period) ? formatPeriod({ fiscalYear: k.fiscalYear, code: k.period }, lang) : `${k.fiscalYear} ${k.period}`);
  const subject = k.subject ? ` (${k.subject})` : '';
  return {
    en: `${k.formId} ${k.orgUnit}${unit ? ` ${unit.name_en}` : ''} ${period('en')}${subject}`,
    th: `${k.formId} ${k.orgUnit}${unit ? ` ${unit.name_th}` : ''} ${period('th')}${subject}`,
  };
}

/** The unit as messages name it: `1045 วังทองหลาง`. */
export function unitName(code: string, lang: 'en' | 'th', units: OrgUnitTree): string {
  const u = units.byCode(code);
  return u ? `${code} ${lang === 'th' ? u.name_th : u.name_en}` : code;
}
