import { formatPeriod, periodCodeLabel, periodTitle } from './formatPeriod';
import type { Period } from './period';

const P = (code: Period['code'], fiscalYear = 2563): Period => ({ fiscalYear, code });

describe('formatPeriod', () => {
  it('Thai', () => {
    expect(formatPeriod(P('FY'), 'th')).toBe('ทั้งปี 2563');
    expect(formatPeriod(P('Q2'), 'th')).toBe('ไตรมาส 2/2563');
    // A month by its calendar name and BE year: fiscal month 3 of FY 2563 is December 2562.
    expect(formatPeriod(P('M03'), 'th')).toBe('ธันวาคม 2562');
    expect(formatPeriod(P('M04'), 'th')).toBe('มกราคม 2563');
  });
  it('English', () => {
    expect(formatPeriod(P('FY'), 'en')).toBe('FY2563');
    expect(formatPeriod(P('Q2'), 'en')).toBe('Q2 FY2563');
    expect(formatPeriod(P('M03'), 'en')).toBe('M03 FY2563');
  });
});

describe('periodTitle (report titles)', () => {
  it('Thai', () => {
    expect(periodTitle(P('Q2'), 'th')).toBe('ไตรมาส 2 ปีงบประมาณ พ.ศ. 2563');
    expect(periodTitle(P('FY'), 'th')).toBe('ปีงบประมาณ พ.ศ. 2563');
    expect(periodTitle(P('M03'), 'th')).toBe('เดือนธันวาคม 2562 ปีงบประมาณ พ.ศ. 2563');
  });
  it('English', () => {
    expect(periodTitle(P('Q2'), 'en')).toBe('Quarter 2, fiscal year 2563');
    expect(periodTitle(P('FY'), 'en')).toBe('Fiscal year 2563');
    expect(periodTitle(P('M03'), 'en')).toBe('December 2019, fiscal year 2563');
  });
});

describe('periodCodeLabel (a form’s choices)', () => {
  it('names each code in both languages', () => {
    expect(periodCodeLabel('FY', 'th')).toBe('ทั้งปี');
    expect(periodCodeLabel('Q2', 'th')).toBe('ไตรมาส 2');
    expect(periodCodeLabel('M03', 'th')).toBe('เดือนที่ 3 (ธันวาคม)');
    expect(periodCodeLabel('FY', 'en')).toBe('Whole year');
    expect(periodCodeLabel('Q2', 'en')).toBe('Q2');
    expect(periodCodeLabel('M01', 'en')).toBe('M01 (October)');
  });
});
