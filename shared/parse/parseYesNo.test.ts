import { parseYesNo } from './parseYesNo';

describe('parseYesNo', () => {
  test.each(['ใช่', 'มี', 'จัดแล้ว', 'แล้ว', '✓', '✔', '/', 'Y', 'yes', 'TRUE', '1', 1, true])('%p is yes', (v) => expect(parseYesNo(v)).toBe(true));
  test.each(['ไม่ใช่', 'ไม่มี', 'ยังไม่จัด', 'ไม่ได้จัด', '✗', '✘', '-', 'N', 'no', 'false', '0', 0, false])('%p is no', (v) => expect(parseYesNo(v)).toBe(false));
  test.each(['maybe', 'บางที', '', 2, null])('%p is neither', (v) => expect(parseYesNo(v)).toBeNull());
  test("a field's own words", () => {
    expect(parseYesNo('เป็นไปตามแผน', ['เป็นไปตามแผน'], ['ไม่เป็นไปตามแผน'])).toBe(true);
    expect(parseYesNo('ไม่เป็นไปตามแผน', ['เป็นไปตามแผน'], ['ไม่เป็นไปตามแผน'])).toBe(false);
  });
});
