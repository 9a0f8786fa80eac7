/**
 * Thai vowels above and below the line and tone marks sit on the consonant before them and
 * take no width of their own (ไม้หันอากาศ, สระอิ–อู, ไม้ไต่คู้ … การันต์): counting them would
 * make Thai columns half again too wide.
 */
const ZERO_WIDTH = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200B-\u200D]/u;

/** Spacing characters of one line of text. */
export function spacingLength(line: string): number {
  let n = 0;
  for (const ch of line) if (!ZERO_WIDTH.test(ch)) n++;
  return n;
}

/** The widest line of a text, in spacing characters. */
export function widestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map(spacingLength));
}

/**
 * Excel column width units (the width of `0` in the default font) a text needs in the
 * report font: TH Sarabun New at 14 pt (and its Linux stand-in Laksaman) runs about 1.1 units
 * a character; bold a little wider. Calibrated by rendering through LibreOffice.
 */
export function columnUnitsFor(chars: number, fontSize: number, bold = false): number {
  return chars * 1.1 * (fontSize / 14) * (bold ? 1.08 : 1) + 1.5;
}

/** Lines a text takes in a column of `width` units (wrapping at spaces, roughly). */
export function linesIn(text: string, width: number, fontSize: number, bold = false): number {
  let lines = 0;
  for (const line of text.split('\n')) {
    const need = columnUnitsFor(spacingLength(line), fontSize, bold) - 1.5;
    lines += Math.max(1, Math.ceil(need / Math.max(1, width - 1.5)));
  }
  return lines;
}
