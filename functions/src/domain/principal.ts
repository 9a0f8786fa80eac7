import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';

/** Who may do what: headquarters reads everything and submits multi-unit sheets; a zone reviewer reviews its zone's units; a unit touches only its own org unit. */
export type Role = 'hq' | 'zone' | 'unit';

/** Who is calling, as the services see it (the HTTP layer builds it from a key or a token). */
export interface Principal {
  role: Role;
  orgUnit?: string;
  /** For the audit trail: the key's grant or the token's user. */
  name: string;
  /** The person's display name, where the sign-in gives one (Entra ID's `name` claim): shown to reviewers and units. */
  displayName?: string;
  /**
   * Stable identity of the credential (a key's hash, a token's tenant and object id):
   * idempotency keys are scoped to it, so one caller can never replay another's request.
   */
  id: string;
}

/**
 * A unit principal may touch only its own org unit; a zone reviewer (`orgUnit`: the zone) reads the units of its zone
 * in the org units of the year in question (a unit that moves to another zone is reviewed by that zone from then on).
 */
export function mayAccess(p: Principal, orgUnit: string, units: OrgUnitTree): boolean {
  return p.role === 'hq' || p.orgUnit === orgUnit || (p.role === 'zone' && units.ancestorOfKind(orgUnit, 'zone')?.code === p.orgUnit);
}
