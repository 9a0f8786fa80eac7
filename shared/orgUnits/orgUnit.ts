import { z } from 'zod';

/**
 * Kinds of unit a tree may hold. Groupings (`by`) are the kinds `district`, `zone`, `region`
 * and `hq`; a `department` (a headquarters division) reports beside them and is its own group.
 */
export const orgUnitKindSchema = z.enum(['hq', 'zone', 'district', 'department', 'region']);
export type OrgUnitKind = z.infer<typeof orgUnitKindSchema>;

/** An org-unit code: what the API accepts in a URL and a key. */
export const orgUnitCodeSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, 'an org-unit code is 1–32 of A–Z, a–z, 0–9 and -');

/** Who reports: a node of an agency's tree (BMA: HQ → zones → districts; CODI: HQ → regions, divisions). Org units are data. */
export const orgUnitSchema = z.strictObject({
  code: orgUnitCodeSchema,
  kind: orgUnitKindSchema,
  name_th: z.string().min(1).max(200),
  name_en: z.string().min(1).max(200),
  /** Code of the parent unit (zone → HQ, district → zone, region → CODI HQ); none for a tree's root. */
  parent: orgUnitCodeSchema.optional(),
  /** Other names people write: short names, abbreviations. */
  aliases: z.array(z.string().min(1).max(200)).max(20).optional(),
  /** Bangkok agency-code prefix (first 4 digits of an 8-digit agency code). */
  agencyPrefix: z
    .string()
    .regex(/^\d{4}$/, 'an agency-code prefix is 4 digits')
    .optional(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;
