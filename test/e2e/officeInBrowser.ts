import { gridFromValues, type Grid } from '@returns-hub/shared/sheet/grid';
import { EXCEL_DESKTOP, EXCEL_ON_THE_WEB, FakeBook, type FakeSets } from '../support/excelFake/fakeBook';
import { installOfficeGlobals } from '../support/excelFake/fakeHost';
import { projectRegister } from '../support/projectRegister';

/** What a browser test gives the page before it loads: the workbook's sheets, the host's sets, Office's language. */
export interface FakeOfficeConfig {
  grids: Grid[];
  sets: FakeSets;
  displayLanguage: string;
  /** Large project registers made in the page (60,000 rows need not travel as JSON); `spentInWords`: the money column in words, one finding a row. */
  registers?: { sheet: string; rows: number; spentInWords?: boolean }[];
  /** Excel on the web (the default: the stand-in's limits) or desktop Excel (no payload limit). */
  host?: 'web' | 'desktop';
  /** How long each sync takes (a round trip to Excel). */
  latencyMs?: number;
}

/** The page's window as the browser test sees it: the config in, the workbook out (to drive and read back). */
export type FakeOfficeWindow = Window & { __FAKE_OFFICE__?: FakeOfficeConfig; __BOOK__?: FakeBook };

/**
 * Served by Playwright in place of office.js: the same office.js fake the Jest tests use,
 * installed as the `Office` and `Excel` globals over a workbook made from the config.
 */
const w: FakeOfficeWindow = window;
const config = w.__FAKE_OFFICE__;
if (!config) throw new Error('The browser test gives window.__FAKE_OFFICE__ before the page loads.');
const registers = (config.registers ?? []).map((r) => gridFromValues(r.sheet, projectRegister(r.rows, r.spentInWords ? { spent: () => 'ห้าร้อยบาท' } : {})));
const book = FakeBook.fromGrids([...registers, ...config.grids], config.sets, config.host === 'desktop' ? EXCEL_DESKTOP : EXCEL_ON_THE_WEB);
book.latencyMs = config.latencyMs ?? 0;
w.__BOOK__ = book;
installOfficeGlobals(w, book, config.displayLanguage);
