/**
 * How a report sheet prints: an A4 landscape page, the scale, and where pages break so that no
 * block is split that fits a page (a table with its title and legend, the completeness block, a
 * chart with its legend) and no page holds only a title. Both writers set exactly this (an explicit
 * scale and manual breaks), so Excel and LibreOffice print the pages this model counted.
 */

/** A4 landscape, in points, and the margins both writers set (inches × 72). */
export const PAGE = {
  width: 841.89,
  height: 595.28,
  margins: { left: 0.4 * 72, right: 0.4 * 72, top: 0.5 * 72, bottom: 0.5 * 72, header: 0.3 * 72, footer: 0.3 * 72 },
} as const;

export const PRINTABLE = {
  width: PAGE.width - PAGE.margins.left - PAGE.margins.right,
  height: PAGE.height - PAGE.margins.top - PAGE.margins.bottom,
};

/**
 * What of a page the model fills: applications round row heights to their pixels and scaled
 * widths to their own units; the slack keeps a block the model placed on a page on that page.
 */
const HEIGHT_USED = 0.95;
const WIDTH_USED = 0.97;
/** The smallest scale a report is shrunk to (14 pt text prints at 8.4 pt), and how far below the width's scale. */
const MIN_SCALE = 0.6;
const MAX_SHRINK = 0.65;

/** Points of a column `units` wide (Excel's rule: whole pixels of 7 per unit plus 5 of padding, at 96 dpi). */
export const columnPoints = (units: number) => Math.trunc(units * 7 + 5) * 0.75;

export type BlockKind = 'title' | 'table' | 'completeness' | 'chart';

/** A run of rows that prints together. A table's heading rows repeat on its further pages when it is longer than a page. */
export interface PrintBlock {
  kind: BlockKind;
  top: number;
  bottom: number;
  /** A table's heading rows. */
  header?: { top: number; bottom: number };
}

export interface PagePlan {
  /** Percent, as both applications take it. */
  scale: number;
  /** Rows that start a page (after the first). */
  breaksBefore: number[];
  pages: number;
  /** The heading of the one table that runs over a page, to repeat on its further pages; null when none does. */
  titleRows: { top: number; bottom: number } | null;
  /** Blocks longer than a page (split where they must). */
  longBlocks: PrintBlock[];
}

/** Sheet points a printed page holds at a scale (a fraction). */
export const pagePoints = (scale: number) => (PRINTABLE.height * HEIGHT_USED) / scale;

interface Paged {
  breaks: number[];
  pages: number;
  /** Blocks that fit a page but were split, and pages that hold only a title: what the scale is chosen to avoid. */
  faults: number;
  long: PrintBlock[];
}

/** Breaks at one scale: each block on the page it starts on when it fits, else on a new page; a longer block split by rows. */
function paginate(blocks: readonly PrintBlock[], rowPt: (r: number) => number, scale: number, lowest: number): Paged {
  const cap = pagePoints(scale);
  // A block split here that a page holds at a smaller scale is a fault too.
  const capLowest = pagePoints(lowest);
  const height = (top: number, bottom: number) => {
    let h = 0;
    for (let r = top; r <= bottom; r++) h += rowPt(r);
    return h;
  };
  const breaks: number[] = [];
  const long: PrintBlock[] = [];
  let used = 0;
  let onlyTitle = false;
  let faults = 0;
  const newPage = (row: number) => {
    if (onlyTitle) faults++;
    breaks.push(row);
    used = 0;
    onlyTitle = false;
  };
  for (const b of blocks) {
    const h = height(b.top, b.bottom);
    if (h <= cap) {
      if (used > 0 && used + h > cap) newPage(b.top);
      used += h;
      onlyTitle = b.kind === 'title';
      continue;
    }
    long.push(b);
    if (h <= capLowest) faults++;
    // A block longer than a page: it starts here when a heading and a few rows fit, and breaks by rows.
    const head = b.header ? height(b.top, b.header.bottom) : 0;
    const repeat = b.header ? height(b.header.top, b.header.bottom) : 0;
    if (used > 0 && used + head + 3 * rowPt(b.bottom) > cap) newPage(b.top);
    onlyTitle = false;
    let r = b.top;
    for (; r <= (b.header?.bottom ?? b.top - 1); r++) used += rowPt(r);
    for (; r <= b.bottom; r++) {
      if (used + rowPt(r) > cap && used > repeat) {
        newPage(r);
        used = repeat;
      }
      used += rowPt(r);
    }
  }
  if (onlyTitle && breaks.length) faults++;
  return { breaks, pages: breaks.length + 1, faults, long };
}

/**
 * The page plan of a sheet: the scale that fits its width on the page (never above 100 %),
 * shrunk a little further where that saves a page or keeps a block whole (down to MIN_SCALE),
 * and the breaks at that scale.
 */
export function planPages(blocks: readonly PrintBlock[], rowPt: (r: number) => number, widthPt: number): PagePlan {
  const fit = Math.min(1, (PRINTABLE.width * WIDTH_USED) / widthPt);
  const widest = Math.floor(fit * 100) / 100;
  const lowest = Math.min(widest, Math.max(MIN_SCALE, Math.floor(widest * MAX_SHRINK * 100) / 100));
  let best: { scale: number; paged: Paged } | null = null;
  for (let s = widest; s >= lowest - 1e-9; s = Math.round((s - 0.01) * 100) / 100) {
    const paged = paginate(blocks, rowPt, s, lowest);
    const cost = paged.faults * 100 + paged.pages;
    if (!best || cost < best.paged.faults * 100 + best.paged.pages) best = { scale: s, paged };
  }
  const { scale, paged } = best!;
  const tables = paged.long.filter((b) => b.header);
  return {
    scale: Math.round(scale * 100),
    breaksBefore: paged.breaks,
    pages: paged.pages,
    titleRows: tables.length === 1 ? tables[0].header! : null,
    longBlocks: paged.long,
  };
}
