import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FORM_SHEETS, UNITS_SHEET, type CellKind, type ColumnSpec, type SheetSpec } from '@returns-hub/shared/definitions/definitionSheets';
import { fieldTypeSchema, type FieldType } from '@returns-hub/shared/forms/formDef';
import { ruleDefSchema, type RuleKind } from '@returns-hub/shared/forms/ruleDef';
import { consolidationDefSchema, type ConsolidationDef } from '@returns-hub/shared/forms/consolidationDef';
import { orgUnitKindSchema, type OrgUnitKind } from '@returns-hub/shared/orgUnits/orgUnit';

/**
 * The README's reference of the definition workbooks, made from the tables the reader and
 * writer follow (`shared/definitions/definitionSheets.ts`) and the form's schemas: every sheet,
 * every column, every field type, rule kind and consolidation kind. `npm run docs:definitions`
 * writes it between the README's markers; test/docs/definitionsDoc.test.ts fails when it differs.
 * The English words below are typed by kind, so a new kind does not compile until it is described.
 */

export const README = resolve(__dirname, '../README.md');
export const BEGIN = '<!-- definition sheets: made by `npm run docs:definitions` from shared/definitions/definitionSheets.ts; do not edit by hand -->';
export const END = '<!-- end of definition sheets -->';

const SHEET_PURPOSE: Record<string, string> = {
  form: 'the form itself: one property a row (column A the property, B what it is in Thai, C its value)',
  fields: 'one row per field: record fields (label–value pairs outside the table), table columns, or both',
  choices: 'the choices of each list a `choice` field names, in the order they are shown',
  rules: 'one check a row; each kind fills the columns it takes (below) and leaves the others blank',
  consolidation: 'how returns add up: one property a row, as on `form`; which properties each kind takes is below',
  indicators: 'consolidation `indicators`: one indicator a row',
  counts: 'consolidation `rowCounts`: rows counted by a choice column, one count a row',
  catalog: 'consolidation `kpiCatalog`: the KPIs of the fiscal year the definition is published for',
  targets: "headquarters' targets of the year by unit and KPI (catalog forms), annual and by quarter",
  reports: 'the report tables the tally offers, one a row, the first the default ([docs/reports.md](docs/reports.md))',
  report_columns: "each report's columns, in order",
  units: "an org-unit workbook's only sheet: one unit a row; the unit with no parent is the agency's headquarters",
};

const KIND_TEXT: Record<CellKind, string> = {
  text: 'text',
  number: 'a number',
  whole: 'a whole number',
  yesno: 'TRUE/FALSE (or ใช่/ไม่ใช่, yes/no)',
  texts: 'texts separated by `|`',
  ids: 'ids separated by `,`',
  pairs: '`code=text` pairs separated by `|`',
  pctOf: 'an indicator id, or `expected`',
};

const FIELD_TYPES: Record<FieldType, string> = {
  text: 'any text',
  code: 'a code (digits and letters; `pattern` may say which)',
  number: 'a number',
  count: 'a whole number of things',
  money: 'an amount in baht (a cell in ล้านบาท is converted when `unit` is บาท)',
  percent: 'a percentage',
  date: 'a date: an Excel date, or written with Thai month names or in numbers, Buddhist or Christian era',
  yesno: 'yes or no (ใช่/ไม่ใช่, มี/ไม่มี, ✓/✗, TRUE/FALSE, and the field’s own `yes`/`no` words)',
  orgUnit: 'an org unit by code, name or alias (of the kinds in `orgUnitKinds`)',
  year: 'a fiscal year (Buddhist era)',
  choice: 'one choice of the list named in `choices`, by its Thai or English label or an alias',
};

const RULE_KINDS: Record<RuleKind, string> = {
  sumEquals: '`parts` add up to `total` (record fields)',
  sumAtMost: '`parts` add up to at most `limit` (a missing limit counts as 0)',
  differenceEquals: '`result`, when given, equals `from` − `minus`…',
  requiredWhen: '`field` must be given when the yes/no field `when` is yes',
  dateOrder: 'date `from` on or before date `to`',
  agencyMatchesOrgUnit: 'the agency code inside `field` (a project code) belongs to the reporting unit',
  rowSumEquals: 'per table row: `parts` add up to `total`, when any part is given',
  unique: 'no two rows share a value of `column`',
  emptyRow: 'a row with its key and nothing else',
  rowRequired: 'rows with data give `column`',
  nonDecreasing: '`column` does not fall between rows ordered by `orderBy`',
  dateInPeriod: "`column`'s dates inside the fiscal year, and between the record's `start` and `end` dates",
  columnSumAtMost: 'Σ `column` ≤ the record field `limit`, unless the limit is 0 or missing',
  columnSumEquals: 'Σ `column` = the record field `field`, when it is given',
  knownItem: "the table's key values are in the form's catalog",
  cumulative: "`cumulative` = the previous quarter's cumulative + this quarter's `result`",
  required: 'the record field `field` must be given',
  onlyWhen: 'per table row: `column` is given only when the yes/no column `when` is yes',
  choiceNotAbove: "per table row: `column`'s choice ranks no higher than column `than`'s (choices with `rank`)",
};

const CONSOLIDATION_KINDS: Record<ConsolidationDef['kind'], string> = {
  indicators: 'indicators over record fields (sheet `indicators`): returns received, sums, units counted, % of a base, targets',
  kpiCatalog: 'a KPI table by the catalog (sheet `catalog`): targets, quarter results, cumulative, % of target, scores',
  projects: 'project progress reports: latest progress, completion, on plan / on target, money',
  itemTotals: 'table columns summed by item (`key`), and the returns reporting each item',
  rowCounts: 'table rows counted by a choice column (sheet `counts`), by choice',
};

const UNIT_KINDS: Record<OrgUnitKind, string> = {
  hq: "an agency's headquarters (the root of its tree)",
  zone: 'a group of districts (parent: hq)',
  district: 'a district office (parent: a zone)',
  department: 'a department or division (parent: hq)',
  region: 'a regional office (parent: hq)',
};

const code = (s: string) => `\`${s}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|');

function columnRow(spec: ColumnSpec): string {
  const value = KIND_TEXT[spec.kind] + (spec.required ? '; its header is required' : '');
  return `| ${code(spec.id)} | ${cell(spec.th)} | ${cell(value)} |`;
}

function sheetSection(spec: SheetSpec): string[] {
  const purpose = SHEET_PURPOSE[spec.sheet];
  if (!purpose) throw new Error(`scripts/definitionsDoc.ts: no purpose written for the sheet "${spec.sheet}"`);
  const specs = spec.shape === 'rows' ? spec.columns : spec.properties;
  return [
    `**${code(spec.sheet)}** · ${spec.th}: ${purpose}.`,
    '',
    spec.shape === 'rows' ? '| column | Thai label beside it | value |' : '| property (column A) | description (column B) | value (column C) |',
    '|---|---|---|',
    ...specs.map(columnRow),
    '',
  ];
}

/** The columns a discriminated union's member takes, apart from `kind` (and a rule's `severity`). */
function takes(shape: Record<string, unknown>): string {
  const keys = Object.keys(shape).filter((k) => k !== 'kind' && k !== 'severity');
  return keys.length ? ` (${keys.map(code).join(', ')})` : '';
}

/** The generated reference, without its markers. */
export function definitionSheetsMarkdown(): string {
  const lines: string[] = [];
  for (const spec of FORM_SHEETS) lines.push(...sheetSection(spec));
  lines.push(...sheetSection(UNITS_SHEET));
  lines.push('Field types (`fields.type`):', '');
  for (const t of fieldTypeSchema.options) lines.push(`- ${code(t)}: ${FIELD_TYPES[t]}`);
  lines.push('', 'Rule kinds (`rules.kind`, with the columns each takes; `severity` is `error`, `warning` or `info`):', '');
  for (const o of ruleDefSchema.options) {
    const kind = o.shape.kind.value;
    lines.push(`- ${code(kind)}${takes(o.shape)}: ${RULE_KINDS[kind]}`);
  }
  lines.push('', 'Consolidation kinds (`consolidation.kind`, with the properties each takes):', '');
  for (const o of consolidationDefSchema.options) {
    const kind = o.shape.kind.value;
    lines.push(`- ${code(kind)}${takes(o.shape)}: ${CONSOLIDATION_KINDS[kind]}`);
  }
  lines.push('', 'Org-unit kinds (`units.kind`, `form.orgUnit.kinds`, `fields.orgUnitKinds`):', '');
  for (const k of orgUnitKindSchema.options) lines.push(`- ${code(k)}: ${UNIT_KINDS[k]}`);
  return lines.join('\n');
}

/** The README with the reference between its markers replaced by `body`. */
export function withReference(readme: string, body: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${BEGIN}" … "${END}" markers`);
  return `${readme.slice(0, start + BEGIN.length)}\n\n${body}\n\n${readme.slice(end)}`;
}

if (require.main === module) {
  const before = readFileSync(README, 'utf8');
  const after = withReference(before, definitionSheetsMarkdown());
  if (after !== before) writeFileSync(README, after);
  console.log(after === before ? 'README.md: the definition sheets are up to date' : 'README.md: definition sheets written');
}
