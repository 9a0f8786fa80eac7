import type { Issue } from '@returns-hub/shared/issues/issue';
import { bySeverity } from '@returns-hub/shared/issues/severity';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import type { CheckedReturn } from '@returns-hub/shared/check/checkedReturn';

function recordCount(r: CheckedReturn): number {
  return r.rows.length ? r.rows.filter((x) => x.kind === 'item').length : Object.values(r.fields).filter((v) => v !== null).length;
}

/** What `returns check` reports of a checked return: who, when, how many records, every finding (errors first). */
export interface ReturnSummary {
  sheet: string;
  form: string;
  orgUnit: string | null;
  orgUnitName: string | null;
  fiscalYear: number | null;
  period: string | null;
  subject: string | null;
  records: number;
  issues: Issue[];
}

export function summariseReturn(r: CheckedReturn, units: OrgUnitTree): ReturnSummary {
  const unit = r.orgUnit ? units.byCode(r.orgUnit) : undefined;
  return {
    sheet: r.sheet,
    form: r.formId,
    orgUnit: r.orgUnit,
    orgUnitName: unit?.name_th ?? null,
    fiscalYear: r.fiscalYear,
    period: r.period,
    subject: r.subject,
    records: recordCount(r),
    issues: [...r.issues].sort(bySeverity),
  };
}
