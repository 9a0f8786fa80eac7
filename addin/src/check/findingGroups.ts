import type { Issue, Severity } from '@returns-hub/shared/issues/issue';
import { parseA1, splitSheetAddress } from '@returns-hub/shared/sheet/address';

/**
 * Findings of one kind in one column, as the clerk reads them on a long sheet: "C13–C60012:
 * 60,000 × "…" must be a number", opened to the cells one by one. The text is what the
 * group's messages share, with `…` where they differ (the value found, say).
 */
export interface FindingGroup {
  severity: Severity;
  code: string;
  /** Column letters of the cells, or `''` for findings about a sheet or about several columns. */
  column: string;
  /** First and last cell (`C13`, `C60012`): rows in sheet order. */
  first: string;
  last: string;
  count: number;
  /** What the messages say in common, in both languages; where they have too little in common, the first message. */
  th: string;
  en: string;
  /** False when `th`/`en` is the first message standing for the others (they say different things). */
  alike: boolean;
  /** Positions of the group's findings in the check's list of findings (sorted by severity). */
  items: number[];
}

/** Where two texts start to differ, moved back to the start of the differing word or quoted value. */
function sharedStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return i;
  while (i > 0 && !/[\s"“(':]/.test(a[i - 1])) i--;
  return i;
}

function sharedEnd(a: string, b: string, floor: number): number {
  let i = 0;
  while (i < a.length - floor && i < b.length - floor && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  while (i > 0 && !/[\s"”)':]/.test(a[a.length - i])) i--;
  return i;
}

/**
 * What all the texts say alike: `"X" ต้องเป็นตัวเลข แต่พบ "…"` from `… พบ "ห้าร้อย"`, `… พบ "abc"`;
 * null when they share too little for that to read as a sentence.
 */
export function commonText(texts: readonly string[]): string | null {
  const first = texts[0] ?? '';
  let start = first.length;
  let end = first.length;
  for (const t of texts) {
    if (t === first) continue;
    start = Math.min(start, sharedStart(first, t));
    end = Math.min(end, sharedEnd(first, t, start));
  }
  if (start === first.length) return first;
  if (start + end < first.length * 0.6) return null;
  return `${first.slice(0, start)}…${first.slice(first.length - end)}`.trim();
}

/** Cells kept per group to work out the common wording: enough to see what varies. */
const SAMPLE = 200;

/**
 * Groups findings (already in the order they are shown) by severity, code and column; a
 * group's first and last cells are by row. Groups come in the order of their first finding.
 */
export function groupFindings(issues: readonly Issue[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup & { rows: [number, string][]; th_: string[]; en_: string[] }>();
  issues.forEach((issue, index) => {
    const { cell } = splitSheetAddress(issue.cell);
    const at = parseA1(cell);
    const column = at ? cell.replace(/\$|\d/g, '') : '';
    const key = `${issue.severity}|${issue.code}|${column}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { severity: issue.severity, code: issue.code, column, first: cell, last: cell, count: 0, th: '', en: '', alike: true, items: [], rows: [], th_: [], en_: [] }));
    g.count++;
    g.items.push(index);
    if (at) {
      if (!g.rows.length || at.row < g.rows[0][0]) g.rows[0] = [at.row, cell];
      if (g.rows.length < 2) g.rows.push([at.row, cell]);
      else if (at.row > g.rows[1][0]) g.rows[1] = [at.row, cell];
    }
    if (g.th_.length < SAMPLE) {
      g.th_.push(issue.message_th);
      g.en_.push(issue.message_en);
    }
  });
  return [...groups.values()].map(({ rows, th_, en_, ...g }) => {
    const [th, en] = [commonText(th_), commonText(en_)];
    const alike = th !== null && en !== null;
    return { ...g, first: rows[0]?.[1] ?? g.first, last: rows[rows.length - 1]?.[1] ?? g.last, th: alike ? th : th_[0], en: alike ? en : en_[0], alike };
  });
}
