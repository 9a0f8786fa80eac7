import { checkDefinition } from '@returns-hub/shared/definitions/checkDefinition';
import { definitionIssue } from '@returns-hub/shared/definitions/definitionMessages';
import type { DefinitionDocument } from '@returns-hub/shared/definitions/definitionDocument';
import { documentId } from '@returns-hub/shared/definitions/documentId';
import { definitionsFromDocuments } from '@returns-hub/shared/definitions/definitions';
import type { PublishedDefinition, VersionedDefinitions } from '@returns-hub/shared/definitions/versionsByYear';
import { yearProblems } from '@returns-hub/shared/definitions/yearProblems';
import type { Principal } from '../domain/principal';
import { domainError, type DomainError } from '../domain/domainError';
import type { DefinitionHead, DefinitionStore } from '../store/definitionStore';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/** What a publish asks: the document (as the client sent it: checked here again), the year it applies from, and the ETag of the head it follows. */
export interface PublishRequest {
  /** The document id the route names (`forms/codi-quarterly-kpi`), which the document must be. */
  id: string;
  doc: unknown;
  fromFiscalYear: number;
  /** The head's ETag the publisher read (`If-Match`), or `*`-none: the first version (`If-None-Match: *`). */
  precondition: { ifMatch: string } | { ifNoneMatch: true };
}

/** The document's head moved since the publisher read it (or it exists when they meant to publish the first version). */
export interface HeadMoved {
  moved: true;
  head: DefinitionHead | null;
  latest: PublishedDefinition | null;
}

export type PublishOutcome = { published: PublishedDefinition; head: DefinitionHead } | HeadMoved | DomainError;

/**
 * Publishes a definition for a fiscal year onwards: headquarters only; checked again here
 * (size, shape, every id it names, and against the year's other definitions: unit codes of
 * other agencies, units its forms name); written as the document's next version only if its
 * head is still the one the publisher read, so two publishers never overwrite each other.
 * Every version stays readable (who published it, when) and years before it keep theirs.
 */
export async function publishDefinition(store: DefinitionStore, current: VersionedDefinitions, p: Principal, req: PublishRequest, now: Date): Promise<PublishOutcome> {
  if (p.role !== 'hq') return domainError('auth.hq_only', REFUSAL_TEXTS.publishHqOnly());
  const year = current.documents(req.fromFiscalYear);
  const docs = year.documents.map((d) => d.doc);
  // A form is checked with the year's org units; a tree with itself.
  const units = definitionsFromDocuments(docs).units;
  const checked = checkDefinition(req.doc, units);
  if (!checked.ok) return domainError('definition.invalid', REFUSAL_TEXTS.definitionInvalid({ errors: checked.issues.length }), { issues: checked.issues });
  const doc: DefinitionDocument = checked.doc;
  const id = documentId(doc);
  if (id !== req.id) return domainError('definition.id_mismatch', REFUSAL_TEXTS.definitionIdMismatch({ id, asked: req.id }));
  const together = yearProblems(doc, docs);
  if (together.length) {
    const issues = together.map((f) => definitionIssue(f));
    return domainError('definition.invalid', REFUSAL_TEXTS.definitionMisfit({ fiscalYear: req.fromFiscalYear, errors: issues.length }), { issues });
  }
  const head = await store.head(id);
  const wanted = 'ifMatch' in req.precondition ? req.precondition.ifMatch : null;
  const latest = () => current.published.filter((x) => x.id === id).sort((a, b) => b.version - a.version)[0] ?? null;
  if ((head?.etag ?? null) !== wanted) return { moved: true, head, latest: latest() };
  const published: PublishedDefinition = { id, version: (head?.version ?? 0) + 1, fromFiscalYear: req.fromFiscalYear, publishedAt: now.toISOString(), publishedBy: p.name, doc };
  const out = await store.publish(published, head?.etag ?? null);
  if (!out.ok) return { moved: true, head: await store.head(id), latest: latest() };
  return { published, head: out.head };
}
