import { UNITS, builtInForm } from '../support/builtIn';
import { consolidateReturns } from '@returns-hub/shared/consolidate/consolidateReturns';
import { sample, sampleFiles } from '../support/samples';
import { entriesOf, returnsIn } from '../support/sampleReports';
import { expectCodiKpi51ByRegion, expectCodiNationalFigures, expectCommunityPlanFigures } from '../support/formsFigures';

const formById = (id: string) => builtInForm(id);

describe('consolidation of the samples reproduces FORMS.md (pure, no storage)', () => {
  const form2 = formById('bma-community-plan-return')!;
  const form3 = formById('codi-quarterly-kpi')!;

  test('Form 2: the 50 districts', async () => {
    const t = consolidateReturns(form2, UNITS, entriesOf(await returnsIn(sampleFiles('community-plan/districts'))), { fiscalYear: 2563, period: 'FY', by: 'hq' });
    expectCommunityPlanFigures(t);
  });

  test('Form 2: the other layouts replace their districts and change no figure', async () => {
    const rs = [...(await returnsIn(sampleFiles('community-plan/districts'))), ...(await returnsIn(sampleFiles('community-plan/layouts')))];
    expectCommunityPlanFigures(consolidateReturns(form2, UNITS, entriesOf(rs), { fiscalYear: 2563, period: 'FY', by: 'hq' }));
  });

  test('Form 2 by zone adds up to HQ', async () => {
    const es = entriesOf(await returnsIn(sampleFiles('community-plan/districts')));
    const zones = consolidateReturns(form2, UNITS, es, { fiscalYear: 2563, period: 'FY', by: 'zone' });
    expect(zones.groups).toHaveLength(6);
    const total = zones.groups.reduce((a, g) => a + (g.measures.find((m) => m.id === 'budget_disbursed')!.value as number), 0);
    expect(total).toBe(583203);
    expect(zones.groups.reduce((a, g) => a + g.received, 0)).toBe(50);
  });

  test('Form 3: national through Q2, and KPI 5.1 by region', async () => {
    const es = entriesOf(await returnsIn(sampleFiles('codi-kpi')));
    expectCodiNationalFigures(consolidateReturns(form3, UNITS, es, { fiscalYear: 2563, period: 'Q2', by: 'hq' }));
    expectCodiKpi51ByRegion(consolidateReturns(form3, UNITS, es, { fiscalYear: 2563, period: 'Q2', by: 'region' }));
  });

  test('Form 4: welfare by type', async () => {
    const t = consolidateReturns(formById('welfare-fund-tally')!, UNITS, entriesOf(await returnsIn([sample('welfare/wang-thonglang-2564.xlsx')])), { fiscalYear: 2564, period: 'FY', by: 'hq' });
    const m = (id: string) => t.groups[0].measures.find((x) => x.id === id)!.value;
    expect([m('total:persons'), m('total:amount')]).toEqual([251, 189900]);
    expect(m('item:สวัสดิการผู้สูงอายุ:persons')).toBe(47);
    expect(m('item:สวัสดิการผู้สูงอายุ:returns')).toBe(1);
  });

  test('Form 1: project progress tallies by district and period', async () => {
    const form1 = formById('bma-project-progress')!;
    const es = entriesOf(await returnsIn(sampleFiles('project-progress')));
    const t = consolidateReturns(form1, UNITS, es, { fiscalYear: 2564, period: 'FY', by: 'hq' });
    const m = (id: string) => t.groups[0].measures.find((x) => x.id === id)!;
    expect(m('projects').value).toBe(2); // seed000 (1045) and seed001 (1047) are FY 2564
    expect(m('completed').value).toBe(2);
    expect(m('completed_on_target').pct).toBe(100);
    const q2 = consolidateReturns(form1, UNITS, es, { fiscalYear: 2564, period: 'Q2', by: 'district' });
    const bangNa = q2.groups.find((g) => g.orgUnit === '1047')!.measures.find((x) => x.id === 'latest_progress')!;
    expect(bangNa.value).toBe(92); // last report by end of March 2021: 23/03/2564, 92 %
  });
});
