import { parseNumber } from './parseNumber';

const value = (s: unknown) => {
  const r = parseNumber(s);
  return r.ok ? r.value : 'invalid';
};

describe('parseNumber', () => {
  test.each([
    [1234.5, 1234.5],
    ['3,304,180', 3304180],
    ['๘๕,๔๔๐', 85440],
    ['56 ชุมชน', 56],
    ['75,340 บาท', 75340],
    ['2.5 ล้านบาท', 2.5],
    ['10 คน', 10],
    ['12 ครัวเรือน', 12],
    ['3 ตำบล', 3],
    ['4 กองทุน', 4],
    ['8 โครงการ', 8],
    ['2 หน่วยงาน', 2],
    ['10.00 %', 10],
    ['ร้อยละ 66.56', 66.56],
    ['(1,000)', -1000],
    ['-', 0],
    ['–', 0],
    ['—', 0],
    ['-12.5', -12.5],
    ['  42  ', 42],
  ])('%p → %p', (input, expected) => expect(value(input)).toBe(expected));

  test.each(['แปดหมื่นบาท', 'abc', '', '1,23', '12a', '--', '1.2.3', ',', '%', 'บาท', null, undefined, NaN, {}])('%p is not a number', (input) => {
    expect(parseNumber(input).ok).toBe(false);
  });

  test('reports the unit and percent forms it saw', () => {
    expect(parseNumber('2.5 ล้านบาท')).toEqual({ ok: true, value: 2.5, unit: 'ล้านบาท' });
    expect(parseNumber('ร้อยละ 9.5')).toEqual({ ok: true, value: 9.5, percent: true });
  });
});
