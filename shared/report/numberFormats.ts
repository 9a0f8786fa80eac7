import type { FormatKind } from './reportLayout';

/**
 * Excel number format codes the reports use, chosen so Excel and LibreOffice Calc both
 * render them (checked by `npm run render:tallies`, which reads LibreOffice's output back).
 * LibreOffice does not understand the BCP-47 locale form `[$-th-TH,107]` (it showed the
 * date as a serial, 46349.60247) nor a `[$-th-TH]` prefix on numbers (67.647058824); it
 * does understand the LCID form: `[$-107041E]` = calendar 07 (Thai Buddhist), locale 041E (Thai).
 */
export const FORMAT_CODES = {
  count: '#,##0',
  decimal: '#,##0.00',
  percent: '#,##0.00',
  countOrDash: '#,##0;-#,##0;"–"',
  percentSignWhole: '#,##0" %"',
  percentSign: '#,##0.00" %"',
  yesMark: '"✓";"✓";"–"',
  text: '@',
  /** A year, a version, a row number: no thousands separator. */
  plainInteger: '0',
  /** 15 เมษายน 2563 */
  dateBE: '[$-107041E]d mmmm yyyy',
  /** 15 เม.ย. 2563 14:05 */
  dateTimeBE: '[$-107041E]d mmm yyyy hh:mm',
  /** ข้อมูล ณ วันที่ 15 เมษายน 2563 เวลา 14:05 น. */
  reportDateBE: '[$-107041E]"ข้อมูล ณ วันที่ "d mmmm yyyy" เวลา "hh:mm" น."',
} as const;

/** `50 / 50`: received of expected, the value stays a number. */
export const ofExpectedCode = (expected: number) => `#,##0" / ${expected}"`;

const whole = (v: number) => Number.isInteger(Math.round(v * 1e9) / 1e9);

/** The format code of one value shown as `kind` (some kinds depend on the value: whole numbers without decimals). */
export function formatCode(kind: FormatKind, value: number, ctx: { expected: number }): string {
  switch (kind) {
    case 'count':
      return FORMAT_CODES.count;
    case 'amount':
      return whole(value) ? FORMAT_CODES.count : FORMAT_CODES.decimal;
    case 'decimal':
      return FORMAT_CODES.decimal;
    case 'percent':
      return FORMAT_CODES.percent;
    case 'countOrDash':
      return FORMAT_CODES.countOrDash;
    case 'percentSign':
      return whole(value) ? FORMAT_CODES.percentSignWhole : FORMAT_CODES.percentSign;
    case 'ofExpected':
      return ofExpectedCode(ctx.expected);
    case 'yesMark':
      return FORMAT_CODES.yesMark;
  }
}

/** Every code `formatCode` can give (with `ofExpected` as a pattern): what the LibreOffice check must cover. */
export const RENDERED_CODES: readonly string[] = Object.values(FORMAT_CODES);
export const OF_EXPECTED_PATTERN = /^#,##0" \/ \d+"$/;
