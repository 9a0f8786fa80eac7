import type { FormDef } from '../forms/formDef';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';
import { emptyAggregate, type Aggregate, type AggregateKey } from './aggregate';
import { mergeAggregate } from './mergeAggregate';
import { groupOf, validGroupings } from './groups';
import { sharesOf, type ReturnState } from './shares';
import type { GroupBy, TallyEntry } from './tally';

/** An aggregate with its key. */
export interface KeyedAggregate {
  key: AggregateKey;
  aggregate: Aggregate;
}

export const aggregateKeyText = (k: AggregateKey) => `${k.period}|${k.by}|${k.group}`;

/** One return's identity within a form and fiscal year: its unit and subject. */
export const returnIdentity = (e: { orgUnit: string; subject: string | null }) => `${e.orgUnit}\u0000${e.subject ?? ''}`;

/** The current contributions of a form's returns of one fiscal year, gathered per return across periods. */
export function statesOf(entries: readonly TallyEntry[]): Map<string, { orgUnit: string; subject: string | null; state: ReturnState }> {
  const out = new Map<string, { orgUnit: string; subject: string | null; state: ReturnState }>();
  for (const e of entries) {
    const id = returnIdentity(e);
    const s = out.get(id) ?? { orgUnit: e.orgUnit, subject: e.subject, state: {} };
    s.state[e.period] = e.contribution;
    out.set(id, s);
  }
  return out;
}

/**
 * Every aggregate, computed from scratch from the returns' contributions (one fiscal year):
 * the repair path, and the reference the maintained aggregates must equal. `only` limits it
 * to some aggregate periods or one grouping level.
 */
export function foldAggregates(form: FormDef, units: OrgUnitTree, entries: readonly TallyEntry[], only: { periods?: readonly string[]; by?: GroupBy } = {}): KeyedAggregate[] {
  const out = new Map<string, KeyedAggregate>();
  const levels = only.by ? [only.by] : validGroupings(form, units);
  for (const { orgUnit, state } of statesOf(entries).values()) {
    for (const [period, share] of Object.entries(sharesOf(form, orgUnit, state))) {
      if (only.periods && !only.periods.includes(period)) continue;
      for (const by of levels) {
        const group = groupOf(units, orgUnit, by)?.code;
        if (!group) continue;
        const key = { period, by, group };
        const k = aggregateKeyText(key);
        out.set(k, { key, aggregate: mergeAggregate(out.get(k)?.aggregate ?? emptyAggregate(form.consolidation.kind), share, 1) });
      }
    }
  }
  return [...out.values()];
}
