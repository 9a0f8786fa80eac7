import type { OrgUnit, OrgUnitKind } from './orgUnit';
import { BMA_UNITS } from './bangkokDistricts';
import { CODI_UNITS } from './codiRegions';

export const ORG_UNITS: readonly OrgUnit[] = [...BMA_UNITS, ...CODI_UNITS];

const BY_CODE = new Map(ORG_UNITS.map((u) => [u.code, u]));

export function orgUnitByCode(code: string): OrgUnit | undefined {
  return BY_CODE.get(code);
}

export function orgUnitsOfKind(kind: OrgUnitKind): OrgUnit[] {
  return ORG_UNITS.filter((u) => u.kind === kind);
}

/** The unit and its ancestors, nearest first. */
export function ancestorsOf(code: string): OrgUnit[] {
  const out: OrgUnit[] = [];
  let u = BY_CODE.get(code);
  while (u) {
    out.push(u);
    u = u.parent ? BY_CODE.get(u.parent) : undefined;
  }
  return out;
}

/** The ancestor (or the unit itself) of a given kind. */
export function ancestorOfKind(code: string, kind: OrgUnitKind): OrgUnit | undefined {
  return ancestorsOf(code).find((u) => u.kind === kind);
}
