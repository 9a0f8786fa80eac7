import { readFileSync } from 'node:fs';
import { FORMS_CHECK, FORMS_CONVERT, FORMS_EXPORT, FORMS_LIST, FORMS_PUBLISH } from '@returns-hub/cli/commandSpecs';
import { BEGIN, END, README, definitionSheetsMarkdown, withReference } from '../../scripts/definitionsDoc';

/** The README's reference of the definition workbooks against the tables the reader and writer follow. */
const readme = readFileSync(README, 'utf8');

describe("the README's definition workbooks", () => {
  test('every sheet, column, field type, rule kind, consolidation kind and unit kind is documented as the code has it (`npm run docs:definitions`)', () => {
    const made = withReference(readme, definitionSheetsMarkdown());
    if (made !== readme) expect(readme.slice(readme.indexOf(BEGIN), readme.indexOf(END))).toBe(made.slice(made.indexOf(BEGIN), made.indexOf(END)));
    for (const sheet of ['form', 'fields', 'choices', 'rules', 'consolidation', 'indicators', 'counts', 'catalog', 'targets', 'reports', 'report_columns', 'units'])
      expect(readme).toContain(`**\`${sheet}\`** · `);
  });

  test('the check can fail: a column left out of the README is seen', () => {
    const missing = readme.replace(/^\| `orgUnitKinds` \|.*\n/m, '');
    expect(missing).not.toBe(readme);
    expect(withReference(missing, definitionSheetsMarkdown())).not.toBe(missing);
  });

  test('the commands the README shows for headquarters are the CLI’s, with options each takes', () => {
    const specs = [FORMS_CHECK, FORMS_CONVERT, FORMS_PUBLISH, FORMS_EXPORT, FORMS_LIST];
    const section = readme.slice(readme.indexOf('### How headquarters changes a form'), readme.indexOf(BEGIN));
    const lines = [...section.matchAll(/^npx returns (forms \w+)(.*)$/gm)];
    expect(new Set(lines.map((m) => m[1]))).toEqual(new Set(specs.map((c) => c.name)));
    for (const [, name, rest] of lines) {
      const spec = specs.find((c) => c.name === name)!;
      const options = [...rest.replace(/#.*$/, '').matchAll(/--(\w[\w-]*)/g)].map((m) => m[1]);
      for (const o of options) expect([name, o, o in spec.options || (spec.connects && ['api', 'key'].includes(o))]).toEqual([name, o, true]);
    }
  });
});
