import type { FormDef } from '../forms/formDef';
import type { RowCountsConsolidation } from '../forms/consolidationDef';
import type { CheckedReturn } from '../check/checkedReturn';
import { choiceListsOf } from '../forms/choiceLists';
import type { Measure } from './tally';
import { rowCountsContribution, type Contribution, type RowCountsContribution } from './contribution';
import type { RowCountsAggregate } from './aggregate';

/** The choice list a count's column names. */
function listOf(form: FormDef, column: string) {
  const def = form.table?.columns.find((c) => c.id === column);
  return def?.choices === undefined ? undefined : choiceListsOf(form).get(def.choices);
}

/** A return's share: for each count, its item rows by the column's choice (only rows whose `when` column is yes, when one is named). */
export function contributeRowCounts(ret: CheckedReturn, def: RowCountsConsolidation): RowCountsContribution {
  const counts: RowCountsContribution['counts'] = {};
  for (const c of def.counts) {
    const byChoice: Record<string, number> = (counts[c.id] = {});
    for (const row of ret.rows) {
      const choice = row.values[c.column];
      if (row.kind !== 'item' || typeof choice !== 'string' || (c.when !== undefined && row.values[c.when] !== true)) continue;
      byChoice[choice] = (byChoice[choice] ?? 0) + 1;
    }
  }
  return { kind: 'rowCounts', counts };
}

/** A return's share of an aggregate: its counts, and one return of its unit. */
export function rowCountsShare(c: Contribution, orgUnit: string, received: boolean): RowCountsAggregate {
  const own = rowCountsContribution(c);
  return { kind: 'rowCounts', returns: 1, units: received ? { [orgUnit]: 1 } : {}, counts: Object.fromEntries(Object.entries(own.counts).map(([k, v]) => [k, { ...v }])) };
}

/**
 * Each count's total (`total:<count>`) and its rows by choice (`item:<choice's Thai label>:<count>`), every choice of
 * the list in its order, 0 included: the measures an item-rows report shows as a table of choices × counts.
 */
export function rowCountsMeasures(agg: RowCountsAggregate, def: RowCountsConsolidation, form: FormDef): Measure[] {
  const out: Measure[] = [];
  for (const c of def.counts) {
    const byChoice = agg.counts[c.id] ?? {};
    out.push({ id: `total:${c.id}`, label_th: c.label_th, label_en: c.label_en, value: Object.values(byChoice).reduce((a, n) => a + n, 0) });
  }
  const lists = def.counts.map((c) => listOf(form, c.column));
  const choices = [...new Map(lists.flatMap((l) => l?.choices ?? []).map((ch) => [ch.label_th, ch])).values()];
  for (const choice of choices) {
    def.counts.forEach((c, i) => {
      if (!lists[i]?.byId(choice.id)) return;
      out.push({ id: `item:${choice.label_th}:${c.id}`, label_th: `${choice.label_th} — ${c.label_th}`, label_en: `${choice.label_en} — ${c.label_en}`, value: agg.counts[c.id]?.[choice.id] ?? 0 });
    });
  }
  return out;
}
