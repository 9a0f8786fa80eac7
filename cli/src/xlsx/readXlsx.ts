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

export async function readXlsx(bytes: Buffer, file: string, bounds: ReadBounds = READ_BOUNDS): Promise<GridsRead> {
  const budget = new ReadBudget(file, bounds);
  try {
    const zip = openZip(bytes);
    const parts = workbookParts(zip, budget);
    if (!parts) return { ok: false, issue: issueAt('error', 'file.unreadable', file, { detail: 'no workbook part' }) };
    const sstEntry = zip.find(parts.sharedStrings);
    const sst = sstEntry ? await readSharedStrings(budget.count(zip.chunks(sstEntry), sstEntry.compressedSize), sstEntry.name) : [];
    const stylesEntry = zip.find(parts.styles);
    const styles: Styles = stylesEntry ? parseStyles(wholePart(zip, stylesEntry, budget), stylesEntry.name) : { fmt: [], date: [] };
    const grids: Grid[] = [];
    for (const s of parts.sheets) {
      const entry = zip.find(s.path);
      if (!entry) return { ok: false, issue: issueAt('error', 'file.unreadable', file, { detail: `sheet ${s.name} is missing` }) };
      const chunks = budget.count(zip.chunks(entry), entry.compressedSize);
      grids.push(await readWorksheet(chunks, entry.name, { name: s.name, sst, styles, date1904: parts.date1904 }));
    }
    return { ok: true, grids };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, issue: e.issue };
    const detail = e instanceof XmlError ? e.message : e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : 'unknown';
    return { ok: false, issue: issueAt('error', 'file.unreadable', file, { detail }) };
  }
}
