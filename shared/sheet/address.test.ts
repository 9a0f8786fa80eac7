import { a1, addressPrefix, parseA1, sheetAddress, splitSheetAddress } from './address';

describe('sheet addresses', () => {
  test.each([
    ['Sheet1', 'Sheet1!C14'],
    ['แบบรายงาน 1', "'แบบรายงาน 1'!C14"],
    ["Bob's", "'Bob''s'!C14"],
  ])('%s round-trips', (sheet, address) => {
    expect(sheetAddress(sheet, 13, 2)).toBe(address);
    expect(splitSheetAddress(address)).toEqual({ sheet, cell: 'C14' });
    expect(addressPrefix(sheet) + 'C14').toBe(address);
  });
  test('A1 and back', () => {
    expect([a1(0, 0), a1(9, 26), a1(0, 701)]).toEqual(['A1', 'AA10', 'ZZ1']);
    expect(parseA1('$AA$10')).toEqual({ row: 9, col: 26 });
  });
});
