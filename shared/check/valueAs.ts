import type { Value } from './checkedReturn';

type V = Value | null | undefined;

/** An interpreted value as a number, text or yes/no: null when it is another type, or blank. */
export const asNumber = (v: V): number | null => (typeof v === 'number' ? v : null);
export const asString = (v: V): string | null => (typeof v === 'string' ? v : null);
export const asBoolean = (v: V): boolean | null => (typeof v === 'boolean' ? v : null);
