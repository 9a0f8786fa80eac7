import { pagePoints, planPages, PRINTABLE, type PrintBlock } from './printModel';

/** Rows of 28 pt; a sheet 700 pt wide (fits the page at 100 %). */
const rows =
  (heights: Record<number, number> = {}) =>
  (r: number) =>
    heights[r] ?? 28;
const WIDE = PRINTABLE.width * 0.9;

describe('the page plan', () => {
  test('a sheet that fits one page prints on one, at 100 %', () => {
    const blocks: PrintBlock[] = [
      { kind: 'title', top: 0, bottom: 4 },
      { kind: 'table', top: 5, bottom: 12, header: { top: 5, bottom: 5 } },
    ];
    expect(planPages(blocks, rows(), WIDE)).toMatchObject({ scale: 100, pages: 1, breaksBefore: [], titleRows: null });
  });

  test('a table that does not fit after the title is shrunk onto the page rather than split, or moved whole; never a title alone', () => {
    // Title 5 rows, a table of 16 rows: 21 × 28 = 588 pt, over the page at 100 % but within it at 90 %.
    const blocks: PrintBlock[] = [
      { kind: 'title', top: 0, bottom: 4 },
      { kind: 'table', top: 5, bottom: 20, header: { top: 5, bottom: 5 } },
      { kind: 'completeness', top: 21, bottom: 26 },
    ];
    const plan = planPages(blocks, rows(), WIDE);
    expect(plan.breaksBefore.every((b) => b <= 5 || b > 20)).toBe(true); // the table is never split
    expect(plan.breaksBefore).not.toContain(5); // nor left behind by its title
    expect(21 * 28 * (plan.scale / 100)).toBeLessThanOrEqual(pagePoints(1));
  });

  test('a table longer than a page splits by rows and repeats its heading; the rows of each page fit', () => {
    const blocks: PrintBlock[] = [
      { kind: 'title', top: 0, bottom: 4 },
      { kind: 'table', top: 5, bottom: 105, header: { top: 5, bottom: 6 } },
    ];
    const plan = planPages(blocks, rows(), WIDE);
    expect(plan.titleRows).toEqual({ top: 5, bottom: 6 });
    expect(plan.pages).toBeGreaterThan(2);
    const cap = pagePoints(plan.scale / 100);
    const starts = [0, ...plan.breaksBefore, 106];
    starts.slice(0, -1).forEach((s, i) => expect((starts[i + 1] - s + (i > 0 ? 2 : 0)) * 28).toBeLessThanOrEqual(cap));
  });

  test('a wide sheet prints at the scale that fits its width (never above 100 %)', () => {
    const plan = planPages([{ kind: 'title', top: 0, bottom: 2 }], rows(), PRINTABLE.width * 2);
    expect(plan.scale).toBeLessThanOrEqual(50);
    expect(plan.scale).toBeGreaterThanOrEqual(45);
  });
});
