import type { FormDef } from './formDef';
import { codiQuarterlyKpiReports } from './codiQuarterlyKpi.reports';

const target = (id: string, q: number) => ({
  id,
  type: 'number' as const,
  label_th: `ไตรมาส ${q}`,
  label_en: `Q${q} target`,
  aliases: [`เป้าหมายรายไตรมาส ไตรมาส ${q}`, `Q${q}`],
  min: 0,
});

/** Form 3 — CODI regional quarterly KPI return (รายงานผลการปฏิบัติงานรายไตรมาส). */
export const codiQuarterlyKpi: FormDef = {
  id: 'codi-quarterly-kpi',
  title_th: 'รายงานผลการปฏิบัติงานรายไตรมาส',
  title_en: 'CODI regional quarterly KPI return',
  fields: [{ id: 'region', type: 'orgUnit', label_th: 'หน่วยงาน', label_en: 'Regional office', aliases: ['สำนักงานภาค', 'Region'], orgUnitKinds: ['region'] }],
  table: {
    row: 'item',
    key: 'code',
    labelColumn: 'name',
    required: ['code', 'annual_target', 'result'],
    columns: [
      { id: 'code', type: 'code', label_th: 'รหัส', label_en: 'Code' },
      { id: 'name', type: 'text', label_th: 'ภารกิจ-แผนงาน/ตัวชี้วัด', label_en: 'Indicator', aliases: ['ตัวชี้วัด'] },
      { id: 'unit', type: 'text', label_th: 'หน่วยนับ', label_en: 'Unit' },
      { id: 'annual_target', type: 'number', label_th: 'เป้าหมายปี', label_en: 'Annual target', aliases: ['เป้าหมายทั้งปี'], min: 0 },
      target('target_q1', 1),
      target('target_q2', 2),
      target('target_q3', 3),
      target('target_q4', 4),
      { id: 'result', type: 'number', label_th: 'ผลการดำเนินงานไตรมาสนี้', label_en: 'Result this quarter', min: 0 },
      { id: 'cumulative', type: 'number', label_th: 'ผลสะสม', label_en: 'Cumulative result', min: 0 },
      { id: 'note', type: 'text', label_th: 'หมายเหตุ', label_en: 'Note' },
    ],
  },
  orgUnit: { fields: ['region'], kinds: ['region'] },
  period: { kind: 'quarter' },
  catalog: [
    { code: '2', name_th: 'การสนับสนุนการพัฒนาที่อยู่อาศัยผู้มีรายได้น้อยในเมืองและชนบท', name_en: 'Low-income housing', unit: 'ครัวเรือน', kind: 'count', tiers: [18138, 40569, 63000] },
    { code: '2.4', name_th: 'โครงการพัฒนาที่อยู่อาศัยชั่วคราว', name_en: 'Temporary housing', unit: 'ครัวเรือน', kind: 'count' },
    { code: '3', name_th: 'การพัฒนาและเชื่อมโยงกลุ่มธุรกิจชุมชน', name_en: 'Community business', unit: 'ตำบล', kind: 'count', annualOnly: true },
    { code: '5.1', name_th: 'ผู้นำที่ได้รับการพัฒนาศักยภาพ', name_en: 'Leaders developed', unit: 'คน', kind: 'count' },
    { code: '5.3', name_th: 'การสนับสนุนการจัดสวัสดิการชุมชน', name_en: 'Community welfare funds', unit: 'กองทุน', kind: 'count', tiers: [1042, 2289, 2604] },
    { code: '8.5', name_th: 'ร้อยละการเบิกจ่ายเทียบกับแผน', name_en: 'Disbursement against plan', unit: 'ร้อยละ', kind: 'count', cumulativeTargetsPct: [20, 40, 60, 96] },
    { code: '8.5-N', name_th: 'ผลการเบิกจ่ายสะสม', name_en: 'Cumulative disbursement', unit: 'ล้านบาท', kind: 'numerator', ratioOf: '8.5' },
    { code: '8.5-D', name_th: 'แผนการใช้จ่ายเงินประจำปี', name_en: 'Annual spending plan', unit: 'ล้านบาท', kind: 'denominator', ratioOf: '8.5' },
  ],
  rules: [
    { kind: 'knownItem', severity: 'warning' },
    { kind: 'rowSumEquals', parts: ['target_q1', 'target_q2', 'target_q3', 'target_q4'], total: 'annual_target', severity: 'error' },
    { kind: 'cumulative', result: 'result', cumulative: 'cumulative', severity: 'warning' },
  ],
  consolidation: {
    kind: 'kpiCatalog',
    expectedKinds: ['region'],
    columns: { code: 'code', annualTarget: 'annual_target', quarterTargets: ['target_q1', 'target_q2', 'target_q3', 'target_q4'], result: 'result', cumulative: 'cumulative' },
  },
  reports: codiQuarterlyKpiReports,
};
