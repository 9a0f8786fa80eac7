import ExcelJS from 'exceljs';
import type { Tally } from '../../shared/consolidate/tally';
import type { Completeness } from '../../shared/api/client';

/** Thai number format and Buddhist Era date format (calendar 7 = Thai Buddhist). */
export const THAI_NUMBER = '[$-th-TH]#,##0.##';
export const THAI_PERCENT = '[$-th-TH]0.00';
export const BE_DATE = '[$-th-TH,107]d mmmm yyyy';

const COLUMNS: { key: string; th: string; en: string; width: number; fmt?: string }[] = [
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

/** One row per (unit, indicator): the long shape that Excel tables, filters and SUMIFS work with. */
export function tallyRows(t: Tally): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const g of t.groups) {
    for (const m of g.measures) {
      const q = m.byQuarter ?? [];
      const rec: Record<string, string | number | null> = {
        orgUnit: g.orgUnit, unit: g.name_th, received: g.received, expected: g.expected, id: m.id, label: m.label_th, value: m.value,
        pct: m.pct ?? null, target: m.target ?? null, annualTarget: m.annualTarget ?? null, targetToDate: m.targetToDate ?? null,
        q1: q[0] ?? null, q2: q[1] ?? null, q3: q[2] ?? null, q4: q[3] ?? null,
        pctOfAnnual: m.pctOfAnnual ?? null, pctOfTargetToDate: m.pctOfTargetToDate ?? null, status: m.status ?? null, score: m.score ?? null,
      };
      rows.push(COLUMNS.map((c) => rec[c.key]));
    }
  }
  return rows;
}

export { COLUMNS as TALLY_COLUMNS };

/** A formatted workbook of a tally: an Excel table, Thai formats, traffic lights, and the completeness list. */
export async function writeTallyWorkbook(path: string, t: Tally, c: Completeness | null): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'returns-hub';
  const ws = wb.addWorksheet('ยอดรวม', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.getCell('A1').value = `ยอดรวม ${t.formId} ปีงบประมาณ พ.ศ. ${t.fiscalYear} งวด ${t.period} (ตาม${t.by})`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = new Date();
  ws.getCell('A2').numFmt = BE_DATE;
  const rows = tallyRows(t);
  ws.addTable({
    name: 'Tallies',
    ref: 'A3',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: COLUMNS.map((col) => ({ name: col.th, filterButton: true })),
    rows: rows.length ? rows : [COLUMNS.map(() => null)],
  });
  COLUMNS.forEach((col, i) => {
    ws.getColumn(i + 1).width = col.width;
    if (col.fmt) ws.getColumn(i + 1).numFmt = col.fmt;
  });
  const statusCol = String.fromCharCode(65 + COLUMNS.findIndex((x) => x.key === 'status'));
  const last = 3 + Math.max(rows.length, 1);
  const light = (text: string, argb: string) => ({
    type: 'containsText' as const, operator: 'containsText' as const, text, priority: 1,
    style: { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb } } },
  });
  ws.addConditionalFormatting({ ref: `${statusCol}4:${statusCol}${last}`, rules: [light('green', 'FFC6EFCE'), light('yellow', 'FFFFEB9C'), light('red', 'FFFFC7CE')] });

  if (c) {
    const cs = wb.addWorksheet('ความครบถ้วน');
    cs.addRow(['กำหนดส่ง', new Date(c.dueDate + 'T00:00:00Z')]).getCell(2).numFmt = BE_DATE;
    cs.addRow(['ทั้งหมด', c.expected]);
    cs.addRow(['ส่งแล้ว', c.received]);
    cs.addRow(['ตรงเวลา', c.onTime]);
    cs.addRow(['ล่าช้า', c.late]);
    cs.addRow([]);
    cs.addRow(['ยังไม่ส่ง', 'รหัส', 'Name']).font = { bold: true };
    for (const m of c.missing) cs.addRow([m.name_th, m.code, m.name_en]);
    cs.getColumn(1).width = 28;
    cs.getColumn(3).width = 28;
  }
  await wb.xlsx.writeFile(path);
}
