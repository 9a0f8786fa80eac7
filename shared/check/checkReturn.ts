import type { FieldDef, FormDef } from '../forms/formDef';
import { choiceListsOf } from '../forms/choiceLists';
import type { Issue } from '../issues/issue';
import { fmtNum, issueAt, withRelated } from '../issues/messages';
import type { LocatedReturn, RawCell, RawField, RawRow, RawTable } from '../read/locatedReturn';
import { datesFarFromYear } from './datesFarFromYear';
import { fiscalYearFromText, quarterFromText } from '../period/periodFromText';
import { quarterCode, type PeriodCode } from '../period/periodCodeList';
import { addressPrefix } from '../sheet/address';
import { OrgUnitTree } from '../orgUnits/orgUnitTree';
import { cellOf, type Addressing, type CheckedReturn, type TypedRow, type Value } from './checkedReturn';
import { interpretCell, orgUnitIssue, type Interpreting } from './interpretValue';
import { applyRules, unitNamedBy, type RuleContext } from './rules';
import { applyHqTargets } from './hqTargets';
import { asNumber } from './valueAs';

const NUMERIC = new Set(['number', 'count', 'money']);

function defsById(defs: readonly FieldDef[]): Map<string, FieldDef> {
  return new Map(defs.map((d) => [d.id, d]));
}

function interpretFields(fields: Record<string, RawField>, defs: Map<string, FieldDef>, issues: Issue[], env: Interpreting) {
  const values: Record<string, Value | null> = {};
  const cells: Record<string, string> = {};
  for (const id in fields) {
    const def = defs.get(id);
    if (!def) continue;
    const raw = fields[id];
    values[id] = interpretCell(raw, def, raw.cell, issues, env);
    cells[id] = raw.cell;
  }
  return { values, cells };
}

/** The fiscal year a return states: its fiscal-year field, else the first title that names one. */
function fiscalYearOf(field: number | null, titles: readonly string[]): number | null {
  let fy = field;
  for (const t of titles) fy ??= fiscalYearFromText(t);
  return fy;
}

const NO_UNITS: Interpreting = { units: new OrgUnitTree([]), choices: new Map() };

/**
 * The fiscal year a located return states, read before it is checked: which year's definitions
 * check it. The same reading as the check's own (the year field, else the titles).
 */
export function statedFiscalYear(loc: LocatedReturn, form: FormDef): number | null {
  const id = form.period.fiscalYearField;
  const raw = id === undefined ? undefined : loc.fields[id];
  const def = id === undefined ? undefined : form.fields.find((f) => f.id === id);
  return fiscalYearOf(raw && def ? asNumber(interpretCell(raw, def, raw.cell, [], NO_UNITS)) : null, loc.titles);
}

/** What interpreting a form's cells needs: the year's org units, the form's choice lists. */
export function interpretingFor(form: FormDef, units: Interpreting['units']): Interpreting {
  return { units, choices: choiceListsOf(form) };
}

/** What stands in the raw table for an item row once it is interpreted, when the raw rows are given up. */
const INTERPRETED: RawRow = { row: 0, kind: 'item', values: {} };

/**
 * Interprets a table's raw rows with its column definitions; findings in total rows are not
 * reported. With `consume`, the caller gives the raw rows up: each item row is let go as it
 * is interpreted (total rows stay, at their index, for `checkTotalRows`), so a register's
 * raw and typed rows are never both whole in memory.
 */
export function interpretTable(sheet: string, table: RawTable, columns: readonly FieldDef[], issues: Issue[], env: Interpreting, consume = false): TypedRow[] {
  const prefix = addressPrefix(sheet);
  const cols = columns.filter((c) => table.columns[c.id] !== undefined);
  const where = cols.map((c) => ({ prefix, col: table.columns[c.id], row: 0 }));
  const ignored: Issue[] = [];
  const raw = table.rows;
  const out: TypedRow[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const values: Record<string, Value | null> = {};
    const sink = r.kind === 'total' ? ignored : issues;
    for (let k = 0; k < cols.length; k++) {
      where[k].row = r.row;
      const cell = r.values[cols[k].id];
      values[cols[k].id] = cell === undefined ? null : interpretCell(cell, cols[k], where[k], sink, env);
    }
    out[i] = { row: r.row, kind: r.kind, values };
    if (consume && r.kind === 'item') raw[i] = INTERPRETED;
  }
  return out;
}

/** Why a total row's cell cannot be compared with its rows: its formula was never computed, or it shows an error or text. */
function unverifiable(raw: RawCell | undefined): { reason_th: string; reason_en: string } | null {
  if (raw === null || raw === undefined || typeof raw !== 'object')
    return typeof raw === 'string' && raw !== '' ? { reason_th: `ไม่ใช่ตัวเลข ("${raw}")`, reason_en: `it is not a number ("${raw}")` } : null;
  if (raw.uncomputed)
    return { reason_th: 'สูตรไม่มีผลคำนวณบันทึกไว้ กรุณาเปิดและบันทึกไฟล์ใน Excel หรือ LibreOffice Calc', reason_en: 'its formula has no computed value; open and save the file in Excel or LibreOffice Calc' };
  if (raw.err) return { reason_th: `สูตรผิดพลาด (${raw.err})`, reason_en: `its formula shows an error (${raw.err})` };
  return null;
}

/**
 * Total rows (`รวม`) are not data: each numeric cell must equal the sum of the item rows
 * above it. A total cell that cannot be compared (no computed value, an error) says so,
 * naming the rows it totals, rather than passing unchecked.
 */
export function checkTotalRows(ret: Addressing, rows: TypedRow[], columns: readonly FieldDef[], raw?: RawTable): Issue[] {
  const out: Issue[] = [];
  const numeric = columns.filter((c) => NUMERIC.has(c.type) && ret.columns[c.id] !== undefined);
  let since: TypedRow[] = [];
  rows.forEach((row, i) => {
    if (row.kind === 'item') {
      since.push(row);
      return;
    }
    for (const col of numeric) {
      const total = row.values[col.id];
      // The parts' addresses only for a finding: a register's total row stands under thousands of rows.
      const parts = () => since.map((r) => cellOf(ret, col.id, r));
      if (typeof total !== 'number') {
        const why = unverifiable(raw?.rows[i]?.values[col.id]);
        if (why) out.push(withRelated(issueAt('warning', 'total.unverifiable', cellOf(ret, col.id, row), { th: col.label_th, en: col.label_en, ...why }), parts()));
        continue;
      }
      const sum = since.reduce((a, r) => a + (asNumber(r.values[col.id]) ?? 0), 0);
      if (Math.abs(sum - total) > 0.005) {
        out.push(withRelated(issueAt('warning', 'total.mismatch', cellOf(ret, col.id, row), { th: col.label_th, en: col.label_en, value: fmtNum(total), sum: fmtNum(sum) }), parts()));
      }
    }
    since = [];
  });
  return out;
}

/** A unit named on a form that only another agency's units send: both agencies named, at the unit's cell. */
function otherAgencyIssue(raw: RawField, code: string, under: string, env: Interpreting): Issue {
  const unit = env.units.byCode(code)!;
  const agency = env.units.rootOf(code) ?? unit;
  const formAgency = env.units.byCode(under) ?? agency;
  return issueAt('error', 'org_unit.other_agency', raw.cell, {
    text: String(raw.v),
    agency_th: agency.name_th,
    agency_en: agency.name_en,
    form_agency_th: formAgency.name_th,
    form_agency_en: formAgency.name_en,
  });
}

function identify(loc: LocatedReturn, form: FormDef, fields: Record<string, Value | null>, issues: Issue[], env: Interpreting) {
  // Org unit: the first of the form's unit fields that names a known unit of an accepted kind.
  let orgUnit: string | null = null;
  let firstGiven: RawField | undefined;
  // A unit of the right kind in another agency's tree (a CODI division on a BMA form): named as such, not as unknown.
  let otherAgency: { raw: RawField; code: string } | undefined;
  const under = form.orgUnit.under;
  for (const id of form.orgUnit.fields) {
    const raw = loc.fields[id];
    if (!raw || raw.v === null || raw.v === '') continue;
    firstGiven ??= raw;
    const code = unitNamedBy(fields[id], env.units);
    if (!code || !form.orgUnit.kinds.includes(env.units.byCode(code)!.kind)) continue;
    if (under === undefined || env.units.within(code, under)) {
      orgUnit = code;
      break;
    }
    otherAgency ??= { raw, code };
  }
  const unitFieldReported = issues.some((i) => i.code.startsWith('org_unit.'));
  if (!orgUnit && !unitFieldReported) {
    if (otherAgency && under !== undefined) issues.push(otherAgencyIssue(otherAgency.raw, otherAgency.code, under, env));
    else if (firstGiven) {
      const r = env.units.resolve(String(firstGiven.v).split('/')[0], form.orgUnit.kinds);
      issues.push(orgUnitIssue(firstGiven.cell, firstGiven.v, r.ok ? [] : r.suggestions, !r.ok && r.wrongKind !== undefined));
    } else issues.push(issueAt('error', 'org_unit.missing', loc.titleCell));
  }

  const fyField = form.period.fiscalYearField;
  const fiscalYear = fiscalYearOf(fyField ? asNumber(fields[fyField]) : null, loc.titles);
  if (fiscalYear === null && !(fyField && loc.fields[fyField])) issues.push(issueAt('error', 'period.fiscal_year_missing', loc.titleCell));

  let period: PeriodCode | null = 'FY';
  if (form.period.kind === 'quarter') {
    let q: number | null = null;
    for (const t of loc.titles) q ??= quarterFromText(t);
    period = q ? quarterCode(q) : null;
    if (!q) issues.push(issueAt('error', 'period.quarter_missing', loc.titleCell));
  }

  let subject: string | null = null;
  for (const id of form.subjectFields ?? []) {
    const v = fields[id];
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
 * server all run this same function on the same raw input. With `consume`, the caller
 * gives `loc` up: its table's item rows are let go as they are interpreted.
 */
export function checkReturn(loc: LocatedReturn, ctx: RuleContext, consume = false): CheckedReturn {
  const definitions = ctx.definitions;
  const form = definitions.formById(loc.formId);
  if (!form) throw new Error(`unknown form ${loc.formId}`); // callers validate the id first
  const env = interpretingFor(form, definitions.units);
  const issues: Issue[] = [];
  const fieldDefs = defsById([...form.fields, ...(form.table?.row === 'return' ? form.table.columns : [])]);
  const { values: fields, cells: fieldCells } = interpretFields(loc.fields, fieldDefs, issues, env);
  const itemTable = form.table?.row === 'item' && loc.table ? loc.table : undefined;
  const rows = itemTable ? interpretTable(loc.sheet, itemTable, form.table!.columns, issues, env, consume) : [];
  const ret: CheckedReturn = {
    formId: form.id,
    sheet: loc.sheet,
    ...identify(loc, form, fields, issues, env),
    fields,
    fieldCells,
    columns: itemTable?.columns ?? {},
    firstColumn: itemTable?.firstColumn ?? 'A',
    rows,
    issues,
  };
  issues.push(...applyHqTargets(ret, form));
  issues.push(...applyRules(ret, form, { ...ctx, units: env.units }));
  if (itemTable) issues.push(...checkTotalRows(ret, rows, form.table!.columns, itemTable));
  issues.push(...datesFarFromYear(ret, form));
  return ret;
}
