import type { ReportLayout } from '../report/reportLayout';

const h = (th: string, en: string) => ({ th, en });
const PROJECTS = h('โครงการ', 'Projects');
const BUDGET = h('งบประมาณ', 'Budget');

/** Form 1's report table: projects by agency — progress, completion on target (the BMA KPI), budget, on plan. */
export const bmaProjectProgressReports: ReportLayout[] = [
  {
    name: 'projects-by-agency',
    shape: 'groupRows',
    title: h('ความก้าวหน้าโครงการ รายหน่วยงาน', 'Project progress by agency'),
    sheet: 'โครงการรายหน่วยงาน',
    by: 'district',
    titles: { zone: h('ความก้าวหน้าโครงการ รายกลุ่มเขต', 'Project progress by zone'), hq: h('ความก้าวหน้าโครงการ ภาพรวม', 'Project progress, overall') },
    measures: {},
    blocks: 'single',
    total: true,
    onlyReporting: true,
    columns: [
      { show: 'unit', heading: h('หน่วยงาน', 'Agency') },
      { show: 'figure', measure: 'projects', field: 'value', group: PROJECTS, heading: h('ทั้งหมด', 'All'), format: 'count' },
      { show: 'figure', measure: 'projects_reporting', field: 'value', group: PROJECTS, heading: h('รายงานในงวด', 'Reporting'), format: 'countOrDash' },
      { show: 'figure', measure: 'completed', field: 'value', group: PROJECTS, heading: h('แล้วเสร็จ', 'Completed'), format: 'countOrDash' },
      { show: 'figure', measure: 'on_plan', field: 'value', group: PROJECTS, heading: h('เป็นไปตามแผน', 'On plan'), format: 'countOrDash' },
      { show: 'figure', measure: 'behind_schedule', field: 'value', group: PROJECTS, heading: h('ล่าช้ากว่าแผน', 'Behind'), format: 'countOrDash' },
      { show: 'figure', measure: 'latest_progress', field: 'value', heading: h('ความก้าวหน้าเฉลี่ย (ร้อยละ)', 'Mean progress (%)'), format: 'percent' },
      { show: 'figure', measure: 'completed_on_target', field: 'pct', heading: h('ร้อยละแล้วเสร็จตามเป้าหมาย (เป้า 80)', '% completed on target (goal 80)'), format: 'percent' },
      { show: 'status', measure: 'completed_on_target', follows: 'pct', heading: h('สถานะ', 'Status') },
      { show: 'figure', measure: 'budget_received', field: 'value', group: BUDGET, heading: h('ที่ได้รับ (บาท)', 'Received (baht)'), format: 'amount' },
      { show: 'figure', measure: 'budget_disbursed', field: 'value', group: BUDGET, heading: h('เบิกจ่าย (บาท)', 'Disbursed (baht)'), format: 'amount' },
      { show: 'figure', measure: 'budget_disbursed', field: 'pct', group: BUDGET, heading: h('ร้อยละเบิกจ่าย', '% disbursed'), format: 'percent' },
    ],
    chart: { title: h('ร้อยละแล้วเสร็จตามเป้าหมาย และร้อยละการเบิกจ่าย รายหน่วยงาน', '% completed on target and % disbursed by agency'), field: 'pct', measures: ['completed_on_target', 'budget_disbursed'] },
  },
];
