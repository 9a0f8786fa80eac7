import { paneDefinitions } from '../definitions/paneDefinitions';

const formById = (id: string) => paneDefinitions.current().formById(id);
import { latestPeriodWithReturns, periodsNewestFirst } from './latestPeriod';

const NOW = new Date('2026-12-07T03:00:00Z'); // FY 2570 has begun; its Q1 is not over

describe('the latest period with returns', () => {
  test('periods that have begun, newest first, ten years back', () => {
    const yearly = periodsNewestFirst(formById('bma-community-plan-return')!, NOW);
    expect(yearly.slice(0, 2)).toEqual([
      { fy: 2570, period: 'FY' },
      { fy: 2569, period: 'FY' },
    ]);
    expect(yearly).toHaveLength(10);
    const quarterly = periodsNewestFirst(formById('codi-quarterly-kpi')!, NOW);
    expect(quarterly.slice(0, 3)).toEqual([
      { fy: 2570, period: 'Q1' },
      { fy: 2569, period: 'Q4' },
      { fy: 2569, period: 'Q3' },
    ]);
  });

  test('the newest period with a return, asked a few at a time; null when none, or when headquarters cannot be reached', async () => {
    const asked: string[] = [];
    const found = await latestPeriodWithReturns(formById('codi-quarterly-kpi')!, NOW, async (p) => (asked.push(`${p.fy} ${p.period}`), p.fy === 2563 && p.period === 'Q2' ? 5 : 0));
    expect(found).toEqual({ fy: 2563, period: 'Q2' }); // seven years back: the samples' year, found from today
    const recent = await latestPeriodWithReturns(formById('codi-quarterly-kpi')!, NOW, async (p) => (p.fy === 2568 && p.period <= 'Q2' ? 3 : 0));
    expect(recent).toEqual({ fy: 2568, period: 'Q2' });
    expect(await latestPeriodWithReturns(formById('bma-community-plan-return')!, NOW, () => Promise.reject(new Error('offline')))).toBeNull();
    expect(asked.length).toBeLessThanOrEqual(40);
  });
});
