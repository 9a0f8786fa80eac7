import type { ReportLayout } from '../report/reportLayout';

const h = (th: string, en: string) => ({ th, en });
const PERCENT = h('ร้อยละ', 'Percent');
/** The region names CODI prints in its tables. */
const REGION_LABELS = { N: 'เหนือ', NE: 'อีสาน', S: 'ใต้', CW: 'กลาง/ตะวันตก', BE: 'กทม./ตะวันออก' };

/**
 * CODI's report tables (รายงานผลการปฏิบัติงานรายไตรมาส): the national KPI table, each KPI by
 * region as CODI printed KPI 5.1 (short region names, `–` for nothing done), and the
 * regions × KPIs matrix. KPI 8.5 is a percentage (ร้อยละ): its targets and results show `96 %`.
 */
export const codiQuarterlyKpiReports: ReportLayout[] = [
  {
    name: 'kpi-table',
    shape: 'measureRows',
    title: h('ผลการดำเนินงานตามตัวชี้วัด ระดับประเทศ', 'KPI results, national'),
    sheet: 'ตัวชี้วัด',
    by: 'hq',
    titles: { region: h('ผลการดำเนินงานตามตัวชี้วัด รายภาค', 'KPI results, by region') },
    codes: true,
    measures: {},
    columns: [
      { show: 'code', heading: h('รหัส', 'Code') },
      { show: 'label', heading: h('ตัวชี้วัด', 'Indicator') },
      { show: 'unit', heading: h('หน่วยนับ', 'Unit') },
      { show: 'figure', field: 'annualTarget', heading: h('เป้าหมายปี', 'Annual target'), format: 'amount', percentUnitFormat: 'percentSign' },
      { show: 'figure', field: 'targetToDate', heading: h('เป้าหมายถึงงวด', 'Target to date'), format: 'amount', percentUnitFormat: 'percentSign' },
      { show: 'quarters', through: 'year', group: h('ผลการดำเนินงานรายไตรมาส', 'Results by quarter'), format: 'amount', percentUnitFormat: 'percentSign' },
      { show: 'figure', field: 'value', heading: h('ผลสะสม', 'Cumulative'), format: 'amount', percentUnitFormat: 'percentSign' },
      { show: 'figure', field: 'pctOfAnnual', group: PERCENT, heading: h('ของเป้าหมายปี', 'of annual target'), format: 'percent' },
      { show: 'figure', field: 'pctOfTargetToDate', group: PERCENT, heading: h('ของเป้าหมายถึงงวด', 'of target to date'), format: 'percent' },
      { show: 'status', follows: 'pctOfTargetToDate', heading: h('สถานะ', 'Status') },
      { show: 'figure', field: 'score', heading: h('คะแนน', 'Score'), format: 'amount', none: 'blank' },
    ],
    chart: { title: h('ร้อยละของเป้าหมายถึงงวด รายตัวชี้วัด', '% of target to date by KPI'), field: 'pctOfTargetToDate' },
  },
  {
    name: 'kpi-by-region',
    shape: 'groupRows',
    title: h('ผลการดำเนินงานตามตัวชี้วัด รายภาค', 'KPI results by region'),
    sheet: 'ตัวชี้วัดรายภาค',
    by: 'region',
    codes: true,
    measures: {},
    blocks: 'perMeasure',
    total: true,
    rowLabels: REGION_LABELS,
    columns: [
      { show: 'unit', heading: h('ภาค', 'Region') },
      { show: 'figure', field: 'annualTarget', heading: h('เป้าหมายปี', 'Annual target'), format: 'countOrDash', percentUnitFormat: 'percentSign' },
      { show: 'quarters', through: 'period', group: h('ผลการดำเนินงาน', 'Results'), format: 'countOrDash', percentUnitFormat: 'percentSign' },
      { show: 'figure', field: 'value', heading: h('ผลสะสม', 'Cumulative'), format: 'countOrDash', percentUnitFormat: 'percentSign' },
    ],
    chart: { title: h('ร้อยละของเป้าหมายถึงงวด รายภาค', '% of target to date by region'), field: 'pctOfTargetToDate' },
  },
  {
    name: 'regions-by-kpi',
    shape: 'groupRows',
    title: h('ผลการดำเนินงาน ภาค × ตัวชี้วัด', 'Regions × KPIs'),
    sheet: 'ภาค x ตัวชี้วัด',
    by: 'region',
    codes: true,
    measures: {},
    blocks: 'single',
    total: true,
    rowLabels: REGION_LABELS,
    columns: [{ show: 'unit', heading: h('ภาค', 'Region') }],
    eachMeasure: [
      { show: 'figure', field: 'value', heading: h('ผลสะสม', 'Cumulative'), format: 'amount', percentUnitFormat: 'percentSign' },
      { show: 'figure', field: 'pctOfTargetToDate', heading: h('ร้อยละของเป้าถึงงวด', '% of target to date'), format: 'percent' },
      { show: 'status', follows: 'pctOfTargetToDate', heading: h('สถานะ', 'Status') },
    ],
    chart: { title: h('ร้อยละของเป้าหมายถึงงวด รายภาค', '% of target to date by region'), field: 'pctOfTargetToDate' },
  },
];
