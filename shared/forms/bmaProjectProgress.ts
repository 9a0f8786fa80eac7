import type { FormDef } from './formDef';
import { bmaProjectProgressReports } from './bmaProjectProgress.reports';

const ON_PLAN = { yes: ['เป็นไปตามแผน'], no: ['ไม่เป็นไปตามแผน'] };
const ON_TARGET = { yes: ['เป็นไปตามเป้าหมาย'], no: ['ไม่เป็นไปตามเป้าหมาย'] };

/** Form 1 — project progress report (แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ); one project per sheet. */
export const bmaProjectProgress: FormDef = {
  id: 'bma-project-progress',
  title_th: 'แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ',
  title_en: 'Project progress report',
  fields: [
    { id: 'project_name', type: 'text', label_th: 'ชื่อโครงการ/กิจกรรม', label_en: 'Project name', aliases: ['ชื่อโครงการ', 'Project'] },
    { id: 'project_code', type: 'code', label_th: 'รหัสโครงการ', label_en: 'Project code', pattern: '^\\d{8}-\\d{4}$' },
    { id: 'agency_code', type: 'orgUnit', label_th: 'รหัสหน่วยงาน', label_en: 'Agency code', orgUnitKinds: ['district', 'department'] },
    { id: 'fiscal_year', type: 'year', label_th: 'ปีงบประมาณ พ.ศ.', label_en: 'Fiscal year', aliases: ['ปีงบประมาณ'] },
    { id: 'start_date', type: 'date', label_th: 'เริ่มต้นโครงการ', label_en: 'Project start' },
    { id: 'end_date', type: 'date', label_th: 'สิ้นสุดโครงการ', label_en: 'Project end' },
    { id: 'budget_received', type: 'money', label_th: 'งบประมาณที่ได้รับ', label_en: 'Budget received', min: 0, unit: 'บาท' },
    { id: 'budget_spent', type: 'money', label_th: 'งบประมาณที่ใช้ไป', label_en: 'Budget spent', min: 0, unit: 'บาท' },
    { id: 'agency', type: 'text', label_th: 'หน่วยงานที่รับผิดชอบ', label_en: 'Responsible agency' },
    { id: 'owner', type: 'text', label_th: 'ชื่อผู้รับผิดชอบ', label_en: 'Project owner', aliases: ['ผู้รับผิดชอบ'] },
    { id: 'coordinator', type: 'text', label_th: 'ผู้ประสานงาน สยป', label_en: 'SEO coordinator' },
    { id: 'strategy_issue', type: 'text', label_th: 'ประเด็นยุทธศาสตร์', label_en: 'Strategy issue' },
    { id: 'strategy_sub_issue', type: 'text', label_th: 'ประเด็นยุทธศาสตร์ย่อย', label_en: 'Strategy sub-issue' },
    { id: 'goal', type: 'text', label_th: 'เป้าหมาย', label_en: 'Goal' },
    { id: 'indicator', type: 'text', label_th: 'ตัวชี้วัด', label_en: 'Indicator' },
    { id: 'indicator_type', type: 'text', label_th: 'ประเภทตัวชี้วัด', label_en: 'Indicator type' },
    { id: 'kpi_target_pct', type: 'percent', label_th: 'ค่าเป้าหมาย ร้อยละ', label_en: 'KPI target %', min: 0 },
    { id: 'kpi_achieved_pct', type: 'percent', label_th: 'ผลงานที่ทำได้ ร้อยละ', label_en: 'KPI achieved %', min: 0 },
  ],
  table: {
    row: 'item',
    key: 'report_no',
    required: ['report_no', 'progress'],
    columns: [
      { id: 'report_no', type: 'count', label_th: 'รายงานครั้งที่', label_en: 'Report no.', aliases: ['ครั้งที่'], min: 1 },
      { id: 'date', type: 'date', label_th: 'วันที่รายงาน', label_en: 'Report date', aliases: ['วันที่'] },
      { id: 'narrative', type: 'text', label_th: 'ผลการดำเนินงาน/ขั้นตอน', label_en: 'Work done', aliases: ['ผลการดำเนินงาน'] },
      { id: 'progress', type: 'percent', label_th: 'ความก้าวหน้าของงานฯ', label_en: 'Progress %', aliases: ['ความคืบหน้าโครงการ', 'ความก้าวหน้า'], min: 0, max: 100 },
      { id: 'disbursed', type: 'money', label_th: 'งบประมาณที่เบิกใช้', label_en: 'Disbursed', aliases: ['งบประมาณที่ใช้'], min: 0, unit: 'บาท' },
      { id: 'on_plan', type: 'yesno', label_th: 'เป็นไปตามแผน', label_en: 'On plan', ...ON_PLAN },
      { id: 'on_target', type: 'yesno', label_th: 'เป็นไปตามเป้าหมาย', label_en: 'On target', ...ON_TARGET },
      { id: 'problems', type: 'text', label_th: 'ปัญหา', label_en: 'Problems', aliases: ['ปัญหาของโครงการ'] },
      { id: 'obstacles', type: 'text', label_th: 'อุปสรรค', label_en: 'Obstacles', aliases: ['อุปสรรคของโครงการ'] },
    ],
  },
  orgUnit: { fields: ['project_code', 'agency_code', 'agency'], kinds: ['district', 'department'] },
  period: { kind: 'year', fiscalYearField: 'fiscal_year' },
  subjectFields: ['project_code', 'project_name'],
  rules: [
    { kind: 'unique', column: 'report_no', severity: 'error' },
    { kind: 'emptyRow', severity: 'warning' },
    { kind: 'rowRequired', column: 'date', severity: 'warning' },
    { kind: 'nonDecreasing', column: 'progress', orderBy: ['date', 'report_no'], severity: 'warning' },
    { kind: 'dateInPeriod', column: 'date', start: 'start_date', end: 'end_date', severity: 'warning' },
    { kind: 'columnSumAtMost', column: 'disbursed', limit: 'budget_received', severity: 'error' },
    { kind: 'columnSumEquals', column: 'disbursed', field: 'budget_spent', severity: 'warning' },
    { kind: 'dateOrder', from: 'start_date', to: 'end_date', severity: 'error' },
    { kind: 'agencyMatchesOrgUnit', field: 'project_code', severity: 'error' },
  ],
  consolidation: {
    kind: 'projects',
    expectedKinds: ['district'],
    fields: { budget: 'budget_received', start: 'start_date', end: 'end_date' },
    columns: { date: 'date', number: 'report_no', progress: 'progress', disbursed: 'disbursed', onPlan: 'on_plan', onTarget: 'on_target' },
    completedOnTargetGoal: 80,
    behindByPoints: 10,
  },
  reports: bmaProjectProgressReports,
};
