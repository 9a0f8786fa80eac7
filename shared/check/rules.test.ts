import { gridFromValues } from '../sheet/grid';
import { checkReturn } from './checkReturn';
import { locateSheet } from '../read/locateSheet';
import type { CheckedReturn } from './checkedReturn';
import type { Issue } from '../issues/issue';
import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '../definitions/versionsByYear';

/** The built-in definitions (`forms/*.json`), every year alike. */
const BUILT_IN = new VersionedDefinitions(builtInDocuments(), []);

/**
 * Each rule kind through the real reader: a small sheet → locate → check, once made to
 * fire (cell, code, severity, Thai and English text, related cells) and once on good data.
 */

type Rows = unknown[][];

/** The one return a sheet holds, read and checked. */
function read(sheet: string, rows: Rows, ctx: Omit<Parameters<typeof checkReturn>[1], 'definitions'> = {}): CheckedReturn {
  const definitions = BUILT_IN.forYear(null);
  const reading = locateSheet(gridFromValues(sheet, rows), definitions.forms);
  expect(reading.issues).toEqual([]);
  expect(reading.returns).toHaveLength(1);
  return checkReturn(reading.returns[0], { ...ctx, definitions });
}
const findings = (ret: CheckedReturn, code: string): Issue[] => ret.issues.filter((i) => i.code === code);
/** A copy of rows with row `r` (0-based), column `c` set. */
function edit(rows: Rows, ...cells: [r: number, c: number, v: unknown][]): Rows {
  const out = rows.map((row) => [...row]);
  for (const [r, c, v] of cells) (out[r] ??= [])[c] = v;
  return out;
}

// Form 2, record layout: sheet C, values in column B (rows 3–11 hold the figures).
const community = (): Rows => [
  ['แบบรายงานผลการดำเนินงาน ปีงบประมาณ พ.ศ. 2563'],
  ['สำนักงานเขต', 'วังทองหลาง'],
  ['จำนวนชุมชนทั้งหมดในพื้นที่เขต', 30], // B3
  ['ชุมชนที่ทบทวนแผนพัฒนาชุมชนเดิม', 17], // B4
  ['ชุมชนที่จัดทำแผนพัฒนาชุมชนใหม่', 13], // B5
  ['การจัดประชุมชี้แจงแนวทางให้ชุมชน', 'ใช่'], // B6
  ['วันที่จัดประชุมชี้แจง', '26/2/2563'], // B7
  ['งบประมาณที่ได้รับโอน', 80000], // B8
  ['งบประมาณที่เบิกจ่ายแล้ว', 6872], // B9
  ['งบประมาณที่ส่งคืน', 0], // B10
  ['งบประมาณคงเหลือ', 73128], // B11
];
const C = { total: 2, existing: 3, held: 5, date: 6, received: 7, disbursed: 8, returned: 9, balance: 10 };

// Form 1: record fields in B3–B9, progress reports from row 12 (columns A–D).
const project = (): Rows => [
  ['แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ'],
  ['ชื่อโครงการ/กิจกรรม', 'โครงการทดสอบ'],
  ['รหัสโครงการ', '50450000-3247'], // B3
  ['ปีงบประมาณ พ.ศ.', 2564], // B4: 1 Oct 2020 – 30 Sep 2021
  ['เริ่มต้นโครงการ', '1/11/2563'], // B5
  ['สิ้นสุดโครงการ', '30/6/2564'], // B6
  ['งบประมาณที่ได้รับ', 100000], // B7
  ['งบประมาณที่ใช้ไป', 30000], // B8
  ['หน่วยงานที่รับผิดชอบ', 'สำนักงานเขตวังทองหลาง / ฝ่ายพัฒนาชุมชน'], // B9
  [],
  ['รายงานครั้งที่', 'วันที่รายงาน', 'ความก้าวหน้าของงานฯ', 'งบประมาณที่เบิกใช้'],
  [1, '15/12/2563', 20, 10000], // row 12
  [2, '15/3/2564', 50, 20000], // row 13
];
const P = { code: 2, start: 4, end: 5, budget: 6, spent: 7, first: 11, second: 12, third: 13 };

// Form 3: a region's quarter; one KPI line in row 4.
const codi = (quarter: number, line: unknown[]): Rows => [
  [`รายงานผลการปฏิบัติงานไตรมาส ${quarter} ประจำปีงบประมาณ พ.ศ. 2563`],
  ['หน่วยงาน', 'N'],
  ['รหัส', 'เป้าหมายปี', 'ไตรมาส 1', 'ไตรมาส 2', 'ไตรมาส 3', 'ไตรมาส 4', 'ผลการดำเนินงานไตรมาสนี้', 'ผลสะสม'],
  line,
];
const KPI_Q1 = ['5.1', 100, 10, 20, 30, 40, 10, 10];
const KPI_Q2 = ['5.1', 100, 10, 20, 30, 40, 5, 15];

describe('the good sheets read with no finding at all', () => {
  test.each([
    ['community plan', () => read('C', community())],
    ['project progress', () => read('P', project())],
    ['CODI Q1', () => read('Q', codi(1, KPI_Q1))],
    ['CODI Q2 after Q1', () => read('Q', codi(2, KPI_Q2), { previous: read('Q', codi(1, KPI_Q1)) })],
  ])('%s', (_name, ret) => {
    expect(ret().issues).toEqual([]);
  });
});

describe('sumEquals (communities existing + new = total)', () => {
  test('fires at the total, the parts related', () => {
    const ret = read('C', edit(community(), [C.total, 1, 31]));
    expect(findings(ret, 'rule.sum_equals')).toEqual([
      {
        severity: 'error',
        code: 'rule.sum_equals',
        cell: 'C!B3',
        message_th: '"จำนวนชุมชนทั้งหมดในพื้นที่เขต" (31) ต้องเท่ากับผลรวม "ชุมชนที่ทบทวนแผนพัฒนาชุมชนเดิม" + "ชุมชนที่จัดทำแผนพัฒนาชุมชนใหม่" (30)',
        message_en: '"Communities in the district" (31) must equal the sum of "Communities reviewing an existing plan" + "Communities making a new plan" (30)',
        related: ['C!B4', 'C!B5'],
      },
    ]);
  });

  test('silent when the parts add up, or a part is missing', () => {
    expect(findings(read('C', community()), 'rule.sum_equals')).toEqual([]);
    expect(findings(read('C', edit(community(), [C.existing, 1, null])), 'rule.sum_equals')).toEqual([]);
  });
});

describe('sumAtMost (disbursed + returned ≤ received)', () => {
  test('fires at the largest part, not at a part holding 0; all parts and the limit related', () => {
    // Balance left blank so that differenceEquals stays out of it.
    const ret = read('C', edit(community(), [C.received, 1, 5000], [C.balance, 1, null]));
    expect(ret.issues).toEqual([
      {
        severity: 'error',
        code: 'rule.sum_at_most',
        cell: 'C!B9',
        message_th: '"งบประมาณที่เบิกจ่ายแล้ว" + "งบประมาณที่ส่งคืน" รวม 6,872 เกิน "งบประมาณที่ได้รับโอน" (5,000)',
        message_en: '"Budget disbursed" + "Budget returned" add up to 6,872, more than "Budget received" (5,000)',
        related: ['C!B10', 'C!B8'],
      },
    ]);
  });

  test('the part that is over is the larger one, whichever it is', () => {
    const ret = read('C', edit(community(), [C.received, 1, 5000], [C.disbursed, 1, 1000], [C.returned, 1, 4500], [C.balance, 1, null]));
    expect(findings(ret, 'rule.sum_at_most').map((i) => [i.cell, i.related])).toEqual([['C!B10', ['C!B9', 'C!B8']]]);
  });

  test('a limit that is not a number counts as 0', () => {
    const ret = read('C', edit(community(), [C.received, 1, 'แปดหมื่นบาท'], [C.balance, 1, null]));
    expect(findings(ret, 'rule.sum_at_most').map((i) => i.message_en)).toEqual(['"Budget disbursed" + "Budget returned" add up to 6,872, more than "Budget received" (0)']);
  });

  test('silent at the limit exactly, and when no part is given', () => {
    expect(findings(read('C', edit(community(), [C.received, 1, 6872], [C.balance, 1, 0])), 'rule.sum_at_most')).toEqual([]);
    expect(findings(read('C', edit(community(), [C.disbursed, 1, null], [C.returned, 1, null], [C.received, 1, 0], [C.balance, 1, null])), 'rule.sum_at_most')).toEqual([]);
  });
});

describe('differenceEquals (balance = received − disbursed − returned)', () => {
  test('fires at the result, the operands related', () => {
    const ret = read('C', edit(community(), [C.balance, 1, 70000]));
    expect(findings(ret, 'rule.difference')).toEqual([
      {
        severity: 'error',
        code: 'rule.difference',
        cell: 'C!B11',
        message_th: '"งบประมาณคงเหลือ" (70,000) ต้องเท่ากับ 73,128',
        message_en: '"Budget balance" (70,000) must be 73,128',
        related: ['C!B8', 'C!B9', 'C!B10'],
      },
    ]);
  });

  test('silent when right, and when the result is not given', () => {
    expect(findings(read('C', community()), 'rule.difference')).toEqual([]);
    expect(findings(read('C', edit(community(), [C.balance, 1, null])), 'rule.difference')).toEqual([]);
  });
});

describe('requiredWhen (a meeting held needs its date)', () => {
  test('fires at the missing field, the condition related', () => {
    const ret = read('C', edit(community(), [C.date, 1, null]));
    expect(findings(ret, 'rule.required_when')).toEqual([
      {
        severity: 'warning',
        code: 'rule.required_when',
        // The field's row has its label and no value: the label is where it stands.
        cell: 'C!A7',
        message_th: 'ระบุว่า "การจัดประชุมชี้แจงแนวทางให้ชุมชน" แต่ไม่ได้ระบุ "วันที่จัดประชุมชี้แจง"',
        message_en: '"Briefing meeting held" is yes but "Briefing meeting date" is not given',
        related: ['C!B6'],
      },
    ]);
  });

  test('a field absent from the sheet: at the condition, nothing else related', () => {
    const rows = community();
    rows.splice(C.date, 1);
    expect(findings(read('C', rows), 'rule.required_when').map((i) => [i.cell, i.related])).toEqual([['C!B6', undefined]]);
  });

  test('silent when given, or when the condition is no', () => {
    expect(findings(read('C', community()), 'rule.required_when')).toEqual([]);
    expect(findings(read('C', edit(community(), [C.held, 1, 'ไม่มี'], [C.date, 1, null])), 'rule.required_when')).toEqual([]);
  });
});

describe('dateOrder (start on or before end)', () => {
  test('fires at the end date, the start related', () => {
    const ret = read('P', edit(project(), [P.start, 1, '1/7/2564']));
    expect(findings(ret, 'rule.date_order')).toEqual([
      {
        severity: 'error',
        code: 'rule.date_order',
        cell: 'P!B6',
        message_th: '"เริ่มต้นโครงการ" (2021-07-01) อยู่หลัง "สิ้นสุดโครงการ" (2021-06-30)',
        message_en: '"Project start" (2021-07-01) is after "Project end" (2021-06-30)',
        related: ['P!B5'],
      },
    ]);
  });

  test('silent when in order or on the same day', () => {
    expect(findings(read('P', project()), 'rule.date_order')).toEqual([]);
    expect(findings(read('P', edit(project(), [P.start, 1, '30/6/2564'])), 'rule.date_order')).toEqual([]);
  });
});

describe('agencyMatchesOrgUnit (the project code’s agency is the reporting unit)', () => {
  test('fires at the project code, the field naming the unit related', () => {
    const ret = read('P', edit(project(), [P.code, 1, '50470000-3247'])); // 5047: Bang Na
    expect(findings(ret, 'rule.agency_mismatch')).toEqual([
      {
        severity: 'error',
        code: 'rule.agency_mismatch',
        cell: 'P!B3',
        message_th: 'รหัสหน่วยงานใน "รหัสโครงการ" (50470000-3247) ไม่ใช่ของ วังทองหลาง',
        message_en: 'The agency code in "Project code" (50470000-3247) does not belong to Wang Thonglang',
        related: ['P!B9'],
      },
    ]);
  });

  test('silent when they agree', () => {
    expect(findings(read('P', project()), 'rule.agency_mismatch')).toEqual([]);
  });
});

describe('unique (report numbers)', () => {
  test('fires at the repeat, the first occurrence related', () => {
    const ret = read('P', edit(project(), [P.second, 0, 1]));
    expect(findings(ret, 'rule.duplicate_key')).toEqual([
      {
        severity: 'error',
        code: 'rule.duplicate_key',
        cell: 'P!A13',
        message_th: '"รายงานครั้งที่" 1 ซ้ำกับแถว A12',
        message_en: '"Report no." 1 repeats row A12',
        related: ['P!A12'],
      },
    ]);
  });

  test('silent when every number differs', () => {
    expect(findings(read('P', project()), 'rule.duplicate_key')).toEqual([]);
  });
});

describe('emptyRow (a numbered report with nothing in it)', () => {
  test('fires at the row’s first cell', () => {
    const ret = read('P', edit(project(), [P.third, 0, 3]));
    expect(findings(ret, 'rule.empty_row')).toEqual([{ severity: 'warning', code: 'rule.empty_row', cell: 'P!A14', message_th: 'รายการ 3 ไม่มีข้อมูล', message_en: 'Item 3 has no data' }]);
  });

  test('silent when the row has data', () => {
    expect(findings(read('P', edit(project(), [P.third, 0, 3], [P.third, 1, '15/4/2564'], [P.third, 2, 60])), 'rule.empty_row')).toEqual([]);
  });
});

describe('rowRequired (a report with data gives its date)', () => {
  test('fires at the empty cell', () => {
    const ret = read('P', edit(project(), [P.third, 0, 3], [P.third, 2, 60]));
    expect(findings(ret, 'rule.row_required')).toEqual([
      { severity: 'warning', code: 'rule.row_required', cell: 'P!B14', message_th: 'ไม่ได้ระบุ "วันที่รายงาน"', message_en: '"Report date" is not given' },
    ]);
  });

  test('silent when given, and on an empty row (that is emptyRow’s finding)', () => {
    expect(findings(read('P', project()), 'rule.row_required')).toEqual([]);
    expect(findings(read('P', edit(project(), [P.third, 0, 3])), 'rule.row_required')).toEqual([]);
  });
});

describe('nonDecreasing (progress does not fall between reports)', () => {
  test('fires at the fall, the highest earlier value related', () => {
    const ret = read('P', edit(project(), [P.second, 2, 15]));
    expect(findings(ret, 'rule.decreasing')).toEqual([
      {
        severity: 'warning',
        code: 'rule.decreasing',
        cell: 'P!C13',
        message_th: '"ความก้าวหน้าของงานฯ" ลดลงจาก 20 เหลือ 15',
        message_en: '"Progress %" falls from 20 to 15',
        related: ['P!C12'],
      },
    ]);
  });

  test('reports are ordered by date, not by row', () => {
    // Report 2 is dated before report 1: 50 then 20 is a fall, found at report 1.
    const ret = read('P', edit(project(), [P.second, 1, '1/12/2563']));
    expect(findings(ret, 'rule.decreasing').map((i) => [i.cell, i.related])).toEqual([['P!C12', ['P!C13']]]);
  });

  test('silent when progress rises or stays', () => {
    expect(findings(read('P', project()), 'rule.decreasing')).toEqual([]);
    expect(findings(read('P', edit(project(), [P.second, 2, 20])), 'rule.decreasing')).toEqual([]);
  });
});

describe('dateInPeriod (report dates inside the fiscal year and the project)', () => {
  test('after the project’s end: fires at the date, the project’s dates related', () => {
    const ret = read('P', edit(project(), [P.second, 1, '15/8/2564']));
    expect(findings(ret, 'rule.date_outside')).toEqual([
      {
        severity: 'warning',
        code: 'rule.date_outside',
        cell: 'P!B13',
        message_th: 'วันที่ 2021-08-15 อยู่นอกช่วง 2020-11-01 ถึง 2021-06-30',
        message_en: 'Date 2021-08-15 is outside 2020-11-01 to 2021-06-30',
        related: ['P!B5', 'P!B6'],
      },
    ]);
  });

  test('outside the fiscal year: the fiscal year’s limits', () => {
    const ret = read('P', edit(project(), [P.second, 1, '15/10/2564']));
    expect(findings(ret, 'rule.date_outside').map((i) => [i.cell, i.message_en, i.related])).toEqual([['P!B13', 'Date 2021-10-15 is outside 2020-10-01 to 2021-09-30', undefined]]);
  });

  test('silent inside, on the limits too', () => {
    expect(findings(read('P', project()), 'rule.date_outside')).toEqual([]);
    expect(findings(read('P', edit(project(), [P.first, 1, '1/11/2563'], [P.second, 1, '30/6/2564'])), 'rule.date_outside')).toEqual([]);
  });
});

describe('columnSumAtMost (Σ disbursed ≤ budget received)', () => {
  test('fires at the limit, the column’s cells related', () => {
    const ret = read('P', edit(project(), [P.budget, 1, 25000]));
    expect(findings(ret, 'rule.column_sum_at_most')).toEqual([
      {
        severity: 'error',
        code: 'rule.column_sum_at_most',
        cell: 'P!B7',
        message_th: '"งบประมาณที่เบิกใช้" รวม 30,000 เกิน "งบประมาณที่ได้รับ" (25,000)',
        message_en: '"Disbursed" adds up to 30,000, more than "Budget received" (25,000)',
        related: ['P!D12:D13'],
      },
    ]);
  });

  test('silent at the limit, and when the budget is 0 or not given', () => {
    expect(findings(read('P', edit(project(), [P.budget, 1, 30000])), 'rule.column_sum_at_most')).toEqual([]);
    expect(findings(read('P', edit(project(), [P.budget, 1, 0])), 'rule.column_sum_at_most')).toEqual([]);
    expect(findings(read('P', edit(project(), [P.budget, 1, null])), 'rule.column_sum_at_most')).toEqual([]);
  });
});

describe('columnSumEquals (budget spent = Σ disbursed)', () => {
  test('fires at the field, the column’s cells related', () => {
    const ret = read('P', edit(project(), [P.spent, 1, 0]));
    expect(findings(ret, 'rule.column_sum_equals')).toEqual([
      {
        severity: 'warning',
        code: 'rule.column_sum_equals',
        cell: 'P!B8',
        message_th: '"งบประมาณที่ใช้ไป" (0) ไม่เท่ากับ "งบประมาณที่เบิกใช้" รวม (30,000)',
        message_en: '"Budget spent" (0) differs from the sum of "Disbursed" (30,000)',
        related: ['P!D12:D13'],
      },
    ]);
  });

  test('silent when equal, and when the field is not given', () => {
    expect(findings(read('P', project()), 'rule.column_sum_equals')).toEqual([]);
    expect(findings(read('P', edit(project(), [P.spent, 1, null])), 'rule.column_sum_equals')).toEqual([]);
  });
});

describe('rowSumEquals (Σ quarterly targets = annual target)', () => {
  test('fires at the total of the row, the given parts related', () => {
    const ret = read('Q', codi(1, ['5.1', 100, 10, 20, 30, 30, 10, 10]));
    expect(findings(ret, 'rule.row_sum')).toEqual([
      {
        severity: 'error',
        code: 'rule.row_sum',
        cell: 'Q!B4',
        message_th: '"ไตรมาส 1" + "ไตรมาส 2" + "ไตรมาส 3" + "ไตรมาส 4" รวม 90 ไม่เท่ากับ "เป้าหมายปี" (100)',
        message_en: '"Q1 target" + "Q2 target" + "Q3 target" + "Q4 target" add up to 90, not "Annual target" (100)',
        related: ['Q!C4', 'Q!D4', 'Q!E4', 'Q!F4'],
      },
    ]);
  });

  test('silent when they add up, and when no part is given', () => {
    expect(findings(read('Q', codi(1, KPI_Q1)), 'rule.row_sum')).toEqual([]);
    expect(findings(read('Q', codi(1, ['5.1', 100, null, null, null, null, 10, 10])), 'rule.row_sum')).toEqual([]);
  });
});

describe('knownItem (codes from the catalog)', () => {
  test('fires at the code', () => {
    const ret = read('Q', codi(1, ['9.9', 100, 10, 20, 30, 40, 10, 10]));
    expect(findings(ret, 'rule.unknown_item')).toEqual([{ severity: 'warning', code: 'rule.unknown_item', cell: 'Q!A4', message_th: 'ไม่รู้จักรหัส "9.9"', message_en: 'Unknown code "9.9"' }]);
  });

  test('silent on a catalog code', () => {
    expect(findings(read('Q', codi(1, KPI_Q1)), 'rule.unknown_item')).toEqual([]);
  });
});

describe('cumulative (cumulative = previous cumulative + this quarter)', () => {
  test('fires at the cumulative, this quarter’s result related', () => {
    const previous = read('Q', codi(1, KPI_Q1));
    const ret = read('Q', codi(2, ['5.1', 100, 10, 20, 30, 40, 5, 20]), { previous });
    expect(findings(ret, 'rule.cumulative')).toEqual([
      {
        severity: 'warning',
        code: 'rule.cumulative',
        cell: 'Q!H4',
        message_th: '"ผลสะสม" (20) ควรเท่ากับ 15 (ผลสะสมครั้งก่อน 10 + ผลไตรมาสนี้ 5)',
        message_en: '"Cumulative result" (20) should be 15 (previous cumulative 10 + this quarter 5)',
        related: ['Q!G4'],
      },
    ]);
  });

  test('in Q1 the cumulative is the quarter’s result', () => {
    const ret = read('Q', codi(1, ['5.1', 100, 10, 20, 30, 40, 10, 12]));
    expect(findings(ret, 'rule.cumulative').map((i) => [i.cell, i.message_en])).toEqual([['Q!H4', '"Cumulative result" (12) should be 10 (previous cumulative 0 + this quarter 10)']]);
  });

  test('silent when right, and after Q1 when there is no previous return to compare with', () => {
    expect(findings(read('Q', codi(2, KPI_Q2), { previous: read('Q', codi(1, KPI_Q1)) }), 'rule.cumulative')).toEqual([]);
    expect(findings(read('Q', codi(2, ['5.1', 100, 10, 20, 30, 40, 5, 99])), 'rule.cumulative')).toEqual([]);
  });
});
