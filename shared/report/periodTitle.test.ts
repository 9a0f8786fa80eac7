import { periodSheetName, periodSheetTag } from './periodTitle';

describe('a report sheet’s name: the layout’s name and the period in Thai', () => {
  it.each([
    ['FY', 'ทั้งปี 2563'],
    ['Q2', 'ไตรมาส 2-2563'],
    ['M03', 'ธันวาคม 2562'],
  ])('%s of 2563 → %s (no code, no “/”)', (period, tag) => {
    expect(periodSheetTag(2563, period)).toBe(tag);
  });

  it('keeps within Excel’s 31 characters by shortening the layout’s name, never the period', () => {
    expect(periodSheetName('ตัวชี้วัดรายภาค', 2563, 'Q2')).toBe('ตัวชี้วัดรายภาค ไตรมาส 2-2563');
    const long = periodSheetName('ผลการดำเนินงานโครงการ', 2563, 'M02'); // 21 + 1 + พฤศจิกายน 2562
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long.endsWith(' พฤศจิกายน 2562')).toBe(true);
    expect(long.startsWith('ผลการดำเนิน')).toBe(true);
  });
});
