import { builtInDocuments } from '@returns-hub/forms';
import { gridFromValues } from '../sheet/grid';
import { locateSheet } from '../read/locateSheet';
import { checkReturn } from '../check/checkReturn';
import { checkForm } from '../forms/checkForms';
import type { FormDef } from '../forms/formDef';
import { definitionsOf } from '../definitions/definitions';
import { VersionedDefinitions } from '../definitions/versionsByYear';
import { expectedUnits } from './groups';

const UNITS = new VersionedDefinitions(builtInDocuments(), []).forYear(null).units;

/** A form that regions and departments send: BMA has a department (สยป., 21000000) as CODI has divisions. */
const form = (under?: string): FormDef =>
  checkForm({
    id: 'test-unit-scope',
    title_th: 'แบบทดสอบขอบเขตหน่วยงาน',
    title_en: 'Test unit scope',
    fields: [{ id: 'unit', type: 'orgUnit', label_th: 'หน่วยงาน', label_en: 'Unit', orgUnitKinds: ['region', 'department'] }],
    table: {
      row: 'item',
      key: 'item',
      required: ['item', 'n'],
      columns: [
        { id: 'item', type: 'text', label_th: 'รายการทดสอบ', label_en: 'Item' },
        { id: 'n', type: 'count', label_th: 'จำนวนทดสอบ', label_en: 'Count' },
      ],
    },
    orgUnit: { fields: ['unit'], kinds: ['region', 'department'], ...(under ? { under } : {}) },
    period: { kind: 'quarter' },
    rules: [],
    consolidation: { kind: 'itemTotals', expectedKinds: ['region', 'department'], key: 'item', columns: ['n'] },
  });

describe("orgUnit.under: a form of one agency's tree", () => {
  test('the units expected are those of the kinds within the unit named, not another agency’s of the same kind', () => {
    expect(expectedUnits(form(), UNITS).map((u) => u.code)).toContain('21000000');
    const codi = expectedUnits(form('CODI'), UNITS);
    expect(codi.map((u) => u.code)).toEqual(expect.arrayContaining(['N', 'NE', 'S', 'CW', 'BE']));
    expect(codi.every((u) => UNITS.rootOf(u.code)?.code === 'CODI')).toBe(true);
  });

  test("a sheet of another agency's unit is not that form's return: refused at the unit's cell", () => {
    const scoped = form('CODI');
    const definitions = definitionsOf([scoped], UNITS);
    const read = (unit: string) => {
      const grid = gridFromValues('Q', [['แบบทดสอบขอบเขตหน่วยงาน ไตรมาส 2 ปีงบประมาณ พ.ศ. 2563'], [`หน่วยงาน : ${unit}`], [], ['รายการทดสอบ', 'จำนวนทดสอบ'], ['ก', 1]]);
      return checkReturn(locateSheet(grid, definitions.forms).returns[0], { definitions });
    };
    expect(read('ภาคเหนือ').orgUnit).toBe('N');
    const other = read('สำนักยุทธศาสตร์และประเมินผล');
    expect(other.orgUnit).toBeNull();
    expect(other.issues.filter((i) => i.severity === 'error').map((i) => [i.cell, i.code.startsWith('org_unit.')])).toEqual([['Q!A2', true]]);
  });
});
