import fc from 'fast-check';
import { parseNumber } from './parseNumber';
import { parseThaiDate } from './parseThaiDate';
import { parseYesNo } from './parseYesNo';
import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '../definitions/versionsByYear';
import { normalizeLabel } from '../text/normalizeLabel';
import { toArabicDigits } from '../text/thaiDigits';

/** The built-in definitions (`forms/*.json`). */
const BUILT_IN = new VersionedDefinitions(builtInDocuments(), []).forYear(null);
const resolveOrgUnit = (s: unknown) => BUILT_IN.units.resolve(s);

const thaiDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
// Strings mixing Thai, digits, punctuation and the symbols people type into cells.
const cellText = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[\u0E00-\u0E7F0-9 ,.%()/:\-–—✓✔✗]{0,24}$/),
  fc.constantFrom('-', '—', '(1,000)', 'ร้อยละ 12', '10.00 %', '๘๕,๔๔๐ บาท', '12/29/2020', '27 มี.ค. 63'),
);

describe('parsers never throw, and agree with themselves', () => {
  test('on any text', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        parseNumber(s);
        parseThaiDate(s);
        parseYesNo(s);
        resolveOrgUnit(s);
        normalizeLabel(s);
      }),
      { numRuns: 2000 },
    );
  });

  test('a number with thousands separators, in Thai or Arabic digits, reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.boolean(), (n, thai) => {
        const text = n.toLocaleString('en-US');
        const r = parseNumber(thai ? thaiDigits(text) : text);
        return r.ok && r.value === n;
      }),
    );
  });

  test('any valid d/m/BE date reads back as the same day (Thai digits too)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true }), fc.boolean(), (d, thai) => {
        const text = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear() + 543}`;
        const r = parseThaiDate(thai ? thaiDigits(text) : text);
        return r.ok && r.value === d.toISOString().slice(0, 10);
      }),
    );
  });

  test('an accepted date is always a real calendar day in ISO form', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const r = parseThaiDate(s);
        if (!r.ok) return true;
        return /^\d{4}-\d{2}-\d{2}$/.test(r.value) && new Date(r.value + 'T00:00:00Z').toISOString().startsWith(r.value);
      }),
    );
  });

  test('Thai digits convert one-to-one', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{0,12}$/), (s) => toArabicDigits(thaiDigits(s)) === s));
  });
});
