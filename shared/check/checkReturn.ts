import type { FieldDef, FormDef } from '../forms/formDef';
import { formById } from '../forms';
import type { Issue } from '../issues/issue';
import { fmtNum, issueAt } from '../issues/messages';
import type { LocatedReturn, RawRow, RawValue } from '../read/locatedReturn';
import { fiscalYearFromText, quarterFromText } from '../period/fiscalPeriod';
import { resolveOrgUnit } from '../orgUnits/resolveOrgUnit';
import { orgUnitByCode } from '../orgUnits/orgUnits';
import type { CheckedReturn, TypedRow } from './checkedReturn';
import { interpretValue, orgUnitIssue, type TypedValue } from './interpretValue';
import { applyRules, unitNamedBy, type RuleContext } from './rules';

const NUMERIC = new Set(['number', 'count', 'money']);

function defsById(defs: readonly FieldDef[]): Map<string, FieldDef> {
  return new Map(defs.map((d) => [d.id, d]));
}

function interpretAll(values: Record<string, RawValue>, defs: Map<string, FieldDef>, issues: Issue[]): Record<string, TypedValue> {
  const out: Record<string, TypedValue> = {};
  for (const [id, raw] of Object.entries(values)) {
    const def = defs.get(id);
    if (!def) continue;
    const { typed, issue } = interpretValue(raw, def);
    out[id] = typed;
    if (issue) issues.push(issue);
  }
  return out;
}

/** Total rows (`รวม`) are not data: each numeric cell must equal the sum of the item rows above it. */
export function checkTotalRows(rows: TypedRow[], columns: readonly FieldDef[]): Issue[] {
  const out: Issue[] = [];
  const numeric = columns.filter((c) => NUMERIC.has(c.type));
  let since: TypedRow[] = [];
  for (const row of rows) {
    if (row.kind === 'item') {
      since.push(row);
      continue;
    }
    for (const col of numeric) {
      const total = row.values[col.id];
      if (!total || typeof total.value !== 'number') continue;
      const sum = since.reduce((a, r) => a + (typeof r.values[col.id]?.value === 'number' ? (r.values[col.id].value as number) : 0), 0);
      if (Math.abs(sum - total.value) > 0.005) {
        out.push(issueAt('warning', 'total.mismatch', total.cell, { th: col.label_th, en: col.label_en, value: fmtNum(total.value), sum: fmtNum(sum) }));
      }
    }
    since = [];
  }
  return out;
}

/** Interprets a table's raw rows with its column definitions. */
export function interpretRows(rows: RawRow[], columns: readonly FieldDef[], issues: Issue[]): TypedRow[] {
  const defs = defsById(columns);
  return rows.map((r) => ({ cell: r.cell, kind: r.kind, values: interpretAll(r.values, defs, r.kind === 'total' ? [] : issues) }));
}

function identify(loc: LocatedReturn, form: FormDef, fields: Record<string, TypedValue>, issues: Issue[]) {
  // Org unit: the first of the form's unit fields that names a known unit of an accepted kind.
  let orgUnit: string | null = null;
  let firstGiven: RawValue | undefined;
  for (const id of form.orgUnit.fields) {
    const raw = loc.fields[id];
    if (!raw || raw.v === null || raw.v === '') continue;
    firstGiven ??= raw;
    const code = unitNamedBy(fields[id]);
    if (code && form.orgUnit.kinds.includes(orgUnitByCode(code)!.kind)) {
      orgUnit = code;
      break;
    }
  }
  const unitFieldReported = issues.some((i) => i.code.startsWith('org_unit.'));
  if (!orgUnit && !unitFieldReported) {
    if (firstGiven) {
      const r = resolveOrgUnit(String(firstGiven.v).split('/')[0], form.orgUnit.kinds);
      issues.push(orgUnitIssue(firstGiven, r.ok ? [] : r.suggestions, !r.ok && r.wrongKind !== undefined));
    } else issues.push(issueAt('error', 'org_unit.missing', loc.titleCell));
  }

  const fyField = form.period.fiscalYearField;
  let fiscalYear = fyField && typeof fields[fyField]?.value === 'number' ? (fields[fyField].value as number) : null;
  for (const t of loc.titles) fiscalYear ??= fiscalYearFromText(t);
  if (fiscalYear === null && !(fyField && loc.fields[fyField])) issues.push(issueAt('error', 'period.fiscal_year_missing', loc.titleCell));

  let period: string | null = 'FY';
  if (form.period.kind === 'quarter') {
    let q: number | null = null;
    for (const t of loc.titles) q ??= quarterFromText(t);
    period = q ? `Q${q}` : null;
    if (!q) issues.push(issueAt('error', 'period.quarter_missing', loc.titleCell));
  }

  let subject: string | null = null;
  for (const id of form.subjectFields ?? []) {
    const v = fields[id]?.value;
    if (typeof v === 'string' && v) {
      subject = v;
      break;
    }
  }
  return { orgUnit, fiscalYear, period, subject };
}

/**
 * Interprets and checks one located return: every value by its field's type, who and
 * when it is for, then the form's rules and total rows. The add-in, the CLI and the
 * server all run this same function on the same raw input.
 */
export function checkReturn(loc: LocatedReturn, ctx: RuleContext = {}): CheckedReturn {
  const form = formById(loc.formId);
  if (!form) throw new Error(`unknown form ${loc.formId}`); // callers validate the id first
  const issues: Issue[] = [];
  const fieldDefs = defsById([...form.fields, ...(form.table?.row === 'return' ? form.table.columns : [])]);
  const fields = interpretAll(loc.fields, fieldDefs, issues);
  const rows = form.table && form.table.row === 'item' ? interpretRows(loc.rows, form.table.columns, issues) : [];
  const id = identify(loc, form, fields, issues);
  const ret: CheckedReturn = { formId: form.id, sheet: loc.sheet, ...id, fields, rows, issues };
  issues.push(...applyRules(ret, form, ctx));
  if (form.table?.row === 'item') issues.push(...checkTotalRows(rows, form.table.columns));
  return ret;
}
