import { gridFromValues } from '../sheet/grid';
import { checkSheet, locateForYear } from './checkSheets';
import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '../definitions/versionsByYear';

/** The built-in definitions (`forms/*.json`), every year alike. */
const BUILT_IN = new VersionedDefinitions(builtInDocuments(), []);

// A welfare-fund sheet whose total row is wrong: the total row must still be checked when the raw rows are given up.
const rows = (): unknown[][] => [
  ['สรุปผลการจัดสวัสดิการให้แก่สมาชิก'],
  ['กองทุน', 'กองทุนสวัสดิการวันละบาท'],
  ['สำนักงานเขต', 'วังทองหลาง'],
  ['ปีงบประมาณ', 2564],
  ['ลำดับ', 'ประเภทสวัสดิการ', 'จำนวน (คน)', 'เป็นเงิน (บาท)'],
  [1, 'ผู้สูงอายุ', 47, 13400],
  [2, 'การศึกษา', 39, 'หนึ่งหมื่น'],
  [null, 'รวม', 90, 23800],
];

describe('checkSheet', () => {
  test('giving the reading up checks the same, holds no located returns, and lets the raw item rows go', () => {
    const kept = checkSheet(locateForYear(gridFromValues('W', rows()), BUILT_IN));
    const reading = locateForYear(gridFromValues('W', rows()), BUILT_IN);
    const table = reading.reading.returns[0].table!;
    const given = checkSheet(reading, { keepLocated: false });
    expect(given.returns).toEqual(kept.returns);
    expect(given.issues).toEqual(kept.issues);
    expect(kept.returns[0].issues.map((i) => i.code)).toEqual(expect.arrayContaining(['value.not_number', 'total.mismatch']));
    expect(kept.located).toHaveLength(1);
    expect(given.located).toEqual([]);
    expect(table.rows.filter((r) => r.kind === 'item').every((r) => Object.keys(r.values).length === 0)).toBe(true);
    expect(table.rows.filter((r) => r.kind === 'total')).toHaveLength(1);
  });
});
