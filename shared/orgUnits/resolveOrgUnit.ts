import type { OrgUnit, OrgUnitKind } from './orgUnit';
import { ORG_UNITS, orgUnitByCode } from './orgUnits';
import { toArabicDigits } from '../text/thaiDigits';
import { normalizeLabel } from '../text/normalizeLabel';
import { editDistance } from '../text/editDistance';

export type OrgUnitResult = { ok: true; unit: OrgUnit } | { ok: false; suggestions: OrgUnit[]; wrongKind?: OrgUnit };

// Office words people put before a name; longest first.
const PREFIXES = ['สำนักงานเขต', 'สำนักงานภาค', 'สำนักงาน', 'เขต', 'ภาค'];
const EN_WORDS = /\b(district office|regional office|district|region|office|khet)\b/g;

function nameKey(text: string): string {
  let s = toArabicDigits(text).trim().toLowerCase().replace(EN_WORDS, ' ');
  s = normalizeLabel(s);
  for (let pass = 0; pass < 2; pass++) {
    const p = PREFIXES.find((x) => s.startsWith(x) && s.length > x.length);
    if (p) s = s.slice(p.length);
  }
  return s;
}

const BY_NAME = new Map<string, OrgUnit>();
for (const u of ORG_UNITS) {
  for (const n of [u.name_th, u.name_en, ...(u.aliases ?? [])]) {
    const k = nameKey(n);
    if (k && !BY_NAME.has(k)) BY_NAME.set(k, u);
  }
}

/** Bangkok agency code `50DDxxxx` → district 10DD; other agency codes by their 4-digit prefix. */
export function orgUnitFromAgencyCode(agency: string): OrgUnit | undefined {
  if (!/^\d{8}$/.test(agency)) return undefined;
  const prefix = agency.slice(0, 4);
  return ORG_UNITS.find((u) => u.agencyPrefix === prefix);
}

function byCode(s: string): OrgUnit | undefined {
  const compact = s.replace(/\s+/g, '');
  if (/^\d{4}$/.test(compact)) return orgUnitByCode(compact);
  if (/^\d{8}$/.test(compact)) return orgUnitByCode(compact) ?? orgUnitFromAgencyCode(compact);
  const project = /^(\d{8})-\d{4}$/.exec(compact);
  if (project) return orgUnitFromAgencyCode(project[1]);
  // Any exact code: a region (`NE`), a zone (`Z-C`), headquarters (`BMA`, `CODI`).
  return orgUnitByCode(compact) ?? orgUnitByCode(compact.toUpperCase());
}

/**
 * Finds the org unit a cell names: a district code (`1045`), an agency or project code
 * (`50450000`, `50450000-3247`), a Thai name with or without สำนักงานเขต/เขต/ภาค, an English
 * name, a CODI short name or code. `kinds` limits what is acceptable; an unknown name
 * comes back with the closest known names.
 */
export function resolveOrgUnit(input: unknown, kinds?: readonly OrgUnitKind[]): OrgUnitResult {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input : '';
  const s = toArabicDigits(text).trim();
  const found = s ? (byCode(s) ?? BY_NAME.get(nameKey(s))) : undefined;
  if (found && (!kinds || kinds.includes(found.kind))) return { ok: true, unit: found };
  return { ok: false, suggestions: closestUnits(s, kinds), wrongKind: found };
}

/** The three known units whose names are closest to `text`. */
export function closestUnits(text: string, kinds?: readonly OrgUnitKind[], count = 3): OrgUnit[] {
  const key = nameKey(text);
  const scored: { u: OrgUnit; d: number }[] = [];
  for (const u of ORG_UNITS) {
    if (kinds && !kinds.includes(u.kind)) continue;
    let best = Infinity;
    for (const n of [u.name_th, u.name_en, ...(u.aliases ?? [])]) {
      const k = nameKey(n);
      const d = editDistance(key, k) / Math.max(k.length, 1);
      if (d < best) best = d;
    }
    scored.push({ u, d: best });
  }
  return scored
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map((x) => x.u);
}
