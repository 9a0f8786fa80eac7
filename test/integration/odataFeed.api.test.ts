import { OData, defaultProxy } from '@odata/client';
import { parse as parseEdmx } from '@sap-ux/edmx-parser';
import { startApi, raw, uploadFiles, type Api } from '../support/apiHarness';
import { sampleFiles } from '../support/samples';
import { formsCommunityPlan } from '../support/formsTables';
import { testEntra, TEST_TENANT, TEST_AUDIENCE, type TestEntra } from '../support/testEntra';

// The feed read by clients that are not ours: @odata/client for queries, SAP's @sap-ux/edmx-parser for $metadata.

let api: Api;
let entra: TestEntra;
beforeAll(async () => {
  entra = await testEntra();
  // Development keys and Entra tokens both, as a deployment with RETURNS_API_KEYS would take them.
  api = await startApi({ config: { entra: entra.config } });
  const hq = api.client();
  await uploadFiles(hq, sampleFiles('community-plan/districts'));
}, 120_000);
afterAll(async () => api?.close());

const FORM2 = 'bma-community-plan-return';
const RECORDS = 'Records_bma_community_plan_return';

function client(bearer: string, headers: Record<string, string> = {}) {
  return OData.New4({ serviceEndpoint: `${api.url}/api/odata/`, commonHeaders: { Authorization: `Bearer ${bearer}`, ...headers } });
}

/** FORMS.md's Form 2 figure as a number (`3,267,440` → 3267440; `50 / 50` → 50). */
const figure = (text: string) => Number(text.split('/')[0].replace(/[,\s]/g, ''));

describe('the OData v4 feed (/api/odata), read by independent OData libraries', () => {
  test('$metadata parses (SAP edmx-parser): the entity sets, their types, Thai and English names as annotations', async () => {
    const res = await raw(api, '/api/odata/$metadata');
    expect(res.status).toBe(200);
    expect(res.headers.get('odata-version')).toBe('4.0');
    const meta: ParsedMetadata = parseEdmx(res.body as string);
    expect(meta.version).toBe('4.0');
    const sets = meta.schema.entitySets.map((s) => s.name);
    expect(sets).toEqual(expect.arrayContaining(['Tallies', 'Completeness', RECORDS, 'Records_codi_quarterly_kpi']));
    const recordType = meta.schema.entityTypes.find((t) => t.name === 'Record_bma_community_plan_return')!;
    expect(recordType.keys.map((k) => k.name)).toEqual(['Id']);
    const disbursed = recordType.entityProperties.find((p) => p.name === 'budget_disbursed')!;
    expect(disbursed.type).toBe('Edm.Decimal');
    const annotations = meta.schema.annotations['serviceFile'].flatMap((a) => a.annotations.map((x) => ({ target: a.target, term: x.term, value: x.value })));
    const nameOf = (target: string, lang: 'th' | 'en') => annotations.find((a) => a.target === target && a.term === `ReturnsHub.Name_${lang}`)?.value;
    expect(nameOf('ReturnsHub.Record_bma_community_plan_return/budget_disbursed', 'th')).toEqual({ type: 'String', String: 'งบประมาณที่เบิกจ่ายแล้ว' });
    expect(nameOf('ReturnsHub.Record_bma_community_plan_return/budget_disbursed', 'en')).toEqual({ type: 'String', String: 'Budget disbursed' });
    expect(nameOf('ReturnsHub.Container/Tallies', 'th')).toEqual({ type: 'String', String: 'ยอดรวม' });
  });

  test('the service document lists the entity sets (@odata/client)', async () => {
    const { content } = await defaultProxy(`${api.url}/api/odata`, { headers: { Authorization: 'Bearer dev-hq', Accept: 'application/json' } });
    const doc: { value: { name: string; kind: string }[] } = content;
    expect(doc.value.map((v) => v.name)).toEqual(expect.arrayContaining(['Tallies', 'Completeness', RECORDS]));
    expect(new Set(doc.value.map((v) => v.kind))).toEqual(new Set(['EntitySet']));
  });

  test("a filtered, paged query of Form 2 records returns the 50 districts' figures", async () => {
    const records = client('dev-hq').getEntitySet(RECORDS);
    const filter = OData.newFilter().field('FiscalYear').eq(2563).field('Period').eqString('FY');
    const rows: Record<string, number | string | null>[] = [];
    for (let skip = 0; skip < 100; skip += 20) {
      const page = await records.query(OData.newParam().filter(filter).top(20).skip(skip).select(['OrgUnit', 'budget_received', 'budget_disbursed', 'communities_total']));
      rows.push(...page);
      if (page.length < 20) break;
    }
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.OrgUnit)).size).toBe(50);
    const fig = formsCommunityPlan();
    const sum = (k: string) => rows.reduce((n, r) => n + Number(r[k]), 0);
    expect([sum('budget_received'), sum('budget_disbursed'), sum('communities_total')]).toEqual(['budget_received', 'budget_disbursed', 'communities_total'].map((id) => figure(fig.get(id)!.value)));
    expect(Object.keys(rows[0]).sort()).toEqual(['OrgUnit', 'budget_disbursed', 'budget_received', 'communities_total']);
    // A unit's own figures, by a filter on its name in Thai.
    const wang = await records.query(OData.newParam().filter("FiscalYear eq 2563 and OrgUnitName eq 'วังทองหลาง'"));
    expect(wang.map((r) => r.OrgUnit)).toEqual(['1045']);
  });

  test("server-driven paging: @odata.nextLink until the end, the count said once (the client's own query string and fetch layer)", async () => {
    const headers = { Authorization: 'Bearer dev-hq', Accept: 'application/json', Prefer: 'odata.maxpagesize=15' };
    const query = OData.newParam().filter('FiscalYear eq 2563').count(true).toString('v4');
    const first: Page = (await defaultProxy(`${api.url}/api/odata/${RECORDS}?${query}`, { headers })).content;
    expect(first['@odata.count']).toBe(50);
    const seen = [...first.value];
    let next = first['@odata.nextLink'];
    for (let i = 0; next && i < 10; i++) {
      const page: Page = (await defaultProxy(next, { headers })).content;
      seen.push(...page.value);
      next = page['@odata.nextLink'];
    }
    expect(seen).toHaveLength(50);
    expect(new Set(seen.map((r) => r.Id)).size).toBe(50);
  });

  test("the Tallies entity gives FORMS.md's Form 2 figures (headquarters level), and each district's at district level", async () => {
    const tallies = client('dev-hq').getEntitySet('Tallies');
    const hq = await tallies.query(OData.newParam().filter(`FormId eq '${FORM2}' and FiscalYear eq 2563 and Level eq 'hq'`));
    const fig = formsCommunityPlan();
    expect(hq.length).toBe(fig.size);
    for (const [id, { value, pct }] of fig) {
      const row = hq.find((r) => r.Measure === id);
      expect([id, row?.Value]).toEqual([id, figure(value)]);
      if (pct !== null) expect([id, Math.round(row.Pct * 100) / 100]).toEqual([id, Number(pct)]);
      expect(row).toMatchObject({ OrgUnit: 'BMA', Include: 'all', Received: 50, Expected: 50 });
    }
    const districts = await tallies.query(OData.newParam().filter(`FormId eq '${FORM2}' and FiscalYear eq 2563 and Level eq 'district' and Measure eq 'budget_disbursed'`).top(100));
    expect(districts).toHaveLength(50);
    expect(districts.reduce((n, r) => n + r.Value, 0)).toBe(583203);
    const accepted = await tallies.query(OData.newParam().filter(`FormId eq '${FORM2}' and FiscalYear eq 2563 and Level eq 'hq' and Include eq 'accepted' and Measure eq 'budget_disbursed'`));
    expect(accepted).toMatchObject([{ Include: 'accepted', Value: 0 }]);
  });

  test('completeness: every expected district, its status; filtered by status', async () => {
    const completeness = client('dev-hq').getEntitySet('Completeness');
    const rows = await completeness.query(OData.newParam().filter(`FormId eq '${FORM2}' and FiscalYear eq 2563`).top(100));
    expect(rows).toHaveLength(50);
    expect(rows.every((r) => r.Status === 'submitted' && r.StatusName === 'ส่งแล้ว รอตรวจ')).toBe(true);
    expect(await completeness.query(OData.newParam().filter(`FormId eq '${FORM2}' and FiscalYear eq 2563 and Status eq 'accepted'`))).toEqual([]);
  });

  test('scoped as the exports are: a unit key reads its own unit only', async () => {
    const own = await client('dev-unit-1045').getEntitySet(RECORDS).query(OData.newParam().filter('FiscalYear eq 2563'));
    expect(own.map((r) => r.OrgUnit)).toEqual(['1045']);
    const completeness = await client('dev-unit-1045')
      .getEntitySet('Completeness')
      .query(OData.newParam().filter(`FormId eq '${FORM2}' and FiscalYear eq 2563`));
    expect(completeness.map((r) => r.OrgUnit)).toEqual(['1045']);
  });

  test('an Entra token of the tenant reads the feed; a request without one gets 401 with the challenge Power Query follows', async () => {
    const token = await entra.token({ roles: ['Returns.HQ'], oid: 'analyst-1', preferred_username: 'analyst@agency.go.th' });
    const rows = await client(token).getEntitySet(RECORDS).query(OData.newParam().filter("FiscalYear eq 2563 and OrgUnit eq '1045'"));
    expect(rows).toHaveLength(1);
    for (const path of ['/api/odata', '/api/odata/$metadata', `/api/odata/${RECORDS}`]) {
      const res = await raw(api, path, { key: null });
      expect([path, res.status]).toEqual([path, 401]);
      expect(res.headers.get('www-authenticate')).toBe(`Bearer authorization_uri=https://login.microsoftonline.com/${TEST_TENANT}/oauth2/authorize, resource_id=${TEST_AUDIENCE}`);
    }
  });

  test('what the feed does not understand is refused, never ignored (400, in English and Thai)', async () => {
    const cases: [string, RegExp][] = [
      [`${RECORDS}?$filter=FiscalYear eq 2563 and Budget gt 0`, /has no property Budget/],
      [`${RECORDS}?$filter=FiscalYear eq 2563 and length(OrgUnit) eq 4`, /function length is not one the feed reads/],
      [`${RECORDS}?$expand=Unit`, /does not support \$expand/],
      [`${RECORDS}?$filter=FiscalYear ge 2560`, /Filter FiscalYear with eq or in/],
      [`${RECORDS}?$top=-1`, /\$top must be a whole number/],
      ['Nothing', /The feed has no Nothing/],
    ];
    for (const [path, message] of cases) {
      const res = await raw(api, `/api/odata/${path}`);
      expect([path, res.status]).toEqual([path, path === 'Nothing' ? 404 : 400]);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.detail_th).toMatch(/[\u0E00-\u0E7F]/);
    }
  });
});

/** The part of @sap-ux/edmx-parser's RawMetadata this test reads (its types ship in a package it only develops with). */
interface ParsedMetadata {
  version: string;
  schema: {
    entitySets: { name: string }[];
    entityTypes: { name: string; keys: { name: string }[]; entityProperties: { name: string; type: string }[] }[];
    annotations: Record<string, { target: string; annotations: { term: string; value: unknown }[] }[]>;
  };
}

interface Page {
  value: { Id: string }[];
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
}
