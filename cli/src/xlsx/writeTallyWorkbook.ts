import ExcelJS from 'exceljs';
import type { Tally } from '@returns-hub/shared/consolidate/tally';
import { BE_DATE, TALLY_COLUMNS as COLUMNS, tallyRows } from '@returns-hub/shared/consolidate/tallyTable';
import type { Completeness } from '@returns-hub/shared/api/client';

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
    type: 'containsText' as const,
    operator: 'containsText' as const,
    text,
    priority: 1,
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
