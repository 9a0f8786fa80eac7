import { parsePeriod, parsePeriodCode } from './parsePeriod';
import { periodCodeInputSchema } from './periodCode';
import type { PeriodCode, PeriodKind } from './periodCode';

const code = (text: string, allowed?: PeriodKind[]) => {
  const r = parsePeriodCode(text, allowed);
  return r.ok ? r.value : r.error.code;
};
const period = (text: string, allowed?: PeriodKind[]) => {
  const r = parsePeriod(text, allowed);
  return r.ok ? `${r.value.code}/${r.value.fiscalYear}` : r.error.code;
};

describe('parsePeriodCode', () => {
  it.each<[string, PeriodCode]>([
    ['FY', 'FY'],
    ['fy', 'FY'],
    [' Fy ', 'FY'],
    ['ทั้งปี', 'FY'],
    ['Q2', 'Q2'],
    ['q2', 'Q2'],
    ['Q 2', 'Q2'],
    ['Q๒', 'Q2'],
    ['Quarter 2', 'Q2'],
    ['ไตรมาส 2', 'Q2'],
    ['ไตรมาส2', 'Q2'],
    ['ไตรมาสที่ 2', 'Q2'],
    ['ไตรมาสที่ ๒', 'Q2'],
    ['ไตรมาส  ๔', 'Q4'],
    ['M03', 'M03'],
    ['M3', 'M03'],
    ['m3', 'M03'],
    ['m12', 'M12'],
    ['M๓', 'M03'],
    ['เดือนที่ 3', 'M03'],
    ['เดือนที่ ๓', 'M03'],
    ['เดือน 3', 'M03'],
    ['Month 3', 'M03'],
    ['ธันวาคม', 'M03'],
    ['เดือนธันวาคม', 'M03'],
    ['ธ.ค.', 'M03'],
    ['ตุลาคม', 'M01'],
    ['กันยายน', 'M12'],
    ['December', 'M03'],
    ['sep', 'M12'],
  ])('reads %j as %s', (text, expected) => expect(code(text)).toBe(expected));

  it.each(['', ' ', 'Q0', 'Q5', 'Q12', 'M0', 'M00', 'M13', 'M003', 'เดือนที่ 13', 'ไตรมาส 5', 'FY2563', 'FYQ2', 'Q2;', "FY' or '1' eq '1", 'year', 'ma', 'เดือน', 'ไตรมาส'])('refuses %j', (text) =>
    expect(code(text)).toBe('period.invalid'),
  );

  it('narrows to the kinds a form takes, and says which', () => {
    expect(code('Q2', ['quarter'])).toBe('Q2');
    expect(code('FY', ['quarter'])).toBe('period.invalid');
    expect(code('M03', ['year'])).toBe('period.invalid');
    const r = parsePeriodCode('FY', ['quarter']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.en).toContain('Q1 to Q4');
    expect(r.error.en).not.toContain('M01');
    expect(r.error.th).toContain('ไตรมาส 1 ถึง 4');
    expect(r.error.th).not.toContain('ทั้งปี');
  });

  it('explains in Thai and English in prose, listing the accepted spellings', () => {
    const r = parsePeriodCode('Q5');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('period.invalid');
    for (const spelling of ['"Q5"', 'FY', 'ทั้งปี', 'Q1 to Q4', 'ไตรมาสที่ 2', 'M01 to M12', 'เดือนที่ 3', 'October']) expect(r.error.en).toContain(spelling);
    for (const spelling of ['"Q5"', 'ทั้งปี (FY)', 'ไตรมาส 1 ถึง 4', 'ไตรมาสที่ 2', 'เดือนที่ 1 ถึง 12', 'ตุลาคม']) expect(r.error.th).toContain(spelling);
    expect(r.error.en + r.error.th).not.toMatch(/[\\^$[\]|]/);
  });

  it('keeps a long input short in the message', () => {
    const r = parsePeriodCode('x'.repeat(500));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.en.length).toBeLessThan(500);
  });

  it('periodCodeInputSchema gives the canonical code, or the English explanation', () => {
    expect(periodCodeInputSchema.parse('ไตรมาสที่ ๒')).toBe('Q2');
    expect(periodCodeInputSchema.parse('m3')).toBe('M03');
    const bad = periodCodeInputSchema.safeParse('Q5');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toContain('Q1 to Q4');
  });
});

describe('parsePeriod (code and fiscal year)', () => {
  it.each([
    ['ไตรมาส 2/2563', 'Q2/2563'],
    ['ไตรมาสที่ ๒/๒๕๖๓', 'Q2/2563'],
    ['Q2 FY2563', 'Q2/2563'],
    ['q2 fy 2563', 'Q2/2563'],
    ['Q2 2563', 'Q2/2563'],
    ['Q2/63', 'Q2/2563'],
    ['Q2 2020', 'Q2/2563'],
    ['ทั้งปี 2563', 'FY/2563'],
    ['FY2563', 'FY/2563'],
    ['FY 2563', 'FY/2563'],
    ['ปีงบประมาณ พ.ศ. 2563', 'FY/2563'],
    ['Fiscal year 2563', 'FY/2563'],
    ['เดือนที่ 3/2563', 'M03/2563'],
    ['M03 FY2563', 'M03/2563'],
    ['ธันวาคม 2562', 'M03/2563'],
    ['ธ.ค. 62', 'M03/2563'],
    ['มกราคม 2563', 'M04/2563'],
    ['December 2019', 'M03/2563'],
    ['ไตรมาส 2 ปีงบประมาณ พ.ศ. 2563', 'Q2/2563'],
    ['Quarter 2, fiscal year 2563', 'Q2/2563'],
    ['เดือนธันวาคม 2562 ปีงบประมาณ พ.ศ. 2563', 'M03/2563'],
    ['December 2019, fiscal year 2563', 'M03/2563'],
  ])('reads %j as %s', (text, expected) => expect(period(text)).toBe(expected));

  it('tells a bad code from a bad year', () => {
    expect(period('Q5/2563')).toBe('period.invalid');
    expect(period('2563')).toBe('period.invalid');
    expect(period('Q2')).toBe('period.invalid');
    expect(period('Q2/2801')).toBe('fiscal_year.invalid');
    expect(period('Q2/2399')).toBe('fiscal_year.invalid');
    expect(period('Q2/544')).toBe('fiscal_year.invalid');
    expect(period('ธันวาคม 2800')).toBe('fiscal_year.invalid'); // FY 2801
    expect(period('มกราคม 2800')).toBe('M04/2800');
    expect(period('Q2/2400')).toBe('Q2/2400');
    // October–December of FY 2400 fall in BE 2399 (CE 1856): still read as BE for a month.
    expect(period('ตุลาคม 2399')).toBe('M01/2400');
    expect(period('October 1856')).toBe('M01/2400');
    expect(period('กันยายน 2399')).toBe('fiscal_year.invalid');
  });
  it('refuses a title whose month and fiscal year disagree', () => {
    expect(period('เดือนธันวาคม 2563 ปีงบประมาณ พ.ศ. 2563')).toBe('period.invalid');
  });
  it('narrows to allowed kinds', () => {
    expect(period('ไตรมาส 2/2563', ['quarter'])).toBe('Q2/2563');
    expect(period('ทั้งปี 2563', ['quarter'])).toBe('period.invalid');
  });
  it('its error says a fiscal year follows', () => {
    const r = parsePeriod('Q2');
    expect(r.ok || r.error.en).toContain('Q2 FY2563');
    expect(r.ok || r.error.th).toContain('ไตรมาส 2/2563');
  });
});
