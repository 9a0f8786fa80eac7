import type { OrgUnit, OrgUnitKind } from '../orgUnits/orgUnit';
import { ORG_UNITS, ancestorOfKind, orgUnitByCode } from '../orgUnits/orgUnits';
import type { FormDef } from '../forms/formDef';
import type { GroupBy } from './tally';

/** The group a reporting unit falls in at a level; a unit with no ancestor of that kind is its own group. */
export function groupOf(orgUnit: string, by: GroupBy): OrgUnit | undefined {
  return ancestorOfKind(orgUnit, by) ?? orgUnitByCode(orgUnit);
}

/** Units of `kind` expected to report within a group. */
export function expectedIn(group: OrgUnit, kind: OrgUnitKind): OrgUnit[] {
  if (group.kind === kind) return [group];
  return ORG_UNITS.filter((u) => u.kind === kind && ancestorOfKind(u.code, group.kind)?.code === group.code);
}

/** Every group of a level that has units of `kind` under it (so a group with no return still shows). */
export function allGroups(by: GroupBy, kind: OrgUnitKind): OrgUnit[] {
  return ORG_UNITS.filter((u) => u.kind === by && expectedIn(u, kind).length > 0);
}

/** Which groupings make sense for a form: its reporting level, the levels above it, HQ. Aggregates are kept for each. */
export function validGroupings(form: FormDef): GroupBy[] {
  return form.consolidation.expectedKind === 'district' ? ['district', 'zone', 'hq'] : ['region', 'hq'];
}
