import type { DefinitionDocument } from './definitionDocument';
import { documentId } from './documentId';
import { definitionsFromDocuments, type DefinitionSource, type Definitions } from './definitions';

/** The definitions of a fiscal year as the API sends them: each document with its id and version (0: built in). */
export interface YearDefinitions {
  fiscalYear: number;
  documents: { id: string; version: number; doc: DefinitionDocument }[];
}

/** The definitions a client received for a year, ready to read and check returns with. */
export function definitionsOfYear(y: YearDefinitions): Definitions {
  return definitionsFromDocuments(
    y.documents.map((d) => d.doc),
    new Map(y.documents.filter((d) => d.version > 0).map((d) => [d.id, d.version])),
  );
}

/** A definition as published: its document, the version number it got (1, 2, … per document), the year it applies from, who and when. */
export interface PublishedDefinition {
  id: string;
  version: number;
  fromFiscalYear: number;
  publishedAt: string;
  publishedBy: string;
  doc: DefinitionDocument;
}

/**
 * The documents in force in a fiscal year: for each document (a form, an agency's units), the
 * version published for the latest year up to it (republished for that same year: the latest
 * version), else the built-in one. Publishing for a later year changes nothing of an earlier one.
 */
export function documentsForYear(builtIn: readonly DefinitionDocument[], published: readonly PublishedDefinition[], fiscalYear: number): { docs: DefinitionDocument[]; versions: Map<string, number> } {
  const chosen = new Map<string, PublishedDefinition>();
  for (const p of published) {
    if (p.fromFiscalYear > fiscalYear) continue;
    const best = chosen.get(p.id);
    if (!best || p.fromFiscalYear > best.fromFiscalYear || (p.fromFiscalYear === best.fromFiscalYear && p.version > best.version)) chosen.set(p.id, p);
  }
  const builtInIds = builtIn.map(documentId);
  const docs = builtIn.map((d, i) => chosen.get(builtInIds[i])?.doc ?? d);
  // Documents headquarters added (an agency's own form): after the built-in ones, by id.
  for (const [id, p] of [...chosen].sort(([a], [b]) => a.localeCompare(b))) if (!builtInIds.includes(id)) docs.push(p.doc);
  return { docs, versions: new Map([...chosen].map(([id, p]) => [id, p.version])) };
}

/**
 * Definitions by fiscal year, from the built-in documents and what headquarters published. Years
 * that resolve to the same versions share one Definitions (its memos are kept). A year not known
 * yet (locating a sheet) gets the newest: the latest year anything was published for.
 */
export class VersionedDefinitions implements DefinitionSource {
  private readonly byYear = new Map<number, Definitions>();
  private readonly byVersions = new Map<string, Definitions>();
  private readonly newest: number;

  constructor(
    private readonly builtIn: readonly DefinitionDocument[],
    readonly published: readonly PublishedDefinition[],
  ) {
    this.newest = Math.max(0, ...published.map((p) => p.fromFiscalYear));
  }

  /** The documents of a year, each with its id and version (0: built in): what the API sends a client. */
  documents(fiscalYear: number | null): YearDefinitions {
    const fy = fiscalYear ?? this.newest;
    const { docs, versions } = documentsForYear(this.builtIn, this.published, fy);
    return { fiscalYear: fy, documents: docs.map((doc) => ({ id: documentId(doc), version: versions.get(documentId(doc)) ?? 0, doc })) };
  }

  forYear(fiscalYear: number | null): Definitions {
    const fy = fiscalYear ?? this.newest;
    let d = this.byYear.get(fy);
    if (d) return d;
    const { docs, versions } = documentsForYear(this.builtIn, this.published, fy);
    const key = [...versions].sort(([a], [b]) => a.localeCompare(b)).join(';');
    d = this.byVersions.get(key);
    if (!d) this.byVersions.set(key, (d = definitionsFromDocuments(docs, versions)));
    this.byYear.set(fy, d);
    return d;
  }
}
