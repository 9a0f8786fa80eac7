import type { Measure, Status } from '../consolidate/tally';
import { formatCode } from './numberFormats';
import type { FormatKind } from './reportLayout';
import type { CellContent } from './plannedTable';
import { STATUS_LOOK } from './statusWords';

/** The dash for a figure computed as none (no target to date: no %). */
export const NONE_DASH = '—';

/** The format a column gives a measure: its own for the measure, the percent-unit one for a ratio KPI, else the column's. */
export function formatKindFor(col: { format: FormatKind; percentUnitFormat?: FormatKind; formatFor?: Record<string, FormatKind> }, m: Measure): FormatKind {
  return col.formatFor?.[m.id] ?? (m.unit === 'ร้อยละ' && col.percentUnitFormat ? col.percentUnitFormat : col.format);
}

/** A figure as a cell: the number with its format, `—` for none (unless blank is asked), blank for a figure the measure lacks. */
export function figureCell(v: number | null | undefined, kind: FormatKind, none: 'dash' | 'blank' | undefined, expected: number): CellContent {
  if (v === undefined) return { value: '' };
  if (v === null || !Number.isFinite(v)) return none === 'blank' ? { value: '' } : { value: NONE_DASH, style: { align: 'right' } };
  return { value: v, numFmt: formatCode(kind, v, { expected }) };
}

/** A traffic light as its Thai word (the status column's conditional format colours it); `—` when judged as none. */
export function statusCell(s: Status | null | undefined): CellContent {
  if (s === undefined) return { value: '' };
  if (s === null) return { value: NONE_DASH };
  return { value: STATUS_LOOK[s].th, style: { bold: true } };
}
