import type { Aggregate } from './aggregate';

/** Sums kept by adding and taking away differ from a fresh sum only by rounding: within this share of the larger magnitude. */
export const SUM_TOLERANCE = 1e-9;

const close = (a: number, b: number) => Math.abs(a - b) <= SUM_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

const prop = (o: object, k: string): unknown => Object.getOwnPropertyDescriptor(o, k)?.value;

function walk(a: unknown, b: unknown, path: string, out: string[]): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (!close(a, b)) out.push(`${path}: ${a} ≠ ${b}`);
    return;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) walk(prop(a, k), prop(b, k), path ? `${path}.${k}` : k, out);
    return;
  }
  if (a !== b) out.push(`${path}: ${JSON.stringify(a) ?? 'none'} ≠ ${JSON.stringify(b) ?? 'none'}`);
}

/** Where two JSON values differ, as `path: a ≠ b` lines, numbers compared up to rounding. */
export function differences(a: unknown, b: unknown): string[] {
  const out: string[] = [];
  walk(a, b, '', out);
  return out;
}

/** Where two aggregates (or none) differ; none when equal up to rounding. */
export function aggregateDifferences(a: Aggregate | null, b: Aggregate | null): string[] {
  return differences(a, b);
}
