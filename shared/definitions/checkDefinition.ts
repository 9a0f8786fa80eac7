import type { Issue } from '../issues/issue';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';
import { unitProblems } from '../orgUnits/unitProblems';
import { formProblems } from '../forms/formProblems';
import { layoutProblems } from '../report/layoutProblems';
import { layoutTallyProblems } from '../report/layoutTallyProblems';
import { definitionDocumentSchema, MAX_DEFINITION_CHARS, type DefinitionDocument } from './definitionDocument';
import { definitionIssue, finding, type DefinitionFinding, type DefinitionPath, type SourceMap } from './definitionMessages';
import { shapeFindings } from './shapeFindings';

export type DefinitionCheck = { ok: true; doc: DefinitionDocument } | { ok: false; issues: Issue[] };

const under = (prefix: DefinitionPath, findings: readonly DefinitionFinding[]) => findings.map((f) => ({ ...f, path: [...prefix, ...f.path] }));

/** What is wrong with a definition whose shape is right, each finding with its path in the document. */
export function documentProblems(doc: DefinitionDocument, units: OrgUnitTree): DefinitionFinding[] {
  if (doc.kind === 'orgUnits') return under(['units'], unitProblems(doc.units));
  const form = doc.form;
  const own = formProblems(form);
  // The report layouts are checked against the tally once the form itself is sound.
  const reports = own.length ? [] : [...layoutProblems(form, units), ...layoutTallyProblems(form, units)];
  return under(['form'], [...own, ...reports]);
}

/**
 * Checks a definition as headquarters sends it (a workbook read into its JSON twin, or the
 * JSON itself): its size, its shape, and everything it names. Each finding is an error in
 * Thai and English at its cell (`fields!C14`, from `sources`) or at its path in the JSON
 * (`form.fields[12].type`). `units` are the org units the form is published beside (report
 * row labels name them). The server runs the same check on what it receives.
 */
export function checkDefinition(input: unknown, units: OrgUnitTree, sources?: SourceMap): DefinitionCheck {
  // A field of a table of units is both a record field and a column: one cell, said once.
  const fail = (findings: readonly DefinitionFinding[]): DefinitionCheck => {
    const issues = new Map(findings.map((f) => definitionIssue(f, sources)).map((i) => [`${i.cell}|${i.code}|${i.message_en}`, i]));
    return { ok: false, issues: [...issues.values()] };
  };
  const size = JSON.stringify(input ?? null).length;
  if (size > MAX_DEFINITION_CHARS) return fail([finding('definition.too_large', [], { size: `${size.toLocaleString('en-US')} characters`, limit: MAX_DEFINITION_CHARS.toLocaleString('en-US') })]);
  const parsed = definitionDocumentSchema.safeParse(input);
  if (!parsed.success) return fail(shapeFindings(parsed.error.issues, input));
  const problems = documentProblems(parsed.data, units);
  return problems.length ? fail(problems) : { ok: true, doc: parsed.data };
}
