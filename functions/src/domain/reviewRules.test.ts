import { decide, reviewLevel, type Actor, type ReviewTarget } from './reviewRules';
import { isReviewError, type ReviewError } from './reviewError';
import type { ReviewState } from './reviewState';
import type { Principal } from '../domain/principal';
import { builtInDefinitions } from '../definitions/builtInDefinitions';

/** The built-in org units (zones and districts). */
const UNITS = builtInDefinitions().forYear(null).units;

const HQ: Principal = { role: 'hq', name: 'hq-key', id: 'hq' };
const ZONE_C: Principal = { role: 'zone', orgUnit: 'Z-C', name: 'zone-key:Z-C', id: 'zc' }; // 1045 วังทองหลาง is in Z-C
const ZONE_E: Principal = { role: 'zone', orgUnit: 'Z-E', name: 'zone-key:Z-E', id: 'ze' };
const UNIT: Principal = { role: 'unit', orgUnit: '1045', name: 'unit-key:1045', id: 'u' };
const at = (p: Principal): Actor => ({ principal: p, client: 'test', now: new Date('2020-10-20T03:00:00Z'), units: UNITS });

function target(state: ReviewState | null = null, version = 3): ReviewTarget {
  return {
    key: { formId: 'bma-community-plan-return', fiscalYear: 2563, period: 'FY', orgUnit: '1045', subject: null },
    version,
    submittedAt: '2020-10-05T07:03:00Z',
    submittedBy: 'unit-key:1045',
    state,
  };
}

function stateAfter(t: ReviewTarget, ...steps: [Principal, Parameters<typeof decide>[1]][]): ReviewState {
  let state = t.state;
  for (const [p, c] of steps) {
    const out = decide({ ...t, state }, c, at(p));
    if (isReviewError(out)) throw new Error(`${out.code}: ${out.en}`);
    state = out.state;
  }
  return state!;
}

const code = (x: unknown) => (isReviewError(x) ? (x as ReviewError).code : 'ok');

describe('review levels follow the org-unit hierarchy', () => {
  test('HQ reviews any unit; a zone its own districts; a unit none', () => {
    expect(reviewLevel(HQ, '1045', UNITS)).toBe('hq');
    expect(reviewLevel(ZONE_C, '1045', UNITS)).toBe('zone');
    expect(code(reviewLevel(ZONE_E, '1045', UNITS))).toBe('review.forbidden');
    expect(code(reviewLevel(ZONE_C, 'N', UNITS))).toBe('review.forbidden'); // a CODI region is in no zone
    expect(code(reviewLevel(UNIT, '1045', UNITS))).toBe('review.forbidden');
  });
  test("another zone's refusal names both zones, in Thai and English", () => {
    const e = reviewLevel(ZONE_E, '1045', UNITS) as ReviewError;
    expect(e.en).toContain('1045 Wang Thonglang is in Central Bangkok zone');
    expect(e.th).toContain('อยู่ในกลุ่มเขตกรุงเทพกลาง');
  });
});

describe('decide', () => {
  test('zone accepts first, HQ last; the zone acceptance is kept on record', () => {
    const t = target();
    const zone = decide(t, { action: 'accept' }, at(ZONE_C));
    if (isReviewError(zone)) throw new Error(zone.en);
    expect(zone.state.status).toBe('zone_accepted');
    expect(zone.event).toMatchObject({ action: 'accept', level: 'zone', version: 3, from: 'submitted', to: 'zone_accepted', by: 'zone-key:Z-C', client: 'test' });
    const hq = decide({ ...t, state: zone.state }, { action: 'accept' }, at(HQ));
    if (isReviewError(hq)) throw new Error(hq.en);
    expect(hq.state).toMatchObject({ status: 'accepted', seq: 2, zoneAccepted: { by: 'zone-key:Z-C', role: 'zone' } });
  });
  test('HQ may accept directly', () => {
    expect(stateAfter(target(), [HQ, { action: 'accept' }]).status).toBe('accepted');
  });
  test('a unit can do nothing; a zone cannot touch HQ acceptance', () => {
    expect(code(decide(target(), { action: 'accept' }, at(UNIT)))).toBe('review.forbidden');
    const accepted = stateAfter(target(), [HQ, { action: 'accept' }]);
    expect(code(decide(target(accepted), { action: 'reopen', reason: 'x' }, at(ZONE_C)))).toBe('review.forbidden');
    expect(code(decide(target(accepted), { action: 'send_back', reason: 'x', comments: [] }, at(ZONE_C)))).toBe('review.not_pending');
  });
  test('a stale version is refused with the current version, who sent it and when', () => {
    const e = decide(target(), { action: 'accept', version: 2 }, at(HQ)) as ReviewError;
    expect(e.code).toBe('review.version_changed');
    expect(e.en).toBe('You reviewed version 2, but the current version is 3, submitted by unit-key:1045 at 2020-10-05 14:03 Bangkok time. Open version 3 and review it.');
    expect(e.th).toContain('5 ต.ค. 2563 เวลา 14:03 น.');
  });
  test('send back keeps the reason and cell comments; a sent-back return cannot be accepted until a new version', () => {
    const comments = [{ cell: "'แบบรายงาน 1'!C14", text: 'ยอดเบิกจ่ายไม่ตรงกับใบเสร็จ' }];
    const returned = stateAfter(target(), [ZONE_C, { action: 'send_back', reason: 'ตรวจยอดเงินอีกครั้ง', comments }]);
    expect(returned).toMatchObject({ status: 'returned', reason: 'ตรวจยอดเงินอีกครั้ง', comments });
    const e = decide(target(returned), { action: 'accept' }, at(HQ)) as ReviewError;
    expect(e.code).toBe('review.not_pending');
    expect(e.en).toContain('sent back by zone-key:Z-C (zone reviewer)');
    expect(code(decide(target(returned), { action: 'send_back', reason: 'again', comments: [] }, at(HQ)))).toBe('review.not_pending');
  });
  test('accepted must be reopened before it is sent back; reopening clears the zone acceptance', () => {
    const accepted = stateAfter(target(), [ZONE_C, { action: 'accept' }], [HQ, { action: 'accept' }]);
    expect(code(decide(target(accepted), { action: 'send_back', reason: 'x', comments: [] }, at(HQ)))).toBe('review.not_pending');
    expect(code(decide(target(accepted), { action: 'accept' }, at(HQ)))).toBe('review.already_accepted');
    const reopened = stateAfter(target(accepted), [HQ, { action: 'reopen', reason: 'ตัวเลขงบประมาณผิด' }]);
    expect(reopened).toMatchObject({ status: 'reopened', zoneAccepted: null, reason: 'ตัวเลขงบประมาณผิด', seq: 3 });
    expect(stateAfter(target(reopened), [HQ, { action: 'send_back', reason: 'แก้ไข', comments: [] }]).status).toBe('returned');
  });
  test('only accepted returns are reopened; a zone reopens its own acceptance', () => {
    expect(code(decide(target(), { action: 'reopen', reason: 'x' }, at(HQ)))).toBe('review.not_pending');
    const zoneAccepted = stateAfter(target(), [ZONE_C, { action: 'accept' }]);
    expect(stateAfter(target(zoneAccepted), [ZONE_C, { action: 'reopen', reason: 'พบข้อผิดพลาด' }]).status).toBe('reopened');
    expect(code(decide(target(zoneAccepted), { action: 'accept' }, at(ZONE_C)))).toBe('review.already_accepted');
  });
});
