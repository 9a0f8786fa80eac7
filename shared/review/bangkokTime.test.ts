import { bangkokDay, bangkokTime } from './bangkokTime';

describe('bangkokTime', () => {
  test('UTC instants are shown on the Bangkok wall clock, the day turning at Bangkok midnight', () => {
    expect(bangkokTime('2020-10-05T07:03:00.000Z')).toEqual({ en: '2020-10-05 14:03 Bangkok time', th: '5 ต.ค. 2563 เวลา 14:03 น.' });
    expect(bangkokTime('2020-12-31T17:30:00Z')).toEqual({ en: '2021-01-01 00:30 Bangkok time', th: '1 ม.ค. 2564 เวลา 00:30 น.' });
  });
  test('text that is no instant is shown as it is', () => {
    expect(bangkokTime('yesterday')).toEqual({ en: 'yesterday', th: 'yesterday' });
  });
  test('a date in both languages (BE year in Thai)', () => {
    expect(bangkokDay('2020-11-14')).toEqual({ en: '2020-11-14', th: '14 พ.ย. 2563' });
  });
});
