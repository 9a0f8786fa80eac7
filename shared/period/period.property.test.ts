import fc from 'fast-check';
import { PERIOD_CODES, isPeriodCode, periodKindSchema, periodsOfKind } from './periodCode';
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, parseFiscalYear } from './fiscalYear';
import { addDays, fiscalYearOf, isoDateOf } from './fiscalCalendar';
import { periodEnd, periodOfDate, periodStart, previousPeriod, previousPeriodInYear, periodsUpTo, type Period } from './period';
import { parsePeriod, parsePeriodCode } from './parsePeriod';
import { formatPeriod, periodTitle } from './formatPeriod';
import { fiscalYearFromText, quarterFromText } from './periodFromText';

// Generators draw from fast-check's own seeded source (reproducible), never Math.random().
const fiscalYear = fc.integer({ min: MIN_FISCAL_YEAR, max: MAX_FISCAL_YEAR });
const code = fc.constantFrom(...PERIOD_CODES);
const period = fc.record({ fiscalYear, code });
const lang = fc.constantFrom('th' as const, 'en' as const);
const kind = fc.constantFrom(...periodKindSchema.options);
const thaiDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
const read = (text: string): Period | string => {
  const r = parsePeriod(text);
  return r.ok ? r.value : r.error.en;
};

describe('period properties', () => {
  test('format → parse round-trips for every code and year, both languages, short and title forms, Thai digits too', () => {
    fc.assert(
      fc.property(period, lang, fc.boolean(), (p, l, thai) => {
        const digits = thai ? thaiDigits : (s: string) => s;
        expect(read(digits(formatPeriod(p, l)))).toEqual(p);
        expect(read(digits(periodTitle(p, l)))).toEqual(p);
      }),
      { numRuns: 3000 },
    );
  });

  test('every code and every year in range read back as themselves', () => {
    for (const c of PERIOD_CODES) expect(parsePeriodCode(c)).toEqual({ ok: true, value: c });
    for (let y = MIN_FISCAL_YEAR; y <= MAX_FISCAL_YEAR; y++) {
      expect(parseFiscalYear(String(y))).toEqual({ ok: true, value: y });
      expect(parseFiscalYear(y - 543)).toEqual({ ok: true, value: y }); // its CE spelling
    }
  });

  test('the title readers read the titles periodTitle writes', () => {
    fc.assert(
      fc.property(period, lang, (p, l) => {
        const title = periodTitle(p, l);
        expect(fiscalYearFromText(title)).toBe(p.fiscalYear);
        if (p.code[0] === 'Q') expect(quarterFromText(title)).toBe(Number(p.code[1]));
        else expect(quarterFromText(title)).toBeNull();
      }),
    );
  });

  test('start ≤ end, and both lie in the period’s fiscal year', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(periodStart(p) <= periodEnd(p)).toBe(true);
        expect(fiscalYearOf(periodStart(p))).toBe(p.fiscalYear);
        expect(fiscalYearOf(periodEnd(p))).toBe(p.fiscalYear);
      }),
    );
  });

  test('consecutive periods tile time with no gap and no overlap, within and across years', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(addDays(periodEnd(previousPeriod(p)), 1)).toBe(periodStart(p));
        const inYear = previousPeriodInYear(p);
        if (inYear) expect(addDays(periodEnd(inYear), 1)).toBe(periodStart(p));
      }),
    );
    fc.assert(
      fc.property(fiscalYear, kind, (y, k) => {
        const ps = periodsOfKind(k).map((c) => ({ fiscalYear: y, code: c }));
        expect(periodStart(ps[0])).toBe(periodStart({ fiscalYear: y, code: 'FY' }));
        expect(periodEnd(ps[ps.length - 1])).toBe(periodEnd({ fiscalYear: y, code: 'FY' }));
        for (let i = 1; i < ps.length; i++) expect(addDays(periodEnd(ps[i - 1]), 1)).toBe(periodStart(ps[i]));
        expect(periodsUpTo(ps[ps.length - 1])).toEqual(ps);
      }),
    );
  });

  test('a date lies in the period periodOfDate gives it, for every kind', () => {
    // Days from 1 Oct 1856 (FY 2400) to 30 Sep 2257 (FY 2800).
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 146_460 }), kind, (offset, k) => {
        const d = isoDateOf(1856, 10, 1 + offset);
        const p = periodOfDate(k, d);
        expect(periodStart(p) <= d && d <= periodEnd(p)).toBe(true);
      }),
    );
  });

  test('parsers never throw, and what they accept is canonical', () => {
    const text = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[\u0E00-\u0E7F0-9 qQmMfFyY./,]{0,16}$/),
      fc.constantFrom('ไตรมาส', 'ไตรมาสที่', 'เดือนที่', 'ปีงบประมาณ', 'พ.ศ.', 'FY', 'Q', 'M').chain((w) => fc.tuple(fc.constant(w), fc.nat(99999)).map(([a, n]) => `${a} ${n}`)),
    );
    fc.assert(
      fc.property(text, (s) => {
        const c = parsePeriodCode(s);
        if (c.ok) expect(isPeriodCode(c.value)).toBe(true);
        const p = parsePeriod(s);
        if (p.ok) expect(p.value.fiscalYear >= MIN_FISCAL_YEAR && p.value.fiscalYear <= MAX_FISCAL_YEAR && isPeriodCode(p.value.code)).toBe(true);
        const y = parseFiscalYear(s);
        if (y.ok) expect(y.value >= MIN_FISCAL_YEAR && y.value <= MAX_FISCAL_YEAR).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
