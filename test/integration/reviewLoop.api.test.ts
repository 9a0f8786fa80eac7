import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';
import { builtInForm } from '../support/builtIn';
import type { HistoryResponse, ReviewView } from '@returns-hub/shared/review/reviewSchemas';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';

const PLAN = { form: 'bma-community-plan-return', fy: 2563, period: 'FY' };
const RETURN_1045 = `/api/returns/${PLAN.form}/2563/FY/1045`;
const COMMENT = { cell: "'แบบรายงาน 1'!C14", text: 'ยอดเบิกจ่ายไม่ตรงกับใบเสร็จ' };

describe('HQ reviews a district return: the whole loop through the API', () => {
  let api: Api;
  let req: SubmitRequest;
  beforeAll(async () => {
    api = await startApi({ memory: new MemoryStorage() });
    req = await requestFor(sample('community-plan/districts/1045.xlsx'));
  }, 60_000);
  afterAll(async () => api?.close());

  const submit = (key = 'dev-unit-1045', body: SubmitRequest = req) =>
    raw(api, '/api/returns', { method: 'POST', key, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', 'X-Returns-Client': 'returns-test/1' } });
  const act = (action: string, key: string, body: object) =>
    raw(api, `${RETURN_1045}/${action}`, { method: 'POST', key, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', 'X-Returns-Client': 'returns-test/1' } });
  const view = async (key = 'dev-unit-1045'): Promise<ReviewView> => (await raw(api, `${RETURN_1045}/review`, { key })).body;

  test('submit → send back with comments → resubmit → zone accept → HQ accept → refused with the lock → reopen → resubmit; history of each step', async () => {
    // 1. The district submits version 1.
    expect((await submit()).status).toBe(201);
    expect(await view()).toMatchObject({ status: 'submitted', version: 1, decision: null, lock: null });

    // 2. HQ sends it back with a reason and a comment on a cell; the district sees both.
    const back = await act('send-back', 'dev-hq', { version: 1, reason: 'กรุณาตรวจสอบยอดเบิกจ่าย', comments: [COMMENT] });
    expect(back.status).toBe(200);
    expect(await view()).toMatchObject({ status: 'returned', version: 1, reason: 'กรุณาตรวจสอบยอดเบิกจ่าย', comments: [COMMENT], decision: { by: 'hq-key', role: 'hq', client: 'returns-test/1' } });

    // 3. The district sends version 2: submitted again, the reason gone with the version it was about.
    const v2 = await submit();
    expect(v2.status).toBe(201);
    expect(v2.body.receipts[0].version).toBe(2);
    expect(await view()).toMatchObject({ status: 'submitted', version: 2, reason: null, comments: [] });

    // 4. Keys that may not accept: the unit itself, and another zone's reviewer.
    const byUnit = await act('accept', 'dev-unit-1045', { version: 2 });
    expect(byUnit.status).toBe(403);
    expect(byUnit.body.code).toBe('review.forbidden');
    const otherZone = await act('accept', 'dev-zone-Z-E', { version: 2 });
    expect(otherZone.status).toBe(403);
    expect(otherZone.body.detail).toContain('1045 Wang Thonglang is in Central Bangkok zone');
    expect(otherZone.body.detail_th).toContain('กลุ่มเขตกรุงเทพกลาง');
    // A zone reviewer reviews; it does not submit.
    const zoneSubmits = await submit('dev-zone-Z-C');
    expect([zoneSubmits.status, zoneSubmits.body.code]).toEqual([403, 'submit.reviewer_only']);

    // 5. Its zone accepts first, HQ last.
    expect((await act('accept', 'dev-zone-Z-C', { version: 2 })).status).toBe(200);
    expect(await view()).toMatchObject({ status: 'zone_accepted', decision: { by: 'zone-key:Z-C', role: 'zone' }, lock: { code: 'lock.zone_accepted' } });
    const accepted = await act('accept', 'dev-hq', { version: 2, note: 'ถูกต้อง' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', zoneAccepted: { by: 'zone-key:Z-C' }, lock: { code: 'lock.accepted' } });

    // 6. A new version is refused with the lock's text: who accepted it, when, and that HQ can reopen it.
    const refused = await submit();
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('lock.accepted');
    expect(refused.body.detail).toMatch(/version 2 was accepted by hq-key \(headquarters\) at \d{4}-\d\d-\d\d \d\d:\d\d Bangkok time, so a new version cannot replace it\. Headquarters can reopen it/);
    expect(refused.body.detail_th).toContain('ส่วนกลางสามารถเปิดให้แก้ไขใหม่ได้');
    expect((await api.client().getReturn({ ...PLAN, orgUnit: '1045' })).version).toBe(2);

    // 7. HQ reopens it with a reason; the district sends version 3.
    const reopened = await act('reopen', 'dev-hq', { reason: 'พบยอดเงินคลาดเคลื่อนหลังตรวจรับ' });
    expect([reopened.status, reopened.body.status, reopened.body.lock]).toEqual([200, 'reopened', null]);
    const v3 = await submit();
    expect([v3.status, v3.body.receipts[0].version]).toEqual([201, 3]);
    expect(await view()).toMatchObject({ status: 'submitted', version: 3 });

    // 8. The audit history answers in one call: every action, who, when, from which client, the version, the reason.
    const h: HistoryResponse = (await raw(api, `${RETURN_1045}/history`, { key: 'dev-unit-1045' })).body;
    expect(h.events.map((e) => [e.action, e.level ?? '', e.version, e.by, e.from, e.to])).toEqual([
      ['submit', '', 1, 'unit-key:1045', 'not_received', 'submitted'],
      ['send_back', '', 1, 'hq-key', 'submitted', 'returned'],
      ['submit', '', 2, 'unit-key:1045', 'returned', 'submitted'],
      ['accept', 'zone', 2, 'zone-key:Z-C', 'submitted', 'zone_accepted'],
      ['accept', 'hq', 2, 'hq-key', 'zone_accepted', 'accepted'],
      ['reopen', '', 2, 'hq-key', 'accepted', 'reopened'],
      ['submit', '', 3, 'unit-key:1045', 'reopened', 'submitted'],
    ]);
    expect(h.events.every((e) => e.client === 'returns-test/1' && !e.recovered && /^\d{4}-\d\d-\d\dT/.test(e.at))).toBe(true);
    expect(h.events[1]).toMatchObject({ reason: 'กรุณาตรวจสอบยอดเบิกจ่าย', comments: [COMMENT] });
    expect(h.events[4].reason).toBe('ถูกต้อง');
    expect(h.events[5].reason).toBe('พบยอดเงินคลาดเคลื่อนหลังตรวจรับ');
    // Another unit may not read it.
    expect((await raw(api, `${RETURN_1045}/history`, { key: 'dev-unit-1001' })).status).toBe(403);
  }, 60_000);

  test('a stale decision is refused with what happened; a decision that does not apply says why', async () => {
    const stale = await act('accept', 'dev-hq', { version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('review.version_changed');
    expect(stale.body.detail).toContain('the current version is 3');
    const nothingToReopen = await act('reopen', 'dev-hq', { reason: 'x' });
    expect([nothingToReopen.status, nothingToReopen.body.code]).toEqual([409, 'review.not_pending']);
    const noReason = await act('send-back', 'dev-hq', { reason: '  ' });
    expect(noReason.status).toBe(400);
    const badCell = await act('send-back', 'dev-hq', { reason: 'x', comments: [{ cell: 'C14 and more', text: 'x' }] });
    expect(badCell.status).toBe(400);
    const notSubmitted = await raw(api, `/api/returns/${PLAN.form}/2563/FY/1001/accept`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect([notSubmitted.status, notSubmitted.body.code]).toEqual([404, 'review.not_found']);
  });

  test('period closed vs exception: a different code and text, and HQ lets one unit through', async () => {
    const welfare = builtInForm('welfare-fund-tally');
    welfare.closesAfterDays = 30; // FY 2564 ended 30 Sep 2021: closed after 30 Oct 2021
    try {
      const body = await requestFor(sample('welfare/wang-thonglang-2564.xlsx'));
      const fund = body.returns[0].fields.fund.v as string;
      const path = `/api/returns/welfare-fund-tally/2564/FY/1045`;
      const closed = await submit('dev-unit-1045', body);
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('lock.period_closed');
      expect(closed.body.detail).toContain('closed for submissions after 2021-10-30 (30 days after it ended on 2021-09-30)');
      expect(closed.body.detail).toContain('Headquarters can grant 1045 Wang Thonglang an exception for this period.');
      expect(closed.body.detail_th).toContain('ปิดรับแบบรายงานแล้วหลังวันที่ 30 ต.ค. 2564');
      const before: ReviewView = (await raw(api, `${path}/review?subject=${encodeURIComponent(fund)}`, { key: 'dev-unit-1045' })).body;
      expect(before).toMatchObject({ status: 'not_received', closesOn: '2021-10-30', lock: { code: 'lock.period_closed' }, exception: null });

      // Only HQ grants exceptions.
      const byZone = await raw(api, '/api/exceptions', {
        method: 'POST',
        key: 'dev-zone-Z-C',
        body: JSON.stringify({ form: 'welfare-fund-tally', fy: 2564, period: 'FY', orgUnit: '1045', reason: 'x' }),
      });
      expect(byZone.status).toBe(403);
      const granted = await raw(api, '/api/exceptions', {
        method: 'POST',
        body: JSON.stringify({ form: 'welfare-fund-tally', fy: 2564, period: 'FY', orgUnit: '1045', reason: 'น้ำท่วมสำนักงาน ส่งไม่ทัน' }),
      });
      expect(granted.status).toBe(201);
      expect((await submit('dev-unit-1045', body)).status).toBe(201);
      // Another unit's period stays closed.
      const other = await requestFor(sample('welfare/wang-thonglang-2564.xlsx'));
      other.returns[0].fields.district = { ...other.returns[0].fields.district, v: '1047' };
      expect((await submit('dev-unit-1047', other)).body.code).toBe('lock.period_closed');

      // Accepted is a different lock, with its own text, even with the exception in force.
      expect((await raw(api, `${path}/accept`, { method: 'POST', body: JSON.stringify({ subject: fund }) })).status).toBe(200);
      const locked = await submit('dev-unit-1045', body);
      expect([locked.status, locked.body.code]).toEqual([409, 'lock.accepted']);

      const h: HistoryResponse = (await raw(api, `${path}/history?subject=${encodeURIComponent(fund)}`, { key: 'dev-unit-1045' })).body;
      expect(h.events.map((e) => e.action)).toEqual(['exception', 'submit', 'accept']);
      expect(h.events[0]).toMatchObject({ by: 'hq-key', role: 'hq', reason: 'น้ำท่วมสำนักงาน ส่งไม่ทัน', version: 0 });
      expect((await api.client().exceptions({ form: 'welfare-fund-tally', fy: 2564 })).exceptions.map((x) => x.orgUnit)).toEqual(['1045']);
    } finally {
      delete welfare.closesAfterDays;
    }
  });
});
