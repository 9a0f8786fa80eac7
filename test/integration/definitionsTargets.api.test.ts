import type { DefinitionDocument } from '@returns-hub/shared/definitions/definitionDocument';
import type { Target } from '@returns-hub/shared/forms/formDef';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { startApi, type Api } from '../support/apiHarness';
import { sampleFiles } from '../support/samples';
import { expectCodiKpi51ByRegion, expectCodiNationalFigures } from '../support/formsFigures';
import { apiDefinitions, gridsOf, requestOf, setCell } from '../support/definitionSamples';
import { UNITS } from '../support/builtIn';

let api: Api;
beforeAll(async () => (api = await startApi()), 60_000);
afterAll(async () => api?.close());

const quarterOrder = (files: string[]) => [...files].sort((a, b) => (a.includes('Q1') === b.includes('Q1') ? a.localeCompare(b) : a.includes('Q1') ? -1 : 1));
/** The target columns of a CODI sheet (annual, Q1–Q4) and its KPI rows (7–13). */
const TARGET_COLUMNS = ['D', 'E', 'F', 'G', 'H'];
const KPI_ROWS = [7, 8, 9, 10, 11, 12, 13];

/** Headquarters' targets as the regions' Q2 sheets state them: one a region and KPI. */
async function targetsOfSamples(): Promise<Target[]> {
  const out: Target[] = [];
  for (const file of sampleFiles('codi-kpi').filter((f) => f.includes('Q2'))) {
    const [grid] = await gridsOf(file);
    const region = UNITS.resolve(String(grid.rows[1]?.[0]?.value ?? '').split(':')[1], ['region']);
    if (!region.ok) throw new Error(file);
    for (const r of KPI_ROWS) {
      const cells = grid.rows[r - 1] ?? [];
      const [annual, q1, q2, q3, q4] = [3, 4, 5, 6, 7].map((c) => cells[c]?.value);
      if (typeof annual !== 'number') continue;
      const t: Target = { unit: region.unit.code, code: String(cells[0]!.value), annual };
      [q1, q2, q3, q4].forEach((q, k) => typeof q === 'number' && (t[(['q1', 'q2', 'q3', 'q4'] as const)[k]] = q));
      out.push(t);
    }
  }
  return out;
}

describe("headquarters' targets", () => {
  test("sheets without targets are read with headquarters' (FORMS.md's CODI figures unchanged); a sheet stating another is warned at both cells and headquarters' is used", async () => {
    const hq = api.client();
    const targets = await targetsOfSamples();
    expect(targets.length).toBeGreaterThan(25);
    const doc: DefinitionDocument = (await hq.definition('codi-quarterly-kpi', { fy: 2563 })).doc;
    if (doc.kind !== 'form') throw new Error('form');
    doc.form.targets = targets;
    expect(await hq.publishDefinition('codi-quarterly-kpi', 2563, doc, null)).toMatchObject({ version: 1 });
    const source = await apiDefinitions(hq, 2563);

    // Every sheet with its target cells emptied: headquarters' are used.
    for (const file of quarterOrder(sampleFiles('codi-kpi'))) {
      let grids = await gridsOf(file);
      for (const r of KPI_ROWS) for (const c of TARGET_COLUMNS) grids = setCell(grids, `${c}${r}`, null);
      const res = await hq.submit(requestOf(file, grids, source));
      expect(res.receipts[0].warnings).toBe(0);
    }
    expectCodiNationalFigures(await hq.tallies({ form: 'codi-quarterly-kpi', fy: 2563, period: 'Q2', by: 'hq' }));
    expectCodiKpi51ByRegion(await hq.tallies({ form: 'codi-quarterly-kpi', fy: 2563, period: 'Q2', by: 'region' }));

    // The northern region sends Q2 again with its own annual target for KPI 5.1 (6,000, not 5,875).
    const north = sampleFiles('codi-kpi').find((f) => f.endsWith('N-2563-Q2.xlsx'))!;
    const res = await hq.submit(requestOf('N-2563-Q2.xlsx', setCell(await gridsOf(north), 'D10', 6000), source));
    expect(res.receipts[0].warnings).toBe(1);
    const stored = await hq.getReturn({ form: 'codi-quarterly-kpi', fy: 2563, period: 'Q2', orgUnit: 'N' });
    const at = targets.findIndex((t) => t.unit === 'N' && t.code === '5.1') + 2;
    expect((stored.issues as Issue[]).map((i) => [i.severity, i.code, i.cell, i.message_en, i.message_th])).toEqual([
      [
        'warning',
        'target.differs',
        "'ไตรมาส 2'!D10",
        `"Annual target" (6,000) differs from headquarters' target (5,875; definition targets!C${at}): headquarters' is used`,
        `"เป้าหมายปี" (6,000) ไม่ตรงกับเป้าหมายที่ส่วนกลางกำหนด (5,875; นิยามแบบรายงาน targets!C${at}) จึงใช้เป้าหมายของส่วนกลาง`,
      ],
    ]);
    // Headquarters' target counts: the national figures are still FORMS.md's.
    expectCodiNationalFigures(await hq.tallies({ form: 'codi-quarterly-kpi', fy: 2563, period: 'Q2', by: 'hq' }));
  }, 180_000);
});
