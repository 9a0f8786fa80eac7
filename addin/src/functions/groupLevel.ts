import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import type { GroupBy } from '@returns-hub/shared/consolidate/tally';

/** The tally level a unit's figures come from: its own kind (a district, a zone, a region, HQ). */
export function groupOfLevel(code: string, units: OrgUnitTree): GroupBy | null {
  const kind = units.byCode(code)?.kind;
  return kind === 'district' || kind === 'zone' || kind === 'region' || kind === 'hq' ? kind : null;
}
