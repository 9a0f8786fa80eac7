import type { FieldDef, FormDef } from '../forms/formDef';
import type { RuleDef, RuleKind } from '../forms/ruleDef';
import type { Issue } from '../issues/issue';
import { fmtNum, issueAt, withRelated } from '../issues/messages';
import { periodEnd, periodStart } from '../period/periodDates';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';
import type { Definitions } from '../definitions/definitions';
import { choiceListsOf } from '../forms/choiceLists';
import { addressPrefix } from '../sheet/address';
import { cellOf, rowCell, type CheckedReturn, type TypedRow, type Value } from './checkedReturn';
import { asNumber, asString } from './valueAs';

/** What a rule may know beyond the return itself: the unit's previous-quarter return, the definitions of its year. */
export interface RuleContext {
  previous?: CheckedReturn;
  /** The forms and org units of the return's fiscal year. */
  definitions: Definitions;
}

/** What each rule runs with: the context, and the org units the return is read with. */
type Env = RuleContext & { units: OrgUnitTree };

const EPS = 1e-6;
type V = Value | null | undefined;

const num = asNumber;
const str = asString;
const present = (v: V): boolean => v !== null && v !== undefined && v !== '';

class Names {
  private readonly defs = new Map<string, FieldDef>();
  constructor(form: FormDef) {
    for (const f of [...form.fields, ...(form.table?.columns ?? [])]) if (!this.defs.has(f.id)) this.defs.set(f.id, f);
  }
  th = (id: string) => this.defs.get(id)?.label_th ?? id;
  en = (id: string) => this.defs.get(id)?.label_en ?? id;
  list = (ids: string[]) => ({ parts_th: ids.map((i) => `"${this.th(i)}"`).join(' + '), parts_en: ids.map((i) => `"${this.en(i)}"`).join(' + ') });
  of = (id: string) => ({ th: this.th(id), en: this.en(id) });
  def = (id: string) => this.defs.get(id);
}

// Item rows of a return, worked out once per return: rules run over large registers.
const itemCache = new WeakMap<CheckedReturn, TypedRow[]>();
function items(ret: CheckedReturn): TypedRow[] {
  let rows = itemCache.get(ret);
  if (!rows) itemCache.set(ret, (rows = ret.rows.filter((r) => r.kind === 'item')));
  return rows;
}

// Cells whose value was already refused when read: a required rule does not say again that they are empty.
const refusedCache = new WeakMap<CheckedReturn, Set<string>>();
function refused(ret: CheckedReturn): Set<string> {
  let cells = refusedCache.get(ret);
  if (!cells) refusedCache.set(ret, (cells = new Set(ret.issues.filter((i) => i.severity === 'error').map((i) => i.cell))));
  return cells;
}

/** The cells of those record fields the sheet has (a field not found has no cell to point at). */
function fieldCells(ret: CheckedReturn, ids: readonly string[]): string[] {
  return ids.filter((id) => ret.fieldCells[id] !== undefined).map((id) => ret.fieldCells[id]);
}

/** The cells of a row in those columns the table has. */
function rowCells(ret: CheckedReturn, row: TypedRow, ids: readonly string[]): string[] {
  return ids.filter((id) => ret.columns[id] !== undefined).map((id) => cellOf(ret, id, row));
}

/** A column over the item rows (`Sheet!F8:F30`): the cells a column sum is taken of. */
function columnRange(ret: CheckedReturn, id: string): string[] {
  const col = ret.columns[id];
  const rows = items(ret);
  if (col === undefined || rows.length === 0) return [];
  return [`${addressPrefix(ret.sheet)}${col}${rows[0].row}:${col}${rows[rows.length - 1].row}`];
}

/** A row with its key and nothing else (a numbered report with no data). */
function isEmptyRow(row: TypedRow, key: string): boolean {
  for (const id in row.values) if (id !== key && id !== 'no' && present(row.values[id])) return false;
  return true;
}

type RuleOf = { [K in RuleKind]: Extract<RuleDef, { kind: K }> };
type Impl<K extends RuleKind> = (rule: RuleOf[K], ret: CheckedReturn, form: FormDef, n: Names, ctx: Env) => Issue[];

const IMPL: { [K in RuleKind]: Impl<K> } = {
  sumEquals(rule, ret, _f, n) {
    const total = num(ret.fields[rule.total]);
    const parts = rule.parts.map((p) => num(ret.fields[p]));
    if (total === null || parts.some((p) => p === null)) return [];
    const sum = parts.reduce((a: number, b) => a + (b ?? 0), 0);
    if (Math.abs(sum - total) < EPS) return [];
    const issue = issueAt(rule.severity, 'rule.sum_equals', cellOf(ret, rule.total), { ...n.of(rule.total), ...n.list(rule.parts), total: fmtNum(total), sum: fmtNum(sum) });
    return [withRelated(issue, fieldCells(ret, rule.parts))];
  },
  sumAtMost(rule, ret, _f, n) {
    const given = rule.parts.flatMap((id) => {
      const value = num(ret.fields[id]);
      return value === null ? [] : [{ id, value }];
    });
    if (given.length === 0) return [];
    const sum = given.reduce((a, p) => a + p.value, 0);
    const limit = num(ret.fields[rule.limit]) ?? 0; // unreadable or missing: nothing was received
    if (sum <= limit + EPS) return [];
    // Pointed at the part that weighs most in the excess (the first of equals), never at a 0.
    const over = given.reduce((a, p) => (p.value > a.value ? p : a));
    const issue = issueAt(rule.severity, 'rule.sum_at_most', cellOf(ret, over.id), { ...n.of(rule.limit), ...n.list(rule.parts), sum: fmtNum(sum), limit: fmtNum(limit) });
    return [withRelated(issue, fieldCells(ret, [...rule.parts, rule.limit]))];
  },
  differenceEquals(rule, ret, _f, n) {
    const value = num(ret.fields[rule.result]);
    const from = num(ret.fields[rule.from]);
    if (value === null || from === null) return [];
    const expected = rule.minus.reduce((a, m) => a - (num(ret.fields[m]) ?? 0), from);
    if (Math.abs(expected - value) < 0.005) return [];
    const issue = issueAt(rule.severity, 'rule.difference', cellOf(ret, rule.result), { ...n.of(rule.result), value: fmtNum(value), expected: fmtNum(expected) });
    return [withRelated(issue, fieldCells(ret, [rule.from, ...rule.minus]))];
  },
  requiredWhen(rule, ret, _f, n) {
    if (ret.fields[rule.when] !== true || present(ret.fields[rule.field])) return [];
    const cell = cellOf(ret, ret.fieldCells[rule.field] ? rule.field : rule.when);
    const issue = issueAt(rule.severity, 'rule.required_when', cell, { ...n.of(rule.field), when_th: n.th(rule.when), when_en: n.en(rule.when) });
    return [withRelated(issue, fieldCells(ret, [rule.when]))];
  },
  dateOrder(rule, ret, _f, n) {
    const from = str(ret.fields[rule.from]);
    const to = str(ret.fields[rule.to]);
    if (!from || !to || from <= to) return [];
    const issue = issueAt(rule.severity, 'rule.date_order', cellOf(ret, rule.to), { from, to, from_th: n.th(rule.from), from_en: n.en(rule.from), to_th: n.th(rule.to), to_en: n.en(rule.to) });
    return [withRelated(issue, fieldCells(ret, [rule.from]))];
  },
  agencyMatchesOrgUnit(rule, ret, form, n, { units }) {
    const code = str(ret.fields[rule.field]);
    if (!code || !ret.orgUnit) return [];
    const fromCode = units.resolve(code);
    // The other fields that name the unit must agree with the project code's agency.
    const namedBy = form.orgUnit.fields.filter((f) => f !== rule.field).find((f) => unitNamedBy(ret.fields[f], units) !== null);
    const reporting = (namedBy && unitNamedBy(ret.fields[namedBy], units)) ?? ret.orgUnit;
    if (!fromCode.ok || fromCode.unit.code === reporting) return [];
    const unit = units.byCode(reporting);
    const issue = issueAt(rule.severity, 'rule.agency_mismatch', cellOf(ret, rule.field), { ...n.of(rule.field), code, unit_th: unit?.name_th ?? reporting, unit_en: unit?.name_en ?? reporting });
    return [withRelated(issue, namedBy ? fieldCells(ret, [namedBy]) : [])];
  },
  rowSumEquals(rule, ret, _f, n) {
    const out: Issue[] = [];
    for (const row of items(ret)) {
      const given = rule.parts.filter((p) => num(row.values[p]) !== null);
      const total = num(row.values[rule.total]);
      if (given.length === 0 || total === null) continue;
      const sum = given.reduce((a, p) => a + (num(row.values[p]) ?? 0), 0);
      if (Math.abs(sum - total) <= EPS) continue;
      const issue = issueAt(rule.severity, 'rule.row_sum', cellOf(ret, rule.total, row), { ...n.of(rule.total), ...n.list(rule.parts), sum: fmtNum(sum), total: fmtNum(total) });
      out.push(withRelated(issue, rowCells(ret, row, given)));
    }
    return out;
  },
  unique(rule, ret, _f, n) {
    const seen = new Map<Value, TypedRow>();
    const out: Issue[] = [];
    for (const row of items(ret)) {
      const v = row.values[rule.column];
      if (!present(v)) continue;
      const first = seen.get(v!);
      if (!first) {
        seen.set(v!, row);
        continue;
      }
      const firstCell = cellOf(ret, rule.column, first);
      const issue = issueAt(rule.severity, 'rule.duplicate_key', cellOf(ret, rule.column, row), { ...n.of(rule.column), value: String(v), other: firstCell.split('!').pop()! });
      out.push(withRelated(issue, [firstCell]));
    }
    return out;
  },
  emptyRow(rule, ret, form) {
    const key = form.table?.key ?? '';
    return items(ret)
      .filter((r) => isEmptyRow(r, key))
      .map((r) => issueAt(rule.severity, 'rule.empty_row', rowCell(ret, r), { value: String(r.values[key] ?? '') }));
  },
  rowRequired(rule, ret, form, n) {
    const key = form.table?.key ?? '';
    return items(ret)
      .filter((r) => !isEmptyRow(r, key) && !present(r.values[rule.column]) && !refused(ret).has(cellOf(ret, rule.column, r)))
      .map((r) => issueAt(rule.severity, 'rule.row_required', cellOf(ret, rule.column, r), n.of(rule.column)));
  },
  nonDecreasing(rule, ret, _f, n) {
    const rows = items(ret).filter((r) => num(r.values[rule.column]) !== null);
    // Ordered by date when every report has one, else by report number.
    const by = rule.orderBy.find((col) => rows.every((r) => present(r.values[col])));
    if (!by) return [];
    const sorted = [...rows].sort((a, b) => (a.values[by]! < b.values[by]! ? -1 : a.values[by]! > b.values[by]! ? 1 : 0));
    const out: Issue[] = [];
    let max: { value: number; row: TypedRow } | null = null;
    for (const r of sorted) {
      const v = num(r.values[rule.column]) ?? 0;
      if (max && v < max.value - EPS) {
        const issue = issueAt(rule.severity, 'rule.decreasing', cellOf(ret, rule.column, r), { ...n.of(rule.column), before: fmtNum(max.value), value: fmtNum(v) });
        out.push(withRelated(issue, [cellOf(ret, rule.column, max.row)]));
      }
      if (!max || v > max.value) max = { value: v, row: r };
    }
    return out;
  },
  dateInPeriod(rule, ret) {
    // The fiscal year (told by the title or a field), then the record's own start and end.
    const limits: { from: string; to: string; cells: string[] }[] = [];
    if (ret.fiscalYear) {
      const fy = { fiscalYear: ret.fiscalYear, code: 'FY' } as const;
      limits.push({ from: periodStart(fy), to: periodEnd(fy), cells: [] });
    }
    const start = rule.start ? str(ret.fields[rule.start]) : null;
    const end = rule.end ? str(ret.fields[rule.end]) : null;
    const given = [start ? rule.start : undefined, end ? rule.end : undefined].filter((id): id is string => id !== undefined);
    if (start || end) limits.push({ from: start ?? '0000-01-01', to: end ?? '9999-12-31', cells: fieldCells(ret, given) });
    const out: Issue[] = [];
    for (const r of items(ret)) {
      const d = str(r.values[rule.column]);
      if (!d) continue;
      const broken = limits.find((l) => d < l.from || d > l.to);
      if (broken) out.push(withRelated(issueAt(rule.severity, 'rule.date_outside', cellOf(ret, rule.column, r), { value: d, from: broken.from, to: broken.to }), broken.cells));
    }
    return out;
  },
  columnSumAtMost(rule, ret, _f, n) {
    const limit = num(ret.fields[rule.limit]);
    if (!limit) return [];
    const sum = items(ret).reduce((a, r) => a + (num(r.values[rule.column]) ?? 0), 0);
    if (sum <= limit + EPS) return [];
    const issue = issueAt(rule.severity, 'rule.column_sum_at_most', cellOf(ret, rule.limit), {
      ...n.of(rule.column),
      limit_th: n.th(rule.limit),
      limit_en: n.en(rule.limit),
      sum: fmtNum(sum),
      limit: fmtNum(limit),
    });
    return [withRelated(issue, columnRange(ret, rule.column))];
  },
  columnSumEquals(rule, ret, _f, n) {
    const value = num(ret.fields[rule.field]);
    if (value === null) return [];
    const sum = items(ret).reduce((a, r) => a + (num(r.values[rule.column]) ?? 0), 0);
    if (Math.abs(sum - value) < 0.005) return [];
    const issue = issueAt(rule.severity, 'rule.column_sum_equals', cellOf(ret, rule.field), {
      ...n.of(rule.column),
      field_th: n.th(rule.field),
      field_en: n.en(rule.field),
      value: fmtNum(value),
      sum: fmtNum(sum),
    });
    return [withRelated(issue, columnRange(ret, rule.column))];
  },
  knownItem(rule, ret, form) {
    const key = form.table?.key ?? '';
    const codes = new Set((form.catalog ?? []).map((c) => c.code));
    return items(ret)
      .filter((r) => present(r.values[key]) && !codes.has(String(r.values[key])))
      .map((r) => issueAt(rule.severity, 'rule.unknown_item', cellOf(ret, key, r), { value: String(r.values[key]) }));
  },
  cumulative(rule, ret, form, n, ctx) {
    const key = form.table?.key ?? '';
    const flows = new Set((form.catalog ?? []).filter((c) => c.kind !== 'denominator').map((c) => c.code));
    const prevByKey = new Map<string, number>();
    for (const r of ctx.previous ? items(ctx.previous) : []) {
      const c = num(r.values[rule.cumulative]);
      if (present(r.values[key]) && c !== null) prevByKey.set(String(r.values[key]), c);
    }
    const out: Issue[] = [];
    for (const r of items(ret)) {
      const code = String(r.values[key] ?? '');
      const value = num(r.values[rule.cumulative]);
      if (!flows.has(code) || value === null) continue;
      const previous = ret.period === 'Q1' ? 0 : prevByKey.get(code);
      if (previous === undefined) continue;
      const result = num(r.values[rule.result]) ?? 0;
      const expected = previous + result;
      if (Math.abs(expected - value) > 1e-4) {
        const issue = issueAt(rule.severity, 'rule.cumulative', cellOf(ret, rule.cumulative, r), {
          ...n.of(rule.cumulative),
          value: fmtNum(value),
          expected: fmtNum(expected),
          previous: fmtNum(previous),
          result: fmtNum(result),
        });
        out.push(withRelated(issue, rowCells(ret, r, [rule.result])));
      }
    }
    return out;
  },
  required(rule, ret, _f, n) {
    if (present(ret.fields[rule.field]) || refused(ret).has(cellOf(ret, rule.field))) return [];
    return [issueAt(rule.severity, 'rule.field_required', cellOf(ret, rule.field), n.of(rule.field))];
  },
  onlyWhen(rule, ret, _f, n) {
    return items(ret)
      .filter((r) => present(r.values[rule.column]) && r.values[rule.when] !== true)
      .map((r) =>
        withRelated(issueAt(rule.severity, 'rule.only_when', cellOf(ret, rule.column, r), { ...n.of(rule.column), when_th: n.th(rule.when), when_en: n.en(rule.when) }), rowCells(ret, r, [rule.when])),
      );
  },
  choiceNotAbove(rule, ret, form, n) {
    const lists = choiceListsOf(form);
    const listOf = (id: string) => lists.get(n.def(id)?.choices ?? '');
    const [mine, theirs] = [listOf(rule.column), listOf(rule.than)];
    const out: Issue[] = [];
    for (const r of items(ret)) {
      const a = mine?.byId(String(r.values[rule.column] ?? ''));
      const b = theirs?.byId(String(r.values[rule.than] ?? ''));
      if (!a || !b || a.rank === undefined || b.rank === undefined || a.rank <= b.rank) continue;
      const issue = issueAt(rule.severity, 'rule.choice_above', cellOf(ret, rule.column, r), {
        ...n.of(rule.column),
        value_th: a.label_th,
        value_en: a.label_en,
        than_th: n.th(rule.than),
        than_en: n.en(rule.than),
        other_th: b.label_th,
        other_en: b.label_en,
      });
      out.push(withRelated(issue, rowCells(ret, r, [rule.than])));
    }
    return out;
  },
};

/** The org unit a value names: an org-unit code, a project/agency code, or an agency path (`สำนักงานเขตบางนา / ฝ่าย…`). */
export function unitNamedBy(v: V, units: OrgUnitTree): string | null {
  if (typeof v !== 'string' || !v) return null;
  if (units.byCode(v)) return v;
  const r = units.resolve(v.split('/')[0]);
  return r.ok ? r.unit.code : null;
}

const implied = new WeakMap<FormDef, RuleDef[]>();

/** The form's rules, and the ones its fields imply: a `required` field or column must be given (an error). */
export function rulesOf(form: FormDef): RuleDef[] {
  let rules = implied.get(form);
  if (!rules) {
    const items = form.table?.row === 'item' ? form.table.columns : [];
    const records = [...form.fields, ...(form.table?.row === 'return' ? form.table.columns.filter((c) => !form.fields.some((f) => f.id === c.id)) : [])];
    rules = [
      ...records.filter((f) => f.required).map((f): RuleDef => ({ kind: 'required', field: f.id, severity: 'error' })),
      ...items.filter((c) => c.required).map((c): RuleDef => ({ kind: 'rowRequired', column: c.id, severity: 'error' })),
      ...form.rules,
    ];
    implied.set(form, rules);
  }
  return rules;
}

/** Runs a form's rules over an interpreted return. */
export function applyRules(ret: CheckedReturn, form: FormDef, ctx: Env): Issue[] {
  const n = new Names(form);
  return rulesOf(form).flatMap((rule) => applyRule(rule.kind, rule, ret, form, n, ctx));
}

/** One rule by its kind's implementation (the kind ties the rule's type to the implementation's). */
function applyRule<K extends RuleKind>(kind: K, rule: RuleOf[K], ret: CheckedReturn, form: FormDef, n: Names, ctx: Env): Issue[] {
  const impl: Impl<K> = IMPL[kind];
  return impl(rule, ret, form, n, ctx);
}
