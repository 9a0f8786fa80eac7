import type { FormDef, Target } from '../forms/formDef';
import type { Issue } from '../issues/issue';
import { fmtNum, issueAt } from '../issues/messages';
import { columnLetters } from '../sheet/address';
import { TARGETS_SHEET } from '../definitions/definitionSheets';
import { cellOf, type CheckedReturn } from './checkedReturn';
import { asNumber } from './valueAs';

/** Where a target stands in the definition workbook as exported: sheet `targets`, its row, the column of `property`. */
function definitionCell(index: number, property: keyof Target): string {
  const col = TARGETS_SHEET.columns.findIndex((c) => c.id === property);
  return `${TARGETS_SHEET.sheet}!${columnLetters(col)}${index + 2}`;
}

const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

/**
 * Headquarters' targets in a catalog return: where headquarters set a target for the unit and
 * the KPI, the row is read with it (a sheet stating none is filled in; tallies, percentages,
 * traffic lights and scores follow headquarters), and a sheet stating another is warned at its
 * cell, the definition's cell named. Rows of KPIs headquarters set nothing for keep the sheet's.
 */
export function applyHqTargets(ret: CheckedReturn, form: FormDef): Issue[] {
  const c = form.consolidation;
  if (c.kind !== 'kpiCatalog' || !form.targets?.length || !ret.orgUnit) return [];
  const mine = new Map<string, { target: Target; index: number }>();
  form.targets.forEach((target, index) => target.unit === ret.orgUnit && mine.set(target.code, { target, index }));
  if (mine.size === 0) return [];
  const label = (id: string) => [...form.fields, ...(form.table?.columns ?? [])].find((f) => f.id === id) ?? { label_th: id, label_en: id };
  const columns: [column: string, property: keyof Target][] = [[c.columns.annualTarget, 'annual'], ...c.columns.quarterTargets.map((col, k): [string, keyof Target] => [col, QUARTERS[k]])];
  const out: Issue[] = [];
  for (const row of ret.rows) {
    if (row.kind !== 'item') continue;
    const hq = mine.get(String(row.values[c.columns.code] ?? ''));
    if (!hq) continue;
    for (const [column, property] of columns) {
      const target = hq.target[property];
      if (typeof target !== 'number') continue;
      const stated = asNumber(row.values[column]);
      if (stated !== null && Math.abs(stated - target) > 1e-6 && ret.columns[column] !== undefined) {
        const l = label(column);
        out.push(
          issueAt('warning', 'target.differs', cellOf(ret, column, row), { th: l.label_th, en: l.label_en, value: fmtNum(stated), target: fmtNum(target), at: definitionCell(hq.index, property) }),
        );
      }
      row.values[column] = target;
    }
  }
  return out;
}
