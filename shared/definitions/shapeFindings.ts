import type { z } from 'zod';
import { finding, type DefinitionFinding, type DefinitionPath } from './definitionMessages';

/** Thai and English for the patterns the schemas ask ids and codes to follow, by the schema's own (English) message. */
const FORMATS: Record<string, [th: string, en: string]> = {
  'a field id is 1–64 of a–z, 0–9 and _': ['รหัสช่องใช้ได้เฉพาะ a–z, 0–9 และ _ ยาว 1–64 ตัว', 'a field id is 1–64 of a–z, 0–9 and _'],
  'a form id is 1–64 of a–z, 0–9 and -': ['รหัสแบบรายงานใช้ได้เฉพาะ a–z, 0–9 และ - ยาว 1–64 ตัว', 'a form id is 1–64 of a–z, 0–9 and -'],
  'an org-unit code is 1–32 of A–Z, a–z, 0–9 and -': ['รหัสหน่วยงานใช้ได้เฉพาะ A–Z, a–z, 0–9 และ - ยาว 1–32 ตัว', 'an org-unit code is 1–32 of A–Z, a–z, 0–9 and -'],
  'an agency-code prefix is 4 digits': ['รหัสนำหน้าหน่วยงานเป็นตัวเลข 4 หลัก', 'an agency-code prefix is 4 digits'],
};

const TYPES: Record<string, [th: string, en: string]> = {
  string: ['ข้อความ', 'text'],
  number: ['ตัวเลข', 'a number'],
  boolean: ['ใช่/ไม่ใช่', 'yes or no'],
  array: ['รายการ', 'a list'],
  object: ['ชุดข้อมูล', 'a set of properties'],
};

/** The name a finding calls a property by: its own key, or its list's for an entry (`aliases`). */
function nameOf(path: DefinitionPath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return 'definition';
}

/** The value at a path of the input (undefined where there is none). */
function rawAt(input: unknown, path: DefinitionPath): unknown {
  let v: unknown = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/** The value at a path of the input, as text (what the finding quotes). */
function valueAt(input: unknown, path: DefinitionPath): string {
  const v = rawAt(input, path);
  return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** One zod issue as findings, in Thai and English, each at its path (a key this kind does not take: at that key). */
function findingsOf(issue: z.core.$ZodIssue, input: unknown): DefinitionFinding[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const name = nameOf(path);
  switch (issue.code) {
    case 'invalid_type':
      if (rawAt(input, path) === undefined) return [finding('definition.missing', path, { name })];
      {
        const [th, en] = TYPES[issue.expected] ?? [issue.expected, issue.expected];
        return [finding('definition.wrong_type', path, { name, expected_th: th, expected_en: en })];
      }
    case 'invalid_value':
      return [finding('definition.unknown_value', path, { name, text: valueAt(input, path), allowed: issue.values.map(String).join(', ') })];
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String) : [];
      const at = 'discriminator' in issue && typeof issue.discriminator === 'string' && path[path.length - 1] !== issue.discriminator ? [...path, issue.discriminator] : path;
      if (options.length) return [finding('definition.unknown_value', at, { name: nameOf(at), text: valueAt(input, at), allowed: options.join(', ') })];
      return [finding('definition.invalid', path, { name })];
    }
    case 'unrecognized_keys':
      return issue.keys.map((k) => finding('definition.not_allowed', [...path, k], { name: k }));
    case 'too_small':
      if (issue.origin === 'number') return [finding('definition.below_min', path, { name, limit: Number(issue.minimum) })];
      return [valueAt(input, path) === '' ? finding('definition.missing', path, { name }) : finding('definition.too_short', path, { name, limit: Number(issue.minimum) })];
    case 'too_big':
      if (issue.origin === 'number') return [finding('definition.above_max', path, { name, limit: Number(issue.maximum) })];
      if (issue.origin === 'string') return [finding('definition.too_long', path, { name, limit: Number(issue.maximum) })];
      return [finding('definition.too_many', path, { name, limit: Number(issue.maximum) })];
    case 'invalid_format': {
      const [th, en] = FORMATS[issue.message] ?? ['รูปแบบไม่ถูกต้อง', issue.message];
      return [finding('definition.bad_format', path, { name, text: valueAt(input, path), rule_th: th, rule_en: en })];
    }
    default:
      return [finding('definition.invalid', path, { name })];
  }
}

/** A schema's refusal of a definition, as cell-addressable Thai and English findings (never zod's English alone). */
export function shapeFindings(issues: readonly z.core.$ZodIssue[], input: unknown): DefinitionFinding[] {
  return issues.flatMap((i) => findingsOf(i, input));
}
