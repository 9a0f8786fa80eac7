import type { OrgUnit } from './orgUnit';
import { unitNameKey } from './orgUnitTree';
import { finding, type DefinitionFinding } from '../definitions/definitionMessages';

/**
 * What is wrong with an agency's org-unit tree whose shape is right: codes used twice, a parent
 * that is not in the tree, a unit that is its own ancestor, not exactly one top unit of kind hq,
 * two units a sheet could not tell apart by name, one agency-code prefix for two units.
 * Paths are in the list (`[3].parent`).
 */
export function unitProblems(units: readonly OrgUnit[]): DefinitionFinding[] {
  const out: DefinitionFinding[] = [];
  const byCode = new Map<string, number>();
  units.forEach((u, i) => {
    const first = byCode.get(u.code);
    if (first !== undefined) out.push(finding('definition.duplicate_id', [i, 'code'], { id: u.code, first: `units[${first}]` }));
    else byCode.set(u.code, i);
  });
  const roots = units.filter((u) => u.parent === undefined);
  if (roots.length !== 1)
    out.push(finding('definition.unit_root', roots.length ? [units.indexOf(roots[1] ?? roots[0]), 'parent'] : [], { count: roots.length, roots: roots.map((u) => u.code).join(', ') || '—' }));
  else if (roots[0].kind !== 'hq') out.push(finding('definition.unit_root_kind', [units.indexOf(roots[0]), 'kind'], { code: roots[0].code, kind: roots[0].kind }));
  units.forEach((u, i) => {
    if (u.parent === undefined) return;
    if (!byCode.has(u.parent)) return void out.push(finding('definition.unit_unknown_parent', [i, 'parent'], { code: u.code, parent: u.parent }));
    const seen = new Set([u.code]);
    let p: OrgUnit | undefined = units[byCode.get(u.parent)!];
    while (p) {
      if (seen.has(p.code)) return void out.push(finding('definition.unit_cycle', [i, 'parent'], { code: u.code }));
      seen.add(p.code);
      p = p.parent === undefined ? undefined : units[byCode.get(p.parent) ?? -1];
    }
  });
  const names = new Map<string, string>();
  const prefixes = new Map<string, string>();
  units.forEach((u, i) => {
    [u.name_th, u.name_en, ...(u.aliases ?? [])].forEach((text, k) => {
      const key = unitNameKey(text);
      const other = names.get(key);
      const at = k === 0 ? [i, 'name_th'] : k === 1 ? [i, 'name_en'] : [i, 'aliases', k - 2];
      if (key && other !== undefined && other !== u.code) out.push(finding('definition.unit_name_clash', at, { text, code: u.code, other }));
      else if (key) names.set(key, u.code);
    });
    if (u.agencyPrefix !== undefined) {
      const other = prefixes.get(u.agencyPrefix);
      if (other !== undefined) out.push(finding('definition.unit_prefix_clash', [i, 'agencyPrefix'], { prefix: u.agencyPrefix, code: u.code, other }));
      else prefixes.set(u.agencyPrefix, u.code);
    }
  });
  return out;
}
