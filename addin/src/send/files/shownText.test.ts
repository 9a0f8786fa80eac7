import { shownCell, shownRow } from './shownText';

describe('cells as the page shows them', () => {
  test('dates: day/month/year, Buddhist Era where the format is Thai', () => {
    expect(shownCell({ value: 44067, numFmt: 'd/m/yyyy' }).text).toBe('24/8/2020');
    expect(shownCell({ value: 44067, numFmt: '[$-107041E]d mmmm yyyy' }).text).toBe('24/8/2563');
    expect(shownCell({ value: 44067, numFmt: 'd/m/bbbb' }).text).toBe('24/8/2563');
    expect(shownCell({ value: 44067.5, numFmt: 'd/m/yyyy h:mm' }).text).toBe('24/8/2020 12:00');
    // A 1904-system workbook: its serials count from 1904 (issue 21's grid says so).
    expect(shownCell({ value: 44067 - 1462, numFmt: 'd/m/yyyy' }, true).text).toBe('24/8/2020');
  });

  test('numbers under their format; General as Excel; percentages', () => {
    expect(shownCell({ value: 3267440, numFmt: '#,##0' }).text).toBe('3,267,440');
    expect(shownCell({ value: 1234.5, numFmt: '#,##0.00 "บาท"' }).text).toBe('1,234.50 บาท');
    expect(shownCell({ value: 0.4284, numFmt: '0.00%' }).text).toBe('42.84%');
    expect(shownCell({ value: 0.1 + 0.2 }).text).toBe('0.3');
    expect(shownCell({ value: 6872 }).number).toBe(true);
  });

  test('errors, booleans, line breaks; text spills over empty cells to its right', () => {
    expect(shownCell({ value: null, error: '#DIV/0!' }).text).toBe('#DIV/0!');
    expect(shownCell({ value: true }).text).toBe('TRUE');
    expect(shownCell({ value: 'บรรทัด 1\nบรรทัด 2' }).text).toBe('บรรทัด 1 บรรทัด 2');
    expect(shownRow([{ value: 'หัวเรื่องยาว' }, undefined, { value: 'x' }], 3).map((c) => !!c.spill)).toEqual([true, false, true]);
  });
});
