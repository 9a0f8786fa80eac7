import { a1 } from '../sheet/address';
import type { Rect } from './reportSheet';

/** `A1:C3` (or `A1` for one cell). */
export function rectA1(r: Rect): string {
  const from = a1(r.top, r.left);
  return r.bottom === r.top && r.right === r.left ? from : `${from}:${a1(r.bottom, r.right)}`;
}

/** `$6:$7`: whole rows, as print titles are given. */
export function rowsA1(top: number, bottom: number): string {
  return `$${top + 1}:$${bottom + 1}`;
}
