import type { Grid } from '@returns-hub/shared/sheet/grid';
import { colCount } from '@returns-hub/shared/sheet/grid';
import { bySeverity, type Issue } from '@returns-hub/shared/issues/issue';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { checkSheet, locateForYear } from '@returns-hub/shared/check/checkSheets';
import { PaneDefinitions } from '../../definitions/paneDefinitions';
import type { WorkbookRead } from '@returns-hub/readers/workbookRead';
import { MAX_SHOWN_COLUMNS, type FileReading, type FromFiles, type SheetReading, type ToFiles } from './fileProtocol';
import { shownRow } from './shownText';

/** Reads a file's bytes into grids, saying how far it has come (a fraction, 0–1) where it can tell. */
export type ReadBytes = (bytes: Uint8Array, name: string, progress: (fraction: number) => void) => Promise<WorkbookRead>;

/** Progress messages at most this often: the page redraws a bar, not every chunk. */
const PROGRESS_MS = 100;
/** Rows looked at to size each column. */
const WIDTH_ROWS = 300;

function widthsOf(grid: Grid, columns: number): number[] {
  const widths = new Array<number>(columns).fill(3);
  for (let r = 0; r < Math.min(grid.rows.length, WIDTH_ROWS); r++) {
    const row = shownRow(grid.rows[r], columns, grid.date1904);
    row.forEach((c, i) => {
      if (!c.spill) widths[i] = Math.max(widths[i], Math.min(40, c.text.length));
    });
  }
  return widths;
}

/** One sheet checked (with the forms of its year: as the page gave them, else the built-in ones), as the page shows it; the returns as Send posts them, each naming its file. */
function readingOf(grid: Grid, file: string, definitions: PaneDefinitions): SheetReading {
  const s = checkSheet(locateForYear(grid, definitions));
  const allColumns = colCount(grid);
  const columns = Math.min(allColumns, MAX_SHOWN_COLUMNS);
  const issues: Issue[] = [...s.issues, ...s.returns.flatMap((r) => r.issues)].sort(bySeverity);
  return {
    sheet: s.sheet,
    formId: s.formId,
    rows: grid.rows.length,
    columns,
    allColumns,
    widths: widthsOf(grid, columns),
    issues,
    returns: s.returns.map((r, i) => ({
      formId: r.formId,
      orgUnit: r.orgUnit,
      fiscalYear: r.fiscalYear,
      period: r.period,
      subject: r.subject,
      rows: r.rows.filter((x) => x.kind === 'item').length,
      errors: r.issues.filter((x) => x.severity === 'error').length,
      warnings: r.issues.filter((x) => x.severity === 'warning').length,
      json: JSON.stringify({ ...s.located[i], fileName: file }),
    })),
  };
}

/**
 * The file worker's work, apart from the worker (tests run it in Node): files read and checked,
 * their grids kept for the rows the page asks to show, let go when the page forgets the file.
 */
export class FileHost {
  /** Each file read: its sheets' grids and the format it was read as. */
  private kept = new Map<string, { grids: Grid[]; format?: string }>();
  /** Files are read one at a time, in the order given: memory holds one file being read. */
  private reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly read: ReadBytes,
    private readonly post: (m: FromFiles) => void,
    private readonly now: () => number = Date.now,
    /** The years' definitions the page gave (the built-in set for a year it did not). */
    private readonly definitions = new PaneDefinitions(),
  ) {}

  async receive(m: ToFiles): Promise<void> {
    try {
      if (m.type === 'forget') this.kept.delete(m.file);
      else if (m.type === 'definitions') this.definitions.put(m.fiscalYear, m.year);
      else if (m.type === 'recheck') await this.inTurn(() => this.post({ type: 'read', id: m.id, reading: this.checkAll(m.id, m.name) }));
      else if (m.type === 'rows') this.post({ type: 'rows', id: m.id, rows: this.rows(m.file, m.sheet, m.from, m.count) });
      else await this.inTurn(async () => this.post({ type: 'read', id: m.id, reading: await this.readFile(m.id, m.name, new Uint8Array(await m.file.arrayBuffer())) }));
    } catch (e) {
      if ('id' in m) this.post({ type: 'failed', id: m.id, message: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Runs `work` after the reads and checks asked for before it (one at a time); a failure is the caller's alone. */
  private inTurn(work: () => void | Promise<void>): Promise<void> {
    const turn = this.reading.then(work);
    this.reading = turn.catch(() => undefined);
    return turn;
  }

  private rows(file: string, sheet: number, from: number, count: number) {
    const grid = this.kept.get(file)?.grids[sheet];
    if (!grid) return [];
    const columns = Math.min(colCount(grid), MAX_SHOWN_COLUMNS);
    const out = [];
    for (let r = Math.max(0, from); r < Math.min(grid.rows.length, from + count); r++) out.push(shownRow(grid.rows[r], columns, grid.date1904));
    return out;
  }

  private async readFile(id: string, name: string, bytes: Uint8Array): Promise<FileReading> {
    let last = 0;
    const progress = (stage: 'reading' | 'checking', done: number, total: number, force = false) => {
      const t = this.now();
      if (!force && t - last < PROGRESS_MS) return;
      last = t;
      this.post({ type: 'progress', id, stage, done, total });
    };
    progress('reading', 0, 1, true);
    const read = await this.read(bytes, name, (f) => progress('reading', Math.min(1, f), 1));
    if (!read.ok) return { format: read.format, sheets: [], issues: [read.issue] };
    this.kept.set(id, { grids: read.grids, format: read.format });
    return this.checkAll(id, name, (i) => progress('checking', i, read.grids.length, true));
  }

  /** Every sheet of a file read before, checked with the definitions the host holds now. */
  private checkAll(id: string, name: string, onSheet: (i: number) => void = () => undefined): FileReading {
    const { grids, format } = this.kept.get(id) ?? { grids: [] };
    const sheets: SheetReading[] = [];
    for (const [i, grid] of grids.entries()) {
      onSheet(i);
      sheets.push(readingOf(grid, name, this.definitions));
    }
    const found = sheets.some((s) => s.returns.length > 0);
    return { format, sheets, issues: found ? [] : [issueAt('error', 'file.no_form', name)] };
  }
}
