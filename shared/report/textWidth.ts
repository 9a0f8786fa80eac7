import { BOLD_WIDTHS, DEFAULT_WIDTH, REGULAR_WIDTHS } from './fontMetrics';

const THAI = /[\u0E00-\u0E7F]/u;

/** Pixels of Excel's column unit (the width of `0` in the workbook's default font) and of a cell's padding. */
const UNIT_PX = 7;
const PADDING_PX = 7;
const TEXT_INSET_PX = 4;

/** A line's advance width in em of the report font (TH Sarabun New's metrics; Thai marks above and below take none). */
export function textEm(line: string, bold = false): number {
  const table = bold ? BOLD_WIDTHS : REGULAR_WIDTHS;
  let w = 0;
  for (const ch of line) w += table[ch] ?? DEFAULT_WIDTH;
  return w / 1000;
}

const emToUnits = (em: number, fontSize: number) => (em * fontSize * 96) / 72 / UNIT_PX;

/** Column units a text needs to stand on one line (its widest line). */
export function columnUnitsFor(text: string, fontSize: number, bold = false): number {
  const widest = Math.max(0, ...text.split('\n').map((l) => textEm(l, bold)));
  return emToUnits(widest, fontSize) + PADDING_PX / UNIT_PX;
}

/**
 * Lines a text takes in a column of `width` units: English breaks at spaces only, Thai
 * also inside a run (Excel and LibreOffice break Thai between words; breaking anywhere is
 * the optimistic bound).
 */
export function linesIn(text: string, width: number, fontSize: number, bold = false): number {
  // A cell's text may run to within a few pixels of its edges.
  const room = Math.max(0.5, ((width * UNIT_PX - TEXT_INSET_PX) * 72) / 96 / fontSize);
  const space = textEm(' ', bold);
  let lines = 0;
  for (const para of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const word of para.split(' ')) {
      const w = textEm(word, bold);
      const gap = used > 0 ? space : 0;
      if (used + gap + w <= room) used += gap + w;
      else if (THAI.test(word)) {
        let left = used + gap + w - room;
        count++;
        while (left > room) {
          left -= room;
          count++;
        }
        used = left;
      } else if (w <= room) {
        count++;
        used = w;
      } else {
        // A word wider than the column is cut where it must, starting on a line of its own.
        count += Math.ceil(w / room) - (used === 0 ? 1 : 0);
        used = w % room;
      }
    }
    lines += count;
  }
  return lines;
}
