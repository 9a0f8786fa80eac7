import type { FormDef } from '../forms/formDef';
import type { ItemTotalsConsolidation } from '../forms/consolidationDef';
import type { CheckedReturn } from '../check/checkedReturn';
import { asNumber } from '../check/valueAs';
import type { Measure } from './tally';
import { itemContribution, type Contribution, type ItemContribution } from './contribution';
import type { ItemAggregate } from './aggregate';

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

/** A return's share of an aggregate: one return reporting each of its items, with the item's column totals. */
export function itemShare(c: Contribution, def: ItemTotalsConsolidation, orgUnit: string, received: boolean): ItemAggregate {
  const items: ItemAggregate['items'] = {};
  for (const [key, line] of Object.entries(itemContribution(c).items)) items[key] = { n: 1, totals: Object.fromEntries(def.columns.map((col) => [col, line[col] ?? 0])) };
  return { kind: 'itemTotals', returns: 1, units: received ? { [orgUnit]: 1 } : {}, items };
}

/** Items in a stable order whatever the order returns arrived in: Thai collation of their names. */
const byName = (a: string, b: string) => a.localeCompare(b, 'th');

/** Totals by item across returns, each with the number of returns (funds) reporting it; then grand totals. */
export function itemMeasures(agg: ItemAggregate, def: ItemTotalsConsolidation, form: FormDef): Measure[] {
  const label = (c: string) => form.table?.columns.find((x) => x.id === c) ?? { label_th: c, label_en: c };
  const order = Object.keys(agg.items).sort(byName);
  const out: Measure[] = [];
  for (const c of def.columns) {
    const l = label(c);
    out.push({ id: `total:${c}`, label_th: `รวม ${l.label_th}`, label_en: `Total ${l.label_en}`, value: order.reduce((a, k) => a + (agg.items[k].totals[c] ?? 0), 0) });
  }
  for (const key of order) {
    for (const c of def.columns) {
      const l = label(c);
      out.push({ id: `item:${key}:${c}`, label_th: `${key} — ${l.label_th}`, label_en: `${key} — ${l.label_en}`, value: agg.items[key].totals[c] ?? 0 });
    }
    out.push({ id: `item:${key}:returns`, label_th: `${key} — จำนวนที่รายงาน`, label_en: `${key} — returns reporting`, value: agg.items[key].n });
  }
  return out;
}
