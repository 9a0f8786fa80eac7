import type { Status } from '../consolidate/tally';
import type { TextColourRule } from './reportSheet';

/** A traffic light as a word and a colour, so it survives black-and-white printing. */
export const STATUS_LOOK: Record<Status, { th: string; en: string; fill: string; color: string }> = {
  green: { th: 'เขียว', en: 'green', fill: 'C6EFCE', color: '006100' },
  yellow: { th: 'เหลือง', en: 'yellow', fill: 'FFEB9C', color: '7F6000' },
  red: { th: 'แดง', en: 'red', fill: 'FFC7CE', color: '9C0006' },
};

/** The rules a status column's conditional format holds: each word, its fill and font colour. */
export const STATUS_RULES: TextColourRule[] = (['green', 'yellow', 'red'] as const).map((s) => ({ text: STATUS_LOOK[s].th, fill: STATUS_LOOK[s].fill, color: STATUS_LOOK[s].color }));

/** The legend under a table with a status column: what each colour means and which figure it follows. */
export function statusLegend(follows: string): string {
  return `สถานะตาม${follows}: เขียว มากกว่าร้อยละ 80 · เหลือง ร้อยละ 50–80 · แดง น้อยกว่าร้อยละ 50`;
}
