import type { OrgUnit, OrgUnitKind } from './orgUnit';
import { toArabicDigits } from '../text/thaiDigits';
import { normalizeLabel } from '../text/normalizeLabel';
import { editDistance } from '../text/editDistance';

export type OrgUnitResult = { ok: true; unit: OrgUnit } | { ok: false; suggestions: OrgUnit[]; wrongKind?: OrgUnit };

// Office words people put before a name; longest first.
const PREFIXES = ['สำนักงานเขต', 'สำนักงานภาค', 'สำนักงาน', 'เขต', 'ภาค'];
const EN_WORDS = /\b(district office|regional office|district|region|office|khet)\b/g;

/** A name as matched: lower case, Arabic digits, no punctuation or spaces, no office word before it. */
export function unitNameKey(text: string): string {
  let s = toArabicDigits(text).trim().toLowerCase().replace(EN_WORDS, ' ');
  s = normalizeLabel(s);
  for (let pass = 0; pass < 2; pass++) {
    const p = PREFIXES.find((x) => s.startsWith(x) && s.length > x.length);
    if (p) s = s.slice(p.length);
  }
  return s;
}

const namesOf = (u: OrgUnit) => [u.name_th, u.name_en, ...(u.aliases ?? [])];

/**
 * The org units of a fiscal year, as data: the trees of every agency (each rooted at its
 * headquarters). Finds a unit by code, agency code or name, and answers what the
 * consolidation asks of the hierarchy (ancestors, units of a kind). Built once per set of
 * definitions; lookups are by map.
 */
export class OrgUnitTree {
  readonly all: readonly OrgUnit[];
  private readonly byCodeMap: Map<string, OrgUnit>;
  private readonly byName = new Map<string, OrgUnit>();
  private readonly byPrefix = new Map<string, OrgUnit>();
  private readonly ancestorMemo = new Map<string, OrgUnit[]>();

  constructor(units: readonly OrgUnit[]) {
    this.all = units;
    this.byCodeMap = new Map(units.map((u) => [u.code, u]));
    for (const u of units) {
      for (const n of namesOf(u)) {
        const k = unitNameKey(n);
        if (k && !this.byName.has(k)) this.byName.set(k, u);
      }
      if (u.agencyPrefix && !this.byPrefix.has(u.agencyPrefix)) this.byPrefix.set(u.agencyPrefix, u);
    }
  }

  byCode(code: string): OrgUnit | undefined {
    return this.byCodeMap.get(code);
  }

  ofKind(kind: OrgUnitKind): OrgUnit[] {
    return this.all.filter((u) => u.kind === kind);
  }

  /** The unit and its ancestors, nearest first (a parent cycle, refused by the checker, stops the walk). */
  ancestors(code: string): OrgUnit[] {
    let out = this.ancestorMemo.get(code);
    if (out) return out;
    out = [];
    const seen = new Set<string>();
    let u = this.byCodeMap.get(code);
    while (u && !seen.has(u.code)) {
      seen.add(u.code);
      out.push(u);
      u = u.parent ? this.byCodeMap.get(u.parent) : undefined;
    }
    this.ancestorMemo.set(code, out);
    return out;
  }

  /** The ancestor (or the unit itself) of a given kind. */
  ancestorOfKind(code: string, kind: OrgUnitKind): OrgUnit | undefined {
    return this.ancestors(code).find((u) => u.kind === kind);
  }

  /** Whether the unit is `root` or below it. */
  within(code: string, root: string): boolean {
    return this.ancestors(code).some((u) => u.code === root);
  }

  /** The top of the unit's tree (its headquarters). */
  rootOf(code: string): OrgUnit | undefined {
    const chain = this.ancestors(code);
    return chain[chain.length - 1];
  }

  /** Bangkok agency code `50DDxxxx` → district 10DD; other agency codes by their 4-digit prefix. */
  fromAgencyCode(agency: string): OrgUnit | undefined {
    if (!/^\d{8}$/.test(agency)) return undefined;
    return this.byPrefix.get(agency.slice(0, 4));
  }

  private byCodeText(s: string): OrgUnit | undefined {
    const compact = s.replace(/\s+/g, '');
    if (/^\d{4}$/.test(compact)) return this.byCode(compact);
    if (/^\d{8}$/.test(compact)) return this.byCode(compact) ?? this.fromAgencyCode(compact);
    const project = /^(\d{8})-\d{4}$/.exec(compact);
    if (project) return this.fromAgencyCode(project[1]);
    // Any exact code: a region (`NE`), a zone (`Z-C`), headquarters (`BMA`, `CODI`).
    return this.byCode(compact) ?? this.byCode(compact.toUpperCase());
  }

  /**
   * Finds the org unit a cell names: a district code (`1045`), an agency or project code
   * (`50450000`, `50450000-3247`), a Thai name with or without สำนักงานเขต/เขต/ภาค, an English
   * name, a short name or code. `kinds` limits what is acceptable; an unknown name comes back
   * with the closest known names.
   */
  resolve(input: unknown, kinds?: readonly OrgUnitKind[]): OrgUnitResult {
    const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input : '';
    const s = toArabicDigits(text).trim();
    const found = s ? (this.byCodeText(s) ?? this.byName.get(unitNameKey(s))) : undefined;
    if (found && (!kinds || kinds.includes(found.kind))) return { ok: true, unit: found };
    return { ok: false, suggestions: this.closest(s, kinds), wrongKind: found };
  }

  /** The known units whose names are closest to `text`. */
  closest(text: string, kinds?: readonly OrgUnitKind[], count = 3): OrgUnit[] {
    const key = unitNameKey(text);
    const scored: { u: OrgUnit; d: number }[] = [];
    for (const u of this.all) {
      if (kinds && !kinds.includes(u.kind)) continue;
      let best = Infinity;
      for (const n of namesOf(u)) {
        const k = unitNameKey(n);
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
}
