import type { FormDef } from '../forms/formDef';
import type { Issue } from '../issues/issue';
import { issueAt } from '../issues/messages';
import { beToCe } from '../period/fiscalYear';
import { cellOf, type CheckedReturn } from './checkedReturn';

/** How far outside its fiscal year a date may be before it is suspect: a year either side. */
const SLACK_DAYS = 366;
/** Findings per field or column: a file in the wrong date system has every date wrong, and a few say so. */
const MAX_PER_COLUMN = 20;
const DAY_MS = 86_400_000;

/**
 * A date far from the return's fiscal year is a warning naming both: a date four years early
 * is what a 1904-system workbook read as 1900 gives, and a CE year typed for a BE one gives
 * 543 years. Cells that already have a finding are left to it.
 */
export function datesFarFromYear(ret: CheckedReturn, form: FormDef): Issue[] {
  const fiscalYear = ret.fiscalYear;
  if (fiscalYear === null) return [];
  const ce = beToCe(fiscalYear);
  const from = `${ce - 1}-10-01`;
  const to = `${ce}-09-30`;
  const lo = Date.parse(from) - SLACK_DAYS * DAY_MS;
  const hi = Date.parse(to) + SLACK_DAYS * DAY_MS;
  const flagged = new Set(ret.issues.map((i) => i.cell));
  const out: Issue[] = [];
  const check = (value: unknown, cell: () => string): boolean => {
    if (typeof value !== 'string') return false;
    const t = Date.parse(value);
    if (!(t < lo || t > hi)) return false;
    const at = cell();
    if (flagged.has(at)) return false;
    out.push(issueAt('warning', 'date.far_from_year', at, { value, fiscalYear, from, to }));
    return true;
  };
  for (const f of form.fields) if (f.type === 'date') check(ret.fields[f.id], () => cellOf(ret, f.id));
  for (const c of form.table?.columns ?? []) {
    if (c.type !== 'date') continue;
    if (form.table?.row === 'return') check(ret.fields[c.id], () => cellOf(ret, c.id));
    let n = 0;
    for (const r of ret.rows) if (n < MAX_PER_COLUMN && check(r.values[c.id], () => cellOf(ret, c.id, r))) n++;
  }
  return out;
}
