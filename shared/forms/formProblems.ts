import { normalizeLabel } from '../text/normalizeLabel';
import { finding, type DefinitionFinding, type DefinitionPath } from '../definitions/definitionMessages';
import type { CatalogItem, FieldDef, FieldType, FormDef } from './formDef';
import type { RuleDef, RuleKind } from './ruleDef';

/** What an id in a definition names: a record field, or a column of the table of items. */
type Ref = 'field' | 'column';
/** What the named field must be: numeric (sums), yes/no (`when`), a choice (counts, ranks). */
type Want = 'numeric' | 'yesno' | 'choice';
type RefSpec = Ref | [Ref, Want];

const NUMERIC = new Set<FieldType>(['number', 'count', 'money', 'percent']);

/**
 * For each rule kind, what each of its id properties names. The type demands an entry
 * for every property of every kind, so a new kind or property cannot go unchecked.
 */
const RULE_REFS: { [K in RuleKind]: { [P in Exclude<keyof Extract<RuleDef, { kind: K }>, 'kind' | 'severity'>]-?: RefSpec } } = {
  sumEquals: { parts: ['field', 'numeric'], total: ['field', 'numeric'] },
  sumAtMost: { parts: ['field', 'numeric'], limit: ['field', 'numeric'] },
  differenceEquals: { result: ['field', 'numeric'], from: ['field', 'numeric'], minus: ['field', 'numeric'] },
  requiredWhen: { field: 'field', when: ['field', 'yesno'] },
  dateOrder: { from: 'field', to: 'field' },
  agencyMatchesOrgUnit: { field: 'field' },
  rowSumEquals: { parts: ['column', 'numeric'], total: ['column', 'numeric'] },
  unique: { column: 'column' },
  emptyRow: {},
  rowRequired: { column: 'column' },
  nonDecreasing: { column: 'column', orderBy: 'column' },
  dateInPeriod: { column: 'column', start: 'field', end: 'field' },
  columnSumAtMost: { column: ['column', 'numeric'], limit: ['field', 'numeric'] },
  columnSumEquals: { column: ['column', 'numeric'], field: ['field', 'numeric'] },
  knownItem: {},
  cumulative: { result: ['column', 'numeric'], cumulative: ['column', 'numeric'] },
  required: { field: 'field' },
  onlyWhen: { column: 'column', when: ['column', 'yesno'] },
  choiceNotAbove: { column: ['column', 'choice'], than: ['column', 'choice'] },
};

/** Kinds that read the table of items (by its key) or the catalog beyond the ids they name. */
const RULE_NEEDS: Partial<Record<RuleKind, ('items' | 'catalog')[]>> = {
  emptyRow: ['items'],
  knownItem: ['items', 'catalog'],
  cumulative: ['items', 'catalog'],
};

/** The ids a definition may name: record fields (a table of returns adds its columns) and item columns. */
class Ids {
  readonly fields: Map<string, FieldDef>;
  readonly columns: Map<string, FieldDef>;
  readonly hasItems: boolean;
  constructor(form: FormDef) {
    const returnTable = form.table?.row === 'return' ? form.table.columns : [];
    this.fields = new Map([...form.fields, ...returnTable].map((f) => [f.id, f]));
    this.hasItems = form.table?.row === 'item';
    this.columns = new Map(form.table?.row === 'item' ? form.table.columns.map((c) => [c.id, c]) : []);
  }
  /** The finding about `id` at `path`, or null when it exists and is of the kind wanted. */
  check(spec: RefSpec, id: string, path: DefinitionPath): DefinitionFinding | null {
    const [ref, want] = typeof spec === 'string' ? [spec, undefined] : spec;
    let def: FieldDef | undefined;
    if (ref === 'field') {
      def = this.fields.get(id);
      if (!def) return finding('definition.unknown_field', path, { id });
    } else {
      if (!this.hasItems) return finding('definition.no_item_table', path, { id });
      def = this.columns.get(id);
      if (!def) return finding('definition.unknown_column', path, { id });
    }
    if (want === 'numeric' && !NUMERIC.has(def.type)) return finding('definition.not_numeric', path, { id, type: def.type });
    if (want === 'yesno' && def.type !== 'yesno') return finding('definition.not_yesno_field', path, { id, type: def.type });
    if (want === 'choice' && def.type !== 'choice') return finding('definition.not_choice_field', path, { id, type: def.type });
    return null;
  }
}

function each(ids: string | readonly string[] | undefined, path: DefinitionPath): [string, DefinitionPath][] {
  if (ids === undefined) return [];
  return typeof ids === 'string' ? [[ids, path]] : ids.map((id, i) => [id, [...path, i]]);
}

function ruleProblems(form: FormDef, ids: Ids): DefinitionFinding[] {
  const out: DefinitionFinding[] = [];
  form.rules.forEach((rule, i) => {
    const refs: Record<string, RefSpec> = RULE_REFS[rule.kind];
    for (const [prop, value] of Object.entries(rule)) {
      const ref = refs[prop];
      if (!ref || !(typeof value === 'string' || Array.isArray(value))) continue;
      for (const [id, path] of each(value, ['rules', i, prop])) {
        const p = ids.check(ref, id, path);
        if (p) out.push(p);
      }
    }
    for (const need of RULE_NEEDS[rule.kind] ?? []) {
      if (need === 'items' && !ids.hasItems) out.push(finding('definition.needs_item_table', ['rules', i, 'kind'], { kind: rule.kind }));
      if (need === 'catalog' && !form.catalog?.length) out.push(finding('definition.needs_catalog', ['rules', i, 'kind'], { kind: rule.kind }));
    }
    if (rule.kind === 'choiceNotAbove') {
      for (const prop of ['column', 'than'] as const) {
        const list = ids.columns.get(rule[prop])?.choices;
        const choices = (form.choices ?? []).filter((c) => c.list === list);
        if (list !== undefined && choices.some((c) => c.rank === undefined)) out.push(finding('definition.no_rank', ['rules', i, prop], { id: rule[prop], list }));
      }
    }
  });
  return out;
}

function consolidationProblems(form: FormDef, ids: Ids): DefinitionFinding[] {
  const c = form.consolidation;
  const refs: [RefSpec, string | readonly string[] | undefined, DefinitionPath][] = [];
  const out: DefinitionFinding[] = [];
  const at = (...p: (string | number)[]): DefinitionPath => ['consolidation', ...p];
  switch (c.kind) {
    case 'indicators': {
      const seen = new Map<string, number>();
      c.indicators.forEach((ind, i) => {
        const first = seen.get(ind.id);
        if (first !== undefined) out.push(finding('definition.duplicate_id', at('indicators', i, 'id'), { id: ind.id, first: `indicators[${first}]` }));
        else seen.set(ind.id, i);
        if (ind.kind === 'sum') refs.push([['field', 'numeric'], ind.field, at('indicators', i, 'field')]);
        if (ind.kind === 'countUnits') refs.push([['field', ind.when === 'yes' ? 'yesno' : 'numeric'], ind.fields, at('indicators', i, 'fields')]);
      });
      c.indicators.forEach((ind, i) => {
        if (ind.kind !== 'returns' && typeof ind.pctOf === 'object' && !seen.has(ind.pctOf.indicator))
          out.push(finding('definition.unknown_indicator', at('indicators', i, 'pctOf'), { id: ind.pctOf.indicator }));
      });
      break;
    }
    case 'kpiCatalog':
      for (const [prop, value] of Object.entries(c.columns)) refs.push([prop === 'code' ? 'column' : ['column', 'numeric'], value, at('columns', prop)]);
      if (!form.catalog?.length) out.push(finding('definition.needs_catalog', at('kind'), { kind: c.kind }));
      break;
    case 'projects':
      refs.push([['field', 'numeric'], c.fields.budget, at('fields', 'budget')], ['field', c.fields.start, at('fields', 'start')], ['field', c.fields.end, at('fields', 'end')]);
      for (const [prop, value] of Object.entries(c.columns)) {
        const want: RefSpec = prop === 'progress' || prop === 'disbursed' ? ['column', 'numeric'] : prop === 'onPlan' || prop === 'onTarget' ? ['column', 'yesno'] : 'column';
        refs.push([want, value, at('columns', prop)]);
      }
      break;
    case 'itemTotals':
      refs.push(['column', c.key, at('key')], [['column', 'numeric'], c.columns, at('columns')]);
      break;
    case 'rowCounts': {
      const seen = new Map<string, number>();
      c.counts.forEach((count, i) => {
        const first = seen.get(count.id);
        if (first !== undefined) out.push(finding('definition.duplicate_id', at('counts', i, 'id'), { id: count.id, first: `counts[${first}]` }));
        else seen.set(count.id, i);
        refs.push([['column', 'choice'], count.column, at('counts', i, 'column')], [['column', 'yesno'], count.when, at('counts', i, 'when')]);
      });
      break;
    }
  }
  for (const [ref, value, path] of refs) {
    for (const [id, p] of each(value, path)) {
      const problem = ids.check(ref, id, p);
      if (problem) out.push(problem);
    }
  }
  return out;
}

function tableProblems(form: FormDef): DefinitionFinding[] {
  const t = form.table;
  if (!t) return [];
  const has = new Set(t.columns.map((c) => c.id));
  const refs: [string | undefined, DefinitionPath][] = [...each(t.required, ['table', 'required']), [t.key, ['table', 'key']], [t.labelColumn, ['table', 'labelColumn']]];
  const out = refs.filter(([id]) => id !== undefined && !has.has(id)).map(([id, path]) => finding('definition.unknown_column', path, { id: id! }));
  // The reader finds the key column among the required ones before it reads a row.
  if (has.has(t.key) && !t.required.includes(t.key)) out.push(finding('definition.key_not_required', ['table', 'key'], { id: t.key }));
  return out;
}

function recordRefProblems(form: FormDef, ids: Ids): DefinitionFinding[] {
  const refs = [...each(form.orgUnit.fields, ['orgUnit', 'fields']), ...each(form.period.fiscalYearField, ['period', 'fiscalYearField']), ...each(form.subjectFields, ['subjectFields'])];
  return refs.map(([id, path]) => ids.check('field', id, path)).filter((p): p is DefinitionFinding => p !== null);
}

/** Every definition of a field the form holds, with where it stands. */
function definitions(form: FormDef): { def: FieldDef; path: DefinitionPath }[] {
  return [...form.fields.map((def, i) => ({ def, path: ['fields', i] })), ...(form.table?.columns ?? []).map((def, i) => ({ def, path: ['table', 'columns', i] }))];
}

function fieldProblems(form: FormDef): DefinitionFinding[] {
  const out: DefinitionFinding[] = [];
  // Ids are unique in each list; a table of items shares the return's namespace with the record
  // fields (rules and messages look ids up in both), a table of returns repeats the record fields.
  const all = definitions(form);
  const lists = form.table?.row === 'item' ? [all] : [all.filter((d) => d.path[0] === 'fields'), all.filter((d) => d.path[0] === 'table')];
  for (const list of lists) {
    const seen = new Map<string, DefinitionPath>();
    for (const { def, path } of list) {
      const first = seen.get(def.id);
      if (first) out.push(finding('definition.duplicate_id', [...path, 'id'], { id: def.id, first: pathLabel(first) }));
      else seen.set(def.id, path);
    }
  }
  const lists2 = new Set((form.choices ?? []).map((c) => c.list));
  for (const { def, path } of all) {
    if (def.min !== undefined && def.max !== undefined && def.min > def.max) out.push(finding('definition.min_above_max', [...path, 'min'], { min: def.min, max: def.max }));
    if (def.pattern !== undefined && !isRegExp(def.pattern)) out.push(finding('definition.bad_pattern', [...path, 'pattern'], { text: def.pattern }));
    if (def.type === 'choice' && def.choices === undefined) out.push(finding('definition.no_choices', [...path, 'choices'], { id: def.id }));
    if (def.choices !== undefined && def.type !== 'choice') out.push(finding('definition.not_choice_field', [...path, 'choices'], { id: def.id, type: def.type }));
    else if (def.choices !== undefined && !lists2.has(def.choices)) out.push(finding('definition.unknown_list', [...path, 'choices'], { list: def.choices }));
  }
  return out;
}

/** `fields[3]` as people count rows: the path as written. */
function pathLabel(path: DefinitionPath): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${k}`)).join('');
}

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Two different fields that a sheet's label could not tell apart, after the reader's normalisation. */
function labelProblems(form: FormDef): DefinitionFinding[] {
  const out: DefinitionFinding[] = [];
  const owner = new Map<string, { id: string; text: string }>();
  // A table of returns repeats the record fields: each field is looked at once.
  const recordIds = new Set(form.fields.map((f) => f.id));
  const defs = definitions(form).filter((d) => form.table?.row !== 'return' || d.path[0] === 'fields' || !recordIds.has(d.def.id));
  for (const { def, path } of defs) {
    const labels: [string, DefinitionPath][] = [[def.label_th, [...path, 'label_th']], [def.label_en, [...path, 'label_en']], ...each(def.aliases, [...path, 'aliases'])];
    for (const [text, at] of labels) {
      const key = normalizeLabel(text);
      if (!key) {
        out.push(finding('definition.label_empty', at, { text }));
        continue;
      }
      const other = owner.get(key);
      if (!other) owner.set(key, { id: def.id, text });
      else if (other.id !== def.id) out.push(finding('definition.label_clash', at, { text, id: def.id, other: other.text, other_id: other.id }));
    }
  }
  return out;
}

function choiceProblems(form: FormDef): DefinitionFinding[] {
  const out: DefinitionFinding[] = [];
  const seen = new Map<string, number>();
  const labels = new Map<string, { text: string; id: string }>();
  (form.choices ?? []).forEach((c, i) => {
    const k = `${c.list}\u0000${c.id}`;
    const first = seen.get(k);
    if (first !== undefined) out.push(finding('definition.duplicate_id', ['choices', i, 'id'], { id: c.id, first: `choices[${first}]` }));
    else seen.set(k, i);
    for (const [text, path] of [[c.label_th, ['choices', i, 'label_th']], [c.label_en, ['choices', i, 'label_en']], ...each(c.aliases, ['choices', i, 'aliases'])] as [string, DefinitionPath][]) {
      const key = `${c.list}\u0000${normalizeLabel(text)}`;
      const other = labels.get(key);
      if (other && other.id !== c.id) out.push(finding('definition.label_clash', path, { text, id: c.id, other: other.text, other_id: other.id }));
      else labels.set(key, { text, id: c.id });
    }
  });
  return out;
}

function catalogProblems(form: FormDef): DefinitionFinding[] {
  const catalog = form.catalog ?? [];
  const out: DefinitionFinding[] = [];
  const byCode = new Map<string, { item: CatalogItem; at: number }>();
  catalog.forEach((item, i) => {
    const first = byCode.get(item.code);
    if (first) out.push(finding('definition.duplicate_id', ['catalog', i, 'code'], { id: item.code, first: `catalog[${first.at}]` }));
    else byCode.set(item.code, { item, at: i });
  });
  catalog.forEach((item, i) => {
    if (item.kind === 'count') {
      if (item.ratioOf !== undefined) out.push(finding('definition.ratio_only', ['catalog', i, 'ratioOf'], { code: item.code }));
      return;
    }
    const ratio = item.ratioOf === undefined ? undefined : byCode.get(item.ratioOf)?.item;
    if (item.ratioOf === undefined) out.push(finding('definition.ratio_without', ['catalog', i, 'ratioOf'], { code: item.code }));
    else if (!ratio) out.push(finding('definition.ratio_unknown', ['catalog', i, 'ratioOf'], { code: item.code, ratio: item.ratioOf }));
    else if (ratio.kind !== 'count') out.push(finding('definition.ratio_nested', ['catalog', i, 'ratioOf'], { code: item.code, ratio: item.ratioOf }));
  });
  // A ratio is made of one numerator and one denominator row.
  const ratios = new Set(catalog.flatMap((c) => (c.ratioOf === undefined ? [] : [c.ratioOf])));
  for (const code of ratios) {
    const at = byCode.get(code)?.at;
    for (const kind of ['numerator', 'denominator'] as const) {
      const n = catalog.filter((c) => c.ratioOf === code && c.kind === kind).length;
      if (n !== 1) out.push(finding('definition.ratio_rows', at === undefined ? ['catalog'] : ['catalog', at, 'code'], { code, kind, count: n }));
    }
  }
  return out;
}

/** Targets: one a unit and KPI; the quarters, when all are given with the annual, add up to it. */
function targetProblems(form: FormDef): DefinitionFinding[] {
  const out: DefinitionFinding[] = [];
  const seen = new Map<string, number>();
  (form.targets ?? []).forEach((t, i) => {
    const k = `${t.unit}\u0000${t.code}`;
    const first = seen.get(k);
    if (first !== undefined) out.push(finding('definition.duplicate_id', ['targets', i, 'code'], { id: `${t.unit} ${t.code}`, first: `targets[${first}]` }));
    else seen.set(k, i);
    const quarters = [t.q1, t.q2, t.q3, t.q4];
    if (t.annual !== undefined && quarters.every((q) => q !== undefined)) {
      const sum = quarters.reduce<number>((a, q) => a + (q ?? 0), 0);
      if (Math.abs(sum - t.annual) > 1e-6) out.push(finding('definition.targets_sum', ['targets', i, 'annual'], { code: t.code, unit: t.unit, sum: String(sum), annual: String(t.annual) }));
    }
  });
  if (form.targets?.length && form.consolidation.kind !== 'kpiCatalog') out.push(finding('definition.needs_catalog', ['targets'], { kind: 'targets' }));
  return out;
}

/**
 * What is wrong with a definition whose shape is right: ids it names that it does not
 * have or that are of the wrong type, repeated ids and catalog codes, labels two fields
 * share. Each finding has its path in the form (`fields[3].type`). Empty when it is sound.
 * Its report layouts are checked by `loadForm` (they need the tally code, which a CLI
 * check does not load).
 */
export function formProblems(form: FormDef): DefinitionFinding[] {
  const ids = new Ids(form);
  return [
    ...fieldProblems(form),
    ...labelProblems(form),
    ...choiceProblems(form),
    ...tableProblems(form),
    ...recordRefProblems(form, ids),
    ...catalogProblems(form),
    ...targetProblems(form),
    ...ruleProblems(form, ids),
    ...consolidationProblems(form, ids),
  ];
}
