import type { LocatedReturn } from '@returns-hub/shared/read/locatedReturn';
import type { CheckedReturn } from '@returns-hub/shared/check/checkedReturn';
import { checkReturn } from '@returns-hub/shared/check/checkReturn';
import { formById } from '@returns-hub/shared/forms/index';
import { issueAt } from '@returns-hub/shared/issues/messages';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { mayAccess, type Principal } from '../domain/principal';
import { domainError, type DomainError } from '../domain/domainError';
import type { ReturnStore } from '../store/returnStore';
import { keyOf } from './returnKeyOf';
import { valueBoundIssues } from './valueBounds';
import { previousPeriodInYear } from '@returns-hub/shared/period/period';
import { isPeriodCode } from '@returns-hub/shared/period/periodCode';
import { unitName } from '../domain/returnName';

/** A checked return that names its org unit, year and period: one that can be stored. */
export type Storable = CheckedReturn & { orgUnit: string; fiscalYear: number; period: string };

/** The previous quarter's current version, for the cumulative-result rule (across submissions). */
async function previousQuarter(store: ReturnStore, r: Storable): Promise<CheckedReturn | undefined> {
  const previous = isPeriodCode(r.period) ? previousPeriodInYear({ fiscalYear: r.fiscalYear, code: r.period }) : null;
  if (!previous) return undefined; // Q1 (and the year's first month) starts the cumulative count
  const [prev] = await store.current([{ ...keyOf(r), period: previous.code }]);
  if (!prev) return undefined;
  const rows = await store.rows(prev.record.writeId);
  return { ...r, period: prev.record.period, fields: prev.record.fields, fieldCells: prev.record.fieldCells, columns: prev.record.columns, firstColumn: prev.record.firstColumn, rows, issues: [] };
}

/**
 * Checks everything the client read, again, with the same code. The caller is authorized
 * first, on the org units the returns name (403 before 422: a unit learns nothing about
 * another unit's return); then any error, or a value storage cannot hold, refuses the whole request.
 */
export async function checkSubmission(store: ReturnStore, principal: Principal, returns: LocatedReturn[]): Promise<Storable[] | DomainError> {
  const checked = returns.map((loc) => ({ loc, form: formById(loc.formId), r: formById(loc.formId) ? checkReturn(loc) : null }));
  for (const { r } of checked) {
    if (r?.orgUnit && !mayAccess(principal, r.orgUnit))
      return domainError('auth.other_unit', {
        en: `This key may submit only for org unit ${principal.orgUnit}; the return is for ${r.orgUnit}.`,
        th: `บัญชีนี้ส่งแบบรายงานได้เฉพาะของหน่วยงาน ${unitName(principal.orgUnit ?? '', 'th')} แต่แบบรายงานนี้เป็นของ ${unitName(r.orgUnit, 'th')}`,
      });
  }
  const out: Storable[] = [];
  const errors: Issue[] = [];
  for (const { loc, form, r: first } of checked) {
    if (!form || !first) {
      errors.push(issueAt('error', 'form.unknown', loc.titleCell, { id: loc.formId }));
      continue;
    }
    let r = first;
    if (form.period.kind === 'quarter' && r.orgUnit && r.fiscalYear !== null && r.period) {
      const previous = await previousQuarter(store, { ...r, orgUnit: r.orgUnit, fiscalYear: r.fiscalYear, period: r.period });
      if (previous) r = checkReturn(loc, { previous });
    }
    errors.push(...r.issues.filter((i) => i.severity === 'error'), ...valueBoundIssues(r, form, loc.titleCell));
    if (r.orgUnit && r.fiscalYear !== null && r.period) out.push({ ...r, orgUnit: r.orgUnit, fiscalYear: r.fiscalYear, period: r.period });
  }
  if (errors.length)
    return domainError('return.has_errors', { en: `The return has ${errors.length} error(s); nothing was stored.`, th: `แบบรายงานมีข้อผิดพลาด ${errors.length} รายการ จึงยังไม่ได้บันทึก` }, { issues: errors });
  return out;
}
