import type { Measure, Tally } from '@returns-hub/shared/consolidate/tally';

/** FORMS.md's figures, asserted on a tally (the acceptance numbers). Percentages are checked at 2 decimals. */
const r2 = (x: number | null | undefined) => (x === null || x === undefined ? x : Math.round(x * 100) / 100);

function measure(t: Tally, group: string, id: string): Measure {
  const g = t.groups.find((x) => x.orgUnit === group);
  if (!g) throw new Error(`no group ${group} in tally`);
  const m = g.measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id} in ${group}`);
  return m;
}

/** Form 2 at HQ (BMA), FY 2563. */
export function expectCommunityPlanFigures(t: Tally): void {
  const m = (id: string) => measure(t, 'BMA', id);
  const g = t.groups.find((x) => x.orgUnit === 'BMA')!;
  expect([g.received, g.expected]).toEqual([50, 50]);
  expect(m('districts').value).toBe(50);
  expect([m('communities_total').value, m('communities_existing_plan').value, m('communities_new_plan').value]).toEqual([2068, 1182, 886]);
  expect([r2(m('communities_existing_plan').pct), r2(m('communities_new_plan').pct)]).toEqual([57.16, 42.84]);
  expect([m('districts_meeting_held').value, r2(m('districts_meeting_held').pct)]).toEqual([17, 34]);
  expect(m('budget_received').value).toBe(3267440);
  expect([m('budget_disbursed').value, r2(m('budget_disbursed').pct)]).toEqual([583203, 17.85]);
  expect([m('districts_disbursed').value, r2(m('districts_disbursed').pct)]).toEqual([16, 32]);
  expect([m('budget_returned').value, r2(m('budget_returned').pct)]).toEqual([774695, 23.71]);
  expect([m('districts_returned').value, r2(m('districts_returned').pct)]).toEqual([12, 24]);
  expect([m('budget_balance').value, r2(m('budget_balance').pct)]).toEqual([1909542, 58.44]);
  expect([m('districts_with_balance').value, r2(m('districts_with_balance').pct)]).toEqual([38, 76]);
  expect([m('projects_in_plan_2563').value, m('projects_in_plan_2564').value]).toEqual([343, 273]);
  expect([m('districts_with_plan_projects').value, r2(m('districts_with_plan_projects').pct), m('districts_with_plan_projects').target]).toEqual([44, 88, 80]);
  expect(m('districts_with_plan_projects').status).toBe('green');
}

/** Form 3, national (CODI HQ), FY 2563 through Q2. */
export function expectCodiNationalFigures(t: Tally): void {
  const m = (id: string) => measure(t, 'CODI', id);
  const row = (id: string) => {
    const x = m(id);
    return [x.annualTarget, x.targetToDate, x.byQuarter![0], x.byQuarter![1], x.value, r2(x.pctOfAnnual), r2(x.pctOfTargetToDate)];
  };
  expect(row('2')).toEqual([17000, 11012, 7300, 4015, 11315, 66.56, 102.75]);
  expect(m('2').score).toBe(0);
  expect(row('2.4')).toEqual([1000, 500, 106, 389, 495, 49.5, 99]);
  expect([m('2.4').remainingTarget, r2(m('2.4').periodPct)]).toEqual([394, 98.73]);
  expect(row('3')).toEqual([500, 13, 0, 311, 311, 62.2, null]);
  expect(row('5.1')).toEqual([8645, 466, 271, 593, 864, 9.99, 185.41]);
  expect(r2(m('5.1').quarterPct![0])).toBe(233.62);
  expect([m('5.1').remainingTarget, r2(m('5.1').periodPct)]).toEqual([195, 304.1]);
  expect(row('5.3')).toEqual([2289, 0, 170, 249, 419, 18.3, null]);
  expect([m('5.3').status, m('5.3').score]).toEqual([null, 0]);
  const k = m('8.5');
  expect([k.annualTarget, k.targetToDate, r2(k.byQuarter![0]), r2(k.value), r2(k.pctOfTargetToDate)]).toEqual([96, 40, 9.56, 55.59, 138.97]);
  expect([Math.round(k.numerator! * 1e4) / 1e4, Math.round(k.denominator! * 1e4) / 1e4]).toEqual([1465.9075, 2637.1756]);
}

/** KPI 5.1 by region, the table CODI printed: annual | Q1 | Q2 | cumulative. */
export function expectCodiKpi51ByRegion(t: Tally): void {
  const row = (region: string) => {
    const x = measure(t, region, '5.1');
    return [x.annualTarget, x.byQuarter![0], x.byQuarter![1], x.value];
  };
  expect(row('N')).toEqual([5875, 155, 265, 420]);
  expect(row('NE')).toEqual([600, 116, 71, 187]);
  expect(row('S')).toEqual([1570, 0, 47, 47]);
  expect(row('CW')).toEqual([300, 0, 0, 0]);
  expect(row('BE')).toEqual([300, 0, 210, 210]);
}
