import { builtInDefinitions } from '../definitions/builtInDefinitions';
import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { closesOn, submitLock, type LockInput } from './submitLock';
import type { ReviewState } from './reviewState';

/** The built-in forms and units. */
const BUILT_IN = builtInDefinitions().forYear(null);
const formById = (id: string) => BUILT_IN.formById(id);

const base = formById('codi-quarterly-kpi')!;
const closing: FormDef = { ...base, closesAfterDays: 45 };
const key = { formId: base.id, fiscalYear: 2563, period: 'Q1', orgUnit: 'N', subject: null };
const accepted: ReviewState = {
  status: 'accepted',
  version: 2,
  decision: { by: 'hq-key', role: 'hq', at: '2020-01-20T02:30:00Z', client: 'test' },
  reason: null,
  comments: [],
  zoneAccepted: null,
  seq: 1,
  last: { action: 'accept', level: 'hq', version: 2, at: '2020-01-20T02:30:00Z', by: 'hq-key', role: 'hq', client: 'test', from: 'submitted', to: 'accepted' },
};
const input = (x: Partial<LockInput>): LockInput => ({
  key,
  form: closing,
  units: BUILT_IN.units,
  current: null,
  exception: null,
  heldByClosedPeriods: true,
  now: new Date('2020-02-01T00:00:00Z'),
  ...x,
});

describe('submitLock', () => {
  test('Q1 FY 2563 ends 31 Dec 2019; 45 days later it closes; forms without closesAfterDays never close', () => {
    expect(closesOn(closing, 2563, 'Q1')).toBe('2020-02-14');
    expect(closesOn(base, 2563, 'Q1')).toBeNull();
  });
  test('an accepted return refuses a new version: who accepted it, when, and that HQ can reopen it', () => {
    const lock = submitLock(input({ current: { version: 2, state: accepted } }))!;
    expect(lock.code).toBe('lock.accepted');
    expect(lock.en).toBe(
      'codi-quarterly-kpi N Northern Region Q1 FY2563: version 2 was accepted by hq-key (headquarters) at 2020-01-20 09:30 Bangkok time, so a new version cannot replace it. Headquarters can reopen it if it must change.',
    );
    expect(lock.th).toContain('ได้รับการตรวจรับแล้วโดย hq-key (ส่วนกลาง) เมื่อ 20 ม.ค. 2563 เวลา 09:30 น.');
    expect(lock.th).toContain('ส่วนกลางสามารถเปิดให้แก้ไขใหม่ได้');
  });
  test('the accepted lock holds HQ too', () => {
    expect(submitLock(input({ current: { version: 2, state: accepted }, heldByClosedPeriods: false }))?.code).toBe('lock.accepted');
  });
  test('the period closed: a different code and text, the closing day, and the exception HQ can grant', () => {
    expect(submitLock(input({ now: new Date('2020-02-14T16:59:00Z') }))).toBeNull(); // 23:59 in Bangkok on the last day
    const lock = submitLock(input({ now: new Date('2020-02-14T17:00:00Z') }))!; // 00:00 on the 15th in Bangkok
    expect(lock.code).toBe('lock.period_closed');
    expect(lock.en).toContain('closed for submissions after 2020-02-14 (45 days after it ended on 2019-12-31)');
    expect(lock.en).toContain('Headquarters can grant N Northern Region an exception for this period.');
    expect(lock.th).toContain('ปิดรับแบบรายงานแล้วหลังวันที่ 14 ก.พ. 2563');
  });
  test('an exception, or HQ, passes a closed period; a sent-back return stays open', () => {
    const later = new Date('2020-06-01T00:00:00Z');
    expect(submitLock(input({ now: later, exception: { orgUnit: 'N', by: 'hq-key', at: '2020-05-30T00:00:00Z', reason: 'น้ำท่วม' } }))).toBeNull();
    expect(submitLock(input({ now: later, heldByClosedPeriods: false }))).toBeNull();
    expect(submitLock(input({ current: { version: 2, state: { ...accepted, status: 'returned' } }, form: base }))).toBeNull();
  });
});
