import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createApiClient } from '@returns-hub/shared/api/client';
import { inlineFileChecker } from '@returns-hub/addin/send/files/fileChecker';
import { readBytes } from '@returns-hub/addin/send/files/readBytes';
import { SendController } from '@returns-hub/addin/send/sendController';
import { PaneDefinitions } from '@returns-hub/addin/definitions/paneDefinitions';
import { builtInDocuments } from '@returns-hub/forms';
import { startApi, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';

/** A chosen file, as the browser gives it. */
const fileOf = (path: string) => new File([readFileSync(path)], basename(path));
const district = (code: string) => fileOf(sample(`community-plan/districts/${code}.xlsx`));

let api: Api;
beforeAll(async () => {
  api = await startApi();
}, 60_000);
afterAll(async () => {
  await api?.close();
});

/** The page's controller over the real API on Azurite; `fetch` can be wrapped to drop connections and count requests. */
function controller(key: string, wrap: (f: typeof fetch) => typeof fetch = (f) => f) {
  const fetcher = wrap(fetch);
  const client = createApiClient({ baseUrl: api.url, key, fetch: (url, init) => fetcher(url, init), attempts: 1 });
  return new SendController(inlineFileChecker(readBytes), () => client, 'th');
}

describe("the clerk's page: sending", () => {
  test('clean files go bundled in one request; each file gets its receipt; HQ status is loaded after', async () => {
    let posts = 0;
    const c = controller('dev-hq', (f) => (url, init) => (init?.method === 'POST' && posts++, f(url, init)));
    await c.addFiles([district('1001'), district('1002'), fileOf(sample('community-plan/errors/1017-huai-khwang.xlsx'))]);
    expect(c.state.files.map((f) => f.status)).toEqual(['done', 'done', 'done']);
    await c.send();
    expect(posts).toBe(1);
    expect(c.state.send.status).toBe('sent');
    expect(c.state.files.map((f) => f.receipts.map((r) => r.orgUnit))).toEqual([['1001'], ['1002'], []]);
    expect(Object.values(c.state.hq).map((v) => [v.orgUnit, v.status])).toEqual(
      expect.arrayContaining([
        ['1001', 'submitted'],
        ['1002', 'submitted'],
      ]),
    );
  });

  test('a dropped connection: nothing lost; Retry sends the same body with the same idempotency key, stored once', async () => {
    const keys: string[] = [];
    let drop = true;
    const c = controller('dev-unit-1003', (f) => async (url, init) => {
      if (init?.method === 'POST') keys.push(new Headers(init.headers).get('Idempotency-Key')!);
      if (init?.method === 'POST' && drop) {
        drop = false;
        await f(url, init); // stored, but the answer never arrives
        throw new TypeError('Failed to fetch');
      }
      return f(url, init);
    });
    await c.addFiles([district('1003')]);
    await c.send();
    expect(c.state.send.status).toBe('offline');
    expect(c.state.send.outcome?.retry).toBe(true);
    await c.send();
    expect(c.state.send.status).toBe('sent');
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(c.state.files[0].receipts[0]).toMatchObject({ orgUnit: '1003', version: 1, replayed: true });
  });

  test('a bundle refused for what it holds is sent file by file: each file its own answer', async () => {
    const c = controller('dev-unit-1004');
    await c.addFiles([district('1004'), district('1005')]);
    await c.send();
    expect(c.state.send.status).toBe('refused');
    expect(c.state.files[0].receipts.map((r) => r.orgUnit)).toEqual(['1004']);
    expect(c.state.files[1].receipts).toEqual([]);
    expect(c.state.files[1].refusal?.text.th).toMatch(/^ส่วนกลางไม่รับข้อมูล: /);
  });

  test('not signed in: checking works, Send says to sign in first', async () => {
    const c = new SendController(inlineFileChecker(readBytes), () => null, 'en');
    await c.addFiles([district('1006')]);
    await c.send();
    expect(c.state.send).toMatchObject({ status: 'refused', outcome: { text: { en: expect.stringContaining('sign in') } } });
  });
});

describe("the clerk's page checks with the forms of the file's year as headquarters published them", () => {
  test('a year published with a stricter bound: the file is checked again with it (as the pane and the API check it); signed out, the built-in forms', async () => {
    const doc = structuredClone(builtInDocuments().find((d) => d.kind === 'form' && d.form.id === 'bma-community-plan-return')!);
    if (doc.kind !== 'form') throw new Error('a form');
    for (const f of [...doc.form.fields, ...(doc.form.table?.columns ?? [])]) if (f.id === 'communities_total') f.max = 1; // the record's field and the district table's column
    await api.client().publishDefinition('bma-community-plan-return', 2563, doc, null);

    const client = createApiClient({ baseUrl: api.url, key: 'dev-unit-1007', fetch, attempts: 1 });
    const definitions = new PaneDefinitions();
    definitions.use(() => client);
    const signedIn = new SendController(inlineFileChecker(readBytes), () => client, 'th', definitions);
    await signedIn.addFiles([district('1007')]);
    const codes = (c: SendController) => c.state.files[0].reading!.sheets.flatMap((s) => s.issues.map((i) => i.code));
    expect(signedIn.state.files[0].status).toBe('done');
    expect(codes(signedIn)).toContain('value.above_max');
    expect(signedIn.state.files[0].reading!.sheets[0].returns[0]).toMatchObject({ orgUnit: '1007', fiscalYear: 2563, errors: 1 });

    const signedOut = new SendController(inlineFileChecker(readBytes), () => null, 'th', new PaneDefinitions());
    await signedOut.addFiles([district('1007')]);
    expect(codes(signedOut)).not.toContain('value.above_max');
  });
});
