import type { Grid } from '@returns-hub/shared/sheet/grid';
import { parseA1 } from '@returns-hub/shared/sheet/address';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { checkSheets } from '@returns-hub/shared/check/checkSheets';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';
import type { ApiClient } from '@returns-hub/shared/api/client';
import { sameEveryYear, type DefinitionSource } from '@returns-hub/shared/definitions/definitions';
import { definitionsOfYear } from '@returns-hub/shared/definitions/versionsByYear';

/** A sample's sheets as the reader gives them, to be changed by a test before they are sent. */
export async function gridsOf(file: string): Promise<Grid[]> {
  const read = await readWorkbookFile(file);
  if (!read.ok) throw new Error(read.issue.message_en);
  return read.grids;
}

/** Every text cell with `from` in it gets `to` instead (a title's year: 2563 → 2564). */
export function replaceText(grids: Grid[], from: string, to: string): Grid[] {
  for (const g of grids) for (const row of g.rows) for (const c of row ?? []) if (c && typeof c.value === 'string') c.value = c.value.split(from).join(to);
  return grids;
}

/** A cell of the first sheet set to `value` (`D7`). */
export function setCell(grids: Grid[], address: string, value: string | number | null): Grid[] {
  const { row, col } = parseA1(address)!;
  const rows = grids[0].rows;
  while (rows.length <= row) rows.push([]);
  const line = (rows[row] ??= []);
  line[col] = value === null ? undefined : { value };
  return grids;
}

/** A row appended to the first sheet's table (after its last row). */
export function appendRow(grids: Grid[], values: (string | number | null)[]): Grid[] {
  grids[0].rows.push(values.map((v) => (v === null ? undefined : { value: v })));
  return grids;
}

/** What a client sends for sheets, read with the definitions given (the API's for the year, as the pane would). */
export function requestOf(fileName: string, grids: Grid[], source: DefinitionSource): SubmitRequest {
  return { fileName, returns: checkSheets(grids, source).flatMap((s) => s.located) };
}

/** A year's definitions as the API sends them, for every year alike (a client working on that year). */
export async function apiDefinitions(client: ApiClient, fy: number): Promise<DefinitionSource> {
  return sameEveryYear(definitionsOfYear(await client.definitions({ fy })));
}
