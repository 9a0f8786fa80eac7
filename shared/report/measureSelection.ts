import type { Measure } from '../consolidate/tally';
import type { MeasureSelection } from './reportLayout';

/** The measures a layout shows, in the order it lists them (or the tally's order). */
export function selectMeasures(all: readonly Measure[], sel: MeasureSelection): Measure[] {
  const kept = all.filter((m) => !sel.exclude?.includes(m.id));
  if (!sel.include) return kept;
  return sel.include.map((id) => kept.find((m) => m.id === id)).filter((m): m is Measure => m !== undefined);
}
