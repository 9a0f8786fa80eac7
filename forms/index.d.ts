import type { DefinitionDocument } from '@returns-hub/shared/definitions/definitionDocument';

/**
 * The built-in definition documents (every `*.json` twin of this folder, by file name). Their
 * shape is their type: the test suite checks each one as publishing does (`checkDefinition`).
 */
export function builtInDocuments(): DefinitionDocument[];
