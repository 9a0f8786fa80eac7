import type { OrgUnit, OrgUnitKind } from '../orgUnits/orgUnit';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';
import type { FormDef } from '../forms/formDef';
import type { GroupBy } from './tally';

/** The group a reporting unit falls in at a level; a unit with no ancestor of that kind is its own group. */
export function groupOf(units: OrgUnitTree, orgUnit: string, by: GroupBy): OrgUnit | undefined {
  return units.ancestorOfKind(orgUnit, by) ?? units.byCode(orgUnit);
}

/** The expected units within a group (each unit's group at the group's level). */
export function expectedIn(units: OrgUnitTree, group: OrgUnit, expected: readonly OrgUnit[]): OrgUnit[] {
  if (expected.some((u) => u.code === group.code)) return [group];
  return expected.filter((u) => units.ancestorOfKind(u.code, group.kind)?.code === group.code);
}

/**
 * Every group of a level that has expected units (so a group with no return still shows): each expected unit's
 * ancestor of that kind, or the unit itself when it has none (a headquarters division at the regional level).
 */
export function allGroups(units: OrgUnitTree, by: GroupBy, expected: readonly OrgUnit[]): OrgUnit[] {
  const out = new Map<string, OrgUnit>();
  for (const u of expected) {
    const g = groupOf(units, u.code, by);
    if (g && !out.has(g.code)) out.set(g.code, g);
  }
  return [...out.values()];
}

/** Groupings in order, from the reporting units up. */
const LEVELS: GroupBy[] = ['district', 'zone', 'region', 'hq'];

/**
 * Which groupings make sense for a form: the levels of its expected units and of their ancestors, and HQ.
 * Aggregates are kept for each.
 */
export function validGroupings(form: FormDef, units: OrgUnitTree): GroupBy[] {
  const kinds = new Set<OrgUnitKind>(['hq']);
  for (const u of expectedUnits(form, units)) for (const a of units.ancestors(u.code)) kinds.add(a.kind);
  return LEVELS.filter((l) => kinds.has(l));
}

/** The units a form expects returns from: every unit of its expected kinds (within `orgUnit.under`, when the form names one). */
export function expectedUnits(form: FormDef, units: OrgUnitTree): OrgUnit[] {
  const kinds: readonly OrgUnitKind[] = form.consolidation.expectedKinds;
  const under = form.orgUnit.under;
  return units.all.filter((u) => kinds.includes(u.kind) && (under === undefined || units.within(u.code, under)));
}

/** The headquarters a form's figures add up to: the top of its expected units' tree (`BMA`, `CODI`). */
export function headquartersOf(form: FormDef, units: OrgUnitTree): OrgUnit | undefined {
  const first = expectedUnits(form, units)[0];
  return first ? units.rootOf(first.code) : undefined;
}
