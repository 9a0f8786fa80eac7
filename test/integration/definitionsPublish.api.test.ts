import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@returns-hub/cli/main';
import { builtInDocuments } from '@returns-hub/forms';
import type { DefinitionDocument } from '@returns-hub/shared/definitions/definitionDocument';
import type { Tally } from '@returns-hub/shared/consolidate/tally';
import { startApi, requestFor, raw, uploadFiles, type Api } from '../support/apiHarness';
import { sampleFiles, sample } from '../support/samples';
import { expectCodiKpi51ByRegion, expectCodiNationalFigures, expectCommunityPlanFigures } from '../support/formsFigures';
import { entriesOf, reportInputOf, returnsIn, sampleReportInputs } from '../support/sampleReports';
import { builtInForm } from '../support/builtIn';
import { hasErrors } from '@returns-hub/shared/issues/severity';

let api: Api;
let dir: string;
beforeAll(async () => {
  api = await startApi();
  dir = mkdtempSync(join(tmpdir(), 'definitions-'));
}, 60_000);
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The CLI as headquarters runs it against this API: its exit status and what it printed. */
async function returns(...args: string[]): Promise<{ status: number; out: string }> {
  const lines: string[] = [];
  const status = await main(['forms', ...args, '--api', api.url, '--key', 'dev-hq'], (s) => lines.push(s));
  return { status, out: lines.join('\n') };
}

const codi = (): DefinitionDocument => structuredClone(builtInDocuments().find((d) => d.kind === 'form' && d.form.id === 'codi-quarterly-kpi')!);
const post = (key: string | null, doc: unknown, headers: Record<string, string> = { 'If-None-Match': '*' }) =>
  raw(api, '/api/definitions/codi-quarterly-kpi?fy=2564', { method: 'POST', key, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(doc) });

describe('publishing definitions through the API', () => {
  test('a district key, a zone key and an unsigned request cannot publish (403, 403, 401); nothing is published', async () => {
    expect((await post('dev-unit-1045', codi())).status).toBe(403);
    expect((await post('dev-zone-Z-C', codi())).status).toBe(403);
    const unsigned = await post(null, codi());
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.detail_th).toBeTruthy();
    const versions = await api.client().definitionVersions();
    expect(versions.documents.flatMap((d) => d.versions)).toEqual([]);
    const listed = await returns('list');
    expect(listed.out.split('\n').slice(0, 3)).toEqual([
      'every fiscal year: nothing published yet · ทุกปีงบประมาณ: ยังไม่มีการเผยแพร่',
      expect.stringMatching(/^ {2}bma-community-plan-return {2}/),
      '    in force: built in',
    ]);
  });

  test('a broken definition is refused at its paths in Thai and English; nothing is published', async () => {
    const doc = codi();
    if (doc.kind !== 'form') throw new Error('form');
    (doc.form.fields[0] as { type: string }).type = 'nmber';
    const r = await post('dev-hq', doc);
    expect(r.status).toBe(422);
    expect(r.body.issues.map((i: { cell: string; message_en: string }) => [i.cell, i.message_en])).toEqual([
      ['form.fields[0].type', expect.stringMatching(/^type "nmber" is unknown; the type values are text, code/)],
    ]);
    expect(r.body.issues[0].message_th).toMatch(/^type "nmber" ไม่มีในรายการที่รู้จัก/);
    expect((await api.client().definitionVersions()).documents.flatMap((d) => d.versions)).toEqual([]);
  });

  test('export → publish unchanged → every FORMS.md figure of Forms 1–4 again; each stored version names the definition version that checked it', async () => {
    const forms = ['bma-project-progress', 'bma-community-plan-return', 'codi-quarterly-kpi', 'welfare-fund-tally'];
    for (const form of forms) {
      const file = join(dir, `${form}.xlsx`);
      expect(await returns('export', '--form', form, '--fy', '2563', '--out', file)).toMatchObject({ status: 0 });
      const published = await returns('publish', file, '--fy', '2563');
      expect(published.status).toBe(0);
      expect(published.out).toContain(`published ${form} version 1 for fiscal year 2563 onwards (hq-key,`);
    }
    const listed = await returns('list', '--fy', '2564');
    expect(listed.out).toContain('version 1: from fiscal year 2563, published by hq-key');
    const hq = api.client();
    const year = await hq.definitions({ fy: 2563 });
    expect(year.documents.filter((d) => forms.includes(d.id)).map((d) => d.version)).toEqual([1, 1, 1, 1]);

    // Form 2: the 50 districts.
    await uploadFiles(hq, sampleFiles('community-plan/districts'));
    expectCommunityPlanFigures(await hq.tallies({ form: 'bma-community-plan-return', fy: 2563, period: 'FY', by: 'hq' }));
    const stored = await hq.getReturn({ form: 'bma-community-plan-return', fy: 2563, period: 'FY', orgUnit: '1045' });
    expect(stored.checkedWith).toEqual({ form: 1, units: 0 });

    // Form 3: the ten CODI returns, Q1 first.
    const codiFiles = sampleFiles('codi-kpi').sort((a, b) => (a.includes('Q1') === b.includes('Q1') ? a.localeCompare(b) : a.includes('Q1') ? -1 : 1));
    for (const file of codiFiles) expect((await hq.submit(await requestFor(file))).receipts[0].warnings).toBe(0);
    expectCodiNationalFigures(await hq.tallies({ form: 'codi-quarterly-kpi', fy: 2563, period: 'Q2', by: 'hq' }));
    expectCodiKpi51ByRegion(await hq.tallies({ form: 'codi-quarterly-kpi', fy: 2563, period: 'Q2', by: 'region' }));

    // Forms 1 and 4: the same figures as the built-in definitions give the samples (the project files without errors: the others are refused).
    const measures = (t: Tally | undefined) => t?.groups.map((g) => [g.orgUnit, g.received, g.measures]);
    const clean = (await Promise.all(sampleFiles('project-progress').map(async (f) => ({ f, rs: await returnsIn([f]) })))).filter((x) => x.rs.every((r) => !hasErrors(r.issues)));
    expect(clean.length).toBeGreaterThan(1);
    const cleanFiles = clean.map(({ f }) => f);
    await uploadFiles(hq, cleanFiles);
    const projects = reportInputOf(builtInForm('bma-project-progress'), entriesOf(clean.flatMap((x) => x.rs)), 2564, 'FY');
    expect(measures(await hq.tallies({ form: 'bma-project-progress', fy: 2564, period: 'FY', by: 'hq' }))).toEqual(measures(projects.tallies.hq));
    await hq.submit(await requestFor(sample('welfare/wang-thonglang-2564.xlsx')));
    const welfare = await hq.tallies({ form: 'welfare-fund-tally', fy: 2564, period: 'FY', by: 'hq' });
    expect(measures(welfare)).toEqual(measures((await sampleReportInputs())['welfare-fund-tally'].tallies.hq));
    expect(['total:persons', 'total:amount'].map((id) => welfare.groups[0].measures.find((m) => m.id === id)?.value)).toEqual([251, 189_900]);
  }, 300_000);

  test('a publish names the version it follows: none is 428; a stale one is 412 naming who published since; each version stays listed', async () => {
    const doc = codi();
    const none = await post('dev-hq', doc, {});
    expect(none.status).toBe(428);
    const first = await api.client().definition('codi-quarterly-kpi');
    expect(first.head?.version).toBe(1); // published by the test above, for 2563
    const second = await post('dev-hq', doc, { 'If-Match': first.head!.etag });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: 'codi-quarterly-kpi', version: 2, fromFiscalYear: 2564, publishedBy: 'hq-key' });
    expect(second.headers.get('etag')).toBeTruthy();
    const stale = await post('dev-hq', doc, { 'If-Match': first.head!.etag });
    expect(stale.status).toBe(412);
    expect(stale.body.detail).toMatch(/^Version 2 was published since you read it, by hq-key \(/);
    expect(stale.body.detail_th).toMatch(/^มีการเผยแพร่ฉบับที่ 2/);
    const versions = (await api.client().definitionVersions()).documents.find((d) => d.id === 'codi-quarterly-kpi')!.versions;
    expect(versions.map((v) => [v.version, v.fromFiscalYear, v.publishedBy])).toEqual([
      [1, 2563, 'hq-key'],
      [2, 2564, 'hq-key'],
    ]);
    // FY 2563 keeps its version; 2564 and later take the new one.
    expect((await api.client().definitions({ fy: 2563 })).documents.find((d) => d.id === 'codi-quarterly-kpi')!.version).toBe(1);
    expect((await api.client().definitions({ fy: 2566 })).documents.find((d) => d.id === 'codi-quarterly-kpi')!.version).toBe(2);
  });
});
