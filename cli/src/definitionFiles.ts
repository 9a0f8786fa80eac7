import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { checkDefinition } from '@returns-hub/shared/definitions/checkDefinition';
import type { DefinitionDocument } from '@returns-hub/shared/definitions/definitionDocument';
import { definitionIssue, finding, type SourceMap } from '@returns-hub/shared/definitions/definitionMessages';
import { readDefinitionWorkbook } from '@returns-hub/shared/definitions/readDefinitionWorkbook';
import { definitionWorkbookSheets } from '@returns-hub/shared/definitions/writeDefinitionWorkbook';
import { MAX_DEFINITION_CHARS } from '@returns-hub/shared/definitions/definitionDocument';
import { builtInDefinitions } from './builtInDefinitions';
import { readWorkbookFile } from './xlsx/readWorkbookFile';

/** A definition file read and checked: the document, or every finding at its cell (the workbook's) or its path (the JSON's). */
export type DefinitionFileRead = { ok: true; doc: DefinitionDocument } | { ok: false; issues: Issue[] };

const unreadable = (file: string, detail: string): DefinitionFileRead => ({ ok: false, issues: [definitionIssue({ ...finding('definition.unreadable', [], { detail }), cell: basename(file) })] });

/**
 * Reads a definition workbook (.xlsx, .xlsm, .xls, .ods: any format `returns check` reads)
 * or its JSON twin (.json), and checks it as publishing does, with the built-in org units
 * (the server checks again with the units of the year it is published for).
 */
export async function readDefinitionFile(path: string): Promise<DefinitionFileRead> {
  let input: unknown;
  let sources: SourceMap | undefined;
  if (extname(path).toLowerCase() === '.json') {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      return unreadable(path, (e as NodeJS.ErrnoException).code ?? 'error');
    }
    if (text.length > MAX_DEFINITION_CHARS * 2) return unreadable(path, `${text.length} characters`);
    try {
      input = JSON.parse(text);
    } catch (e) {
      return unreadable(path, `not JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else {
    const book = await readWorkbookFile(path);
    if (!book.ok) return { ok: false, issues: [book.issue] };
    const read = readDefinitionWorkbook(book.grids);
    if (!read.ok) return { ok: false, issues: read.findings.map((f) => definitionIssue(f, read.sources)) };
    input = read.doc;
    sources = read.sources;
  }
  const checked = checkDefinition(input, builtInDefinitions().forYear(null).units, sources);
  return checked.ok ? { ok: true, doc: checked.doc } : { ok: false, issues: checked.issues };
}

/** Writes a definition as its workbook (.xlsx) or its JSON twin (.json), by the file's extension. */
export async function writeDefinitionFile(path: string, doc: DefinitionDocument): Promise<void> {
  if (extname(path).toLowerCase() === '.json') return writeFile(path, JSON.stringify(doc, null, 2) + '\n', 'utf8');
  const { definitionWorkbookBytes } = await import('./xlsx/writeDefinitionWorkbook.js');
  await writeFile(path, await definitionWorkbookBytes(definitionWorkbookSheets(doc)));
}

/** The file types a definition is written as. */
export const DEFINITION_OUTPUTS = ['.xlsx', '.json'];
