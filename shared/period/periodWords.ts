/**
 * The words periods and years are written with, as regular-expression fragments (use with
 * the `i` flag), shared by the period parser and the title readers so both read alike.
 */

/** `ปีงบประมาณ`, `ปีงบ` (Thai titles put these before the year). */
export const THAI_FISCAL_YEAR_LABEL = String.raw`(?:ปีงบประมาณ|ปีงบ)`;
/** `fiscal year`, `FY`. */
export const ENGLISH_FISCAL_YEAR_LABEL = String.raw`(?:fiscal\s*year|fy)`;
export const FISCAL_YEAR_LABEL = String.raw`(?:${THAI_FISCAL_YEAR_LABEL}|${ENGLISH_FISCAL_YEAR_LABEL})`;
/** `พ.ศ.`, `B.E.` (dots and spaces optional): the year is Buddhist Era. */
export const BE_ERA = String.raw`(?:พ\.?\s*ศ\.?|b\.?\s*e\.?)`;
/** `ค.ศ.`, `C.E.`, `A.D.`: the year is Common Era. */
export const CE_ERA = String.raw`(?:ค\.?\s*ศ\.?|c\.?\s*e\.?|a\.?\s*d\.?)`;

/** `FY`, `ทั้งปี`: the whole fiscal year. */
export const WHOLE_YEAR_WORD = String.raw`(?:fy|ทั้งปี)`;
/** `ไตรมาส`, `ไตรมาสที่`, `quarter` (before the quarter's number). */
export const THAI_QUARTER_WORD = String.raw`ไตรมาส(?:ที่)?`;
export const ENGLISH_QUARTER_WORD = 'quarter';
export const QUARTER_WORD = String.raw`(?:${THAI_QUARTER_WORD}|${ENGLISH_QUARTER_WORD})`;
/** `เดือน`, `เดือนที่`, `month` (before a fiscal month's number). */
export const MONTH_WORD = String.raw`(?:เดือน(?:ที่)?|month)`;
