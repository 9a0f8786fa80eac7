import { displayText } from './displayText';
import { FORMAT_CODES, formatCode, ofExpectedCode } from './numberFormats';
import { bangkokSerial, isoDateSerial, thaiDate } from './thaiCalendar';

describe('what a cell shows under the report formats', () => {
  test('figures: thousands, two-decimal percentages, – for zero, % sign, received of expected, ✓', () => {
    expect(displayText(3267440, FORMAT_CODES.count)).toBe('3,267,440');
    expect(displayText(67.647058824, FORMAT_CODES.percent)).toBe('67.65');
    expect(displayText(0, FORMAT_CODES.countOrDash)).toBe('–');
    expect(displayText(1570, FORMAT_CODES.countOrDash)).toBe('1,570');
    expect(displayText(-3, FORMAT_CODES.countOrDash)).toBe('-3');
    expect(displayText(96, formatCode('percentSign', 96, { expected: 0 }))).toBe('96 %');
    expect(displayText(9.560099, formatCode('percentSign', 9.560099, { expected: 0 }))).toBe('9.56 %');
    expect(displayText(50, ofExpectedCode(50))).toBe('50 / 50');
    expect(displayText(1, FORMAT_CODES.yesMark)).toBe('✓');
    expect(displayText(0, FORMAT_CODES.yesMark)).toBe('–');
    // Whole amounts without decimals, others with two: never `50.` or `583,203.`
    expect(displayText(583203, formatCode('amount', 583203, { expected: 0 }))).toBe('583,203');
    expect(displayText(1465.9075, formatCode('amount', 1465.9075, { expected: 0 }))).toBe('1,465.91');
  });

  test('Buddhist Era dates, in Bangkok time', () => {
    expect(thaiDate(isoDateSerial('2020-04-15'))).toBe('15 เมษายน 2563');
    // 23:30 UTC on 14 April is 06:30 on 15 April in Bangkok: the report is dated the 15th.
    const serial = bangkokSerial(new Date('2020-04-14T23:30:00Z'));
    expect(displayText(serial, FORMAT_CODES.reportDateBE)).toBe('ข้อมูล ณ วันที่ 15 เมษายน 2563 เวลา 06:30 น.');
    expect(displayText(isoDateSerial('2019-12-31'), FORMAT_CODES.dateBE)).toBe('31 ธันวาคม 2562');
  });

  test('no LibreOffice-unreadable codes: no BCP-47 locale tags', () => {
    for (const code of Object.values(FORMAT_CODES)) expect(code).not.toMatch(/\[\$-[a-z]{2}-[A-Z]{2}/);
  });
});
