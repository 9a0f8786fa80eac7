import type { DefinitionDocument } from './definitionDocument';
import { documentId } from './documentId';
import { definitionsFromDocuments } from './definitions';
import { finding, type DefinitionFinding } from './definitionMessages';
import { layoutProblems } from '../report/layoutProblems';
import { expectedUnits } from '../consolidate/groups';

/**
 * What is wrong with a year's definitions taken together, for one document about to be
 * published among them (`doc`): its findings, with paths in that document. An org-unit code
 * another agency's tree already has; a form whose expected units, report rows or targets name
 * units the year has not; a target for a KPI the catalog has not.
 */
export function yearProblems(doc: DefinitionDocument, others: readonly DefinitionDocument[]): DefinitionFinding[] {
  const id = documentId(doc);
  const docs = [...others.filter((d) => documentId(d) !== id), doc];
  const out: DefinitionFinding[] = [];
  if (doc.kind === 'orgUnits') {
    const taken = new Map<string, string>();
    for (const d of docs) if (d !== doc && d.kind === 'orgUnits') for (const u of d.units) taken.set(u.code, documentId(d));
    doc.units.forEach((u, i) => {
      const tree = taken.get(u.code);
      if (tree) out.push(finding('definition.unit_other_tree', ['units', i, 'code'], { code: u.code, tree }));
    });
  }
  const year = definitionsFromDocuments(docs);
  for (const form of year.forms) {
    // A form published is checked against the year's units; a tree published, against every form of the year.
    if (doc.kind === 'form' && form !== doc.form) continue;
    const at = doc.kind === 'form' ? ['form'] : ['units'];
    const under = form.orgUnit.under;
    if (under !== undefined && !year.units.byCode(under)) out.push(finding('definition.unknown_unit', doc.kind === 'form' ? ['form', 'orgUnit', 'under'] : ['units'], { code: under }));
    else if (expectedUnits(form, year.units).length === 0)
      out.push(finding('definition.unknown_unit', doc.kind === 'form' ? ['form', 'consolidation', 'expectedKinds'] : ['units'], { code: form.consolidation.expectedKinds.join(', ') }));
    if (doc.kind === 'form') out.push(...layoutProblems(form, year.units).map((f) => ({ ...f, path: [...at, ...f.path] })));
    (form.targets ?? []).forEach((t, i) => {
      const path = doc.kind === 'form' ? ['form', 'targets', i] : ['units'];
      if (!year.units.byCode(t.unit)) out.push(finding('definition.unknown_unit', [...path, 'unit'], { code: t.unit }));
      if (!(form.catalog ?? []).some((c) => c.code === t.code)) out.push(finding('definition.unknown_item', [...path, 'code'], { code: t.code }));
    });
  }
  return out;
}
