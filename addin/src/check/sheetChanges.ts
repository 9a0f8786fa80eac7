import type { Cell, Grid } from '@returns-hub/shared/sheet/grid';
import { a1 } from '@returns-hub/shared/sheet/address';

const same = (a: Cell | undefined, b: Cell | undefined) => (a?.value ?? null) === (b?.value ?? null) && a?.error === b?.error && (a?.numFmt ?? '') === (b?.numFmt ?? '');

/**
 * The cells (A1, row by row) whose value, formula error or number format differ between
 * two reads of a sheet: what changed since the clerk saw it checked. A rename alone is no change.
 */
export function changedCells(before: Grid, after: Grid): string[] {
  const out: string[] = [];
  const rows = Math.max(before.rows.length, after.rows.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(before.rows[r]?.length ?? 0, after.rows[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) if (!same(before.rows[r]?.[c], after.rows[r]?.[c])) out.push(a1(r, c));
  }
  return out;
}

/** `C13, C15 and 3 more` / `C13, C15 และอีก 3 เซลล์`: changed cells as the pane says them. */
export function listCells(cells: readonly string[], lang: 'th' | 'en', shown = 5): string {
  const head = cells.slice(0, shown).join(', ');
  const more = cells.length - shown;
  if (more <= 0) return head;
  return lang === 'th' ? `${head} และอีก ${more} เซลล์` : `${head} and ${more} more`;
}
