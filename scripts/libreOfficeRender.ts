import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReportSheet } from '@returns-hub/shared/report/reportSheet';
import { displayText } from '@returns-hub/shared/report/displayText';
import { a1 } from '@returns-hub/shared/sheet/address';
import { parseCsv } from '@returns-hub/shared/report/csv';

/** LibreOffice's command, where installed. */
export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);

/**
 * Runs headless LibreOffice with a private profile (parallel runs never share a locked one).
 * `filter` is a --convert-to target such as `pdf` or a CSV filter string.
 */
export function convertWithLibreOffice(files: string[], filter: string, outDir: string): void {
  if (!SOFFICE) throw new Error('LibreOffice is not installed (Debian: apt-get install libreoffice-calc)');
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', filter, '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 240_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** poppler's pdftotext, where installed (Debian poppler-utils; pretest installs it). */
export const PDFTOTEXT = ['/usr/bin/pdftotext'].find(existsSync);

/** A PDF's pages as `pdftotext -layout` reads them (one call; pages end with a form feed). */
export function pdfPages(pdf: string): string[] {
  if (!PDFTOTEXT) throw new Error('pdftotext is not installed (Debian: apt-get install poppler-utils)');
  const text = execFileSync(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  const pages = text.split('\f');
  if (pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

/**
 * Text as compared with a PDF's: without spaces and Thai vowel and tone marks, which pdftotext
 * moves about (`ทั้งหมด` comes out as `ทัง้ หมด`) and which wrapped cells split from their letters.
 */
export const comparableText = (s: string) => s.replace(/[\s\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '');

/** Every sheet as LibreOffice shows it (CSV of the cells' shown text, UTF-8, all sheets: `<file>-<sheet>.csv`). */
const CSV_AS_SHOWN = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

/** A cell LibreOffice shows differently from what the report means it to show. */
export interface RenderMismatch {
  sheet: string;
  cell: string;
  expected: string;
  shown: string;
}

/**
 * Converts a written workbook to CSV with LibreOffice ("as shown") and compares every cell
 * of every sheet with the text the report means it to show: the Buddhist Era dates, the
 * two-decimal percentages, `–` for zero, `50 / 50`. Returns the cells that differ.
 */
export function checkRenderedByLibreOffice(xlsx: string, sheets: readonly ReportSheet[]): { mismatches: RenderMismatch[]; shown: Map<string, string[][]> } {
  const out = mkdtempSync(join(tmpdir(), 'render-check-'));
  try {
    convertWithLibreOffice([xlsx], CSV_AS_SHOWN, out);
    const base = basename(xlsx).replace(/\.xlsx$/, '');
    const shown = new Map<string, string[][]>();
    for (const f of readdirSync(out)) if (f.endsWith('.csv')) shown.set(f.slice(base.length + 1, -4), parseCsv(readFileSync(join(out, f), 'utf8')));
    const mismatches: RenderMismatch[] = [];
    for (const s of sheets) {
      const grid = shown.get(s.name) ?? (sheets.length === 1 ? [...shown.values()][0] : undefined);
      if (!grid) {
        mismatches.push({ sheet: s.name, cell: '—', expected: 'the sheet', shown: `sheets: ${[...shown.keys()].join(', ')}` });
        continue;
      }
      for (const c of s.cells) {
        const expected = displayText(c.value, c.numFmt) ?? '';
        const got = grid[c.row]?.[c.col] ?? '';
        if (got !== expected) mismatches.push({ sheet: s.name, cell: a1(c.row, c.col), expected, shown: got });
      }
    }
    return { mismatches, shown };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
