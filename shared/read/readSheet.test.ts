import { gridFromValues, makeGrid } from '../sheet/grid';
import { checkSheets } from '../check/checkSheets';
import type { Issue } from '../issues/issue';
import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '../definitions/versionsByYear';

/** The built-in definitions (`forms/*.json`), every year alike. */
const BUILT_IN = new VersionedDefinitions(builtInDocuments(), []);

const codes = (issues: Issue[]) => issues.map((i) => `${i.severity}:${i.code}@${i.cell.split('!')[1]}`);

// A welfare-fund sheet; rows and columns are moved around by the tests.
const welfareRows = (): unknown[][] => [
  ['สรุปผลการจัดสวัสดิการให้แก่สมาชิก'],
  ['กองทุน', 'กองทุนสวัสดิการวันละบาท'],
  ['สำนักงานเขต', 'วังทองหลาง'],
  ['ปีงบประมาณ', 2564],
  [],
  ['ลำดับ', 'ประเภทสวัสดิการ', 'จำนวน (คน)', 'เป็นเงิน (บาท)'],
  [1, 'ผู้สูงอายุ', 47, 13400],
  [2, 'การศึกษา', 39, '10,400 บาท'],
  [null, 'รวม', 86, 23800],
];

describe('reading sheet variations', () => {
  test('header anywhere in the first 30 rows, after title rows and blank rows', () => {
    const rows = [...Array(20).fill([]), ...welfareRows()];
    const [s] = checkSheets([gridFromValues('W', rows)], BUILT_IN);
    expect(s.formId).toBe('welfare-fund-tally');
    expect(s.returns[0].rows.filter((r) => r.kind === 'item')).toHaveLength(2);
    expect(s.returns[0].issues).toEqual([]);
  });

  test('columns in any order; unknown columns reported as info', () => {
    const rows = welfareRows().map((r) => (r.length === 4 ? [r[3], r[1], 'x', r[2], r[0]] : r));
    rows[5] = ['เป็นเงิน (บาท)', 'ประเภทสวัสดิการ', 'หมายเหตุพิเศษ', 'จำนวน (คน)', 'ลำดับ'];
    const [s] = checkSheets([gridFromValues('W', rows)], BUILT_IN);
    const items = s.returns[0].rows.filter((r) => r.kind === 'item');
    expect(items[1].values.amount).toBe(10400);
    expect(items[1].values.persons).toBe(39);
    expect(codes(s.issues)).toContain('info:column.unknown@C6');
  });

  test('a total row that differs from the rows above is a warning at the total cell', () => {
    const rows = welfareRows();
    rows[8] = [null, 'รวม', 90, 23800];
    const [s] = checkSheets([gridFromValues('W', rows)], BUILT_IN);
    expect(codes(s.returns[0].issues)).toEqual(['warning:total.mismatch@C9']);
  });

  test('a formula error is an error at that cell', () => {
    const grid = gridFromValues('W', welfareRows());
    grid.rows[6][2] = { value: null, error: '#REF!', formula: true };
    const [s] = checkSheets([grid], BUILT_IN);
    expect(codes(s.returns[0].issues)).toContain('error:cell.formula_error@C7');
  });

  test('label : value in one cell, and value in the nearest non-empty cell to the right', () => {
    const rows = welfareRows();
    rows[1] = ['กองทุน : กองทุนสวัสดิการวันละบาท'];
    rows[2] = ['สำนักงานเขต', null, null, 'วังทองหลาง'];
    const [s] = checkSheets([gridFromValues('W', rows)], BUILT_IN);
    expect(s.returns[0].fields.fund).toBe('กองทุนสวัสดิการวันละบาท');
    expect(s.returns[0].orgUnit).toBe('1045');
  });

  test('a field given twice is an error', () => {
    const rows = welfareRows();
    rows[4] = ['กองทุน', 'อีกกองทุน'];
    const [s] = checkSheets([gridFromValues('W', rows)], BUILT_IN);
    expect(codes(s.issues)).toContain('error:field.duplicate@A5');
  });

  test('several sheets: each form is its own return, other sheets are skipped with info', () => {
    const sheets = checkSheets([gridFromValues('notes', [['just a note']]), gridFromValues('W1', welfareRows()), gridFromValues('W2', welfareRows())], BUILT_IN);
    expect(sheets.map((s) => s.formId)).toEqual([null, 'welfare-fund-tally', 'welfare-fund-tally']);
    expect(codes(sheets[0].issues)).toEqual(['info:sheet.not_a_form@A1']);
  });

  test('two-row merged header (group label over quarters)', () => {
    const grid = makeGrid(
      'Q',
      [
        [{ value: 'รายงานผลการปฏิบัติงานไตรมาส 2 ประจำปีงบประมาณ พ.ศ. 2563' }],
        [{ value: 'หน่วยงาน : สำนักงานภาคใต้' }],
        [],
        ['รหัส', 'ตัวชี้วัด', 'เป้าหมายปี 2563', 'เป้าหมายรายไตรมาส', null, null, null, 'ผลการดำเนินงานไตรมาสนี้', 'ผลสะสม'].map((v) => (v ? { value: v } : undefined)),
        [undefined, undefined, undefined, ...['ไตรมาส 1', 'ไตรมาส 2', 'ไตรมาส 3', 'ไตรมาส 4'].map((v) => ({ value: v })), undefined, undefined],
        ['5.1', 'ผู้นำ', 100, 10, 20, 30, 40, 5, 15].map((v) => ({ value: v })),
      ],
      ['D4:G4', 'A4:A5', 'B4:B5', 'C4:C5', 'H4:H5', 'I4:I5'],
    );
    const [s] = checkSheets([grid], BUILT_IN);
    const r = s.returns[0];
    expect([r.formId, r.orgUnit, r.fiscalYear, r.period]).toEqual(['codi-quarterly-kpi', 'S', 2563, 'Q2']);
    expect(r.rows[0].values.target_q3).toBe(30);
    expect(r.issues).toEqual([]);
  });

  test('Σ quarterly targets ≠ annual target is an error at the annual target', () => {
    const rows: unknown[][] = [
      ['รายงานผลการปฏิบัติงานไตรมาส 1 ประจำปีงบประมาณ พ.ศ. 2563'],
      ['หน่วยงาน', 'N'],
      ['รหัส', 'เป้าหมายปี', 'ไตรมาส 1', 'ไตรมาส 2', 'ไตรมาส 3', 'ไตรมาส 4', 'ผลการดำเนินงานไตรมาสนี้', 'ผลสะสม'],
      ['2', 100, 10, 10, 10, 10, 5, 5],
    ];
    const [s] = checkSheets([gridFromValues('Q', rows)], BUILT_IN);
    expect(codes(s.returns[0].issues)).toEqual(['error:rule.row_sum@B4']);
  });

  test('a table of one row per district: each row is a return; check-mark blanks are no', () => {
    const rows: unknown[][] = [
      ['ปีงบประมาณ พ.ศ. 2563'],
      ['สำนักงานเขต', 'จำนวนชุมชนทั้งหมด', 'ชุมชนที่ทบทวนแผนเดิม', 'ชุมชนที่จัดทำแผนใหม่', 'จัดประชุมชี้แจง', 'วันที่ประชุม'],
      ['บางเขน', 43, 24, 19, null, null],
      ['Bang Kapi', 41, 22, 19, '✓', '26/2/2563'],
      ['รวม', 84, 46, 38],
    ];
    const [s] = checkSheets([gridFromValues('T', rows)], BUILT_IN);
    expect(s.returns.map((r) => [r.orgUnit, r.fields.meeting_held])).toEqual([
      ['1005', false],
      ['1006', true],
    ]);
    expect(s.returns.every((r) => r.issues.length === 0)).toBe(true);
    expect(s.issues).toEqual([]);
  });

  test('a lone dash is 0; other text in a numeric cell is an error', () => {
    const rows = welfareRows();
    rows[6] = [1, 'ผู้สูงอายุ', '-', 'ห้าพัน'];
    rows[8] = [];
    const [s] = checkSheets([gridFromValues('W', rows)], BUILT_IN);
    expect(s.returns[0].rows[0].values.persons).toBe(0);
    expect(codes(s.returns[0].issues)).toEqual(['error:value.not_number@D7']);
  });

  // How fast is the reader benchmark's business (docs/benchmarks.md); this says what the clerk is told.
  test('a sheet of 60,000 junk rows holds no form: skipped with one info finding', () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => [i, `junk ${i}`, ((i * 7919) % 1000) / 7]);
    const [s] = checkSheets([gridFromValues('junk', rows)], BUILT_IN);
    expect(s.formId).toBeNull();
    expect(s.returns).toEqual([]);
    expect(s.issues.map((i) => [i.severity, i.code])).toEqual([['info', 'sheet.not_a_form']]);
  });
});
