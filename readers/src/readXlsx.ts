import type { Grid } from '@returns-hub/shared/sheet/grid';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { openZip, type ZipArchive, type ZipEntry } from './zipArchive';
import type { GridsRead } from './workbookRead';
import { MAX_PART_BYTES, READ_BOUNDS, type ReadBounds } from './readLimits';
import { ReadBudget, Refusal } from './readBudget';
import { parseRelationships, parseStyles, parseWorkbook, relationshipsPath, type Relationship, type Styles } from './workbookParts';
import { readSharedStrings } from './sharedStringsPart';
import { readWorksheet } from './worksheetPart';
import { XmlError } from './xmlStream';
import type { ReadHost } from './readHost';
import { inflaterOf } from './inflater';

/**
 * Reads an .xlsx/.xlsm as it streams out of the zip, one sheet at a time, into the grids
 * `shared/` reads. Only the cells are kept, never the sheet's XML: memory is bounded by
 * the cells of one sheet, and a sheet is refused the moment it passes Excel's row and
 * column bounds or the cell cap, without reading the rest. The zip is this file's only
 * business; each part's XML is read by a module that takes text and gives data.
 */

function wholePart(zip: ZipArchive, e: ZipEntry, budget: ReadBudget): string {
  const text = zip.text(e, MAX_PART_BYTES);
  budget.take(e.size, e.size, e.compressedSize);
  return text;
}

function relationships(zip: ZipArchive, partPath: string, budget: ReadBudget): Map<string, Relationship> {
  const e = zip.find(relationshipsPath(partPath));
  return e ? parseRelationships(wholePart(zip, e, budget), partPath, e.name) : new Map();
}

/** The workbook's sheets, date system and where its shared strings and styles are. */
function workbookParts(zip: ZipArchive, budget: ReadBudget) {
  const root = relationships(zip, '', budget);
  const officeDoc = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
  const wbPath = officeDoc?.path ?? 'xl/workbook.xml';
  const wbEntry = zip.find(wbPath);
  if (!wbEntry) return null;
  const rels = relationships(zip, wbPath, budget);
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.path;
  return {
    ...parseWorkbook(wholePart(zip, wbEntry, budget), rels, wbEntry.name),
    sharedStrings: byType('/sharedStrings') ?? 'xl/sharedStrings.xml',
    styles: byType('/styles') ?? 'xl/styles.xml',
  };
}

/** Counts what passes, for the host's progress: `done` of `total` unpacked bytes. */
async function* reported(chunks: AsyncIterable<Uint8Array>, seen: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    seen(chunk.length);
    yield chunk;
  }
}

export async function readXlsx(bytes: Uint8Array, file: string, bounds: ReadBounds = READ_BOUNDS, host: ReadHost = {}): Promise<GridsRead> {
  const budget = new ReadBudget(file, bounds);
  try {
    const zip = openZip(bytes, await inflaterOf(host));
    const parts = workbookParts(zip, budget);
    if (!parts) return { ok: false, issue: issueAt('error', 'file.unreadable', file, { detail: 'no workbook part' }) };
    const sstEntry = zip.find(parts.sharedStrings);
    // Progress: the bytes of the shared strings and the sheets, as they unpack, of what their entries declare.
    const total = [sstEntry, ...parts.sheets.map((s) => zip.find(s.path))].reduce((n, e) => n + (e?.size ?? 0), 0);
    let done = 0;
    const counted = (e: ZipEntry) => {
      const chunks = budget.count(zip.chunks(e), e.compressedSize);
      return host.progress ? reported(chunks, (n) => host.progress!(Math.min(1, (done += n) / Math.max(1, total)))) : chunks;
    };
    const sst = sstEntry ? await readSharedStrings(counted(sstEntry), sstEntry.name) : [];
    const stylesEntry = zip.find(parts.styles);
    const styles: Styles = stylesEntry ? parseStyles(wholePart(zip, stylesEntry, budget), stylesEntry.name) : { fmt: [], date: [] };
    const grids: Grid[] = [];
    for (const s of parts.sheets) {
      const entry = zip.find(s.path);
      if (!entry) return { ok: false, issue: issueAt('error', 'file.unreadable', file, { detail: `sheet ${s.name} is missing` }) };
      grids.push(await readWorksheet(counted(entry), entry.name, { name: s.name, sst, styles, date1904: parts.date1904 }));
    }
    return { ok: true, grids };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, issue: e.issue };
    const detail = e instanceof XmlError ? e.message : e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : 'unknown';
    return { ok: false, issue: issueAt('error', 'file.unreadable', file, { detail }) };
  }
}
