import type { FormDef } from '../forms/formDef';
import type { ItemTotalsConsolidation } from '../forms/consolidationDef';
import type { CheckedReturn } from '../check/checkedReturn';
import { asNumber } from '../check/valueAs';
import type { Measure, TallyEntry } from './tally';
import { itemContribution, type ItemContribution } from './contribution';

/** A return's share: each item's column totals (welfare type → persons, amount). */
export function contributeItems(ret: CheckedReturn, def: ItemTotalsConsolidation): ItemContribution {
  const items: ItemContribution['items'] = {};
  for (const row of ret.rows) {
    const key = row.values[def.key];
    if (row.kind !== 'item' || key === null || key === '') continue;
    const line = (items[String(key)] ??= {});
    for (const c of def.columns) line[c] = (line[c] ?? 0) + (asNumber(row.values[c]) ?? 0);
  }
  return { kind: 'itemTotals', items };
}

/** Totals by item across returns, each with the number of returns (funds) reporting it; then grand totals. */
export function itemMeasures(entries: TallyEntry[], def: ItemTotalsConsolidation, form: FormDef): Measure[] {
  const label = (c: string) => form.table?.columns.find((x) => x.id === c) ?? { label_th: c, label_en: c };
  const order: string[] = [];
  const totals = new Map<string, Record<string, number>>();
  const reporting = new Map<string, number>();
  for (const e of entries) {
    for (const [key, line] of Object.entries(itemContribution(e.contribution).items)) {
      if (!totals.has(key)) {
        order.push(key);
        totals.set(key, {});
      }
      const t = totals.get(key)!;
      for (const c of def.columns) t[c] = (t[c] ?? 0) + (line[c] ?? 0);
      reporting.set(key, (reporting.get(key) ?? 0) + 1);
    }
  }
  const out: Measure[] = [];
  for (const c of def.columns) {
    const l = label(c);
    out.push({ id: `total:${c}`, label_th: `รวม ${l.label_th}`, label_en: `Total ${l.label_en}`, value: order.reduce((a, k) => a + totals.get(k)![c], 0) });
  }
  for (const key of order) {
    for (const c of def.columns) {
      const l = label(c);
      out.push({ id: `item:${key}:${c}`, label_th: `${key} — ${l.label_th}`, label_en: `${key} — ${l.label_en}`, value: totals.get(key)![c] });
    }
    out.push({ id: `item:${key}:returns`, label_th: `${key} — จำนวนที่รายงาน`, label_en: `${key} — returns reporting`, value: reporting.get(key)! });
  }
  return out;
}
