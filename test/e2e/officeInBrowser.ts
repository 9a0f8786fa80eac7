import type { Grid } from '@returns-hub/shared/sheet/grid';
import { FakeBook, type FakeSets } from '../support/excelFake/fakeBook';
import { installOfficeGlobals } from '../support/excelFake/fakeHost';

/** What a browser test gives the page before it loads: the workbook's sheets, the host's sets, Office's language. */
export interface FakeOfficeConfig {
  grids: Grid[];
  sets: FakeSets;
  displayLanguage: string;
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
const book = FakeBook.fromGrids(config.grids, config.sets);
w.__BOOK__ = book;
installOfficeGlobals(w, book, config.displayLanguage);
