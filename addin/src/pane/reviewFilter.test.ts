import type { ReviewedReturn } from '@returns-hub/shared/review/reviewSchemas';
import { cleanToAccept, filterReturns, NO_FILTER, statusCounts, zonesOf } from './reviewFilter';
import { decidedText } from './reviewWho';

const row = (orgUnit: string, over: Partial<ReviewedReturn>): ReviewedReturn => ({
  orgUnit,
  name_th: orgUnit,
  subject: null,
  version: 1,
  submittedAt: '2020-10-05T07:03:00Z',
  submittedBy: 'unit-key:' + orgUnit,
  timeliness: 'on_time',
  rows: 1,
  warnings: 0,
  fileName: 'f.xlsx',
  status: 'submitted',
  decision: null,
  reason: null,
  comments: 0,
  zone: { code: 'Z-C', name_th: 'กลุ่มเขตกลาง', name_en: 'Central' },
  ...over,
});

const list = [
  row('1001', {}),
  row('1002', { warnings: 2 }),
  row('1003', { status: 'returned' }),
  row('1004', { status: 'zone_accepted', zone: { code: 'Z-E', name_th: 'กลุ่มเขตตะวันออก', name_en: 'East' } }),
  row('1005', { status: 'accepted' }),
];

describe('the reviewers’ list', () => {
  test('filters by status, "awaiting" as the workflow says for the level, warnings and zone', () => {
    const units = (rs: ReviewedReturn[]) => rs.map((r) => r.orgUnit);
    expect(units(filterReturns(list, { ...NO_FILTER, status: 'awaiting' }, 'hq'))).toEqual(['1001', '1002', '1004']);
    expect(units(filterReturns(list, { ...NO_FILTER, status: 'awaiting' }, 'zone'))).toEqual(['1001', '1002']);
    expect(units(filterReturns(list, { ...NO_FILTER, warnings: 'with' }, 'hq'))).toEqual(['1002']);
    expect(units(filterReturns(list, { ...NO_FILTER, zone: 'Z-E' }, 'hq'))).toEqual(['1004']);
    expect(zonesOf(list).map((z) => z.code)).toEqual(['Z-C', 'Z-E']);
  });

  test('"accept all without warnings" takes what the level may accept and has no warnings', () => {
    expect(cleanToAccept(list, 'hq').map((r) => r.orgUnit)).toEqual(['1001', '1004']);
    expect(cleanToAccept(list, 'zone').map((r) => r.orgUnit)).toEqual(['1001']);
  });

  test('statuses counted, the most pressing first', () => {
    expect(statusCounts(list).map((c) => c.status)).toEqual(['returned', 'submitted', 'zone_accepted', 'accepted']);
  });

  test('who decided: a name where the sign-in gave one, else the role; Bangkok time, never a key or UTC', () => {
    expect(decidedText({ by: 'hq-key', role: 'hq', at: '2020-10-05T07:03:00Z', client: 'x' })).toEqual({
      th: 'โดยส่วนกลาง · 5 ต.ค. 2563 เวลา 14:03 น.',
      en: 'By headquarters · 2020-10-05 14:03 Bangkok time',
    });
    expect(decidedText({ by: 'somchai@bma.go.th', name: 'สมชาย ใจดี', role: 'zone', at: '2020-10-05T07:03:00Z', client: 'x' }).th).toBe('โดยสมชาย ใจดี (ผู้ตรวจกลุ่มเขต) · 5 ต.ค. 2563 เวลา 14:03 น.');
  });
});
