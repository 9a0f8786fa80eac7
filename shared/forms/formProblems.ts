import { normalizeLabel } from '../text/normalizeLabel';
import type { CatalogItem, FieldDef, FormDef } from './formDef';
import type { RuleDef, RuleKind } from './ruleDef';

/** What an id in a definition names: a record field, or a column of the table of items. */
type Ref = 'field' | 'column';

/**
 * For each rule kind, what each of its id properties names. The type demands an entry
 * for every property of every kind, so a new kind or property cannot go unchecked.
 */
const RULE_REFS: { [K in RuleKind]: { [P in Exclude<keyof Extract<RuleDef, { kind: K }>, 'kind' | 'severity'>]-?: Ref } } = {
  sumEquals: { parts: 'field', total: 'field' },
  sumAtMost: { parts: 'field', limit: 'field' },
  differenceEquals: { result: 'field', from: 'field', minus: 'field' },
  requiredWhen: { field: 'field', when: 'field' },
  dateOrder: { from: 'field', to: 'field' },
  agencyMatchesOrgUnit: { field: 'field' },
  rowSumEquals: { parts: 'column', total: 'column' },
  unique: { column: 'column' },
  emptyRow: {},
  rowRequired: { column: 'column' },
  nonDecreasing: { column: 'column', orderBy: 'column' },
  dateInPeriod: { column: 'column', start: 'field', end: 'field' },
  columnSumAtMost: { column: 'column', limit: 'field' },
  columnSumEquals: { column: 'column', field: 'field' },
  knownItem: {},
  cumulative: { result: 'column', cumulative: 'column' },
};

/** Kinds that read the table of items (by its key) or the catalog beyond the ids they name. */
const RULE_NEEDS: Partial<Record<RuleKind, ('items' | 'catalog')[]>> = {
  emptyRow: ['items'],
  knownItem: ['items', 'catalog'],
  cumulative: ['items', 'catalog'],
};

/** The ids a definition may name: record fields (a table of returns adds its columns) and item columns. */
class Ids {
  readonly fields: Set<string>;
  readonly columns: Set<string>;
  readonly hasItems: boolean;
  constructor(form: FormDef) {
    const returnTable = form.table?.row === 'return' ? form.table.columns : [];
    this.fields = new Set([...form.fields, ...returnTable].map((f) => f.id));
    this.hasItems = form.table?.row === 'item';
    this.columns = new Set(form.table?.row === 'item' ? form.table.columns.map((c) => c.id) : []);
  }
  /** The problem with `id` at `path` (the words before "names"), or null when it exists. */
  check(ref: Ref, id: string, path: string): string | null {
    if (ref === 'field') return this.fields.has(id) ? null : `${path} names field "${id}", which the form does not have`;
    if (!this.hasItems) return `${path} names column "${id}", but the form has no table of items`;
    return this.columns.has(id) ? null : `${path} names column "${id}", which the form's table does not have`;
  }
}

function each(ids: string | readonly string[] | undefined, path: string): [string, string][] {
  if (ids === undefined) return [];
  return typeof ids === 'string' ? [[ids, path]] : ids.map((id, i) => [id, `${path}[${i}]`]);
}

function ruleProblems(form: FormDef, ids: Ids): string[] {
  const out: string[] = [];
  form.rules.forEach((rule, i) => {
    const where = `rules[${i}] (${rule.kind})`;
    const refs: Record<string, Ref> = RULE_REFS[rule.kind];
    for (const [prop, value] of Object.entries(rule)) {
      const ref = refs[prop];
      if (!ref || !(typeof value === 'string' || Array.isArray(value))) continue;
      for (const [id, path] of each(value, `rules[${i}].${prop}`)) {
        const p = ids.check(ref, id, `${path} (${rule.kind})`);
        if (p) out.push(p);
      }
    }
    for (const need of RULE_NEEDS[rule.kind] ?? []) {
      if (need === 'items' && !ids.hasItems) out.push(`${where} reads table rows, but the form has no table of items`);
      if (need === 'catalog' && !form.catalog?.length) out.push(`${where} reads the catalog, but the form has none`);
    }
  });
  return out;
}

function consolidationProblems(form: FormDef, ids: Ids): string[] {
  const c = form.consolidation;
  const refs: [Ref, string | readonly string[] | undefined, string][] = [];
  const out: string[] = [];
  switch (c.kind) {
    case 'indicators': {
      const seen = new Set<string>();
      c.indicators.forEach((ind, i) => {
        const path = `consolidation.indicators[${i}]`;
        if (seen.has(ind.id)) out.push(`${path} repeats indicator id "${ind.id}"`);
        seen.add(ind.id);
        if (ind.kind === 'sum') refs.push(['field', ind.field, `${path}.field`]);
        if (ind.kind === 'countUnits') refs.push(['field', ind.fields, `${path}.fields`]);
      });
      c.indicators.forEach((ind, i) => {
        if (ind.kind !== 'returns' && typeof ind.pctOf === 'object' && !seen.has(ind.pctOf.indicator)) {
          out.push(`consolidation.indicators[${i}].pctOf names indicator "${ind.pctOf.indicator}", which the consolidation does not have`);
        }
      });
      break;
    }
    case 'kpiCatalog':
      for (const [prop, value] of Object.entries(c.columns)) refs.push(['column', value, `consolidation.columns.${prop}`]);
      if (!form.catalog?.length) out.push('consolidation (kpiCatalog) reads the catalog, but the form has none');
      break;
    case 'projects':
      for (const [prop, value] of Object.entries(c.fields)) refs.push(['field', value, `consolidation.fields.${prop}`]);
      for (const [prop, value] of Object.entries(c.columns)) refs.push(['column', value, `consolidation.columns.${prop}`]);
      break;
    case 'itemTotals':
      refs.push(['column', c.key, 'consolidation.key'], ['column', c.columns, 'consolidation.columns']);
      break;
  }
  for (const [ref, value, at] of refs) {
    for (const [id, path] of each(value, at)) {
      const p = ids.check(ref, id, path);
      if (p) out.push(p);
    }
  }
  return out;
}

function tableProblems(form: FormDef): string[] {
  const t = form.table;
  if (!t) return [];
  const has = new Set(t.columns.map((c) => c.id));
  const refs: [string | undefined, string][] = [...each(t.required, 'table.required'), [t.key, 'table.key'], [t.labelColumn, 'table.labelColumn']];
  const out = refs.filter(([id]) => id !== undefined && !has.has(id)).map(([id, path]) => `${path} names column "${id}", which the table does not have`);
  // The reader finds the key column among the required ones before it reads a row.
  if (has.has(t.key) && !t.required.includes(t.key)) out.push(`table.key "${t.key}" is not among table.required`);
  return out;
}

function recordRefProblems(form: FormDef, ids: Ids): string[] {
  const refs = [...each(form.orgUnit.fields, 'orgUnit.fields'), ...each(form.period.fiscalYearField, 'period.fiscalYearField'), ...each(form.subjectFields, 'subjectFields')];
  return refs.map(([id, path]) => ids.check('field', id, path)).filter((p): p is string => p !== null);
}

/** Every definition of a field the form holds, with where it stands. */
function definitions(form: FormDef): { def: FieldDef; path: string }[] {
  return [...form.fields.map((def, i) => ({ def, path: `fields[${i}]` })), ...(form.table?.columns ?? []).map((def, i) => ({ def, path: `table.columns[${i}]` }))];
}

function fieldProblems(form: FormDef): string[] {
  const out: string[] = [];
  // Ids are unique in each list; a table of items shares the return's namespace with the record
  // fields (rules and messages look ids up in both), a table of returns repeats the record fields.
  const lists = form.table?.row === 'item' ? [definitions(form)] : [definitions(form).filter((d) => d.path.startsWith('fields')), definitions(form).filter((d) => d.path.startsWith('table'))];
  for (const list of lists) {
    const seen = new Map<string, string>();
    for (const { def, path } of list) {
      const first = seen.get(def.id);
      if (first) out.push(`${path} repeats field id "${def.id}" of ${first}`);
      else seen.set(def.id, path);
    }
  }
  for (const { def, path } of definitions(form)) {
    if (def.min !== undefined && def.max !== undefined && def.min > def.max) out.push(`${path} ("${def.id}") has min ${def.min} above max ${def.max}`);
    if (def.pattern !== undefined && !isRegExp(def.pattern)) out.push(`${path}.pattern ("${def.id}") is not a regular expression: ${def.pattern}`);
  }
  return out;
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
function labelProblems(form: FormDef): string[] {
  const out: string[] = [];
  const owner = new Map<string, { id: string; at: string; text: string }>();
  // A table of returns repeats the record fields: each field is looked at once.
  const recordIds = new Set(form.fields.map((f) => f.id));
  const defs = definitions(form).filter((d) => form.table?.row !== 'return' || d.path.startsWith('fields') || !recordIds.has(d.def.id));
  for (const { def, path } of defs) {
    const labels: [string, string][] = [[def.label_th, `${path}.label_th`], [def.label_en, `${path}.label_en`], ...each(def.aliases, `${path}.aliases`)];
    for (const [text, at] of labels) {
      const key = normalizeLabel(text);
      if (!key) {
        out.push(`${at} "${text}" of field "${def.id}" has no letters or digits to match a label by`);
        continue;
      }
      const other = owner.get(key);
      if (!other) owner.set(key, { id: def.id, at, text });
      else if (other.id !== def.id) out.push(`${at} "${text}" of field "${def.id}" reads the same as ${other.at} "${other.text}" of field "${other.id}"`);
    }
  }
  return out;
}

function catalogProblems(form: FormDef): string[] {
  const catalog = form.catalog ?? [];
  const out: string[] = [];
  const byCode = new Map<string, { item: CatalogItem; at: number }>();
  catalog.forEach((item, i) => {
    const first = byCode.get(item.code);
    if (first) out.push(`catalog[${i}] repeats code "${item.code}" of catalog[${first.at}]`);
    else byCode.set(item.code, { item, at: i });
  });
  catalog.forEach((item, i) => {
    const path = `catalog[${i}] ("${item.code}")`;
    if (item.kind === 'count') {
      if (item.ratioOf !== undefined) out.push(`${path}.ratioOf is for numerator and denominator rows only`);
      return;
    }
    const ratio = item.ratioOf === undefined ? undefined : byCode.get(item.ratioOf)?.item;
    if (item.ratioOf === undefined) out.push(`${path} is a ${item.kind} row without ratioOf`);
    else if (!ratio) out.push(`${path}.ratioOf names code "${item.ratioOf}", which the catalog does not have`);
    else if (ratio.kind !== 'count') out.push(`${path}.ratioOf names "${item.ratioOf}", which is itself a ${ratio.kind} row`);
  });
  // A ratio is made of one numerator and one denominator row.
  const ratios = new Set(catalog.flatMap((c) => (c.ratioOf === undefined ? [] : [c.ratioOf])));
  for (const code of ratios) {
    for (const kind of ['numerator', 'denominator'] as const) {
      const n = catalog.filter((c) => c.ratioOf === code && c.kind === kind).length;
      if (n !== 1) out.push(`catalog: ratio "${code}" has ${n} ${kind} rows, not 1`);
    }
  }
  return out;
}

/**
 * What is wrong with a definition whose shape is right: ids it names that it does not
 * have, repeated ids and catalog codes, labels two fields share. Empty when it is sound.
 * Its report layouts are checked by `loadForm` (they need the tally code, which a CLI
 * check does not load).
 */
export function formProblems(form: FormDef): string[] {
  const ids = new Ids(form);
  return [
    ...fieldProblems(form),
    ...labelProblems(form),
    ...tableProblems(form),
    ...recordRefProblems(form, ids),
    ...catalogProblems(form),
    ...ruleProblems(form, ids),
    ...consolidationProblems(form, ids),
  ];
}
