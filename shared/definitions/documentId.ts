import type { DefinitionDocument } from './definitionDocument';

/** What a definition is known by across versions: the form's id, or `units:<root code>` (no schema library loaded). */
export function documentId(doc: DefinitionDocument): string {
  if (doc.kind === 'form') return doc.form.id;
  const root = doc.units.find((u) => u.parent === undefined);
  return `units:${root?.code ?? doc.units[0].code}`;
}
