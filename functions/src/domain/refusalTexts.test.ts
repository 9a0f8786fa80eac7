import { REFUSAL_TEXTS } from './refusalTexts';
import { builtInDefinitions } from '../definitions/builtInDefinitions';

type Params = { [K in keyof typeof REFUSAL_TEXTS]: Parameters<(typeof REFUSAL_TEXTS)[K]> };
const units = builtInDefinitions().forYear(null).units;
const name = { en: 'Form 2, Huai Khwang, FY2563', th: 'แบบรายงาน 2 ห้วยขวาง ปี 2563' };

/** Values for every refusal: a text missing here does not compile. */
const SAMPLES: Params = {
  submitOtherUnit: [{ mine: '1017', asked: '1045', units }],
  replayOtherUnit: [{ mine: '1017', asked: '1045', units }],
  readOtherUnit: [{ mine: '1017', units }],
  reviewOtherUnit: [{ mine: '1017', units }],
  publishHqOnly: [],
  rebuildHqOnly: [],
  exceptionHqOnly: [{ unit: { en: 'Huai Khwang', th: 'ห้วยขวาง' } }],
  zoneSubmits: [{ unit: '1017' }],
  returnNotFound: [],
  versionNotFound: [{ version: 3 }],
  historyNotFound: [],
  reviewNotFound: [{ name }],
  badTallyPeriod: [{ form: 'bma-community-plan-return', period: 'Q5' }],
  badGrouping: [{ form: 'bma-community-plan-return', groupings: ['hq', 'district'] }],
  badExportPeriod: [{ form: 'codi-kpi', quarterly: true, period: 'FY' }],
  keyReused: [],
  hasErrors: [{ errors: 2 }],
  tooManyRows: [{ rows: 150_001, limit: 100_000 }],
  sentTwice: [{ name: 'bma-community-plan-return 1017 2563 FY' }],
  subjectTooLong: [{ name: 'x', chars: 2_000, limit: 1_000 }],
  rowTooLarge: [{ name: 'x', row: 12, chars: 40_000, limit: 30_000 }],
  recordTooLarge: [{ name: 'x', chars: 900_000, limit: 800_000 }],
  contributionTooLarge: [{ name: 'x', chars: 900_000, limit: 800_000 }],
  definitionInvalid: [{ errors: 3 }],
  definitionMisfit: [{ fiscalYear: 2564, errors: 1 }],
  definitionIdMismatch: [{ id: 'form:a', asked: 'form:b' }],
  storedMeanwhile: [{ name: 'bma-community-plan-return 1017 2563 FY', stored: 2 }],
  partlyStored: [{ stored: 10, unconfirmed: 2, total: 50 }],
  lockedMany: [{ locked: 2, total: 5, names: [name, name], more: 0, lock: { en: 'It was accepted.', th: 'รับแล้ว' } }],
  rebuildConflict: [{ form: 'bma-community-plan-return', fiscalYear: 2563, tries: 3, rewritten: 0 }],
  versionChanged: [{ reviewing: 1, now: 2, by: 'dev-unit-1017', at: { en: '2020-10-05 14:03 Bangkok time', th: '5 ต.ค. 2563 14:03 น.' } }],
  decidedMeanwhile: [{ by: { en: 'hq (headquarters)', th: 'hq (ส่วนกลาง)' }, version: 2, status: { en: 'accepted', th: 'รับแล้ว' } }],
  changedMeanwhile: [],
};

const THAI = /[\u0E00-\u0E7F]/;

test.each(Object.keys(SAMPLES) as (keyof Params)[])('%s: an English sentence, and a Thai one with no English words but names and codes', (key) => {
  const text = (REFUSAL_TEXTS[key] as (...p: Params[typeof key]) => { en: string; th: string })(...SAMPLES[key]);
  expect(text.en).not.toMatch(THAI);
  expect(text.th).toMatch(THAI);
  // What a Thai sentence may hold in Latin letters: the header's name, period codes, the values it was given.
  const values: string[] = JSON.stringify(SAMPLES[key], (k, v) => (k === 'units' ? undefined : v)).match(/[A-Za-z][\w:-]*/g) ?? [];
  const latin: string[] = text.th.replace(/Idempotency-Key|\(Q1–Q4\)|\(FY\)/g, '').match(/[A-Za-z][\w:-]*/g) ?? [];
  expect(latin.filter((w) => !values.includes(w))).toEqual([]);
});

test('the rebuild conflict says how many entities were rewritten, zero included; nothing when the rebuild wrote none', () => {
  expect(REFUSAL_TEXTS.rebuildConflict({ form: 'f', fiscalYear: 2563, tries: 3, rewritten: 0 }).en).toMatch(/ 0 entities were rewritten\.$/);
  expect(REFUSAL_TEXTS.rebuildConflict({ form: 'f', fiscalYear: 2563, tries: 3, rewritten: null }).en).toMatch(/have stopped\.$/);
});

test('a unit is named by its code in English, and by its code and name in Thai (the units of the return’s year)', () => {
  const t = REFUSAL_TEXTS.submitOtherUnit({ mine: '1017', asked: '1045', units });
  expect(t.en).toBe('This key may submit only for org unit 1017; the return is for 1045.');
  expect(t.th).toBe('บัญชีนี้ส่งแบบรายงานได้เฉพาะของหน่วยงาน 1017 ห้วยขวาง แต่แบบรายงานนี้เป็นของ 1045 วังทองหลาง');
});
