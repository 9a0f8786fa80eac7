import type { Tally } from './tally';

/** Thai number format and Buddhist Era date format (calendar 7 = Thai Buddhist), for Excel. */
export const THAI_NUMBER = '[$-th-TH]#,##0.##';
export const THAI_PERCENT = '[$-th-TH]0.00';
export const BE_DATE = '[$-th-TH,107]d mmmm yyyy';

/**
 * The tally as a table: one row per (unit, indicator), the long shape that Excel tables,
 * filters and SUMIFS work with. The CLI's workbook and the add-in's sheet write these columns.
 */
export const TALLY_COLUMNS: { key: string; th: string; en: string; width: number; fmt?: string }[] = [
  { key: 'orgUnit', th: 'รหัสหน่วยงาน', en: 'Unit code', width: 11 },
  { key: 'unit', th: 'หน่วยงาน', en: 'Unit', width: 28 },
  { key: 'received', th: 'ส่งแล้ว', en: 'Received', width: 9, fmt: THAI_NUMBER },
  { key: 'expected', th: 'ทั้งหมด', en: 'Expected', width: 9, fmt: THAI_NUMBER },
  { key: 'id', th: 'รหัสตัวชี้วัด', en: 'Indicator id', width: 24 },
  { key: 'label', th: 'ตัวชี้วัด', en: 'Indicator', width: 40 },
  { key: 'value', th: 'ค่า', en: 'Value', width: 14, fmt: THAI_NUMBER },
  { key: 'pct', th: 'ร้อยละ', en: '%', width: 9, fmt: THAI_PERCENT },
  { key: 'target', th: 'เป้าหมาย', en: 'Target', width: 10, fmt: THAI_NUMBER },
  { key: 'annualTarget', th: 'เป้าหมายปี', en: 'Annual target', width: 12, fmt: THAI_NUMBER },
  { key: 'targetToDate', th: 'เป้าหมายถึงงวด', en: 'Target to date', width: 13, fmt: THAI_NUMBER },
  { key: 'q1', th: 'ไตรมาส 1', en: 'Q1', width: 10, fmt: THAI_NUMBER },
  { key: 'q2', th: 'ไตรมาส 2', en: 'Q2', width: 10, fmt: THAI_NUMBER },
  { key: 'q3', th: 'ไตรมาส 3', en: 'Q3', width: 10, fmt: THAI_NUMBER },
  { key: 'q4', th: 'ไตรมาส 4', en: 'Q4', width: 10, fmt: THAI_NUMBER },
  { key: 'pctOfAnnual', th: 'ร้อยละของเป้าปี', en: '% of annual', width: 12, fmt: THAI_PERCENT },
  { key: 'pctOfTargetToDate', th: 'ร้อยละของเป้าถึงงวด', en: '% of target to date', width: 14, fmt: THAI_PERCENT },
  { key: 'status', th: 'สถานะ', en: 'Status', width: 9 },
  { key: 'score', th: 'คะแนน', en: 'Score', width: 8, fmt: THAI_NUMBER },
];

export function tallyRows(t: Tally): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const g of t.groups) {
    for (const m of g.measures) {
      const q = m.byQuarter ?? [];
      const rec: Record<string, string | number | null> = {
        orgUnit: g.orgUnit,
        unit: g.name_th,
        received: g.received,
        expected: g.expected,
        id: m.id,
        label: m.label_th,
        value: m.value,
        pct: m.pct ?? null,
        target: m.target ?? null,
        annualTarget: m.annualTarget ?? null,
        targetToDate: m.targetToDate ?? null,
        q1: q[0] ?? null,
        q2: q[1] ?? null,
        q3: q[2] ?? null,
        q4: q[3] ?? null,
        pctOfAnnual: m.pctOfAnnual ?? null,
        pctOfTargetToDate: m.pctOfTargetToDate ?? null,
        status: m.status ?? null,
        score: m.score ?? null,
      };
      rows.push(TALLY_COLUMNS.map((c) => rec[c.key]));
    }
  }
  return rows;
}
