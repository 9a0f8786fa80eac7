import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import { expectedUnits } from '@returns-hub/shared/consolidate/groups';
import { bangkokDate } from '@returns-hub/shared/period/fiscalCalendar';
import type { PeriodCode } from '@returns-hub/shared/period/periodCode';
import type { Completeness, UnitCompleteness } from '@returns-hub/shared/review/completenessSchema';
import { mostPressing, REVIEW_WORKFLOW } from '@returns-hub/shared/review/reviewWorkflow';
import { mayAccess, type Principal } from '../domain/principal';
import type { ReviewStore } from '../store/reviewStore';
import { listReviews } from './reviewList';

/**
 * Completeness of a form's period: per expected unit, not received / submitted / sent back /
 * accepted (and the zone and reopened steps), on time or late against the due date; counts
 * by status; and how many of the returns received are accepted.
 */
export async function completenessOf(reviews: ReviewStore, p: Principal, form: FormDef, tree: OrgUnitTree, fiscalYear: number, period: PeriodCode, now: Date): Promise<Completeness> {
  const list = await listReviews(reviews, p, form, tree, fiscalYear, period);
  const expected = expectedUnits(form, tree).filter((u) => mayAccess(p, u.code, tree));
  const byUnit = new Map<string, typeof list.returns>();
  for (const r of list.returns) byUnit.set(r.orgUnit, [...(byUnit.get(r.orgUnit) ?? []), r]);
  const today = bangkokDate(now);
  const units: UnitCompleteness[] = expected.map((u) => {
    const mine = byUnit.get(u.code) ?? [];
    const first = [...mine].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))[0];
    // A unit with several returns shows the status that most needs someone's attention.
    const status = mostPressing(mine.map((r) => r.status)) ?? 'not_received';
    const timeliness = first ? first.timeliness : today > list.dueDate ? 'overdue' : 'pending';
    return {
      code: u.code,
      name_th: u.name_th,
      name_en: u.name_en,
      status,
      timeliness,
      submittedAt: first?.submittedAt ?? null,
      returns: mine.length,
      accepted: mine.filter((r) => REVIEW_WORKFLOW[r.status].countedAsAccepted).length,
    };
  });
  const byStatus: Completeness['byStatus'] = { not_received: 0, submitted: 0, returned: 0, zone_accepted: 0, accepted: 0, reopened: 0 };
  for (const u of units) byStatus[u.status] = (byStatus[u.status] ?? 0) + 1;
  const received = units.filter((u) => u.status !== 'not_received');
  const onTime = received.filter((u) => u.timeliness === 'on_time').length;
  return {
    formId: form.id,
    fiscalYear,
    period,
    dueDate: list.dueDate,
    closesOn: list.closesOn,
    expected: expected.length,
    received: received.length,
    onTime,
    late: received.length - onTime,
    missing: units.filter((u) => u.status === 'not_received').map((u) => ({ code: u.code, name_th: u.name_th, name_en: u.name_en })),
    byStatus,
    returns: { total: received.reduce((n, u) => n + u.returns, 0), accepted: received.reduce((n, u) => n + u.accepted, 0) },
    units,
  };
}
