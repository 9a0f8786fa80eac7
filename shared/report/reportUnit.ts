import type { GroupBy, Tally } from '../consolidate/tally';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';

/** The heading of a column of units at a grouping other than its layout's own (a table by district shown by zone). */
export const GROUP_HEADING: Record<GroupBy, { th: string; en: string }> = {
  district: { th: 'สำนักงานเขต', en: 'District' },
  zone: { th: 'กลุ่มเขต', en: 'Zone' },
  region: { th: 'ภาค', en: 'Region' },
  hq: { th: 'หน่วยงาน', en: 'Organisation' },
};

/** Groupings as the reports say them. */
export const GROUPING_TH: Record<GroupBy, string> = { district: 'รายเขต', zone: 'รายกลุ่มเขต', region: 'รายภาค', hq: 'ภาพรวม' };

/** The title's unit line: the one unit reported on, or the organisation and how it is broken down. */
export function reportUnitLine(t: Tally, units: OrgUnitTree): string {
  if (t.groups.length === 1) return `หน่วยงาน: ${t.groups[0].name_th}`;
  const top = t.groups.length ? units.ancestorOfKind(t.groups[0].orgUnit, 'hq') : undefined;
  return `หน่วยงาน: ${top ? `${top.name_th} ` : ''}${GROUPING_TH[t.by]} (${t.groups.length} หน่วยงาน)`;
}
