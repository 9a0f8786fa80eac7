import { columnUnitsFor, linesIn, textEm } from './textWidth';

describe('Thai text widths in the report font', () => {
  test('marks above and below the line take no width', () => {
    expect(textEm('กิ่ง')).toBe(textEm('กง'));
    expect(textEm('ที่')).toBe(textEm('ท'));
  });

  test('a KPI name needs about 70 units on one line, and wraps to two lines in 48', () => {
    const name = 'การสนับสนุนการพัฒนาที่อยู่อาศัยผู้มีรายได้น้อยในเมืองและชนบท';
    expect(columnUnitsFor(name, 14)).toBeGreaterThan(65);
    expect(columnUnitsFor(name, 14)).toBeLessThan(75);
    expect(linesIn(name, 48, 14)).toBe(2);
    expect(linesIn(name, 80, 14)).toBe(1);
  });

  test('English breaks at spaces only; a heading of two lines counts both', () => {
    expect(linesIn('of target to date', 30, 14)).toBe(1);
    expect(linesIn('of target to date', 12, 14)).toBe(2); // of target · to date
    expect(linesIn('of target to date', 10, 14)).toBe(3); // of · target to · date
    expect(linesIn('oftargettodate', 10, 14)).toBe(2); // one word, cut only where it must
    expect(linesIn('ผลสะสม\nCumulative', 20, 14)).toBe(2);
  });
});
