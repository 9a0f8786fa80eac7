import type { OrgUnit, OrgUnitKind } from './orgUnit';
import { BUILT_IN_UNITS } from './orgUnits';
import type { OrgUnitResult } from './orgUnitTree';

export type { OrgUnitResult };

export function orgUnitFromAgencyCode(agency: string): OrgUnit | undefined {
  return BUILT_IN_UNITS.fromAgencyCode(agency);
}

export function resolveOrgUnit(input: unknown, kinds?: readonly OrgUnitKind[]): OrgUnitResult {
  return BUILT_IN_UNITS.resolve(input, kinds);
}

export function closestUnits(text: string, kinds?: readonly OrgUnitKind[], count = 3): OrgUnit[] {
  return BUILT_IN_UNITS.closest(text, kinds, count);
}
