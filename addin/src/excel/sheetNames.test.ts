import { MAX_SHEET_NAME, shortSheetName, uniqueSheetName } from './sheetNames';

describe('sheet names', () => {
  test('a long Thai title is cut between words, not inside one', () => {
    const name = shortSheetName('แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ');
    expect(name).toBe('แบบแสดงรายงานความก้าวหน้า');
    expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME - 5);
  });

  test('characters Excel refuses are replaced, and a short title stays whole', () => {
    expect(shortSheetName("'Return: Q2/2563 [draft]'")).toBe('Return Q2 2563 draft');
    expect(shortSheetName('Project progress report')).toBe('Project progress report');
  });

  test('a taken name gets the next free number, comparing without case', () => {
    expect(uniqueSheetName('Report', ['Sheet1'])).toBe('Report');
    expect(uniqueSheetName('Report', ['report', 'Report (2)'])).toBe('Report (3)');
    const many = Array.from({ length: 12 }, (_, i) => (i === 0 ? 'แบบแสดงรายงานความก้าวหน้า' : `แบบแสดงรายงานความก้าวหน้า (${i + 1})`));
    const next = uniqueSheetName('แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ', many);
    expect(next).toBe('แบบแสดงรายงานความก้าวหน้า (13)');
    expect(next.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });
});
