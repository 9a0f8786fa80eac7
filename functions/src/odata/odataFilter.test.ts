import { allowedValues, FilterError, matches, parseFilter } from './odataFilter';

const row = { FormId: 'bma-community-plan-return', FiscalYear: 2563, Period: 'FY', OrgUnit: '1045', OrgUnitName: 'วังทองหลาง', Value: 583203, Status: null, Accepted: true };

describe('$filter: what Power Query folds filters into', () => {
  test.each([
    ["FiscalYear eq 2563 and Period eq 'FY'", true],
    ["FiscalYear eq 2563 and Period eq 'Q2'", false],
    ["FiscalYear eq 2562 or OrgUnitName eq 'วังทองหลาง'", true],
    ['not (Value gt 600000)', true],
    ['Value ge 583203 and Value le 583203.0', true],
    ['Value lt 1e3', false],
    ["OrgUnit in ('1001', '1045')", true],
    ['Status eq null', true],
    ['Status ne null', false],
    ['Status gt 0', false],
    ["contains(OrgUnitName, 'ทอง') and startswith(FormId, 'bma') and endswith(tolower(Period), 'fy')", true],
    ["toupper(Period) eq 'FY'", true],
    ['Accepted', true],
    ['Accepted eq false', false],
    ["OrgUnitName eq 'O''Brien'", false],
    ['(FiscalYear eq 2563)', true],
    ['SubmittedAt gt 2020-01-01T00:00:00Z or FiscalYear eq 2563', true],
  ])('%s → %s', (text, want) => {
    expect(matches(parseFilter(text), row)).toBe(want);
  });

  test.each([
    ['FiscalYear eq', /ends too soon/],
    ["Period eq 'FY", /not closed/],
    ['length(OrgUnit) eq 4', /function length/],
    ['Value add 1 eq 2', /"add" is not an operator/],
    ['FiscalYear eq 2563 FiscalYear', /was not expected/],
    ["Period has 'x'", /"has" is not an operator/],
    ['Value eq 1 & 2', /"&" is not part/],
    ['', /empty/],
  ])('%s is refused: %s', (text, message) => {
    expect(() => parseFilter(text)).toThrow(FilterError);
    expect(() => parseFilter(text)).toThrow(message);
  });

  test('the values a filter allows a scope property (what the feed reads); null where it does not restrict it', () => {
    const allowed = (text: string, p: string) => allowedValues(parseFilter(text), p);
    expect(allowed("FiscalYear eq 2563 and Period eq 'Q2'", 'FiscalYear')).toEqual([2563]);
    expect(allowed('FiscalYear in (2562, 2563) and FiscalYear eq 2563', 'FiscalYear')).toEqual([2563]);
    expect(allowed('(FiscalYear eq 2562 or FiscalYear eq 2563) and Value gt 0', 'FiscalYear')).toEqual([2562, 2563]);
    expect(allowed("FiscalYear eq 2562 or Period eq 'Q2'", 'FiscalYear')).toBeNull();
    expect(allowed('not (FiscalYear eq 2562)', 'FiscalYear')).toBeNull();
    expect(allowed('2563 eq FiscalYear', 'FiscalYear')).toEqual([2563]);
    expect(allowedValues(null, 'FiscalYear')).toBeNull();
  });
});
