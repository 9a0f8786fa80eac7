import type { FieldDef } from '../forms/formDef';
import type { RawCell, RawDetail, Scalar } from '../read/locatedReturn';
import type { Issue } from '../issues/issue';
import { fmtNum, issueAt } from '../issues/messages';
import { parseNumber } from '../parse/parseNumber';
import { beYearInDateCell, parseThaiDate } from '../parse/parseThaiDate';
import { DAYS_1904 } from '../sheet/grid';
import { showsCalendarDate } from '../sheet/dateFormats';
import { parseFiscalYear } from '../period/fiscalYearNumbers';
import { parseYesNo } from '../parse/parseYesNo';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';
import type { ChoiceList } from '../forms/choiceLists';
import { toArabicDigits } from '../text/thaiDigits';
import { fieldValueProblem, type FieldValueProblem } from './fieldValueProblem';
import type { Value } from './checkedReturn';

/**
 * Where a cell stands: an address, or a table position whose address (`Sheet!C14`) is
 * built only when a finding needs it. Row loops reuse one position object per column.
 */
export type Where = string | { prefix: string; col: string; row: number };
export const addressAt = (w: Where): string => (typeof w === 'string' ? w : w.prefix + w.col + w.row);

type Issues = Issue[];

/** What interpreting a cell needs beyond its field: the org units of the return's year, the form's choice lists. */
export interface Interpreting {
  units: OrgUnitTree;
  choices: ReadonlyMap<string, ChoiceList>;
}

/** One cell being interpreted. */
interface Ctx {
  v: Exclude<Scalar, null>;
  d: RawDetail | null;
  where: Where;
  f: FieldDef;
  issues: Issues;
  env: Interpreting;
}

/** A lone dash: none (a count of 0, no choice). */
const DASH = /^[-–—−]$/;

function names(f: FieldDef) {
  return { th: f.label_th, en: f.label_en };
}

function fail(c: Ctx, code: 'value.not_number' | 'value.not_date' | 'value.not_yesno' | 'value.not_year'): null {
  c.issues.push(issueAt('error', code, addressAt(c.where), { ...names(c.f), text: String(c.v) }));
  return null;
}

function numeric(c: Ctx): number | null {
  let value: number;
  let unit = c.d?.unit;
  if (typeof c.v === 'number') value = c.v;
  else {
    const n = parseNumber(c.v);
    if (!n.ok) return fail(c, 'value.not_number');
    value = n.value;
    unit = n.unit ?? unit;
  }
  // A percent-formatted cell holds a fraction: 0.1 shows as 10%.
  if (c.f.type === 'percent' && typeof c.v === 'number' && c.d?.fmt?.includes('%')) value = value * 100;
  if (c.f.unit === 'บาท' && unit === 'ล้านบาท') value = value * 1_000_000;
  return Number.isInteger(value) ? value : Math.round(value * 1e9) / 1e9;
}

/**
 * A serial in a date field: a 1904-system workbook's plain number counts from 1904; a date
 * cell in year 2400–2800 holds a BE year typed as CE, read as BE − 543 with a warning there.
 */
function dateOfSerial(c: Ctx, serial: number): Value | null {
  const d = parseThaiDate(c.d?.date1904 ? serial + DAYS_1904 : serial);
  if (d.ok) return d.value;
  const be = c.d?.fmt && showsCalendarDate(c.d.fmt) ? beYearInDateCell(serial) : null;
  if (!be) return fail(c, 'value.not_date');
  c.issues.push(issueAt('warning', 'date.be_year_in_date_cell', addressAt(c.where), be));
  return be.value;
}

function interpret(c: Ctx): Value | null {
  const f = c.f;
  switch (f.type) {
    case 'number':
    case 'count':
    case 'money':
    case 'percent':
      return numeric(c);
    case 'date': {
      if (typeof c.v === 'number') return dateOfSerial(c, c.v);
      const d = parseThaiDate(c.v);
      return d.ok ? d.value : fail(c, 'value.not_date');
    }
    case 'yesno': {
      const b = parseYesNo(c.v, f.yes, f.no);
      return b !== null ? b : fail(c, 'value.not_yesno');
    }
    case 'year': {
      // A fiscal year, by the one rule (BE 2400–2800; CE and two-digit years converted); `พ.ศ. 2563` too.
      const n = parseNumber(c.v);
      const y = n.ok ? parseFiscalYear(n.value) : typeof c.v === 'string' ? parseFiscalYear(c.v) : null;
      return y?.ok ? y.value : fail(c, 'value.not_year');
    }
    case 'choice': {
      const list = f.choices === undefined ? undefined : c.env.choices.get(f.choices);
      const text = String(c.v).trim();
      if (DASH.test(text)) return null;
      const hit = list?.match(text);
      if (hit) return hit.id;
      const all = list?.choices ?? [];
      c.issues.push(
        issueAt('error', 'value.not_choice', addressAt(c.where), {
          ...names(f),
          text,
          allowed_th: all.map((x) => `"${x.label_th}"`).join(', '),
          allowed_en: all.map((x) => `"${x.label_en}"`).join(', '),
        }),
      );
      return null;
    }
    case 'orgUnit': {
      const r = c.env.units.resolve(c.v, f.orgUnitKinds);
      if (r.ok) return r.unit.code;
      c.issues.push(orgUnitIssue(addressAt(c.where), c.v, r.suggestions, r.wrongKind !== undefined));
      return null;
    }
    case 'code':
      return toArabicDigits(String(c.v)).replace(/\s+/g, '');
    case 'text':
      return String(c.v).trim();
  }
}

export function orgUnitIssue(cell: string, text: unknown, suggestions: { name_th: string; name_en: string; code: string }[], wrongKind: boolean): Issue {
  if (wrongKind) return issueAt('error', 'org_unit.wrong_kind', cell, { text: String(text) });
  return issueAt('error', 'org_unit.unknown', cell, {
    text: String(text),
    suggest_th: suggestions.map((s) => `${s.name_th} (${s.code})`).join(', '),
    suggest_en: suggestions.map((s) => `${s.name_en} (${s.code})`).join(', '),
  });
}

// Registers repeat the same texts (dates, yes/no words, unit names, choices): interpret each once per field
// (and per org-unit tree: a fiscal year's units may differ from another's).
const MEMO_TYPES = new Set(['date', 'yesno', 'orgUnit', 'year', 'choice']);
const MEMO_LIMIT = 20_000;
const memos = new WeakMap<OrgUnitTree, WeakMap<FieldDef, Map<string | number | boolean, Value>>>();

function memoOf(env: Interpreting, f: FieldDef): Map<string | number | boolean, Value> {
  let byField = memos.get(env.units);
  if (!byField) memos.set(env.units, (byField = new WeakMap()));
  let memo = byField.get(f);
  if (!memo) byField.set(f, (memo = new Map()));
  return memo;
}

/**
 * Turns a raw cell into the field's value, pushing a cell-addressed finding for a
 * formula error, a formula never computed, text not of the field's type, or a value out
 * of range. Blank cells are null and no finding (rules decide what is required).
 */
export function interpretCell(cell: RawCell, f: FieldDef, where: Where, issues: Issues, env: Interpreting): Value | null {
  const d = cell !== null && typeof cell === 'object' ? cell : null;
  const v = d ? d.v : (cell as Scalar);
  if (d?.err) {
    issues.push(issueAt('error', 'cell.formula_error', addressAt(where), { error: d.err }));
    return null;
  }
  if (d?.uncomputed) {
    // It would change a figure silently: an error, never a blank.
    issues.push(issueAt('error', 'cell.uncomputed', addressAt(where)));
    return null;
  }
  if (v === null || v === '') return null;

  let memo: Map<string | number | boolean, Value> | undefined;
  if (MEMO_TYPES.has(f.type) && !d) {
    memo = memoOf(env, f);
    const hit = memo.get(v);
    if (hit !== undefined) return hit;
  }
  const before = issues.length;
  const value = interpret({ v, d, where, f, issues, env });
  if (memo && value !== null && issues.length === before && memo.size < MEMO_LIMIT) memo.set(v, value);
  if (value === null || (typeof value !== 'number' && !f.pattern)) return value;

  const problem = fieldValueProblem(f, value);
  if (!problem) return value;
  const shown = typeof value === 'number' ? fmtNum(value) : String(value);
  issues.push(outOfRange(problem, f, addressAt(where), shown));
  return null;
}

/** The finding for a value its field refuses. */
function outOfRange(reason: FieldValueProblem, f: FieldDef, cell: string, shown: string): Issue {
  switch (reason) {
    case 'not_whole':
      return issueAt('error', 'value.not_whole', cell, { ...names(f), value: shown });
    case 'below_min':
      return issueAt('error', 'value.below_min', cell, { ...names(f), value: shown, limit: String(f.min) });
    case 'above_max':
      return issueAt('error', 'value.above_max', cell, { ...names(f), value: shown, limit: String(f.max) });
    case 'bad_format':
      return issueAt('error', 'value.bad_format', cell, { ...names(f), text: shown });
  }
}
