import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import { dueDate } from '@returns-hub/shared/period/period';
import { bangkokDate } from '@returns-hub/shared/period/fiscalCalendar';
import type { PeriodCode } from '@returns-hub/shared/period/periodCode';
import type { ReviewList } from '@returns-hub/shared/review/reviewSchemas';
import { mayAccess, type Principal } from '../domain/principal';
import { closesOn } from '../domain/submitLock';
import { statusOf } from '../domain/reviewRules';
import type { ReviewStore } from '../store/reviewStore';

/** On time: submitted (Bangkok date) by the due date. */
export function timelinessOf(submittedAt: string, due: string): 'on_time' | 'late' {
  return bangkokDate(new Date(submittedAt)) <= due ? 'on_time' : 'late';
}

/** The current returns of a form and period with their review status, as the caller may see them (a unit its own; a zone its districts). */
export async function listReviews(reviews: ReviewStore, p: Principal, form: FormDef, units: OrgUnitTree, fiscalYear: number, period: PeriodCode): Promise<ReviewList> {
  const due = dueDate({ fiscalYear, code: period }, form.dueDaysAfterPeriod);
  const records = (await reviews.list(form.id, fiscalYear, period)).filter((r) => mayAccess(p, r.key.orgUnit, units));
  return {
    formId: form.id,
    fiscalYear,
    period,
    dueDate: due,
    closesOn: closesOn(form, fiscalYear, period),
    returns: records
      .map((r) => {
        const unit = units.byCode(r.key.orgUnit);
        const zone = units.ancestorOfKind(r.key.orgUnit, 'zone');
        return {
          orgUnit: r.key.orgUnit,
          name_th: unit?.name_th ?? r.key.orgUnit,
          name_en: unit?.name_en ?? r.key.orgUnit,
          zone: zone ? { code: zone.code, name_th: zone.name_th, name_en: zone.name_en } : null,
          subject: r.key.subject,
          version: r.version,
          submittedAt: r.submittedAt,
          submittedBy: r.submittedBy,
          timeliness: timelinessOf(r.submittedAt, due),
          rows: r.rowCount,
          warnings: r.warnings,
          fileName: r.fileName,
          status: statusOf(r.state),
          decision: r.state?.decision ?? null,
          reason: r.state?.reason ?? null,
          comments: r.state?.comments.length ?? 0,
        };
      })
      .sort((a, b) => (a.orgUnit === b.orgUnit ? (a.subject ?? '').localeCompare(b.subject ?? '') : a.orgUnit.localeCompare(b.orgUnit))),
  };
}
