import { z } from 'zod';
import type { FieldDef } from '../forms/formDef';

const NUMERIC = new Set(['number', 'count', 'money', 'percent']);

/** The zod schema a field's interpreted value must satisfy (range, whole number, pattern). */
export function fieldSchema(field: FieldDef): z.ZodType {
  if (NUMERIC.has(field.type)) {
    let s = z.number();
    if (field.type === 'count') s = s.int({ message: 'not_whole' });
    if (field.min !== undefined) s = s.min(field.min, { message: 'below_min' });
    if (field.max !== undefined) s = s.max(field.max, { message: 'above_max' });
    return s;
  }
  if ((field.type === 'code' || field.type === 'text') && field.pattern) {
    return z.string().regex(new RegExp(field.pattern), { message: 'bad_format' });
  }
  return z.any();
}

const cache = new WeakMap<FieldDef, z.ZodType>();
export function cachedFieldSchema(field: FieldDef): z.ZodType {
  let s = cache.get(field);
  if (!s) cache.set(field, (s = fieldSchema(field)));
  return s;
}
