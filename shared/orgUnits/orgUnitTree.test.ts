import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '../definitions/versionsByYear';

/** The built-in definitions (`forms/*.json`). */
const BUILT_IN = new VersionedDefinitions(builtInDocuments(), []).forYear(null);
const UNITS = BUILT_IN.units;
const ORG_UNITS = UNITS.all;
const orgUnitsOfKind = (k: Parameters<typeof UNITS.ofKind>[0]) => UNITS.ofKind(k);
const ancestorOfKind = (c: string, k: Parameters<typeof UNITS.ofKind>[0]) => UNITS.ancestorOfKind(c, k);
const resolveOrgUnit = (s: unknown, kinds?: Parameters<typeof UNITS.resolve>[1]) => UNITS.resolve(s, kinds);

const code = (s: unknown, kinds?: Parameters<typeof resolveOrgUnit>[1]) => {
  const r = resolveOrgUnit(s, kinds);
  return r.ok ? r.unit.code : null;
};

describe('org units', () => {
  test('50 Bangkok districts with codes 1001–1050 and 5 CODI regions', () => {
    const districts = orgUnitsOfKind('district');
    expect(districts.map((d) => d.code)).toEqual(Array.from({ length: 50 }, (_, i) => String(1001 + i)));
    expect(
      orgUnitsOfKind('region')
        .map((r) => r.code)
        .sort(),
    ).toEqual(['BE', 'CW', 'N', 'NE', 'S']);
    expect(new Set(ORG_UNITS.map((u) => u.code)).size).toBe(ORG_UNITS.length);
    for (const d of districts) expect(ancestorOfKind(d.code, 'zone')).toBeDefined();
  });

  test.each([
    ['1045', '1045'],
    [1047, '1047'],
    ['๑๐๔๕', '1045'],
    ['50450000', '1045'],
    ['50241000', '1024'],
    ['50450000-3247', '1045'],
    ['21000000', '21000000'],
    ['วังทองหลาง', '1045'],
    ['เขตวังทองหลาง', '1045'],
    ['สำนักงานเขตวังทองหลาง', '1045'],
    ['สำนักงานเขต วังทองหลาง', '1045'],
    ['Wang Thonglang', '1045'],
    ['wang thonglang district office', '1045'],
    ['Chatuchak', '1030'],
    ['เหนือ', 'N'],
    ['อีสาน', 'NE'],
    ['ใต้', 'S'],
    ['กลาง/ตะวันตก', 'CW'],
    ['กทม./ตะวันออก', 'BE'],
    ['สำนักงานภาคเหนือ', 'N'],
    ['ภาคตะวันออกเฉียงเหนือ', 'NE'],
    ['สำนักงานภาคกลางและตะวันตก', 'CW'],
    ['สำนักงานภาคกรุงเทพฯ ปริมณฑลและตะวันออก', 'BE'],
    ['ne', 'NE'],
    ['CW', 'CW'],
    ['Z-C', 'Z-C'],
    ['BMA', 'BMA'],
    ['กลุ่มเขตกรุงเทพกลาง', 'Z-C'],
  ])('%p → %p', (input, expected) => expect(code(input)).toBe(expected));

  test('an unknown unit suggests the closest names', () => {
    const r = resolveOrgUnit('สำนักงานเขตปทุมธานี', ['district']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.suggestions.map((s) => s.code)).toContain('1007');
  });

  test('a unit of the wrong kind is refused', () => {
    const r = resolveOrgUnit('เหนือ', ['district']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.wrongKind?.code).toBe('N');
  });
});
