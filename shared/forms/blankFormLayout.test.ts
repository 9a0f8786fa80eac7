import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '../definitions/versionsByYear';
import { blankFormLayout } from './blankFormLayout';
import { gridFromValues } from '../sheet/grid';
import { locateSheet } from '../read/locateSheet';

/** The built-in definitions (`forms/*.json`). */
const BUILT_IN = new VersionedDefinitions(builtInDocuments(), []).forYear(null);
const FORMS = BUILT_IN.forms;

describe('blank forms', () => {
  test.each(FORMS.map((f) => [f.id, f]))('%s: the empty sheet reads back as the same form', (_id, form) => {
    const { rows, dropdowns } = blankFormLayout(form);
    const reading = locateSheet(gridFromValues('blank', rows), FORMS);
    expect(reading.form?.id).toBe(form.id);
    for (const d of dropdowns) expect(['orgUnit', 'yesno']).toContain(d.field.type);
    // Thai throughout: no English row under the Thai title.
    expect(rows.flat().filter((t) => /[A-Za-z]{3}/.test(t))).toEqual([]);
  });

  test('org-unit and yes/no fields get dropdowns', () => {
    const { dropdowns } = blankFormLayout(FORMS.find((f) => f.id === 'bma-community-plan-return')!);
    expect(dropdowns.map((d) => [d.field.id, d.kind])).toEqual([
      ['district', 'orgUnit'],
      ['meeting_held', 'yesno'],
    ]);
  });

  test('each record field has its value cell right of its label; a table names its header row and columns', () => {
    const welfare = FORMS.find((f) => f.id === 'welfare-fund-tally')!;
    const { rows, valueCells, table } = blankFormLayout(welfare);
    for (const f of welfare.fields) expect([rows[valueCells[f.id].row][valueCells[f.id].col - 1], valueCells[f.id].col]).toEqual([f.label_th, 1]);
    expect(rows[table!.headerRow]).toEqual(welfare.table!.columns.map((c) => c.label_th));
    expect(table!.columns).toEqual(welfare.table!.columns.map((c) => c.id));
    // A table of returns (one row per unit) has no record fields above it.
    expect(blankFormLayout(FORMS.find((f) => f.id === 'bma-community-plan-return')!).valueCells).toEqual({});
  });
});
