import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '@returns-hub/shared/definitions/versionsByYear';
import type { DefinitionDocument } from '@returns-hub/shared/definitions/definitionDocument';

/** The built-in definitions (`forms/*.json`): what every year has until headquarters publishes its own. */
export const BUILT_IN_DOCUMENTS: readonly DefinitionDocument[] = builtInDocuments();

let builtIn: VersionedDefinitions | null = null;

/** The built-in definitions alone, for every year (nothing published). */
export function builtInDefinitions(): VersionedDefinitions {
  return (builtIn ??= new VersionedDefinitions(BUILT_IN_DOCUMENTS, []));
}
