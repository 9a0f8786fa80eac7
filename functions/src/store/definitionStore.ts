import type { PublishedDefinition } from '@returns-hub/shared/definitions/versionsByYear';

/** A document's head: the latest version published and the ETag a publish must name to follow it. */
export interface DefinitionHead {
  id: string;
  version: number;
  etag: string;
}

export type PublishResult = { ok: true; head: DefinitionHead } | { ok: false; conflict: 'etag' };

/**
 * Where what headquarters publishes is kept: every version of every definition document
 * (a form, an agency's org units), never changed or removed once written; each document's
 * head (its latest version) guards publishing with an ETag, so two people publishing at once
 * cannot both win. `generation` changes with every publish: caches compare it.
 */
export interface DefinitionStore {
  /** Every published version, oldest first (a few documents a year: small). */
  listPublished(): Promise<PublishedDefinition[]>;
  /** A document's head, or null when it was never published. */
  head(id: string): Promise<DefinitionHead | null>;
  /** Adds `p` as the document's next version, if its head is still `etag` (null: never published). */
  publish(p: PublishedDefinition, etag: string | null): Promise<PublishResult>;
  /** A token that changes whenever anything is published (null: nothing ever was). */
  generation(): Promise<string | null>;
}
