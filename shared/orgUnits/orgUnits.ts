import type { OrgUnit, OrgUnitKind } from './orgUnit';
import { BMA_UNITS } from './bangkokDistricts';
import { CODI_UNITS } from './codiRegions';
import { OrgUnitTree } from './orgUnitTree';

export const BUILT_IN_UNITS = new OrgUnitTree([...BMA_UNITS, ...CODI_UNITS]);
export const ORG_UNITS: readonly OrgUnit[] = BUILT_IN_UNITS.all;

export function orgUnitByCode(code: string): OrgUnit | undefined {
  return BUILT_IN_UNITS.byCode(code);
}

export function orgUnitsOfKind(kind: OrgUnitKind): OrgUnit[] {
  return BUILT_IN_UNITS.ofKind(kind);
}

/** The unit and its ancestors, nearest first. */
export function ancestorsOf(code: string): OrgUnit[] {
  return BUILT_IN_UNITS.ancestors(code);
}

/** The ancestor (or the unit itself) of a given kind. */
export function ancestorOfKind(code: string, kind: OrgUnitKind): OrgUnit | undefined {
  return BUILT_IN_UNITS.ancestorOfKind(code, kind);
}
