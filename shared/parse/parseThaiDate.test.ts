import { parseThaiDate } from './parseThaiDate';

const d = (s: unknown) => {
  const r = parseThaiDate(s);
  return r.ok ? r.value : 'invalid';
};

describe('parseThaiDate', () => {
  test.each([
    ['27/10/2563', '2020-10-27'], // d/m/BE
    ['27/10/63', '2020-10-27'], // 2-digit year is BE
    ['2020-10-01', '2020-10-01'], // ISO CE
    ['2020-10-01 00:00:00', '2020-10-01'],
    ['2023-04-27T00:00:00Z', '2023-04-27'],
    ['12/29/2020', '2020-12-29'], // m/d only because 29 cannot be a month
    ['25/1/2021', '2021-01-25'],
    ['4/3/2563', '2020-03-04'], // both ≤ 12: d/m
    ['20 มกราคม 2563', '2020-01-20'],
    ['27 มี.ค. 63', '2020-03-27'],
    ['27 มีค 63', '2020-03-27'],
    ['๒๗/๑๐/๒๕๖๓', '2020-10-27'], // Thai digits
    ['วันที่ 1 ตุลาคม พ.ศ. 2562', '2019-10-01'],
    ['26 สิงหาคม 2563', '2020-08-26'],
    ['3 Feb 2020', '2020-02-03'],
    [43891, '2020-03-01'], // Excel serial
    ['2563-10-27', '2020-10-27'], // ISO with a BE year
  ])('%p → %p', (input, expected) => expect(d(input)).toBe(expected));

  test.each(['31/2/2563', '13/13/2563', '2020-13-01', 'tomorrow', '', '12', '1/1', 'มกราคม', -5, 1e9, null])('%p is not a date', (input) => {
    expect(parseThaiDate(input).ok).toBe(false);
  });
});
