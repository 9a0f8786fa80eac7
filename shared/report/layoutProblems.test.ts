import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '../definitions/versionsByYear';
import { loadForm } from '../forms/loadForms';
import type { FormDef } from '../forms/formDef';
import type { ReportLayout } from './reportLayout';
import { layoutProblems as plainProblems } from './layoutProblems';
import { layoutTallyProblems } from './layoutTallyProblems';
import { findingText } from '../definitions/definitionMessages';

/** The built-in definitions (`forms/*.json`). */
const BUILT_IN = new VersionedDefinitions(builtInDocuments(), []).forYear(null);
const BUILT_IN_UNITS = BUILT_IN.units;
const formById = (id: string) => BUILT_IN.formById(id);

/** Both checks, as loadForms runs them: what plain code tells, then what the tally tells; each as `path: English`. */
const layoutProblems = (f: FormDef) => [...plainProblems(f, BUILT_IN_UNITS), ...layoutTallyProblems(f, BUILT_IN_UNITS)].map(findingText);

const codi = formById('codi-quarterly-kpi')!;
const form2 = formById('bma-community-plan-return')!;
const welfare = formById('welfare-fund-tally')!;
const withReports = (f: FormDef, reports: ReportLayout[]): FormDef => ({ ...f, reports });

describe('layout problems', () => {
  test('the built-in layouts have none', () => {
    for (const f of [codi, form2, welfare, formById('bma-project-progress')!]) expect(layoutProblems(f)).toEqual([]);
  });

  test('a measure the tally has not, a grouping the form has not, a name used twice', () => {
    const kpi = codi.reports![0];
    if (kpi.shape !== 'measureRows') throw new Error('shape');
    const problems = layoutProblems(withReports(codi, [kpi, { ...kpi, by: 'district', measures: { include: ['9.9'] } }]));
    expect(problems).toEqual([
      'reports[1].name: The layout name "kpi-table" is used by another layout',
      'reports[1].by: district is not a grouping of this form (region, hq)',
      'reports[1].measures.include[0]: No measure "9.9" in this form\'s tally',
    ]);
  });

  test('a title for a grouping the form has not (CODI has no districts)', () => {
    const kpi = codi.reports![0];
    expect(layoutProblems(withReports(codi, [{ ...kpi, titles: { ...kpi.titles, district: { th: 'รายเขต', en: 'by district' } } }]))).toEqual([
      'reports[0].titles.district: district is not a grouping of this form (region, hq)',
    ]);
  });

  test('a single table of units whose column names no measure; quarters where there are none; an unknown row label', () => {
    const matrix = form2.reports!.find((l) => l.shape === 'groupRows')!;
    if (matrix.shape !== 'groupRows') throw new Error('shape');
    const bad: ReportLayout = {
      ...matrix,
      rowLabels: { X9: 'nowhere' },
      columns: [
        ...matrix.columns,
        { show: 'figure', field: 'value', format: 'count', heading: { th: 'ก', en: 'a' } },
        { show: 'quarters', through: 'year', format: 'count', group: { th: 'ข', en: 'b' }, measure: 'budget_received' },
      ],
    };
    expect(layoutProblems(withReports(form2, [bad]))).toEqual([
      'reports[0].rowLabels: rowLabels: no org unit "X9"',
      'reports[0].columns[1].measure: The column names no measure (only per-measure blocks and eachMeasure columns may leave it out)',
      'reports[0].shape: Quarter columns need a KPI-catalog consolidation',
    ]);
  });

  test('item rows name summed columns only (checked on first use, see formReports.ts); a layout of the wrong shape does not load', () => {
    const types = welfare.reports![0];
    if (types.shape !== 'itemRows') throw new Error('shape');
    const bad = { ...types, columns: [...types.columns, { show: 'itemFigure' as const, column: 'weight', heading: { th: 'ก', en: 'a' }, format: 'count' as const, total: true }] };
    expect(layoutProblems(withReports(welfare, [bad]))).toEqual(['reports[0].columns[4].column: "weight" is not summed (persons, amount, returns)']);
    expect(() => loadForm({ ...welfare, reports: [{ ...types, sheet: 'a/b' }] }, BUILT_IN_UNITS)).toThrow(/reports\[0\]\.sheet/);
  });
});
