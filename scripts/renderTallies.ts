/**
 * `npm run render:tallies`: writes the sample tallies' report workbooks as the CLI does (one per
 * form and grouping, as `returns pull --by …` writes them: the workbooks the PDF test prints),
 * renders them through LibreOffice (PDF, then `pdftoppm -png`) into docs/tallies/ for people
 * to look at, and checks what LibreOffice shows against what each cell means to show (BE
 * dates, two-decimal percentages, `–`, names): it exits 1 on any difference.
 * Needs Debian libreoffice-calc and poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ReportSheet } from '@returns-hub/shared/report/reportSheet';
import { writeTallyWorkbook } from '@returns-hub/cli/xlsx/writeTallyWorkbook';
import { sampleReportInputs } from '../test/support/sampleReports';
import { printedWorkbooks } from '../test/support/printedWorkbooks';
import { checkRenderedByLibreOffice, convertWithLibreOffice } from './libreOfficeRender';

const OUT = resolve(__dirname, '../docs/tallies');
const DPI = '80';

async function main(): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'render-tallies-'));
  mkdirSync(OUT, { recursive: true });
  try {
    const inputs = await sampleReportInputs();
    const books: { form: string; path: string; sheets: ReportSheet[] }[] = [];
    for (const b of printedWorkbooks(inputs)) {
      const path = join(work, `${b.name}.xlsx`);
      await writeTallyWorkbook(path, b.sheets);
      books.push({ form: b.name, path, sheets: b.sheets });
    }

    convertWithLibreOffice(
      books.map((b) => b.path),
      'pdf',
      work,
    );
    for (const f of readdirSync(OUT)) if (f.endsWith('.png')) rmSync(join(OUT, f));
    for (const b of books) {
      execFileSync('pdftoppm', ['-png', '-r', DPI, join(work, `${b.form}.pdf`), join(work, b.form)]);
      // Page numbers in two digits whatever the page count, so links to a page stay put.
      for (const f of readdirSync(work)) {
        const page = new RegExp(`^${b.form}-(\\d+)\\.png$`).exec(f)?.[1];
        if (page) renameSync(join(work, f), join(OUT, `${b.form}-${page.padStart(2, '0')}.png`));
      }
    }
    console.log(`rendered ${readdirSync(OUT).filter((f) => f.endsWith('.png')).length} pages into docs/tallies/`);

    let failed = 0;
    for (const b of books) {
      const { mismatches, shown } = checkRenderedByLibreOffice(b.path, b.sheets);
      const cells = b.sheets.reduce((a, s) => a + s.cells.length, 0);
      const first = [...shown.values()][0] ?? [];
      console.log(
        `${b.form}: ${b.sheets.length} sheets, ${cells} cells as LibreOffice shows them: ${mismatches.length ? `${mismatches.length} differ` : 'all as meant'}; date line "${first.find((r) => r[0]?.startsWith('ข้อมูล ณ'))?.[0] ?? ''}"`,
      );
      for (const m of mismatches.slice(0, 10)) console.log(`  ${m.sheet}!${m.cell}: meant "${m.expected}", shown "${m.shown}"`);
      failed += mismatches.length;
    }
    return failed ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`render:tallies: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
