import type { Grid } from '@returns-hub/shared/sheet/grid';
import { GridAssembler } from './gridAssembler';
import type { PackedChunk, SheetHead } from './sheetChunk';
import { checkGrid, type SheetCheck } from './sheetCheck';
import { answerOf, type FromChecker, type ToChecker } from './checkProtocol';
import { PaneDefinitions } from '../definitions/paneDefinitions';

/** Checked grids kept for a later read to be compared with (Send compares with the last Check). */
const KEEP = 2;

/**
 * Where the checking happens, by read: grids are put together from their parts, checked,
 * and the last few kept so that a later read of the same sheet can say which cells changed.
 * The Web Worker runs one (checkWorker.ts); so does the in-page checker.
 */
export class CheckHost {
  private reading = new Map<string, GridAssembler | Grid>();
  private kept = new Map<string, Grid>();
  /** The forms and units of each year: built in, and the years the page gave (as headquarters published them). */
  private readonly definitions = new PaneDefinitions();

  /** One message of the protocol; `finish` is answered with the check (in several messages), or with why it failed. */
  receive(m: ToChecker): FromChecker[] {
    if (m.type === 'head') this.head(m.id, m.head);
    else if (m.type === 'chunk') this.chunk(m.id, m.chunk);
    else if (m.type === 'grid') this.grid(m.id, m.grid);
    else if (m.type === 'definitions') this.definitions.put(m.fiscalYear, m.year);
    else {
      try {
        return answerOf(m.id, this.finish(m.id, m.compareWith, m.again));
      } catch (e) {
        return [{ type: 'failed', id: m.id, message: e instanceof Error ? e.message : String(e) }];
      }
    }
    return [];
  }

  head(id: string, h: SheetHead): void {
    const a = new GridAssembler();
    a.head(h);
    this.reading.set(id, a);
  }

  chunk(id: string, c: PackedChunk): void {
    const a = this.reading.get(id);
    if (a instanceof GridAssembler) a.packed(c);
  }

  grid(id: string, g: Grid): void {
    this.reading.set(id, g);
  }

  finish(id: string, compareWith?: string, again = false): SheetCheck {
    const r = again ? this.kept.get(id) : this.reading.get(id);
    if (!r) throw new Error(`no read ${id}`);
    this.reading.delete(id);
    const grid = r instanceof GridAssembler ? r.grid() : r;
    const result = checkGrid(grid, this.definitions, compareWith ? this.kept.get(compareWith) : undefined);
    this.kept.set(id, grid);
    for (const old of [...this.kept.keys()].slice(0, -KEEP)) this.kept.delete(old);
    return result;
  }
}
