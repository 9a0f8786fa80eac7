import { FORMS } from '.';
import { blankFormLayout } from './blankFormLayout';
import { gridFromValues } from '../sheet/grid';
import { locateSheet } from '../read/locateSheet';

describe('blank forms', () => {
  test.each(FORMS.map((f) => [f.id, f]))('%s: the empty sheet reads back as the same form', (_id, form) => {
    const { rows, dropdowns } = blankFormLayout(form);
    const reading = locateSheet(gridFromValues('blank', rows));
    expect(reading.form?.id).toBe(form.id);
    for (const d of dropdowns) expect(['orgUnit', 'yesno']).toContain(d.field.type);
  });

  test('org-unit and yes/no fields get dropdowns', () => {
    const { dropdowns } = blankFormLayout(FORMS.find((f) => f.id === 'bma-community-plan-return')!);
    expect(dropdowns.map((d) => [d.field.id, d.kind])).toEqual([
      ['district', 'orgUnit'],
      ['meeting_held', 'yesno'],
    ]);
  });
});
