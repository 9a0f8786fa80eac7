import { beToCe, ceToBe, fiscalYearInputSchema, fiscalYearSchema, isFiscalYear, parseFiscalYear, toBe } from './fiscalYear';

const ok = (input: string | number) => {
  const r = parseFiscalYear(input);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to read, got ${r.error.en}`);
  return r.value;
};
const refused = (input: string | number) => {
  const r = parseFiscalYear(input);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${r.value}`);
  return r.error;
};

describe('BE/CE conversion', () => {
  it('BE = CE + 543 both ways', () => {
    expect(ceToBe(2020)).toBe(2563);
    expect(beToCe(2563)).toBe(2020);
  });
  it('toBe: two digits are 25xx, 2400 and up is BE, below is CE', () => {
    expect(toBe(63)).toBe(2563);
    expect(toBe(2563)).toBe(2563);
    expect(toBe(2020)).toBe(2563);
    expect(toBe(2400)).toBe(2400);
    expect(toBe(2399)).toBe(2942);
    expect(toBe(63, 4)).toBe(606); // `0063` is written with four digits: year 63 CE
  });
});

describe('parseFiscalYear', () => {
  it.each([
    ['2563', 2563],
    ['๒๕๖๓', 2563],
    [' 2563 ', 2563],
    ['63', 2563],
    ['๖๓', 2563],
    ['2020', 2563],
    ['พ.ศ. 2563', 2563],
    ['พ.ศ.2563', 2563],
    ['พศ 2563', 2563],
    ['B.E. 2563', 2563],
    ['ปีงบประมาณ 2563', 2563],
    ['ปีงบประมาณ พ.ศ. 2563', 2563],
    ['FY2563', 2563],
    ['fy 2563', 2563],
    ['ค.ศ. 2020', 2563],
    ['CE 2020', 2563],
  ])('reads %j as %d', (text, fy) => expect(ok(text)).toBe(fy));

  it('bounds: BE 2400–2800 in, 2399 and 2801 out', () => {
    expect(refused('2399').code).toBe('fiscal_year.invalid');
    expect(ok('2400')).toBe(2400);
    expect(ok('2800')).toBe(2800);
    expect(refused('2801').code).toBe('fiscal_year.invalid');
    expect(ok(2400)).toBe(2400);
    expect(ok(2800)).toBe(2800);
    refused(2399);
    refused(2801);
  });
  it('CE 1857–2257 is converted; CE 1856 and 2258 are not years of the rule', () => {
    expect(ok('1857')).toBe(2400);
    expect(ok('2257')).toBe(2800);
    refused('1856');
    refused('2258');
  });
  it('refuses 9999, 0001, 544, three digits and an era that contradicts the year', () => {
    for (const t of ['9999', '0001', '544', '100', 'พ.ศ. 2020', 'ค.ศ. 2563', 'ค.ศ. 20', '25630', '']) refused(t);
    for (const n of [9999, 544, 100, 2563.5, -63, Number.NaN, Number.POSITIVE_INFINITY]) refused(n);
  });
  it('numbers follow the same rule as text', () => {
    expect(ok(2563)).toBe(2563);
    expect(ok(2020)).toBe(2563);
    expect(ok(63)).toBe(2563);
    expect(ok(1)).toBe(2501);
  });
  it('refuses text that only contains a year', () => {
    for (const t of ['2563 or true', '2563;', 'x2563', '2,563', '0x9F3', '2.563e3', 'ปี 2563 ปี']) refused(t);
  });
  it('explains in Thai and English, quoting what was given and naming the range', () => {
    const e = refused('2801');
    expect(e.th).toContain('"2801"');
    expect(e.th).toContain('2400 ถึง 2800');
    expect(e.en).toContain('"2801"');
    expect(e.en).toMatch(/2400 to 2800/);
    expect(e.en).not.toMatch(/[\\^$[\]]/); // prose, not a pattern
  });
});

describe('schemas', () => {
  it('fiscalYearSchema is the stored form: whole BE years 2400–2800', () => {
    expect(fiscalYearSchema.safeParse(2563).success).toBe(true);
    expect(fiscalYearSchema.safeParse(2020).success).toBe(false);
    expect(fiscalYearSchema.safeParse(2563.5).success).toBe(false);
    expect(isFiscalYear(2800)).toBe(true);
    expect(isFiscalYear(2801)).toBe(false);
    expect(isFiscalYear('2563')).toBe(false);
  });
  it('fiscalYearInputSchema reads every spelling and gives the BE year, or the English explanation', () => {
    expect(fiscalYearInputSchema.parse('63')).toBe(2563);
    expect(fiscalYearInputSchema.parse(2020)).toBe(2563);
    const bad = fiscalYearInputSchema.safeParse('2801');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toContain('2400 to 2800');
  });
});
