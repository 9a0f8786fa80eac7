import { escapeKey, keyText, KEY_TEXT_CHARS, returnRowKey, versionPartition } from './keys';

describe('table keys', () => {
  test('characters Table Storage refuses in keys are escaped; Thai is kept', () => {
    expect(escapeKey('กองทุน/สวัสดิการ#1?\\%\u0001')).toBe('กองทุน%2fสวัสดิการ%231%3f%5c%25%01');
  });

  test('a long subject becomes a fixed-length hash, so every key stays short', () => {
    const long = 'ก'.repeat(5_000);
    expect(keyText(long)).toMatch(/^%h[0-9a-f]{64}$/);
    expect(keyText(long)).not.toBe(keyText(long + 'ข'));
    const k = { formId: 'welfare-fund-tally', fiscalYear: 2564, period: 'FY', orgUnit: '1045', subject: long };
    expect(versionPartition(k).length).toBeLessThan(200);
    expect(returnRowKey({ ...k, subject: 'x'.repeat(KEY_TEXT_CHARS) })).toBe(`1045|${'x'.repeat(KEY_TEXT_CHARS)}`);
  });

  test('a hash can never equal an escaped text', () => {
    const hashed = keyText('y'.repeat(KEY_TEXT_CHARS + 1));
    expect(keyText(hashed)).not.toBe(hashed); // the % of a text is escaped
  });
});
