import { DEFAULT_DUE_DAYS, dueDate, latestDuePeriod, periodEnd, periodOfDate, periodSchema, periodStart, periodsUpTo, previousPeriod, previousPeriodInYear, type Period } from './period';

const P = (code: Period['code'], fiscalYear = 2563): Period => ({ fiscalYear, code });

describe('period dates', () => {
  it.each<[Period['code'], string, string]>([
    ['FY', '2019-10-01', '2020-09-30'],
    ['Q1', '2019-10-01', '2019-12-31'],
    ['Q2', '2020-01-01', '2020-03-31'],
    ['Q3', '2020-04-01', '2020-06-30'],
    ['Q4', '2020-07-01', '2020-09-30'],
    ['M01', '2019-10-01', '2019-10-31'],
    ['M03', '2019-12-01', '2019-12-31'],
    ['M04', '2020-01-01', '2020-01-31'],
    ['M05', '2020-02-01', '2020-02-29'],
    ['M12', '2020-09-01', '2020-09-30'],
  ])('%s of FY 2563 runs %s to %s', (code, start, end) => {
    expect(periodStart(P(code))).toBe(start);
    expect(periodEnd(P(code))).toBe(end);
  });
  it('February of a non-leap year ends on the 28th', () => {
    expect(periodEnd(P('M05', 2564))).toBe('2021-02-28');
  });
  it('at the bounds of the fiscal-year rule', () => {
    expect(periodStart(P('FY', 2400))).toBe('1856-10-01');
    expect(periodEnd(P('FY', 2800))).toBe('2257-09-30');
  });
});

describe('dueDate', () => {
  it('is 15 days after the end unless told otherwise', () => {
    expect(DEFAULT_DUE_DAYS).toBe(15);
    expect(dueDate(P('Q2'))).toBe('2020-04-15');
    expect(dueDate(P('FY'))).toBe('2020-10-15');
    expect(dueDate(P('Q1'), 30)).toBe('2020-01-30');
    expect(dueDate(P('M03'), 0)).toBe('2019-12-31');
  });
});

describe('previous periods', () => {
  it('previousPeriodInYear stays in the year: null for FY, Q1, M01', () => {
    expect(previousPeriodInYear(P('Q2'))).toEqual(P('Q1'));
    expect(previousPeriodInYear(P('Q4'))).toEqual(P('Q3'));
    expect(previousPeriodInYear(P('M02'))).toEqual(P('M01'));
    expect(previousPeriodInYear(P('Q1'))).toBeNull();
    expect(previousPeriodInYear(P('M01'))).toBeNull();
    expect(previousPeriodInYear(P('FY'))).toBeNull();
  });
  it('previousPeriod crosses into the previous fiscal year', () => {
    expect(previousPeriod(P('Q1'))).toEqual(P('Q4', 2562));
    expect(previousPeriod(P('M01'))).toEqual(P('M12', 2562));
    expect(previousPeriod(P('FY'))).toEqual(P('FY', 2562));
    expect(previousPeriod(P('Q3'))).toEqual(P('Q2'));
  });
  it('periodsUpTo: a tally of Q2 reads Q1 and Q2', () => {
    expect(periodsUpTo(P('Q2'))).toEqual([P('Q1'), P('Q2')]);
    expect(periodsUpTo(P('Q1'))).toEqual([P('Q1')]);
    expect(periodsUpTo(P('FY'))).toEqual([P('FY')]);
    expect(periodsUpTo(P('M03')).map((p) => p.code)).toEqual(['M01', 'M02', 'M03']);
  });
});

describe('periodOfDate and latestDuePeriod', () => {
  it('periodOfDate finds the period of each kind', () => {
    expect(periodOfDate('quarter', '2020-01-05')).toEqual(P('Q2'));
    expect(periodOfDate('month', '2019-12-31')).toEqual(P('M03'));
    expect(periodOfDate('year', '2019-10-01')).toEqual(P('FY'));
  });
  it('latestDuePeriod is the latest period that has ended, in Bangkok time', () => {
    const jan5 = new Date('2020-01-05T03:00:00Z');
    expect(latestDuePeriod('quarter', jan5)).toEqual(P('Q1'));
    expect(latestDuePeriod('month', jan5)).toEqual(P('M03'));
    expect(latestDuePeriod('year', jan5)).toEqual(P('FY', 2562));
    // Before the year's first quarter has ended, the latest ended quarter is last year's Q4.
    expect(latestDuePeriod('quarter', new Date('2019-11-01T03:00:00Z'))).toEqual(P('Q4', 2562));
    // 30 Sep 17:30 UTC is already 1 Oct in Bangkok: FY 2563 and its Q4 have ended.
    expect(latestDuePeriod('year', new Date('2020-09-30T17:30:00Z'))).toEqual(P('FY', 2563));
    expect(latestDuePeriod('quarter', new Date('2020-09-30T17:30:00Z'))).toEqual(P('Q4', 2563));
    expect(latestDuePeriod('year', new Date('2020-09-30T16:30:00Z'))).toEqual(P('FY', 2562));
    expect(latestDuePeriod('quarter', new Date('2020-09-30T16:30:00Z'))).toEqual(P('Q3', 2563));
  });
});

describe('periodSchema', () => {
  it('holds a canonical code and a fiscal year in range', () => {
    expect(periodSchema.safeParse(P('Q2')).success).toBe(true);
    expect(periodSchema.safeParse({ fiscalYear: 2020, code: 'Q2' }).success).toBe(false);
    expect(periodSchema.safeParse({ fiscalYear: 2563, code: 'q2' }).success).toBe(false);
  });
});
