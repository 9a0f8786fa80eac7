import { paneDefinitions } from '../definitions/paneDefinitions';
import type { StoredReturnView } from '@returns-hub/shared/review/storedReturnView';
import { reviewSheetLayout, unitCellKey } from './reviewSheetLayout';

/** The pane's forms with no API: the built-in ones. */
const formById = (id: string) => paneDefinitions.current().formById(id);

const base = { fiscalYear: 2563, period: 'FY', subject: null, version: 2, submittedAt: '2020-10-05T07:03:00Z', submittedBy: 'unit-key:1045', firstColumn: 'A' };

describe('reviewSheetLayout', () => {
  test('a district return (a form whose table is one row per district): the header and one row of its values, each cell traced to the district sheet', () => {
    const form = formById('bma-community-plan-return')!;
    const r: StoredReturnView = {
      ...base,
      formId: form.id,
      orgUnit: '1045',
      sheet: 'แบบรายงาน 1',
      fields: { district: '1045', communities_total: 26, budget_disbursed: 1200, meeting_held: true },
      fieldCells: { district: "'แบบรายงาน 1'!B4", communities_total: "'แบบรายงาน 1'!C8", budget_disbursed: "'แบบรายงาน 1'!C14", meeting_held: "'แบบรายงาน 1'!C11" },
      columns: {},
      issues: [{ severity: 'warning', code: 'rule.required_if', cell: "'แบบรายงาน 1'!C11", message_th: 'x', message_en: 'x' }],
      rows: [],
    };
    const l = reviewSheetLayout(form, paneDefinitions.current().units, r, [{ cell: "'แบบรายงาน 1'!$c$14", text: 'ยอดไม่ตรง' }]);
    const header = l.rows.findIndex((row) => row[0] === form.table!.columns[0].label_th);
    const col = (id: string) => form.table!.columns.findIndex((c) => c.id === id);
    expect(l.rows[header + 1][col('communities_total')]).toBe(26);
    expect(l.rows[header + 1][col('meeting_held')]).toBe('ใช่');
    expect(l.rows).toHaveLength(header + 2); // no blank rows left over
    const disbursedCell = Object.entries(l.toUnitCell).find(([, u]) => u === "'แบบรายงาน 1'!C14")![0];
    expect(disbursedCell).toBe(`${String.fromCharCode(65 + col('budget_disbursed'))}${header + 2}`);
    expect(l.marks).toEqual([
      { cell: Object.entries(l.toUnitCell).find(([, u]) => u.endsWith('C11'))![0], kind: 'warning' },
      { cell: disbursedCell, kind: 'comment' },
    ]);
    expect(String(l.rows[2][0])).toBe('1045 วังทองหลาง · ทั้งปี 2563 · ฉบับที่ 2 · ส่งเมื่อ 5 ต.ค. 2563 เวลา 14:03 น.'); // no key, no UTC, no period code
    expect(l.boldRows).toEqual([0, header]);
  });

  test('a return with record fields and item rows: values beside their labels, rows traced by column letter and sheet row', () => {
    const form = formById('welfare-fund-tally')!;
    const r: StoredReturnView = {
      ...base,
      formId: form.id,
      orgUnit: '1045',
      subject: 'กองทุนสวัสดิการชุมชน',
      sheet: 'สวัสดิการ',
      fields: { fund: 'กองทุนสวัสดิการชุมชน' },
      fieldCells: { fund: "'สวัสดิการ'!B3" },
      columns: { welfare_type: 'B', persons: 'C', amount: 'D' },
      issues: [],
      rows: [
        { row: 8, kind: 'item', values: { welfare_type: 'เกิด', persons: 10, amount: 5000 } },
        { row: 9, kind: 'item', values: { welfare_type: 'ตาย', persons: 2, amount: null } },
      ],
    };
    const l = reviewSheetLayout(form, paneDefinitions.current().units, r, []);
    const fundRow = l.rows.findIndex((row) => row[0] === form.fields.find((f) => f.id === 'fund')!.label_th);
    expect(l.rows[fundRow][1]).toBe('กองทุนสวัสดิการชุมชน');
    expect(l.toUnitCell[`B${fundRow + 1}`]).toBe("'สวัสดิการ'!B3");
    const cols = form.table!.columns.map((c) => c.id);
    const last = l.rows.length - 1;
    expect(l.rows[last][cols.indexOf('persons')]).toBe(2);
    expect(l.rows[last][cols.indexOf('amount')]).toBe('');
    expect(Object.values(l.toUnitCell)).toContain("'สวัสดิการ'!C9");
  });

  test('one cell, however it is written', () => {
    expect(unitCellKey("'แบบรายงาน 1'!$c$14")).toBe(unitCellKey("'แบบรายงาน 1'!C14"));
  });
});
