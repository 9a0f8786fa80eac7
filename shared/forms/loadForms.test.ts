import { FormDefinitionError, loadForm, loadForms } from './loadForms';
import type { FormDef } from './formDef';
import { pathText } from '../definitions/definitionMessages';
import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '../definitions/versionsByYear';

/** The built-in definitions (`forms/*.json`). */
const BUILT_IN = new VersionedDefinitions(builtInDocuments(), []).forYear(null);
const UNITS = BUILT_IN.units;
const builtIn = (id: string) => BUILT_IN.formById(id)!;
const bmaProjectProgress = builtIn('bma-project-progress');
const bmaCommunityPlanReturn = builtIn('bma-community-plan-return');
const codiQuarterlyKpi = builtIn('codi-quarterly-kpi');
const welfareFundTally = builtIn('welfare-fund-tally');

/** A copy of a real definition, changed by `edit`: what loading it finds (`path code`, one a line, then the English), or null. */
function problemsOf(base: FormDef, edit: (f: FormDef) => void): string | null {
  const def = structuredClone(base);
  edit(def);
  try {
    loadForm(def, UNITS);
    return null;
  } catch (e) {
    if (!(e instanceof FormDefinitionError)) throw e;
    return [...e.findings.map((f) => `${pathText(f.path)} ${f.code}`), e.message].join('\n');
  }
}
const project = (edit: (f: FormDef) => void) => problemsOf(bmaProjectProgress, edit);
const community = (edit: (f: FormDef) => void) => problemsOf(bmaCommunityPlanReturn, edit);
const codi = (edit: (f: FormDef) => void) => problemsOf(codiQuarterlyKpi, edit);
const welfare = (edit: (f: FormDef) => void) => problemsOf(welfareFundTally, edit);

describe('the real forms', () => {
  test('every built-in form loads (shape, ids, layouts) as it is', () => {
    expect(loadForms(BUILT_IN.forms, UNITS)).toEqual(BUILT_IN.forms);
    expect(BUILT_IN.forms.map((f) => f.id)).toEqual(expect.arrayContaining(['bma-project-progress', 'bma-community-plan-return', 'codi-quarterly-kpi', 'welfare-fund-tally']));
  });

  test('an unchanged copy loads (the helper reports nothing when nothing is wrong)', () => {
    expect(project(() => {})).toBeNull();
  });
});

describe('a rule naming an id the form does not have', () => {
  test('a misspelt field id fails naming the form, the id and where it stands', () => {
    const msg = community((f) => {
      const rule = f.rules[1];
      if (rule.kind === 'sumAtMost') rule.parts[0] = 'budget_dibursed';
    });
    expect(msg).toContain('rules[1].parts[0] definition.unknown_field');
    expect(msg).toContain('Form "bma-community-plan-return": rules[1].parts[0]: The form has no field "budget_dibursed"');
  });

  test('a misspelt column id', () => {
    expect(project((f) => f.rules.push({ kind: 'unique', column: 'report_nr', severity: 'error' }))).toContain('rules[9].column definition.unknown_column');
  });

  test('a record field where a column is meant', () => {
    expect(project((f) => f.rules.push({ kind: 'rowRequired', column: 'budget_spent', severity: 'warning' }))).toContain('rules[9].column definition.unknown_column');
  });

  test('a column where a record field is meant', () => {
    expect(project((f) => f.rules.push({ kind: 'columnSumEquals', column: 'disbursed', field: 'progress', severity: 'warning' }))).toContain('rules[9].field definition.unknown_field');
  });

  test('a column rule in a form whose table rows are returns', () => {
    expect(community((f) => f.rules.push({ kind: 'unique', column: 'district', severity: 'error' }))).toContain('rules[4].column definition.no_item_table');
  });

  test('optional ids are checked when given', () => {
    expect(project((f) => f.rules.push({ kind: 'dateInPeriod', column: 'date', end: 'end_dat', severity: 'warning' }))).toContain('rules[9].end definition.unknown_field');
  });

  test('every id of a list is checked', () => {
    expect(project((f) => f.rules.push({ kind: 'nonDecreasing', column: 'progress', orderBy: ['date', 'report'], severity: 'warning' }))).toContain('rules[9].orderBy[1] definition.unknown_column');
  });

  test('rules that read the table or the catalog need them', () => {
    expect(welfare((f) => f.rules.push({ kind: 'knownItem', severity: 'warning' }))).toContain('rules[1].kind definition.needs_catalog');
    expect(community((f) => f.rules.push({ kind: 'emptyRow', severity: 'warning' }))).toContain('rules[4].kind definition.needs_item_table');
  });
});

describe('other ids the definition names', () => {
  test('table.required, table.key and table.labelColumn', () => {
    expect(codi((f) => f.table!.required.push('anual_target'))).toContain('table.required[3] definition.unknown_column');
    expect(codi((f) => (f.table!.key = 'kode'))).toContain('table.key definition.unknown_column');
    expect(codi((f) => (f.table!.labelColumn = 'nam'))).toContain('table.labelColumn definition.unknown_column');
  });

  test('the table key must be among the required columns', () => {
    expect(codi((f) => (f.table!.key = 'name'))).toContain('table.key definition.key_not_required');
  });

  test('orgUnit.fields, period.fiscalYearField, subjectFields', () => {
    expect(project((f) => f.orgUnit.fields.push('agency_cod'))).toContain('orgUnit.fields[3] definition.unknown_field');
    expect(welfare((f) => (f.period.fiscalYearField = 'fiscalyear'))).toContain('period.fiscalYearField definition.unknown_field');
    expect(project((f) => (f.subjectFields = ['project_code', 'project']))).toContain('subjectFields[1] definition.unknown_field');
  });

  test('record fields named by orgUnit are record fields, not item columns', () => {
    expect(project((f) => (f.orgUnit.fields = ['report_no']))).toContain('orgUnit.fields[0] definition.unknown_field');
  });

  test('consolidation: indicators', () => {
    const sum = (f: FormDef) => (f.consolidation.kind === 'indicators' ? f.consolidation.indicators : []);
    expect(community((f) => sum(f).push({ id: 'x', kind: 'sum', field: 'budget_recieved', label_th: 'x', label_en: 'x' }))).toContain('consolidation.indicators[15].field definition.unknown_field');
    // A sum over a text field.
    expect(community((f) => sum(f).push({ id: 'x', kind: 'sum', field: 'reporter', label_th: 'x', label_en: 'x' }))).toContain('consolidation.indicators[15].field definition.not_numeric');
    expect(community((f) => sum(f).push({ id: 'x', kind: 'countUnits', fields: ['meeting_held', 'meeting'], when: 'yes', label_th: 'x', label_en: 'x' }))).toContain(
      'consolidation.indicators[15].fields[1] definition.unknown_field',
    );
    expect(community((f) => sum(f).push({ id: 'x', kind: 'sum', field: 'budget_received', pctOf: { indicator: 'budget' }, label_th: 'x', label_en: 'x' }))).toContain(
      'consolidation.indicators[15].pctOf definition.unknown_indicator',
    );
    expect(community((f) => sum(f).push({ id: 'districts', kind: 'returns', label_th: 'x', label_en: 'x' }))).toContain('consolidation.indicators[15].id definition.duplicate_id');
  });

  test('consolidation: KPI catalog columns, and a catalog to read', () => {
    expect(codi((f) => f.consolidation.kind === 'kpiCatalog' && (f.consolidation.columns.quarterTargets[2] = 'target_3'))).toContain(
      'consolidation.columns.quarterTargets[2] definition.unknown_column',
    );
    expect(codi((f) => delete f.catalog)).toContain('consolidation.kind definition.needs_catalog');
  });

  test('consolidation: projects fields and columns', () => {
    expect(project((f) => f.consolidation.kind === 'projects' && (f.consolidation.fields.budget = 'budget'))).toContain('consolidation.fields.budget definition.unknown_field');
    expect(project((f) => f.consolidation.kind === 'projects' && (f.consolidation.columns.onTarget = 'ontarget'))).toContain('consolidation.columns.onTarget definition.unknown_column');
  });

  test('consolidation: item totals key and columns', () => {
    expect(welfare((f) => f.consolidation.kind === 'itemTotals' && (f.consolidation.key = 'type'))).toContain('consolidation.key definition.unknown_column');
    expect(welfare((f) => f.consolidation.kind === 'itemTotals' && f.consolidation.columns.push('amout'))).toContain('consolidation.columns[2] definition.unknown_column');
    // Totals of a text column.
    expect(welfare((f) => f.consolidation.kind === 'itemTotals' && f.consolidation.columns.push('welfare_type'))).toContain('consolidation.columns[2] definition.not_numeric');
  });
});

describe('catalog', () => {
  test('codes are unique', () => {
    expect(codi((f) => f.catalog!.push({ ...f.catalog![0] }))).toContain('catalog[8].code definition.duplicate_id');
  });

  test('ratioOf points at a catalog item of kind count', () => {
    expect(codi((f) => (f.catalog![6].ratioOf = '8.6'))).toContain('catalog[6].ratioOf definition.ratio_unknown');
    expect(codi((f) => (f.catalog![6].ratioOf = '8.5-D'))).toContain('catalog[6].ratioOf definition.ratio_nested');
  });

  test('numerator and denominator rows come in pairs, with ratioOf; count rows have none', () => {
    expect(codi((f) => delete f.catalog![7].ratioOf)).toContain('catalog[7].ratioOf definition.ratio_without');
    expect(codi((f) => f.catalog!.splice(7, 1))).toContain('catalog[5].code definition.ratio_rows');
    expect(codi((f) => (f.catalog![0].ratioOf = '8.5'))).toContain('catalog[0].ratioOf definition.ratio_only');
  });
});

describe('fields', () => {
  test('ids are unique among the record fields', () => {
    expect(welfare((f) => f.fields.push({ id: 'fund', type: 'text', label_th: 'ชื่อกองทุนอื่น', label_en: 'Other fund' }))).toContain('fields[3].id definition.duplicate_id');
  });

  test('ids are unique across record fields and the columns of a table of items', () => {
    expect(welfare((f) => f.table!.columns.push({ id: 'district', type: 'text', label_th: 'แขวง', label_en: 'Subdistrict' }))).toContain('table.columns[4].id definition.duplicate_id');
  });

  test('a table of returns may repeat the record fields', () => {
    expect(community((f) => (f.table!.columns = structuredClone(f.fields)))).toBeNull();
  });

  test('labels of different fields must not read the same after normalisation', () => {
    // "งบประมาณ ที่ส่งคืน (บาท)" normalises like "งบประมาณที่ส่งคืน", the label of budget_returned.
    expect(community((f) => f.fields[8].aliases!.push('งบประมาณ ที่ส่งคืน (บาท)'))).toContain(
      'Form "bma-community-plan-return": fields[9].label_th: The label "งบประมาณที่ส่งคืน" of field "budget_returned" reads the same as "งบประมาณ ที่ส่งคืน (บาท)" of field "budget_disbursed"',
    );
    // A column and a record field of one form.
    expect(project((f) => (f.table!.columns[1].aliases = ['project START']))).toContain('table.columns[1].aliases[0] definition.label_clash');
    // Labels of one field may repeat each other.
    expect(project((f) => (f.table!.columns[1].aliases = ['report date']))).toBeNull();
  });

  test('a label must keep something to match after normalisation', () => {
    expect(welfare((f) => (f.fields[0].aliases = ['...']))).toContain('fields[0].aliases[0] definition.label_empty');
  });

  test('pattern is a regular expression; min is not above max', () => {
    expect(project((f) => (f.fields[1].pattern = '^(\\d{8}'))).toContain('fields[1].pattern definition.bad_pattern');
    expect(project((f) => (f.table!.columns[3].min = 101))).toContain('table.columns[3].min definition.min_above_max');
  });
});

describe('shape', () => {
  test('an unknown rule kind, a property the kind does not have, a wrong severity', () => {
    const msg = community((f) => {
      f.rules.push(JSON.parse('{"kind":"sumAtLeast","parts":["a"],"limit":"b","severity":"error"}'));
      f.rules.push(JSON.parse('{"kind":"sumAtMost","parts":["budget_disbursed"],"limit":"budget_received","at":"budget_returned","severity":"error"}'));
      f.rules.push(JSON.parse('{"kind":"dateOrder","from":"report_date","to":"meeting_date","severity":"fatal"}'));
    });
    expect(msg).toContain('rules[4].kind definition.unknown_value');
    expect(msg).toContain('Form "bma-community-plan-return": rules[4].kind: kind "sumAtLeast" is unknown; the kind values are sumEquals, sumAtMost');
    expect(msg).toContain('rules[5].at definition.not_allowed');
    expect(msg).toContain('rules[6].severity definition.unknown_value');
  });

  test('a field id the API would refuse', () => {
    expect(welfare((f) => (f.fields[0].id = 'Fund Name'))).toContain('fields[0].id: id "Fund Name" is not in the required form: a field id is 1–64 of a–z, 0–9 and _');
  });

  test('not an object at all', () => {
    expect(() => loadForm(null, UNITS)).toThrow('Form "(no id)": (definition): definition must be a set of properties');
  });

  test('every problem is listed in the one error', () => {
    const msg = welfare((f) => {
      f.orgUnit.fields = ['distric'];
      f.rules.push({ kind: 'unique', column: 'welfare', severity: 'error' });
    })!;
    expect(msg.split('\n').slice(2)).toEqual([
      'Form "welfare-fund-tally": orgUnit.fields[0]: The form has no field "distric"',
      'Form "welfare-fund-tally": rules[1].column: The form\'s table has no column "welfare"',
    ]);
  });
});

test('form ids are unique across forms', () => {
  expect(() => loadForms([welfareFundTally, welfareFundTally], UNITS)).toThrow('Form "welfare-fund-tally": id: The id "welfare-fund-tally" repeats another form');
});
