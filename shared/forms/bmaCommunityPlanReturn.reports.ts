import type { ReportLayout } from '../report/reportLayout';

const h = (th: string, en: string) => ({ th, en });

/** Districts that count (or not) for an indicator show ✓ or `–`; the total row counts them. */
const UNIT_FLAGS = { districts_meeting_held: 'yesMark', districts_with_plan_projects: 'yesMark' } as const;

/**
 * Form 2's report tables: the indicator table (value and percentage of its base, the
 * KPI's target and traffic light) and districts × indicators.
 */
export const bmaCommunityPlanReturnReports: ReportLayout[] = [
  {
    name: 'indicators',
    shape: 'measureRows',
    title: h('ตัวชี้วัดโครงการ 21000000-3142 ภาพรวม', 'Project 21000000-3142 indicators, overall'),
    sheet: 'ตัวชี้วัด',
    by: 'hq',
    measures: {},
    columns: [
      { show: 'label', heading: h('ตัวชี้วัด', 'Indicator') },
      { show: 'figure', field: 'value', heading: h('ผลการดำเนินงาน', 'Value'), format: 'amount', formatFor: { districts: 'ofExpected' } },
      { show: 'figure', field: 'pct', heading: h('ร้อยละ', '%'), format: 'percent', omitFor: ['districts'] },
      { show: 'figure', field: 'target', heading: h('ค่าเป้าหมาย', 'Target'), format: 'percentSign', none: 'blank' },
      { show: 'status', follows: 'pct', heading: h('สถานะ', 'Status') },
    ],
  },
  {
    name: 'districts-by-indicator',
    shape: 'groupRows',
    title: h('ผลการดำเนินงาน รายเขต × ตัวชี้วัด', 'Districts × indicators'),
    sheet: 'รายเขต',
    by: 'district',
    titles: { zone: h('ผลการดำเนินงาน รายกลุ่มเขต × ตัวชี้วัด', 'Zones × indicators') },
    measures: {
      include: [
        'communities_total',
        'communities_existing_plan',
        'communities_new_plan',
        'districts_meeting_held',
        'budget_received',
        'budget_disbursed',
        'budget_returned',
        'budget_balance',
        'projects_in_plan_2563',
        'projects_in_plan_2564',
        'districts_with_plan_projects',
      ],
    },
    blocks: 'single',
    total: true,
    columns: [{ show: 'unit', heading: h('สำนักงานเขต', 'District') }],
    eachMeasure: [{ show: 'figure', field: 'value', heading: h('ผล', 'Value'), format: 'amount', formatFor: UNIT_FLAGS }],
    chart: { title: h('ร้อยละการเบิกจ่ายงบประมาณ รายหน่วยงาน', '% of budget disbursed by unit'), field: 'pct', measures: ['budget_disbursed'] },
  },
];
