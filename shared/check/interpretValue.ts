import type { FieldDef } from '../forms/formDef';
import type { RawValue } from '../read/locatedReturn';
import type { Issue } from '../issues/issue';
import { fmtNum, issueAt } from '../issues/messages';
import { parseNumber } from '../parse/parseNumber';
import { parseThaiDate } from '../parse/parseThaiDate';
import { parseYesNo } from '../parse/parseYesNo';
import { resolveOrgUnit } from '../orgUnits/resolveOrgUnit';
import { toArabicDigits } from '../text/thaiDigits';
import { cachedFieldSchema } from './fieldSchema';

/** A value as the checker and the consolidation use it: number, ISO date, boolean, org-unit code or text. */
export type Value = number | string | boolean;

export interface TypedValue {
  cell: string;
  value: Value | null;
}

type Out = { value: Value | null; issue?: Issue };

function names(f: FieldDef) {
  return { th: f.label_th, en: f.label_en };
}

function numeric(raw: RawValue, f: FieldDef): Out {
  const n = parseNumber(raw.v);
  if (!n.ok) return { value: null, issue: issueAt('error', 'value.not_number', raw.cell, { ...names(f), text: String(raw.v) }) };
  let value = n.value;
  // A percent-formatted cell holds a fraction: 0.1 shows as 10%.
  if (f.type === 'percent' && typeof raw.v === 'number' && raw.fmt?.includes('%')) value = value * 100;
  const unit = n.unit ?? raw.unit;
  if (f.unit === 'บาท' && unit === 'ล้านบาท') value = value * 1_000_000;
  return { value: Math.round(value * 1e9) / 1e9 };
}

function interpret(raw: RawValue, f: FieldDef): Out {
  switch (f.type) {
    case 'number':
    case 'count':
    case 'money':
    case 'percent':
      return numeric(raw, f);
    case 'date': {
      const d = parseThaiDate(raw.v);
      return d.ok ? { value: d.value } : { value: null, issue: issueAt('error', 'value.not_date', raw.cell, { ...names(f), text: String(raw.v) }) };
    }
    case 'yesno': {
      const b = parseYesNo(raw.v, f.yes, f.no);
      return b !== null ? { value: b } : { value: null, issue: issueAt('error', 'value.not_yesno', raw.cell, { ...names(f), text: String(raw.v) }) };
    }
    case 'year': {
      const n = parseNumber(raw.v);
      const y = n.ok ? n.value : NaN;
      if (!Number.isInteger(y) || y < 1900 || y > 2800) return { value: null, issue: issueAt('error', 'value.not_year', raw.cell, { ...names(f), text: String(raw.v) }) };
      return { value: y >= 2400 ? y : y + 543 };
    }
    case 'orgUnit': {
      const r = resolveOrgUnit(raw.v, f.orgUnitKinds);
      if (r.ok) return { value: r.unit.code };
      return { value: null, issue: orgUnitIssue(raw, r.suggestions, r.wrongKind !== undefined) };
    }
    case 'code':
      return { value: toArabicDigits(String(raw.v)).replace(/\s+/g, '') };
    case 'text':
      return { value: String(raw.v).trim() };
  }
}

export function orgUnitIssue(raw: RawValue, suggestions: { name_th: string; name_en: string; code: string }[], wrongKind: boolean): Issue {
  if (wrongKind) return issueAt('error', 'org_unit.wrong_kind', raw.cell, { text: String(raw.v) });
  return issueAt('error', 'org_unit.unknown', raw.cell, {
    text: String(raw.v),
    suggest_th: suggestions.map((s) => `${s.name_th} (${s.code})`).join(', '),
    suggest_en: suggestions.map((s) => `${s.name_en} (${s.code})`).join(', '),
  });
}

/**
 * Turns a raw cell into the field's value, or a cell-addressed finding: a formula
 * error, a formula never computed, text that is not of the field's type, a value out
 * of range. Blank cells are null and no finding (rules decide what is required).
 */
export function interpretValue(raw: RawValue, f: FieldDef): { typed: TypedValue; issue?: Issue } {
  if (raw.err) return { typed: { cell: raw.cell, value: null }, issue: issueAt('error', 'cell.formula_error', raw.cell, { error: raw.err }) };
  if (raw.uncomputed) return { typed: { cell: raw.cell, value: null }, issue: issueAt('warning', 'cell.uncomputed', raw.cell) };
  if (raw.v === null || raw.v === '') return { typed: { cell: raw.cell, value: null } };
  const out = interpret(raw, f);
  if (out.issue || out.value === null) return { typed: { cell: raw.cell, value: out.value }, issue: out.issue };
  const check = cachedFieldSchema(f).safeParse(out.value);
  if (!check.success) {
    const code = check.error.issues[0]?.message ?? 'bad_format';
    const limit = code === 'below_min' ? f.min : code === 'above_max' ? f.max : '';
    const shown = typeof out.value === 'number' ? fmtNum(out.value) : String(out.value);
    return {
      typed: { cell: raw.cell, value: null },
      issue: issueAt('error', `value.${code}`, raw.cell, { ...names(f), value: shown, text: shown, limit: limit ?? '' }),
    };
  }
  return { typed: { cell: raw.cell, value: out.value } };
}
