import type { EntitySetDef } from './odataModel';

/** The feed's namespace; its own annotation terms (Thai and English names) live in it too. */
export const NAMESPACE = 'ReturnsHub';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Names in both languages, and the English one as Core.Description (what generic tools show). */
function names(th: string, en: string, description = en): string[] {
  return [
    `<Annotation Term="${NAMESPACE}.Name_th" String="${escape(th)}"/>`,
    `<Annotation Term="${NAMESPACE}.Name_en" String="${escape(en)}"/>`,
    `<Annotation Term="Core.Description" String="${escape(description)}"/>`,
  ];
}

/** Annotations of one model element, out of line (`<Annotations Target>`), as most CSDL readers take them. */
const annotate = (target: string, th: string, en: string, description?: string) => [`<Annotations Target="${NAMESPACE}.${target}">`, ...names(th, en, description), '</Annotations>'];

const READ_ONLY = ['Insert', 'Update', 'Delete'].map(
  (x) =>
    `<Annotation Term="Capabilities.${x}Restrictions"><Record><PropertyValue Property="${x === 'Insert' ? 'Insertable' : x === 'Update' ? 'Updatable' : 'Deletable'}" Bool="false"/></Record></Annotation>`,
);

/**
 * The service's metadata document (OData v4 CSDL XML): an entity type and set per table of
 * the feed, every set, type and property's Thai and English name as annotations, and the
 * sets read-only (Capabilities: no insert, update or delete).
 */
export function metadataXml(sets: EntitySetDef[]): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    '<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/></edmx:Reference>',
    '<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Capabilities.V1.xml"><edmx:Include Namespace="Org.OData.Capabilities.V1" Alias="Capabilities"/></edmx:Reference>',
    '<edmx:DataServices>',
    `<Schema Namespace="${NAMESPACE}" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
    '<Term Name="Name_th" Type="Edm.String" AppliesTo="EntitySet EntityType Property"/>',
    '<Term Name="Name_en" Type="Edm.String" AppliesTo="EntitySet EntityType Property"/>',
  ];
  for (const s of sets) {
    lines.push(`<EntityType Name="${s.typeName}">`, '<Key><PropertyRef Name="Id"/></Key>');
    for (const p of s.properties) lines.push(`<Property Name="${p.name}" Type="${p.type}"${p.name === 'Id' ? ' Nullable="false"' : ''}${p.type === 'Edm.Decimal' ? ' Scale="variable"' : ''}/>`);
    lines.push('</EntityType>');
  }
  lines.push('<EntityContainer Name="Container">');
  for (const s of sets) lines.push(`<EntitySet Name="${s.name}" EntityType="${NAMESPACE}.${s.typeName}"/>`);
  lines.push('</EntityContainer>');
  for (const s of sets) {
    lines.push(...annotate(s.typeName, s.th, s.en, s.description));
    for (const p of s.properties) lines.push(...annotate(`${s.typeName}/${p.name}`, p.th, p.en));
    lines.push(`<Annotations Target="${NAMESPACE}.Container/${s.name}">`, ...names(s.th, s.en, s.description), ...READ_ONLY, '</Annotations>');
  }
  lines.push('</Schema>', '</edmx:DataServices>', '</edmx:Edmx>');
  return lines.join('\n');
}
