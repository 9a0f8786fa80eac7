import { gridFromValues } from '../sheet/grid';
import { checkReturn } from './checkReturn';
import { locateSheet } from '../read/locateSheet';
import type { CheckedReturn } from './checkedReturn';
import type { FormDef } from '../forms/formDef';
import { definitionsOf } from '../definitions/definitions';
import { checkForm } from '../forms/checkForms';
import { consolidateReturns, contributionOf } from '../consolidate/consolidateReturns';
import type { TallyEntry } from '../consolidate/tally';
import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '../definitions/versionsByYear';

/** The built-in definitions (`forms/*.json`), every year alike. */
const BUILT_IN = new VersionedDefinitions(builtInDocuments(), []);

/**
 * The generic capabilities a form made as data uses, on a form written for this test (a
 * register of hazards by level): a choice-list field whose choices match like labels, a
 * required column, a column given only when a yes/no column is yes, a choice that must not
 * rank above another, and rows counted by a choice (a quarter's own status, not a running sum).
 */
const LEVELS = [
  { list: 'level', id: 'severe', label_th: 'รุนแรง', label_en: 'severe', rank: 3 },
  { list: 'level', id: 'moderate', label_th: 'ปานกลาง', label_en: 'moderate', aliases: ['กลาง'], rank: 2 },
  { list: 'level', id: 'minor', label_th: 'เล็กน้อย', label_en: 'minor', rank: 1 },
];
const hazards: FormDef = checkForm({
  id: 'test-hazard-register',
  title_th: 'ทะเบียนความเสี่ยงทดสอบ',
  title_en: 'Test hazard register',
  fields: [{ id: 'unit', type: 'orgUnit', label_th: 'หน่วยงาน', label_en: 'Unit', orgUnitKinds: ['region'] }],
  table: {
    row: 'item',
    key: 'hazard',
    required: ['hazard', 'level'],
    columns: [
      { id: 'no', type: 'count', label_th: 'ลำดับ', label_en: 'No.' },
      { id: 'hazard', type: 'text', label_th: 'ความเสี่ยง', label_en: 'Hazard', required: true },
      { id: 'level', type: 'choice', label_th: 'ระดับ', label_en: 'Level', choices: 'level', required: true },
      { id: 'handled', type: 'yesno', label_th: 'มีมาตรการ', label_en: 'Handled' },
      { id: 'left', type: 'choice', label_th: 'ระดับที่เหลือ', label_en: 'Level left', choices: 'level' },
    ],
  },
  choices: LEVELS,
  orgUnit: { fields: ['unit'], kinds: ['region'] },
  period: { kind: 'quarter' },
  rules: [
    { kind: 'onlyWhen', column: 'left', when: 'handled', severity: 'warning' },
    { kind: 'choiceNotAbove', column: 'left', than: 'level', severity: 'warning' },
  ],
  consolidation: {
    kind: 'rowCounts',
    expectedKinds: ['region'],
    counts: [
      { id: 'assessed', column: 'level', label_th: 'ประเมิน', label_en: 'Assessed' },
      { id: 'handled', column: 'level', when: 'handled', label_th: 'มีมาตรการ', label_en: 'Handled' },
      { id: 'left', column: 'left', label_th: 'คงเหลือ', label_en: 'Left' },
    ],
  },
});
const units = BUILT_IN.forYear(null).units;
const definitions = definitionsOf([hazards], units);

const sheet = (quarter: number, rows: unknown[][]) => [
  [`ทะเบียนความเสี่ยง ไตรมาส ${quarter} ปีงบประมาณ พ.ศ. 2563`],
  ['หน่วยงาน : ภาคเหนือ'],
  [],
  ['ลำดับ', 'ความเสี่ยง', 'ระดับ', 'มีมาตรการ', 'ระดับที่เหลือ'],
  ...rows,
];

function read(rows: unknown[][]): CheckedReturn {
  const reading = locateSheet(gridFromValues('Q', rows), definitions.forms);
  expect(reading.form?.id).toBe(hazards.id);
  return checkReturn(reading.returns[0], { definitions });
}
const codes = (r: CheckedReturn) => r.issues.map((i) => `${i.cell} ${i.severity} ${i.code}`);

describe('a choice-list field', () => {
  test('choices match like labels: Thai, English, case and spaces, an alias; a dash is none', () => {
    const r = read(
      sheet(2, [
        [1, 'ก', 'รุนแรง', 'มี', ' SEVERE '],
        [2, 'ข', 'Moderate', 'มี', 'กลาง'],
        [3, 'ค', 'เล็ก น้อย', 'ไม่มี', '-'],
      ]),
    );
    expect(codes(r)).toEqual([]);
    expect(r.rows.map((x) => [x.values.level, x.values.left])).toEqual([
      ['severe', 'severe'],
      ['moderate', 'moderate'],
      ['minor', null],
    ]);
  });

  test('an unknown choice is an error at its cell naming the allowed ones, in Thai and English', () => {
    const r = read(sheet(2, [[1, 'ก', 'สูงมาก', 'มี', '-']]));
    expect(r.issues).toEqual([
      {
        severity: 'error',
        code: 'value.not_choice',
        cell: 'Q!C5',
        message_th: '"ระดับ" ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: "รุนแรง", "ปานกลาง", "เล็กน้อย" แต่พบ "สูงมาก"',
        message_en: '"Level" must be one of "severe", "moderate", "minor"; found "สูงมาก"',
      },
    ]);
  });
});

describe('rules over choices', () => {
  test('a required column missing from a row with data is an error at that cell', () => {
    expect(
      codes(
        read(
          sheet(2, [
            [1, 'ก', 'รุนแรง', 'มี', '-'],
            [2, null, 'ปานกลาง', 'มี', 'ปานกลาง'],
          ]),
        ),
      ),
    ).toEqual(['Q!B6 error rule.row_required']);
  });

  test('a level left without a measure, and a level left above the level assessed, are warnings naming both cells', () => {
    const r = read(
      sheet(2, [
        [1, 'ก', 'เล็กน้อย', 'ไม่มี', 'เล็กน้อย'],
        [2, 'ข', 'ปานกลาง', 'มี', 'รุนแรง'],
      ]),
    );
    expect(r.issues.map((i) => [i.cell, i.code, i.related, i.message_en])).toEqual([
      ['Q!E5', 'rule.only_when', ['Q!D5'], '"Level left" is given although "Handled" is not yes'],
      ['Q!E6', 'rule.choice_above', ['Q!C6'], '"Level left" (severe) is above "Level" (moderate)'],
    ]);
    expect(r.issues[1].message_th).toBe('"ระดับที่เหลือ" (รุนแรง) สูงกว่า "ระดับ" (ปานกลาง)');
  });
});

describe('rows counted by a choice', () => {
  const entry = (r: CheckedReturn, period: string): TallyEntry => ({ orgUnit: r.orgUnit!, fiscalYear: 2563, period, subject: null, submittedAt: '', contribution: contributionOf(r, hazards) });
  const q1 = read(
    sheet(1, [
      [1, 'ก', 'รุนแรง', 'มี', 'ปานกลาง'],
      [2, 'ข', 'รุนแรง', 'ไม่มี', '-'],
    ]),
  );
  const q2 = read(
    sheet(2, [
      [1, 'ก', 'รุนแรง', 'มี', 'เล็กน้อย'],
      [2, 'ข', 'ปานกลาง', 'มี', 'ปานกลาง'],
      [3, 'ค', 'เล็กน้อย', 'ไม่มี', '-'],
    ]),
  );

  test("each count by choice, every choice listed (0 included), totals; a quarter's tally is its own returns", () => {
    const t = consolidateReturns(hazards, units, [entry(q1, 'Q1'), entry(q2, 'Q2')], { fiscalYear: 2563, period: 'Q2', by: 'hq' });
    const value = Object.fromEntries(t.groups[0].measures.map((m) => [m.id, m.value]));
    expect(value).toEqual({
      'total:assessed': 3,
      'total:handled': 2,
      'total:left': 2,
      'item:รุนแรง:assessed': 1,
      'item:รุนแรง:handled': 1,
      'item:รุนแรง:left': 0,
      'item:ปานกลาง:assessed': 1,
      'item:ปานกลาง:handled': 1,
      'item:ปานกลาง:left': 1,
      'item:เล็กน้อย:assessed': 1,
      'item:เล็กน้อย:handled': 0,
      'item:เล็กน้อย:left': 1,
    });
    expect([t.groups[0].orgUnit, t.groups[0].received, t.groups[0].expected]).toEqual(['CODI', 1, 5]);
    const first = consolidateReturns(hazards, units, [entry(q1, 'Q1'), entry(q2, 'Q2')], { fiscalYear: 2563, period: 'Q1', by: 'hq' });
    expect(first.groups[0].measures.find((m) => m.id === 'total:assessed')!.value).toBe(2);
  });
});
