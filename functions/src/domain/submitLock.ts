import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import type { IsoDate } from '@returns-hub/shared/parse/parseThaiDate';
import { periodEnd } from '@returns-hub/shared/period/period';
import { addDays, bangkokDate } from '@returns-hub/shared/period/fiscalCalendar';
import { formatPeriod } from '@returns-hub/shared/period/formatPeriod';
import { isPeriodCode } from '@returns-hub/shared/period/periodCode';
import { bangkokDay } from '@returns-hub/shared/review/bangkokTime';
import type { LockException } from '@returns-hub/shared/review/reviewSchemas';
import { REVIEW_WORKFLOW } from '@returns-hub/shared/review/reviewWorkflow';
import type { ReturnKey } from '../store/keys';
import { decidedBy } from './decidedBy';
import { reviewError, type LockCode, type ReviewError } from './reviewError';
import type { ReviewState } from './reviewState';
import { returnName, unitName } from './returnName';

/** The last day (Bangkok) a form's period takes submissions, when the form closes its periods. */
export function closesOn(form: FormDef, fiscalYear: number, period: string): IsoDate | null {
  if (form.closesAfterDays === undefined || !isPeriodCode(period)) return null;
  return addDays(periodEnd({ fiscalYear, code: period }), form.closesAfterDays);
}

export interface LockInput {
  key: ReturnKey;
  form: FormDef;
  /** The org units of the return's year (its name in the refusal). */
  units: OrgUnitTree;
  /** The current version's number and review (none: nothing submitted yet, or not reviewed). */
  current: { version: number; state: ReviewState | null } | null;
  exception: LockException | null;
  /** Headquarters is not held by a closed period (it grants the exceptions); units are. */
  heldByClosedPeriods: boolean;
  now: Date;
}

/**
 * Which lock, if any, refuses a new submission of a return, with text that says which one
 * and why: accepted (by whom, when; who can reopen it), or the period closed (since when;
 * HQ can grant an exception). Nobody replaces an accepted return without reopening it.
 */
export function submitLock(x: LockInput): ReviewError<LockCode> | null {
  const name = returnName(x.key, x.units);
  const state = x.current?.state;
  const lock = state ? REVIEW_WORKFLOW[state.status].lock : null;
  if (x.current && state && lock) {
    const by = decidedBy(state.decision);
    const v = x.current.version;
    if (lock === 'lock.accepted')
      return reviewError(lock, {
        en: `${name.en}: version ${v} was accepted by ${by.en}, so a new version cannot replace it. Headquarters can reopen it if it must change.`,
        th: `${name.th}: ฉบับที่ ${v} ได้รับการตรวจรับแล้วโดย ${by.th} จึงส่งฉบับใหม่แทนไม่ได้ หากต้องแก้ไข ส่วนกลางสามารถเปิดให้แก้ไขใหม่ได้`,
      });
    return reviewError(lock, {
      en: `${name.en}: version ${v} was accepted by ${by.en}, so a new version cannot replace it. The zone reviewer or headquarters can reopen it if it must change.`,
      th: `${name.th}: ฉบับที่ ${v} ได้รับการตรวจรับแล้วโดย ${by.th} จึงส่งฉบับใหม่แทนไม่ได้ หากต้องแก้ไข ผู้ตรวจกลุ่มเขตหรือส่วนกลางสามารถเปิดให้แก้ไขใหม่ได้`,
    });
  }
  const closes = closesOn(x.form, x.key.fiscalYear, x.key.period);
  if (!closes || !x.heldByClosedPeriods || x.exception || bangkokDate(x.now) <= closes || !isPeriodCode(x.key.period)) return null;
  const period = { fiscalYear: x.key.fiscalYear, code: x.key.period };
  const end = bangkokDay(periodEnd(period));
  const last = bangkokDay(closes);
  return reviewError('lock.period_closed', {
    en: `${name.en}: the period ${formatPeriod(period, 'en')} closed for submissions after ${last.en} (${x.form.closesAfterDays} days after it ended on ${end.en}). Headquarters can grant ${unitName(x.key.orgUnit, 'en', x.units)} an exception for this period.`,
    th: `${name.th}: งวด ${formatPeriod(period, 'th')} ปิดรับแบบรายงานแล้วหลังวันที่ ${last.th} (${x.form.closesAfterDays} วันหลังสิ้นงวดวันที่ ${end.th}) ส่วนกลางสามารถอนุญาตให้ ${unitName(x.key.orgUnit, 'th', x.units)} ส่งได้เป็นกรณีพิเศษสำหรับงวดนี้`,
  });
}
