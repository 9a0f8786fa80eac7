import type { ReportLayout } from '../report/reportLayout';

const h = (th: string, en: string) => ({ th, en });

/** Form 4's report table: welfare types × persons and amount, with the funds reporting each. */
export const welfareFundTallyReports: ReportLayout[] = [
  {
    name: 'welfare-types',
    shape: 'itemRows',
    title: h('สวัสดิการที่จ่าย จำแนกตามประเภท', 'Welfare paid by type'),
    sheet: 'สวัสดิการ',
    by: 'hq',
    titles: { district: h('สวัสดิการที่จ่าย จำแนกตามประเภท รายเขต', 'Welfare paid by type, by district'), zone: h('สวัสดิการที่จ่าย จำแนกตามประเภท รายกลุ่มเขต', 'Welfare paid by type, by zone') },
    columns: [
      { show: 'item', heading: h('ประเภทสวัสดิการ', 'Welfare type') },
      { show: 'itemFigure', column: 'persons', heading: h('จำนวน (คน)', 'Persons'), format: 'count', total: true },
      { show: 'itemFigure', column: 'amount', heading: h('เป็นเงิน (บาท)', 'Amount (baht)'), format: 'amount', total: true },
      { show: 'itemFigure', column: 'returns', heading: h('กองทุนที่รายงาน', 'Funds reporting'), format: 'count', total: false },
    ],
  },
];
