import type { FormDef } from './formDef';
import { welfareFundTallyReports } from './welfareFundTally.reports';

/** Form 4 — community welfare fund: welfare paid in the year, by type. */
export const welfareFundTally: FormDef = {
  id: 'welfare-fund-tally',
  title_th: 'สรุปผลการจัดสวัสดิการให้แก่สมาชิก',
  title_en: 'Community welfare fund: welfare paid in the year',
  fields: [
    { id: 'fund', type: 'text', label_th: 'กองทุน', label_en: 'Fund', aliases: ['ชื่อกองทุน'] },
    { id: 'district', type: 'orgUnit', label_th: 'สำนักงานเขต', label_en: 'District', aliases: ['เขต'], orgUnitKinds: ['district'] },
    { id: 'fiscal_year', type: 'year', label_th: 'ปีงบประมาณ', label_en: 'Fiscal year', aliases: ['ปีงบประมาณ พ.ศ.'] },
  ],
  table: {
    row: 'item',
    key: 'welfare_type',
    required: ['welfare_type', 'persons'],
    columns: [
      { id: 'no', type: 'count', label_th: 'ลำดับ', label_en: 'No.' },
      { id: 'welfare_type', type: 'text', label_th: 'ประเภทสวัสดิการ', label_en: 'Welfare type' },
      { id: 'persons', type: 'count', label_th: 'จำนวน (คน)', label_en: 'Persons', min: 0 },
      { id: 'amount', type: 'money', label_th: 'เป็นเงิน (บาท)', label_en: 'Amount', aliases: ['จำนวนเงิน'], min: 0, unit: 'บาท' },
    ],
  },
  orgUnit: { fields: ['district'], kinds: ['district'] },
  period: { kind: 'year', fiscalYearField: 'fiscal_year' },
  subjectFields: ['fund'],
  rules: [{ kind: 'unique', column: 'welfare_type', severity: 'error' }],
  consolidation: { kind: 'itemTotals', expectedKinds: ['district'], key: 'welfare_type', columns: ['persons', 'amount'] },
  reports: welfareFundTallyReports,
};
