import { PERIOD_CODES, codesUpTo, fiscalMonthsOf, isPeriodCode, monthCode, periodCodeSchema, periodKindOf, periodsOfKind, quarterCode, quarterNumberOf, quarterOfFiscalMonth } from './periodCode';

describe('period codes', () => {
  it('are FY, Q1–Q4, M01–M12', () => {
    expect(PERIOD_CODES).toHaveLength(17);
    expect(periodsOfKind('year')).toEqual(['FY']);
    expect(periodsOfKind('quarter')).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(periodsOfKind('month')[0]).toBe('M01');
    expect(periodsOfKind('month')[11]).toBe('M12');
    for (const c of ['FY', 'Q4', 'M12']) expect(isPeriodCode(c)).toBe(true);
    for (const c of ['fy', 'Q0', 'Q5', 'M3', 'M00', 'M13', '', 3]) expect(isPeriodCode(c)).toBe(false);
    expect(periodCodeSchema.safeParse('q2').success).toBe(false);
  });
  it('know their kind, months and quarter', () => {
    expect(periodKindOf('FY')).toBe('year');
    expect(periodKindOf('Q3')).toBe('quarter');
    expect(periodKindOf('M07')).toBe('month');
    expect(fiscalMonthsOf('FY')).toEqual({ from: 1, to: 12 });
    expect(fiscalMonthsOf('Q1')).toEqual({ from: 1, to: 3 });
    expect(fiscalMonthsOf('Q4')).toEqual({ from: 10, to: 12 });
    expect(fiscalMonthsOf('M03')).toEqual({ from: 3, to: 3 });
    expect(quarterNumberOf('Q3')).toBe(3);
    expect(quarterNumberOf('FY')).toBeNull();
    expect(quarterNumberOf('M03')).toBeNull();
    expect(quarterNumberOf('Q9')).toBeNull();
  });
  it('quarterOfFiscalMonth: Oct–Dec Q1 … Jul–Sep Q4', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(quarterOfFiscalMonth)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
  });
  it('build codes from numbers, refusing out-of-range ones', () => {
    expect(quarterCode(2)).toBe('Q2');
    expect(quarterCode(5)).toBeNull();
    expect(monthCode(3)).toBe('M03');
    expect(monthCode(0)).toBeNull();
  });
  it('codesUpTo: from the first of the same kind', () => {
    expect(codesUpTo('Q2')).toEqual(['Q1', 'Q2']);
    expect(codesUpTo('FY')).toEqual(['FY']);
    expect(codesUpTo('M03')).toEqual(['M01', 'M02', 'M03']);
  });
});
