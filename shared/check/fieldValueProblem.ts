import type { FieldDef } from '../forms/formDef';
import type { Value } from './checkedReturn';

/** Why a field refuses an interpreted value; each has its own finding (`value.not_whole` …). */
export type FieldValueProblem = 'not_whole' | 'below_min' | 'above_max' | 'bad_format';

const NUMERIC = new Set<FieldDef['type']>(['number', 'count', 'money', 'percent']);
const patterns = new WeakMap<FieldDef, RegExp>();

/**
 * What is wrong with a value of this field, in order: not a finite number, not a whole
 * (safe) count, below the minimum, above the maximum; for codes and texts with a pattern,
 * not matching it. Null when the value is fine. Plain code on the check path: every value
 * passes here.
 */
export function fieldValueProblem(field: FieldDef, value: Value): FieldValueProblem | null {
  if (NUMERIC.has(field.type)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'bad_format';
    if (field.type === 'count' && !Number.isSafeInteger(value)) return 'not_whole';
    if (field.min !== undefined && value < field.min) return 'below_min';
    if (field.max !== undefined && value > field.max) return 'above_max';
    return null;
  }
  if ((field.type === 'code' || field.type === 'text') && field.pattern) {
    let re = patterns.get(field);
    if (!re) patterns.set(field, (re = new RegExp(field.pattern)));
    return typeof value === 'string' && re.test(value) ? null : 'bad_format';
  }
  return null;
}
