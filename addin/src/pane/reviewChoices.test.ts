import { paneDefinitions } from '../definitions/paneDefinitions';
import { defaultReviewQuery, reviewPeriodChoices } from './reviewChoices';

/** The pane's forms with no API: the built-in ones. */
const formById = (id: string) => paneDefinitions.current().formById(id);

describe('review choices', () => {
  test('a yearly form is reviewed by year, a quarterly one by quarter', () => {
    expect(reviewPeriodChoices(formById('bma-community-plan-return')!, 'en').map((c) => c.value)).toEqual(['FY']);
    expect(reviewPeriodChoices(formById('codi-quarterly-kpi')!, 'th').map((c) => c.label)).toEqual(['ไตรมาส 1', 'ไตรมาส 2', 'ไตรมาส 3', 'ไตรมาส 4']);
  });
  test('the default is the current fiscal year (Bangkok time), or the latest quarter that has ended', () => {
    expect(defaultReviewQuery(formById('bma-community-plan-return')!, new Date('2020-06-15T03:00:00Z'))).toEqual({ form: 'bma-community-plan-return', fy: 2563, period: 'FY' });
    expect(defaultReviewQuery(formById('codi-quarterly-kpi')!, new Date('2020-06-15T03:00:00Z'))).toEqual({ form: 'codi-quarterly-kpi', fy: 2563, period: 'Q2' });
  });
});
