import fc from 'fast-check';
import { makeGrid, type Cell } from '../sheet/grid';
import { checkSheets } from '../check/checkSheets';
import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '../definitions/versionsByYear';

/** The built-in definitions (`forms/*.json`), every year alike. */
const BUILT_IN = new VersionedDefinitions(builtInDocuments(), []);

// Cell texts drawn from the forms' own labels, so random grids often look like forms.
const labels = BUILT_IN.forYear(null).forms.flatMap((f) => [...f.fields, ...(f.table?.columns ?? [])].flatMap((d) => [d.label_th, d.label_en, ...(d.aliases ?? [])]));
const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...labels).map((value) => ({ value })),
  fc.tuple(fc.constantFrom(...labels), fc.nat(10_000)).map(([label, n]) => ({ value: `${label} : ${n}` })),
  fc.constantFrom('รวม', '-', '✓', 'ไตรมาส 2', 'ปีงบประมาณ พ.ศ. 2563', 'วังทองหลาง', 'เหนือ', '50450000-3247', '27/10/2563').map((value) => ({ value })),
  fc.double({ noNaN: true }).map((value) => ({ value })),
  fc.string().map((value) => ({ value })),
  fc.constantFrom('#REF!', '#DIV/0!', '#N/A').map((error) => ({ value: null, error })),
  fc.constant({ value: null, formula: true, uncomputed: true }),
);
const grid = fc.tuple(fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 40 }), fc.string({ maxLength: 12 }));
const ADDRESS = /^('([^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)![A-Z]{1,3}[1-9]\d*$/;

describe('the reader on random grids', () => {
  test('never throws, and every finding points at a valid cell with both languages', () => {
    fc.assert(
      fc.property(grid, ([rows, name]) => {
        const sheet = name || 'Sheet1';
        for (const s of checkSheets([makeGrid(sheet, rows)], BUILT_IN)) {
          for (const i of [...s.issues, ...s.returns.flatMap((r) => r.issues)]) {
            expect(i.cell).toMatch(ADDRESS);
            expect(i.message_th.length).toBeGreaterThan(0);
            expect(i.message_en.length).toBeGreaterThan(0);
            expect(['error', 'warning', 'info']).toContain(i.severity);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
