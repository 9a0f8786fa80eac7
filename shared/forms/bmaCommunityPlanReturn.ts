import type { FieldDef, FormDef } from './formDef';
import { bmaCommunityPlanReturnReports } from './bmaCommunityPlanReturn.reports';

const money = (id: string, th: string, en: string, aliases: string[]): FieldDef => ({ id, type: 'money', label_th: th, label_en: en, aliases, min: 0, unit: 'บาท' });
const count = (id: string, th: string, en: string, aliases: string[]): FieldDef => ({ id, type: 'count', label_th: th, label_en: en, aliases, min: 0 });

const FIELDS: FieldDef[] = [
  { id: 'district', type: 'orgUnit', label_th: 'สำนักงานเขต', label_en: 'District office', aliases: ['เขต', 'รหัสเขต', 'District', 'District code'], orgUnitKinds: ['district'] },
  { id: 'report_date', type: 'date', label_th: 'วันที่รายงาน', label_en: 'Report date' },
  count('communities_total', 'จำนวนชุมชนทั้งหมดในพื้นที่เขต', 'Communities in the district', ['จำนวนชุมชนทั้งหมด', 'Communities total']),
  count('communities_existing_plan', 'ชุมชนที่ทบทวนแผนพัฒนาชุมชนเดิม', 'Communities reviewing an existing plan', ['ชุมชนที่ทบทวนแผนเดิม']),
  count('communities_new_plan', 'ชุมชนที่จัดทำแผนพัฒนาชุมชนใหม่', 'Communities making a new plan', ['ชุมชนที่จัดทำแผนใหม่']),
  { id: 'meeting_held', type: 'yesno', label_th: 'การจัดประชุมชี้แจงแนวทางให้ชุมชน', label_en: 'Briefing meeting held', aliases: ['จัดประชุมชี้แจง', 'Meeting held'] },
  { id: 'meeting_date', type: 'date', label_th: 'วันที่จัดประชุมชี้แจง', label_en: 'Briefing meeting date', aliases: ['วันที่ประชุม', 'Meeting date'] },
  money('budget_received', 'งบประมาณที่ได้รับโอน', 'Budget received', ['ได้รับโอน']),
  money('budget_disbursed', 'งบประมาณที่เบิกจ่ายแล้ว', 'Budget disbursed', ['เบิกจ่ายแล้ว']),
  money('budget_returned', 'งบประมาณที่ส่งคืน', 'Budget returned', ['ส่งคืน']),
  money('budget_balance', 'งบประมาณคงเหลือ', 'Budget balance', ['คงเหลือ']),
  count('projects_in_plan_2563', 'โครงการ/กิจกรรมจากแผนพัฒนาชุมชนที่บรรจุในแผนปฏิบัติการ ปี 2563', 'Community-plan projects in the 2020 (BE 2563) action plan', ['โครงการในแผนปฏิบัติการ ปี 2563']),
  count('projects_in_plan_2564', 'โครงการ/กิจกรรมจากแผนพัฒนาชุมชนที่บรรจุในแผนปฏิบัติการ ปี 2564', 'Community-plan projects in the 2021 (BE 2564) action plan', ['โครงการในแผนปฏิบัติการ ปี 2564']),
  { id: 'reporter', type: 'text', label_th: 'ผู้รายงาน', label_en: 'Reported by' },
];

/** Form 2 — district return for project 21000000-3142 (แบบรายงาน 1). */
export const bmaCommunityPlanReturn: FormDef = {
  id: 'bma-community-plan-return',
  title_th: 'แบบรายงานผลการดำเนินงาน โครงการสนับสนุนการจัดทำและทบทวนแผนพัฒนาชุมชน',
  title_en: 'District return: support for community development plans',
  fields: FIELDS,
  table: { row: 'return', columns: FIELDS, required: ['district', 'communities_total'], key: 'district', labelColumn: 'district' },
  orgUnit: { fields: ['district'], kinds: ['district'] },
  period: { kind: 'year' },
  rules: [
    { kind: 'sumEquals', parts: ['communities_existing_plan', 'communities_new_plan'], total: 'communities_total', severity: 'error' },
    { kind: 'sumAtMost', parts: ['budget_disbursed', 'budget_returned'], limit: 'budget_received', severity: 'error' },
    { kind: 'differenceEquals', result: 'budget_balance', from: 'budget_received', minus: ['budget_disbursed', 'budget_returned'], severity: 'error' },
    { kind: 'requiredWhen', field: 'meeting_date', when: 'meeting_held', severity: 'warning' },
  ],
  consolidation: {
    kind: 'indicators',
    expectedKinds: ['district'],
    indicators: [
      { id: 'districts', kind: 'returns', label_th: 'สำนักงานเขตที่ส่งรายงาน', label_en: 'Districts reporting' },
      { id: 'communities_total', kind: 'sum', field: 'communities_total', label_th: 'ชุมชนทั้งหมด', label_en: 'Communities' },
      {
        id: 'communities_existing_plan',
        kind: 'sum',
        field: 'communities_existing_plan',
        pctOf: { indicator: 'communities_total' },
        label_th: 'ชุมชนที่ทบทวนแผนเดิม',
        label_en: 'Communities reviewing a plan',
      },
      { id: 'communities_new_plan', kind: 'sum', field: 'communities_new_plan', pctOf: { indicator: 'communities_total' }, label_th: 'ชุมชนที่จัดทำแผนใหม่', label_en: 'Communities making a new plan' },
      { id: 'districts_meeting_held', kind: 'countUnits', fields: ['meeting_held'], when: 'yes', pctOf: 'expected', label_th: 'เขตที่จัดประชุมชี้แจง', label_en: 'Districts that held the briefing' },
      { id: 'budget_received', kind: 'sum', field: 'budget_received', label_th: 'งบประมาณที่ได้รับโอน', label_en: 'Budget received' },
      { id: 'budget_disbursed', kind: 'sum', field: 'budget_disbursed', pctOf: { indicator: 'budget_received' }, label_th: 'งบประมาณที่เบิกจ่ายแล้ว', label_en: 'Budget disbursed' },
      { id: 'districts_disbursed', kind: 'countUnits', fields: ['budget_disbursed'], when: 'positive', pctOf: 'expected', label_th: 'เขตที่เบิกจ่าย', label_en: 'Districts that disbursed' },
      { id: 'budget_returned', kind: 'sum', field: 'budget_returned', pctOf: { indicator: 'budget_received' }, label_th: 'งบประมาณที่ส่งคืน', label_en: 'Budget returned' },
      { id: 'districts_returned', kind: 'countUnits', fields: ['budget_returned'], when: 'positive', pctOf: 'expected', label_th: 'เขตที่ส่งคืนงบประมาณ', label_en: 'Districts that returned budget' },
      { id: 'budget_balance', kind: 'sum', field: 'budget_balance', pctOf: { indicator: 'budget_received' }, label_th: 'งบประมาณคงเหลือ', label_en: 'Budget balance' },
      { id: 'districts_with_balance', kind: 'countUnits', fields: ['budget_balance'], when: 'positive', pctOf: 'expected', label_th: 'เขตที่มีงบประมาณคงเหลือ', label_en: 'Districts with a balance' },
      { id: 'projects_in_plan_2563', kind: 'sum', field: 'projects_in_plan_2563', label_th: 'โครงการในแผนปฏิบัติการ ปี 2563', label_en: 'Plan projects in the 2563 action plan' },
      { id: 'projects_in_plan_2564', kind: 'sum', field: 'projects_in_plan_2564', label_th: 'โครงการในแผนปฏิบัติการ ปี 2564', label_en: 'Plan projects in the 2564 action plan' },
      {
        id: 'districts_with_plan_projects',
        kind: 'countUnits',
        fields: ['projects_in_plan_2563', 'projects_in_plan_2564'],
        when: 'positive',
        pctOf: 'expected',
        target: 80,
        label_th: 'เขตที่บรรจุโครงการจากแผนพัฒนาชุมชน',
        label_en: 'Districts with plan projects in their action plan',
      },
    ],
  },
  reports: bmaCommunityPlanReturnReports,
};
