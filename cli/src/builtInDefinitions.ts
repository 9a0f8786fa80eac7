import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '@returns-hub/shared/definitions/versionsByYear';

let builtIn: VersionedDefinitions | null = null;

/**
 * The built-in definitions (`forms/*.json`), for every year: what `returns check` reads and
 * checks with, offline. Loaded once per process (a few small JSON files, no schema library).
 */
export function builtInDefinitions(): VersionedDefinitions {
  return (builtIn ??= new VersionedDefinitions(builtInDocuments(), []));
}
