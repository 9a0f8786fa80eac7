import fc from 'fast-check';
import { parseNumber, UNIT_WORDS } from './parseNumber';
import { parseThaiDate } from './parseThaiDate';
import { THAI_MONTH_ABBREVIATIONS, THAI_MONTH_NAMES } from '../text/monthNames';

/**
 * Each tolerance of FORMS.md as a list of its forms; fast-check draws one form from each
 * list and the parser must read the combination. No example is written by hand.
 */
const thai = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
const digitsForms = [(s: string) => s, thai];
const groupings = [(n: string) => n, (n: string) => n.replace(/\B(?=(\d{3})+(?!\d))/g, ',')];
const signs = ['none', 'minus', 'parentheses'] as const;
const percentForms = ['none', 'suffix', 'suffix-spaced', 'prefix'] as const;
const DASHES = ['-', '–', '—', '−'];

const numberCase = fc.record({
  whole: fc.nat({ max: 9_999_999 }),
  cents: fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
  digits: fc.constantFrom(...digitsForms),
  grouping: fc.constantFrom(...groupings),
  sign: fc.constantFrom(...signs),
  percent: fc.constantFrom(...percentForms),
  unit: fc.option(fc.constantFrom(...UNIT_WORDS), { nil: undefined }),
  space: fc.constantFrom('', ' '),
  dash: fc.option(fc.constantFrom(...DASHES), { nil: undefined }),
});

function write(c: typeof numberCase extends fc.Arbitrary<infer T> ? T : never): { text: string; value: number } {
  const magnitude = c.whole + (c.cents ?? 0) / 100;
  let body = c.dash ?? c.digits(c.grouping(String(c.whole)) + (c.cents === undefined ? '' : `.${String(c.cents).padStart(2, '0')}`));
  const value = c.dash ? 0 : c.sign === 'none' ? magnitude : -magnitude;
  if (!c.dash && c.sign === 'minus') body = `-${body}`;
  if (!c.dash && c.sign === 'parentheses') body = `(${body})`;
  if (c.percent === 'suffix') body = `${body}%`;
  if (c.percent === 'suffix-spaced') body = `${body} %`;
  if (c.percent === 'prefix') body = `ร้อยละ ${body}`;
  if (c.unit && c.percent === 'none') body = `${body}${c.space}${c.unit}`;
  return { text: body, value };
}

describe('number tolerances compose', () => {
  test('any digits × grouping × sign or parentheses × percent form × unit word × dash-for-zero', () => {
    fc.assert(
      fc.property(numberCase, (c) => {
        const { text, value } = write(c);
        const r = parseNumber(text);
        expect({ text, ok: r.ok }).toEqual({ text, ok: true });
        if (r.ok) expect(r.value).toBeCloseTo(value, 9);
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['- บาท', 0],
    ['(๑,๒๐๐) บาท', -1200],
    ['ร้อยละ ๖๖.๕๖', 66.56],
    ['—', 0],
  ])('%s', (text, value) => {
    expect(parseNumber(text)).toMatchObject({ ok: true, value });
  });
});

describe('date tolerances compose', () => {
  const dateCase = fc.record({
    date: fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2040, 11, 31)), noInvalidDate: true }),
    month: fc.constantFrom('full', 'abbreviated', 'abbreviated-no-dots'),
    year: fc.constantFrom('BE4', 'BE2'),
    digits: fc.constantFrom(...digitsForms),
    spacing: fc.constantFrom(' ', '  '),
  });
  test('Thai or Arabic digits × Thai month names (full, abbreviated, without dots) × 2- or 4-digit BE years', () => {
    fc.assert(
      fc.property(dateCase, (c) => {
        const [y, m, d] = [c.date.getUTCFullYear(), c.date.getUTCMonth(), c.date.getUTCDate()];
        const name = c.month === 'full' ? THAI_MONTH_NAMES[m] : c.month === 'abbreviated' ? THAI_MONTH_ABBREVIATIONS[m] : THAI_MONTH_ABBREVIATIONS[m].replace(/\./g, '');
        const be = y + 543;
        const year = c.year === 'BE4' ? String(be) : String(be % 100).padStart(2, '0');
        const text = c.digits(`${d}${c.spacing}${name}${c.spacing}${year}`);
        const iso = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect({ text, r: parseThaiDate(text) }).toEqual({ text, r: { ok: true, value: iso } });
      }),
      { numRuns: 2000 },
    );
  });
});
