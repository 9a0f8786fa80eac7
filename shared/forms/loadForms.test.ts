import { FormDefinitionError, loadForm, loadForms } from './loadForms';
import { FORMS } from './index';
import type { FormDef } from './formDef';
import { bmaProjectProgress } from './bmaProjectProgress';
import { bmaCommunityPlanReturn } from './bmaCommunityPlanReturn';
import { codiQuarterlyKpi } from './codiQuarterlyKpi';
import { welfareFundTally } from './welfareFundTally';

/** A copy of a real definition, changed by `edit`: what loading it throws (its message), or null. */
function problemsOf(base: FormDef, edit: (f: FormDef) => void): string | null {
  const def = structuredClone(base);
  edit(def);
  try {
    loadForm(def);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(FormDefinitionError);
    return (e as Error).message;
  }
}
const project = (edit: (f: FormDef) => void) => problemsOf(bmaProjectProgress, edit);
const community = (edit: (f: FormDef) => void) => problemsOf(bmaCommunityPlanReturn, edit);
const codi = (edit: (f: FormDef) => void) => problemsOf(codiQuarterlyKpi, edit);
const welfare = (edit: (f: FormDef) => void) => problemsOf(welfareFundTally, edit);

describe('the real forms', () => {
  test('all four load, and FORMS holds the loaded forms', () => {
    expect(loadForms([bmaProjectProgress, bmaCommunityPlanReturn, codiQuarterlyKpi, welfareFundTally]).map((f) => f.id)).toEqual(FORMS.map((f) => f.id));
    expect(FORMS.map((f) => f.id)).toEqual(['bma-project-progress', 'bma-community-plan-return', 'codi-quarterly-kpi', 'welfare-fund-tally']);
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
    expect(msg).toBe('Form "bma-community-plan-return": rules[1].parts[0] (sumAtMost) names field "budget_dibursed", which the form does not have');
  });

  test('a misspelt column id', () => {
    expect(project((f) => f.rules.push({ kind: 'unique', column: 'report_nr', severity: 'error' }))).toContain(
      'rules[9].column (unique) names column "report_nr", which the form\'s table does not have',
    );
  });

  test('a record field where a column is meant', () => {
    expect(project((f) => f.rules.push({ kind: 'rowRequired', column: 'budget_spent', severity: 'warning' }))).toContain('names column "budget_spent"');
  });

  test('a column where a record field is meant', () => {
    expect(project((f) => f.rules.push({ kind: 'columnSumEquals', column: 'disbursed', field: 'progress', severity: 'warning' }))).toContain(
      'rules[9].field (columnSumEquals) names field "progress", which the form does not have',
    );
  });

  test('a column rule in a form whose table rows are returns', () => {
    expect(community((f) => f.rules.push({ kind: 'unique', column: 'district', severity: 'error' }))).toContain('rules[4].column (unique) names column "district", but the form has no table of items');
  });

  test('optional ids are checked when given', () => {
    expect(project((f) => f.rules.push({ kind: 'dateInPeriod', column: 'date', end: 'end_dat', severity: 'warning' }))).toContain('rules[9].end (dateInPeriod) names field "end_dat"');
  });

  test('every id of a list is checked', () => {
    expect(project((f) => f.rules.push({ kind: 'nonDecreasing', column: 'progress', orderBy: ['date', 'report'], severity: 'warning' }))).toContain(
      'rules[9].orderBy[1] (nonDecreasing) names column "report"',
    );
  });

  test('rules that read the table or the catalog need them', () => {
    expect(welfare((f) => f.rules.push({ kind: 'knownItem', severity: 'warning' }))).toContain('rules[1] (knownItem) reads the catalog, but the form has none');
    expect(community((f) => f.rules.push({ kind: 'emptyRow', severity: 'warning' }))).toContain('rules[4] (emptyRow) reads table rows, but the form has no table of items');
  });
});

describe('other ids the definition names', () => {
  test('table.required, table.key and table.labelColumn', () => {
    expect(codi((f) => f.table!.required.push('anual_target'))).toContain('table.required[3] names column "anual_target", which the table does not have');
    expect(codi((f) => (f.table!.key = 'kode'))).toContain('table.key names column "kode"');
    expect(codi((f) => (f.table!.labelColumn = 'nam'))).toContain('table.labelColumn names column "nam"');
  });

  test('the table key must be among the required columns', () => {
    expect(codi((f) => (f.table!.key = 'name'))).toContain('table.key "name" is not among table.required');
  });

  test('orgUnit.fields, period.fiscalYearField, subjectFields', () => {
    expect(project((f) => f.orgUnit.fields.push('agency_cod'))).toContain('orgUnit.fields[3] names field "agency_cod"');
    expect(welfare((f) => (f.period.fiscalYearField = 'fiscalyear'))).toContain('period.fiscalYearField names field "fiscalyear"');
    expect(project((f) => (f.subjectFields = ['project_code', 'project']))).toContain('subjectFields[1] names field "project"');
  });

  test('record fields named by orgUnit are record fields, not item columns', () => {
    expect(project((f) => (f.orgUnit.fields = ['report_no']))).toContain('orgUnit.fields[0] names field "report_no", which the form does not have');
  });

  test('consolidation: indicators', () => {
    const sum = (f: FormDef) => (f.consolidation.kind === 'indicators' ? f.consolidation.indicators : []);
    expect(community((f) => sum(f).push({ id: 'x', kind: 'sum', field: 'budget_recieved', label_th: 'x', label_en: 'x' }))).toContain(
      'consolidation.indicators[15].field names field "budget_recieved"',
    );
    expect(community((f) => sum(f).push({ id: 'x', kind: 'countUnits', fields: ['meeting_held', 'meeting'], when: 'yes', label_th: 'x', label_en: 'x' }))).toContain(
      'consolidation.indicators[15].fields[1] names field "meeting"',
    );
    expect(community((f) => sum(f).push({ id: 'x', kind: 'sum', field: 'budget_received', pctOf: { indicator: 'budget' }, label_th: 'x', label_en: 'x' }))).toContain(
      'consolidation.indicators[15].pctOf names indicator "budget"',
    );
    expect(community((f) => sum(f).push({ id: 'districts', kind: 'returns', label_th: 'x', label_en: 'x' }))).toContain('consolidation.indicators[15] repeats indicator id "districts"');
  });

  test('consolidation: KPI catalog columns, and a catalog to read', () => {
    expect(codi((f) => f.consolidation.kind === 'kpiCatalog' && (f.consolidation.columns.quarterTargets[2] = 'target_3'))).toContain('consolidation.columns.quarterTargets[2] names column "target_3"');
    expect(codi((f) => delete f.catalog)).toContain('consolidation (kpiCatalog) reads the catalog, but the form has none');
  });

  test('consolidation: projects fields and columns', () => {
    expect(project((f) => f.consolidation.kind === 'projects' && (f.consolidation.fields.budget = 'budget'))).toContain('consolidation.fields.budget names field "budget"');
    expect(project((f) => f.consolidation.kind === 'projects' && (f.consolidation.columns.onTarget = 'ontarget'))).toContain('consolidation.columns.onTarget names column "ontarget"');
  });

  test('consolidation: item totals key and columns', () => {
    expect(welfare((f) => f.consolidation.kind === 'itemTotals' && (f.consolidation.key = 'type'))).toContain('consolidation.key names column "type"');
    expect(welfare((f) => f.consolidation.kind === 'itemTotals' && f.consolidation.columns.push('amout'))).toContain('consolidation.columns[2] names column "amout"');
  });
});

describe('catalog', () => {
  test('codes are unique', () => {
    expect(codi((f) => f.catalog!.push({ ...f.catalog![0] }))).toContain('catalog[8] repeats code "2" of catalog[0]');
  });

  test('ratioOf points at a catalog item of kind count', () => {
    expect(codi((f) => (f.catalog![6].ratioOf = '8.6'))).toContain('catalog[6] ("8.5-N").ratioOf names code "8.6", which the catalog does not have');
    expect(codi((f) => (f.catalog![6].ratioOf = '8.5-D'))).toContain('catalog[6] ("8.5-N").ratioOf names "8.5-D", which is itself a denominator row');
  });

  test('numerator and denominator rows come in pairs, with ratioOf; count rows have none', () => {
    expect(codi((f) => delete f.catalog![7].ratioOf)).toContain('catalog[7] ("8.5-D") is a denominator row without ratioOf');
    expect(codi((f) => f.catalog!.splice(7, 1))).toContain('catalog: ratio "8.5" has 0 denominator rows, not 1');
    expect(codi((f) => (f.catalog![0].ratioOf = '8.5'))).toContain('catalog[0] ("2").ratioOf is for numerator and denominator rows only');
  });
});

describe('fields', () => {
  test('ids are unique among the record fields', () => {
    expect(welfare((f) => f.fields.push({ id: 'fund', type: 'text', label_th: 'ชื่อกองทุนอื่น', label_en: 'Other fund' }))).toContain('fields[3] repeats field id "fund" of fields[0]');
  });

  test('ids are unique across record fields and the columns of a table of items', () => {
    expect(welfare((f) => f.table!.columns.push({ id: 'district', type: 'text', label_th: 'แขวง', label_en: 'Subdistrict' }))).toContain('table.columns[4] repeats field id "district" of fields[1]');
  });

  test('a table of returns may repeat the record fields', () => {
    expect(community((f) => (f.table!.columns = structuredClone(f.fields)))).toBeNull();
  });

  test('labels of different fields must not read the same after normalisation', () => {
    // "งบประมาณ ที่ส่งคืน (บาท)" normalises like "งบประมาณที่ส่งคืน", the label of budget_returned.
    expect(community((f) => f.fields[8].aliases!.push('งบประมาณ ที่ส่งคืน (บาท)'))).toBe(
      'Form "bma-community-plan-return": fields[9].label_th "งบประมาณที่ส่งคืน" of field "budget_returned" reads the same as fields[8].aliases[1] "งบประมาณ ที่ส่งคืน (บาท)" of field "budget_disbursed"',
    );
    // A column and a record field of one form.
    expect(project((f) => (f.table!.columns[1].aliases = ['project START']))).toContain(
      'table.columns[1].aliases[0] "project START" of field "date" reads the same as fields[4].label_en "Project start" of field "start_date"',
    );
    // Labels of one field may repeat each other.
    expect(project((f) => (f.table!.columns[1].aliases = ['report date']))).toBeNull();
  });

  test('a label must keep something to match after normalisation', () => {
    expect(welfare((f) => (f.fields[0].aliases = ['...']))).toContain('fields[0].aliases[0] "..." of field "fund" has no letters or digits');
  });

  test('pattern is a regular expression; min is not above max', () => {
    expect(project((f) => (f.fields[1].pattern = '^(\\d{8}'))).toContain('fields[1].pattern ("project_code") is not a regular expression');
    expect(project((f) => (f.table!.columns[3].min = 101))).toContain('table.columns[3] ("progress") has min 101 above max 100');
  });
});

describe('shape', () => {
  test('an unknown rule kind, a property the kind does not have, a wrong severity', () => {
    const msg = community((f) => {
      f.rules.push(JSON.parse('{"kind":"sumAtLeast","parts":["a"],"limit":"b","severity":"error"}'));
      f.rules.push(JSON.parse('{"kind":"sumAtMost","parts":["budget_disbursed"],"limit":"budget_received","at":"budget_returned","severity":"error"}'));
      f.rules.push(JSON.parse('{"kind":"dateOrder","from":"report_date","to":"meeting_date","severity":"fatal"}'));
    });
    expect(msg).toContain('Form "bma-community-plan-return": rules[4].kind: Invalid discriminator value');
    expect(msg).toContain('Form "bma-community-plan-return": rules[5]: Unrecognized key: "at"');
    expect(msg).toContain('Form "bma-community-plan-return": rules[6].severity: Invalid option');
  });

  test('a field id the API would refuse', () => {
    expect(welfare((f) => (f.fields[0].id = 'Fund Name'))).toContain('fields[0].id: a field id is 1–64 of a–z, 0–9 and _');
  });

  test('not an object at all', () => {
    expect(() => loadForm(null)).toThrow('Form "(no id)": (definition): Invalid input');
  });

  test('every problem is listed in the one error', () => {
    const msg = welfare((f) => {
      f.orgUnit.fields = ['distric'];
      f.rules.push({ kind: 'unique', column: 'welfare', severity: 'error' });
    })!;
    expect(msg.split('\n')).toEqual([
      'Form "welfare-fund-tally": orgUnit.fields[0] names field "distric", which the form does not have',
      'Form "welfare-fund-tally": rules[1].column (unique) names column "welfare", which the form\'s table does not have',
    ]);
  });
});

test('form ids are unique across forms', () => {
  expect(() => loadForms([welfareFundTally, welfareFundTally])).toThrow('Form "welfare-fund-tally": the id is used by another form');
});
