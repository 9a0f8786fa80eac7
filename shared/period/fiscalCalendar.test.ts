import { addDays, bangkokDate, calendarMonthOf, currentFiscalYear, fiscalMonthOf, fiscalYearOf } from './fiscalCalendar';

describe('fiscal calendar', () => {
  it('fiscalYearOf: October starts the next BE fiscal year', () => {
    expect(fiscalYearOf('2019-09-30')).toBe(2562);
    expect(fiscalYearOf('2019-10-01')).toBe(2563);
    expect(fiscalYearOf('2020-09-30')).toBe(2563);
    expect(fiscalYearOf('2020-10-01')).toBe(2564);
  });
  it('fiscalMonthOf counts from October', () => {
    expect(fiscalMonthOf('2019-10-15')).toBe(1);
    expect(fiscalMonthOf('2019-12-31')).toBe(3);
    expect(fiscalMonthOf('2020-01-01')).toBe(4);
    expect(fiscalMonthOf('2020-09-30')).toBe(12);
    expect([1, 3, 4, 12].map(calendarMonthOf)).toEqual([10, 12, 1, 9]);
  });
  it('addDays crosses months and leap days', () => {
    expect(addDays('2020-03-31', 15)).toBe('2020-04-15');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
  });
  it('bangkokDate and currentFiscalYear use Bangkok time (UTC+7)', () => {
    // 17:30 UTC on 30 Sep is 00:30 on 1 Oct in Bangkok: FY 2564 has begun there.
    expect(bangkokDate(new Date('2020-09-30T17:30:00Z'))).toBe('2020-10-01');
    expect(currentFiscalYear(new Date('2020-09-30T17:30:00Z'))).toBe(2564);
    expect(currentFiscalYear(new Date('2020-09-30T16:59:59Z'))).toBe(2563);
    expect(currentFiscalYear(new Date('2020-09-30T17:00:00Z'))).toBe(2564);
    expect(currentFiscalYear(new Date('2020-10-01T00:00:00+07:00'))).toBe(2564);
  });
});
