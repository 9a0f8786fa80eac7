import type { Status } from './tally';

/** Red below 50 %, yellow 50–80 %, green above 80 % of the target to date. */
export function statusOf(pctOfTarget: number | null | undefined): Status | null {
  if (pctOfTarget === null || pctOfTarget === undefined || !Number.isFinite(pctOfTarget)) return null;
  if (pctOfTarget < 50) return 'red';
  if (pctOfTarget <= 80) return 'yellow';
  return 'green';
}

/** Score from tiers (minimum, standard, high): 0 below minimum; 50, 75, 100 at the tiers, linear between. */
export function scoreFromTiers(value: number, [min, std, high]: [number, number, number]): number {
  if (value < min) return 0;
  if (value >= high) return 100;
  if (value < std) return 50 + (25 * (value - min)) / (std - min);
  return 75 + (25 * (value - std)) / (high - std);
}

/** a / b × 100, or null when b is 0. */
export function pct(a: number, b: number): number | null {
  return b ? (a / b) * 100 : null;
}
