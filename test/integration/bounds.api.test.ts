import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';

let api: Api;
let welfare: SubmitRequest;
beforeAll(async () => {
  api = await startApi({ env: { RETURNS_MAX_BODY_BYTES: String(8 * 1024 * 1024) } });
  welfare = await requestFor(sample('welfare/wang-thonglang-2564.xlsx'));
}, 60_000);
afterAll(async () => api?.close());

const post = (body: unknown, key = 'dev-hq') => raw(api, '/api/returns', { method: 'POST', key, body: typeof body === 'string' ? body : JSON.stringify(body) });
const WELFARE = { form: 'welfare-fund-tally', fy: 2564, period: 'FY', orgUnit: '1045' };

/** The welfare return with its fund renamed (the fund is the return's subject). */
function withFund(fund: string, fileName = 'w.xlsx'): SubmitRequest {
  const req = structuredClone(welfare);
  req.fileName = fileName;
  req.returns[0].fields.fund.v = fund;
  return req;
}

/** Sets item rows' amounts and keeps the total row consistent, so only the bound can refuse it. */
function withAmounts(req: SubmitRequest, amounts: (v: number, i: number) => number): SubmitRequest {
  const out = structuredClone(req);
  const rows = out.returns[0].table!.rows;
  let total = 0;
  rows.forEach((r, i) => {
    if (r.kind !== 'item') return;
    const v = amounts(Number(r.values.amount), i);
    r.values.amount = v;
    total += v;
  });
  for (const r of rows) if (r.kind === 'total') r.values.amount = total;
  return out;
}

describe('keys and entities are bounded up front', () => {
  test.each([481, 507, 1000])('a %i-character subject is stored with its history, and can be updated', async (length) => {
    const fund = 'กองทุนสวัสดิการ/#?'.repeat(60).slice(0, length);
    expect((await post(withFund(fund))).status).toBe(201);
    const second = await post(withAmounts(withFund(fund, 'w2.xlsx'), (v) => v + 1));
    expect([second.status, second.body.receipts?.[0]?.version]).toEqual([201, 2]);
    const r = await api.client().getReturn({ ...WELFARE, subject: fund });
    expect((r.versions as { version: number }[]).map((v) => v.version)).toEqual([1, 2]);
  });

  test('a subject longer than storage keeps is refused with 422 in both languages, before any write', async () => {
    const store = await api.deps.store();
    const r = await post(withFund('ก'.repeat(2000)));
    expect([r.status, r.body.code]).toEqual([422, 'return.too_large']);
    expect(r.body.detail).toMatch(/at most 1000/);
    expect(r.body.detail_th).toMatch(/ไม่เกิน 1000/);
    expect((await store.sweep(new Date(Date.now() + 60_000).toISOString())).checked).toBe(0); // nothing was begun
  });

  test('a row larger than one entity holds is refused with 422', async () => {
    const req = structuredClone(welfare);
    const row = req.returns[0].table!.rows[0];
    row.values = { ...row.values, welfare_type: 'ข'.repeat(32_000), no: 'ค'.repeat(32_000) };
    const r = await post(req);
    expect(r.status).toBe(422);
  });

  test('a return with thousands of distinct items is stored: its large tally contribution is kept apart', async () => {
    const req = withFund('กองทุนรายการมาก');
    const t = req.returns[0].table!;
    const first = t.rows.find((r) => r.kind === 'item')!;
    const items = Array.from({ length: 3_000 }, (_, i) => ({ ...first, row: 7 + i, values: { ...first.values, no: i + 1, welfare_type: `สวัสดิการประเภทที่ ${i + 1}`, amount: 100 } }));
    const total = t.rows.find((r) => r.kind === 'total');
    t.rows = [...items, ...(total ? [{ ...total, row: 7 + items.length, values: { ...total.values, amount: 300_000, persons: Number(first.values.persons) * items.length } }] : [])];
    const r = await post(req);
    expect(r.status).toBe(201);
    const tally = await api.client().tallies({ form: 'welfare-fund-tally', fy: 2564, by: 'hq' });
    expect(JSON.stringify(tally)).toContain('สวัสดิการประเภทที่ 2999');
  }, 60_000);
});

describe('values storage and tallies cannot hold are refused on write', () => {
  test.each([9999, 544, 2399, 2801, 99999])('fiscal year %p: 422, nothing stored', async (fy) => {
    const req = structuredClone(welfare);
    req.returns[0].fields.fiscal_year.v = fy;
    req.returns[0].fields.fund.v = `กองทุนปี ${fy}`;
    const r = await post(req);
    expect(r.status).toBe(422);
    const listed = await raw(api, '/api/returns?form=welfare-fund-tally&fy=2564');
    expect(listed.body.returns.map((x: { subject: string }) => x.subject)).not.toContain(`กองทุนปี ${fy}`);
  });

  test('an amount beyond ±1e15 is refused at its cell; totals stay finite', async () => {
    const r = await post(withAmounts(withFund('กองทุนเงินมาก'), (v, i) => (i === 0 ? 1.7e308 : v)));
    expect(r.status).toBe(422);
    expect(r.body.issues).toContainEqual(expect.objectContaining({ code: 'value.above_max', cell: "'สวัสดิการ'!D7" }));
    const ok = await post(withAmounts(withFund('กองทุนเงินพอดี'), (v, i) => (i === 0 ? 1e15 - 1e9 : v)));
    expect(ok.status).toBe(201);
  });
});

describe('malformed input is refused, and authorization comes first', () => {
  test('a malformed percent-encoding in the path: 400', async () => {
    for (const bad of ['%E0%B8', '%zz', '%']) {
      const r = await raw(api, `/api/returns/welfare-fund-tally/2564/FY/${bad}`);
      expect([r.status, r.body.code]).toEqual([400, 'path.bad_encoding']);
    }
  });

  test('?version=0 is not the current version: 404', async () => {
    const fund = welfare.returns[0].fields.fund.v as string;
    expect((await post(withFund(fund, 'v.xlsx'))).status).toBe(201);
    const q = `/api/returns/welfare-fund-tally/2564/FY/1045?subject=${encodeURIComponent(fund)}`;
    expect((await raw(api, `${q}&version=0`)).status).toBe(404);
    expect((await raw(api, `${q}&version=1`)).status).toBe(200);
  });

  test('a lone surrogate is refused with 400, not stored as U+FFFD', async () => {
    const body = JSON.stringify(withFund('กองทุน-SURROGATE')).replace('-SURROGATE', '\\ud800');
    const r = await post(body);
    expect([r.status, r.body.code]).toEqual([400, 'body.lone_surrogate']);
    const wtf8 = Buffer.concat([Buffer.from(JSON.stringify(withFund('กองทุน-X')).split('-X')[0]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(JSON.stringify(withFund('กองทุน-X')).split('-X')[1])]);
    const r2 = await raw(api, '/api/returns', { method: 'POST', body: wtf8 });
    expect([r2.status, r2.body.code]).toEqual([400, 'body.bad_encoding']);
  });

  test("a unit key sending another unit's return with errors: 403 before 422", async () => {
    const bad = await requestFor(sample('community-plan/errors/1017-huai-khwang.xlsx'));
    expect((await post(bad, 'dev-hq')).status).toBe(422);
    const r = await post(bad, 'dev-unit-1045');
    expect([r.status, r.body.code]).toEqual([403, 'auth.other_unit']);
    expect(r.body.issues).toBeUndefined();
  });

  test('problem details carry Thai beside English', async () => {
    const r = await raw(api, '/api/returns/welfare-fund-tally/2564/FY/1045?subject=none');
    expect(r.body).toMatchObject({
      status: 404,
      code: 'return.not_found',
      title: 'Not Found',
      title_th: expect.stringMatching(/[\u0E00-\u0E7F]/),
      detail_th: expect.stringMatching(/[\u0E00-\u0E7F]/),
    });
  });
});
