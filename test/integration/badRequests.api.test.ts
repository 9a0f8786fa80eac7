import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { startApi, requestFor, raw, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';

let api: Api;
beforeAll(async () => (api = await startApi({ memory: new MemoryStorage() })), 60_000);
afterAll(async () => api?.close());

const Q = '/api/returns?form=bma-community-plan-return&fy=2563&period=FY';
async function storedCount(): Promise<number> {
  return (await raw(api, Q)).body.returns.length;
}
async function post(body: unknown, key?: string | null, headers: Record<string, string> = {}) {
  return raw(api, '/api/returns', { method: 'POST', key, body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('bad requests get the right status, as problem details, and store nothing', () => {
  let good: Awaited<ReturnType<typeof requestFor>>;
  beforeAll(async () => {
    good = await requestFor(sample('community-plan/districts/1045.xlsx'));
    expect((await post(good)).status).toBe(201); // one return stored, so "nothing more" can be seen
  });

  afterEach(async () => expect(await storedCount()).toBe(1));

  test('no credentials: 401', async () => {
    const r = await post(good, null);
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({ status: 401, code: 'auth.missing' });
  });

  test('unknown API key: 401', async () => expect((await post(good, 'no-such-key')).status).toBe(401));

  test('malformed JSON: 400', async () => {
    const r = await post('{"fileName": "x.xlsx", "returns": [', 'dev-hq');
    expect([r.status, r.body.code]).toEqual([400, 'body.malformed_json']);
  });

  test('JSON of the wrong shape: 400', async () => {
    const r = await post({ fileName: 'x.xlsx', returns: [{ formId: 1 }] }, 'dev-hq');
    expect([r.status, r.body.code]).toEqual([400, 'body.invalid']);
  });

  test('a form that does not exist: 422 on submit, 404 on read', async () => {
    const r = await post({ ...good, returns: [{ ...good.returns[0], formId: 'no-such-form' }] });
    expect([r.status, r.body.issues[0].code]).toEqual([422, 'form.unknown']);
    expect((await raw(api, '/api/tallies?form=no-such-form&fy=2563')).status).toBe(404);
  });

  test('an unknown org unit: 422 with the cell-addressed finding and suggestions', async () => {
    const r = await post(await requestFor(sample('community-plan/errors/unknown-district.xlsx')));
    expect(r.status).toBe(422);
    expect(r.body.issues[0]).toMatchObject({ code: 'org_unit.unknown', cell: "'แบบรายงาน 1'!B4" });
    expect(r.body.issues[0].message_th).toContain('ปทุมวัน');
  });

  test('a return with errors: 422 with the same issues the client saw', async () => {
    const r = await post(await requestFor(sample('community-plan/errors/1017-huai-khwang.xlsx')));
    expect(r.status).toBe(422);
    expect(r.body.issues.map((i: { cell: string }) => i.cell.split('!')[1]).sort()).toEqual(['C13', 'C15']);
  });

  test('a client that skipped the check cannot slip a bad value through: the server re-checks', async () => {
    const tampered = structuredClone(good);
    tampered.returns[0].fields.budget_disbursed.v = 999_999_999;
    const r = await post(tampered);
    expect(r.status).toBe(422);
    expect(r.body.issues.map((i: { code: string }) => i.code)).toContain('rule.sum_at_most');
  });

  test('a unit key submitting for another unit: 403', async () => {
    const r = await post(await requestFor(sample('community-plan/districts/1001.xlsx')), 'dev-unit-1045');
    expect([r.status, r.body.code]).toEqual([403, 'auth.other_unit']);
  });

  test('a unit key reading another unit: 403; its own: 200', async () => {
    expect((await raw(api, '/api/returns/bma-community-plan-return/2563/FY/1045', { key: 'dev-unit-1001' })).status).toBe(403);
    expect((await raw(api, '/api/returns/bma-community-plan-return/2563/FY/1045', { key: 'dev-unit-1045' })).status).toBe(200);
  });

  test('an oversized body: 413 before parsing', async () => {
    const big = JSON.stringify({ ...good, fileName: 'x'.repeat(3 * 1024 * 1024) });
    const r = await post(big);
    expect([r.status, r.body.code]).toEqual([413, 'body.too_large']);
  });

  test.each([
    ["form=bma-community-plan-return' or PartitionKey ne '&fy=2563", 'query.invalid'],
    ['form=bma-community-plan-return&fy=2563 or true', 'query.invalid'],
    ["form=bma-community-plan-return&fy=2563&period=FY' or '1' eq '1", 'query.invalid'],
    ['form=bma-community-plan-return&fy=2563&by=district%20or%201', 'query.invalid'],
  ])('OData-looking input in query parameters: 400 (%s)', async (qs, code) => {
    const r = await raw(api, `/api/tallies?${qs}`);
    expect([r.status, r.body.code]).toEqual([400, code]);
  });

  test('OData-looking path segments: 400 or 404, never a query', async () => {
    const r = await raw(api, `/api/returns/bma-community-plan-return/2563/FY/${encodeURIComponent("1045' or '1' eq '1")}`);
    expect(r.status).toBe(400);
  });

  test('the same idempotency key with another body: 422', async () => {
    const key = 'idem-key-reused-1';
    const other = await requestFor(sample('community-plan/districts/1046.xlsx'));
    const first = await post(good, 'dev-hq', { 'Idempotency-Key': key });
    expect(first.status).toBe(201); // a new version of 1045: still one return stored
    const r = await post(other, 'dev-hq', { 'Idempotency-Key': key });
    expect([r.status, r.body.code]).toEqual([422, 'idempotency.key_reused']);
  });
});
