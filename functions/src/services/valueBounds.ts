import type { CheckedReturn, TypedRow, Value } from '@returns-hub/shared/check/checkedReturn';
import { cellOf } from '@returns-hub/shared/check/checkedReturn';
import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { issueAt } from '@returns-hub/shared/issues/messages';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, isFiscalYear } from '@returns-hub/shared/period/fiscalYear';

/** Largest magnitude of any stored amount: sums of thousands of returns stay exact enough and finite. */
export const MAX_AMOUNT = 1e15;

function label(form: FormDef, id: string): { th: string; en: string } {
  const f = form.fields.find((x) => x.id === id) ?? form.table?.columns.find((x) => x.id === id);
  return { th: f?.label_th ?? id, en: f?.label_en ?? id };
}

function outOfRange(v: Value | null): v is number {
  return typeof v === 'number' && (!Number.isFinite(v) || Math.abs(v) > MAX_AMOUNT);
}

/**
 * Values the checker accepts but storage and tallies cannot hold: a fiscal year outside
 * 2400–2800 (every read refuses it), an amount beyond ±1e15 (a sum would overflow to null).
 */
export function valueBoundIssues(r: CheckedReturn, form: FormDef, titleCell: string): Issue[] {
  const issues: Issue[] = [];
  if (r.fiscalYear !== null && !isFiscalYear(r.fiscalYear)) {
    const fyField = form.period.fiscalYearField;
    const cell = fyField && r.fieldCells[fyField] ? r.fieldCells[fyField] : titleCell;
    const below = r.fiscalYear < MIN_FISCAL_YEAR;
    issues.push(
      issueAt('error', below ? 'value.below_min' : 'value.above_max', cell, {
        th: 'ปีงบประมาณ',
        en: 'Fiscal year',
        limit: String(below ? MIN_FISCAL_YEAR : MAX_FISCAL_YEAR),
        value: String(r.fiscalYear),
      }),
    );
  }
  const check = (id: string, v: Value | null, row?: TypedRow) => {
    if (!outOfRange(v)) return;
    const below = v < 0;
    issues.push(issueAt('error', below ? 'value.below_min' : 'value.above_max', cellOf(r, id, row), { ...label(form, id), limit: String(below ? -MAX_AMOUNT : MAX_AMOUNT), value: String(v) }));
  };
  for (const [id, v] of Object.entries(r.fields)) check(id, v);
  for (const row of r.rows) for (const [id, v] of Object.entries(row.values)) check(id, v, row);
  return issues;
}
