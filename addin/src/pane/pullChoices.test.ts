import { paneDefinitions } from '../definitions/paneDefinitions';
import { defaultPullQuery, fiscalYearChoices, groupingChoices, layoutChoices, layoutOf, periodChoices, queryForForm, queryWithLayout } from './pullChoices';

/** The pane's forms with no API: the built-in ones. */
const formById = (id: string) => paneDefinitions.current().formById(id);

const codi = formById('codi-quarterly-kpi')!;
const plan = formById('bma-community-plan-return')!;
const projects = formById('bma-project-progress')!;

describe('pull choices', () => {
  test('a quarterly form offers quarters only; a yearly one the whole year; project progress all', () => {
    expect(periodChoices(codi, 'th').map((c) => c.label)).toEqual(['ไตรมาส 1', 'ไตรมาส 2', 'ไตรมาส 3', 'ไตรมาส 4']);
    expect(periodChoices(plan, 'th').map((c) => c.value)).toEqual(['FY']);
    expect(periodChoices(projects, 'en')).toHaveLength(17);
  });

  test('defaults: the current fiscal year in Bangkok, and the latest quarter that has ended', () => {
    // 30 Sep 2025 18:00 UTC is already 1 Oct 2025 in Bangkok: fiscal year 2569 has begun.
    const now = new Date('2025-09-30T18:00:00Z');
    expect(defaultPullQuery(plan, now)).toEqual({ form: plan.id, fy: 2569, period: 'FY', by: 'district' });
    expect(defaultPullQuery(codi, now)).toMatchObject({ fy: 2568, period: 'Q4', by: 'region' });
    expect(defaultPullQuery(codi, new Date('2026-02-10T03:00:00Z'))).toMatchObject({ fy: 2569, period: 'Q1' });
  });

  test('fiscal years: current first, with the Common Era span in English', () => {
    const years = fiscalYearChoices(new Date('2020-05-01T00:00:00Z'), 'en');
    expect(years[0]).toEqual({ value: 2563, label: '2563 (Oct 2019 – Sep 2020)' });
    expect(years).toHaveLength(10);
    expect(fiscalYearChoices(new Date('2020-05-01T00:00:00Z'), 'th')[0].label).toBe('2563');
  });

  test('groupings in words, only those the form is tallied by', () => {
    expect(groupingChoices(plan, 'th').map((c) => c.label)).toEqual(['รายเขต', 'กลุ่มเขต', 'ทั้งหมด']);
    expect(groupingChoices(codi, 'th').map((c) => c.label)).toEqual(['ภาค', 'ทั้งหมด']);
  });

  test('changing the form keeps only choices the new form has', () => {
    const now = new Date('2020-05-01T00:00:00Z');
    const q = queryForForm({ form: plan.id, fy: 2562, period: 'FY', by: 'district' }, codi, now);
    expect(q).toEqual({ form: codi.id, fy: 2563, period: 'Q2', by: 'region' });
  });

  test('layouts: the form’s printable reports by their titles, named as the CLI’s --layout takes them', () => {
    expect(layoutChoices(codi, 'th')).toEqual([
      { value: 'kpi-table', label: 'ผลการดำเนินงานตามตัวชี้วัด ระดับประเทศ' },
      { value: 'kpi-by-region', label: 'ผลการดำเนินงานตามตัวชี้วัด รายภาค' },
      { value: 'regions-by-kpi', label: 'ผลการดำเนินงาน ภาค × ตัวชี้วัด' },
    ]);
    expect(layoutChoices(plan, 'en').map((c) => c.label)).toEqual(['Project 21000000-3142 indicators, overall', 'Districts × indicators']);
  });

  test('without a choice the layout follows the grouping; a chosen layout brings its own grouping and survives a grouping change', () => {
    const q = { form: plan.id, fy: 2563, period: 'FY', by: 'district' } as const;
    expect([layoutOf(q), layoutOf({ ...q, by: 'hq' }), layoutOf({ ...q, by: 'zone' })]).toEqual(['districts-by-indicator', 'indicators', 'districts-by-indicator']);
    const chosen = queryWithLayout(q, plan, 'indicators');
    expect(chosen).toEqual({ ...q, by: 'hq', layout: 'indicators' });
    expect(layoutOf({ ...chosen, by: 'zone' })).toBe('indicators');
    expect(queryWithLayout(q, plan, 'kpi-table')).toBe(q); // not this form's
  });

  test('changing the form drops a layout the new form does not have', () => {
    const now = new Date('2020-05-01T00:00:00Z');
    expect(queryForForm({ form: codi.id, fy: 2563, period: 'Q2', by: 'region', layout: 'kpi-by-region' }, plan, now)).toEqual({ form: plan.id, fy: 2563, period: 'FY', by: 'district' });
    expect(queryForForm({ form: codi.id, fy: 2563, period: 'Q2', by: 'region', layout: 'kpi-by-region' }, codi, now)).toMatchObject({ layout: 'kpi-by-region' });
  });
});
