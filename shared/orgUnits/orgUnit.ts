import { z } from 'zod';

/** Who reports: a node of one of the two hierarchies (BMA, CODI). */
export const orgUnitKindSchema = z.enum(['hq', 'zone', 'district', 'department', 'region']);
export type OrgUnitKind = z.infer<typeof orgUnitKindSchema>;

export interface OrgUnit {
  code: string;
  kind: OrgUnitKind;
  name_th: string;
  name_en: string;
  /** Code of the parent unit (zone → HQ, district → zone, region → CODI HQ). */
  parent?: string;
  /** Other names people write: short names, abbreviations. */
  aliases?: string[];
  /** Bangkok agency-code prefix (first 4 digits of an 8-digit agency code). */
  agencyPrefix?: string;
}
