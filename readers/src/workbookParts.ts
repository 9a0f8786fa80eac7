import { builtInFormat, showsCalendarDate } from './numberFormats';
import { localName, parseXml } from './xmlStream';

/**
 * The small parts of an .xlsx, each read whole: relationships, the workbook (sheets in tab
 * order, the date system) and the styles (each cell style's number format). Text in,
 * plain data out: no zip, no Node.
 */

export interface Relationship {
  type: string;
  path: string;
}

export interface SheetRef {
  name: string;
  path: string;
}

export interface Styles {
  /** Number format of each cell style (`s`), undefined for General. */
  fmt: (string | undefined)[];
  /** Whether each cell style shows a calendar date, whose serial counts days from the workbook's day zero (times and durations do not). */
  date: boolean[];
}

/** Where a relationship's target lies in the package, relative to the part that names it. */
export function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** The relationships part of `partPath` (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`). */
export function relationshipsPath(partPath: string): string {
  const dir = partPath.split('/').slice(0, -1).join('/');
  return `${dir ? dir + '/' : ''}_rels/${partPath.split('/').pop()}.rels`;
}

/** Relationship id → type and package path; external targets are left out. */
export function parseRelationships(xml: string, partPath: string, part: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  parseXml(part, xml, {
    open(tag) {
      if (localName(tag.name) !== 'Relationship') return;
      const { Id: id, Target: target, Type: type, TargetMode: mode } = tag.attributes;
      if (id && target && mode !== 'External') out.set(id, { type: type ?? '', path: resolvePath(partPath, target) });
    },
  });
  return out;
}

/** The sheets in tab order (worksheets only: chart sheets have no cells) and the date system. */
export function parseWorkbook(xml: string, rels: Map<string, Relationship>, part: string): { sheets: SheetRef[]; date1904: boolean } {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parseXml(part, xml, {
    open(tag) {
      const name = localName(tag.name);
      const a = tag.attributes;
      if (name === 'workbookPr') {
        const d = a.date1904;
        date1904 = d === '1' || d?.toLowerCase() === 'true';
      } else if (name === 'sheet') {
        // The relationship id is `r:id`, whatever the prefix (Strict OOXML binds another namespace to it).
        const idKey = Object.keys(a).find((k) => k.endsWith(':id'));
        const rel = idKey ? rels.get(a[idKey]) : undefined;
        if (rel && rel.type.endsWith('/worksheet')) sheets.push({ name: a.name ?? rel.path, path: rel.path });
      }
    },
  });
  return { sheets, date1904 };
}

/** Each cell style's number format: custom ones by id, else Excel's built-in ones. */
export function parseStyles(xml: string, part: string): Styles {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  parseXml(part, xml, {
    open(tag) {
      const name = localName(tag.name);
      if (name === 'numFmt') {
        const id = Number(tag.attributes.numFmtId);
        const code = tag.attributes.formatCode;
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) ids.push(Number(tag.attributes.numFmtId ?? 0));
    },
    close(tag) {
      if (localName(tag.name) === 'cellXfs') inCellXfs = false;
    },
  });
  const styles: Styles = { fmt: [], date: [] };
  for (const id of ids) {
    const code = custom.get(id) ?? builtInFormat(id);
    const fmt = code === undefined || code === 'General' ? undefined : code;
    styles.fmt.push(fmt);
    styles.date.push(showsCalendarDate(fmt));
  }
  return styles;
}
