import { ApiError, type ApiClient } from '@returns-hub/shared/api/client';
import type { GroupBy, Tally } from '@returns-hub/shared/consolidate/tally';
import { paneDefinitions } from '../definitions/paneDefinitions';
import { computeReport, groupingsNeeded, type ReportInput } from '@returns-hub/shared/report/computeReport';
import { reportByName } from '@returns-hub/shared/report/formReports';
import { isReportProblem } from '@returns-hub/shared/report/reportProblem';
import type { ReportSheet } from '@returns-hub/shared/report/reportSheet';
import type { Lang } from '../text/bilingual';
import { apiProblemText } from '../pane/apiProblemText';
import type { Outcome } from '../pane/paneController';
import { defaultPullQuery, layoutOf, type PullQuery } from '../pane/pullChoices';
import { sbi } from './sendText';
import { StateHolder } from './stateHolder';

export interface TotalsState {
  lang: Lang;
  status: 'idle' | 'loading' | 'done' | 'failed';
  query: PullQuery;
  /** The report sheet headquarters prints, computed as the CLI's and the pane's are (shared/report). */
  sheet: ReportSheet | null;
  outcome?: Outcome;
}

/**
 * Totals on the page, for offices whose Excel cannot build the totals sheet (ExcelApi 1.1) or
 * that have no Excel: the same choices as the pane's Totals, the same report sheet (computed
 * by shared/report from the API's tallies, as `returns pull` does), shown read-only and
 * downloadable as CSV.
 */
export class TotalsController extends StateHolder<TotalsState> {
  constructor(
    private readonly api: () => ApiClient | null,
    lang: Lang,
    private readonly now: () => Date,
  ) {
    const forms = paneDefinitions.current().forms;
    super({ lang, status: 'idle', query: defaultPullQuery(forms.find((f) => f.id === 'bma-community-plan-return') ?? forms[0], now()), sheet: null });
  }

  setLang(lang: Lang): void {
    this.set({ lang });
  }

  choose(query: PullQuery): void {
    this.set({ query });
  }

  async load(q: PullQuery = this.state.query): Promise<void> {
    const api = this.api();
    if (!api) return this.set({ status: 'failed', query: q, outcome: { tone: 'warning', text: sbi('notSignedIn') } });
    // The form and units of the year asked for (as the API knows them, once loaded; the built-in ones until then).
    await paneDefinitions.load(q.fy);
    const year = paneDefinitions.forYear(q.fy);
    const form = year.formById(q.form);
    const name = layoutOf(q);
    const layout = form && name ? reportByName(form, name) : null;
    if (!form || !layout || isReportProblem(layout))
      return this.set({ status: 'failed', query: q, outcome: { tone: 'error', text: { th: 'แบบรายงานนี้ไม่มีรูปแบบรายงานยอดรวม', en: 'This form has no totals report.' } } });
    this.set({ status: 'loading', query: q, outcome: undefined });
    try {
      const tallies: Partial<Record<GroupBy, Tally>> = {};
      for (const by of groupingsNeeded(layout, q.by)) tallies[by] = await api.tallies({ form: q.form, fy: q.fy, period: q.period, by });
      const completeness = await api.completeness({ form: q.form, fy: q.fy, period: q.period }).catch(() => null);
      const input: ReportInput = { form, units: year.units, tallies, completeness, generatedAt: this.now() };
      const sheet = computeReport(layout, input, q.by);
      if (isReportProblem(sheet)) return this.set({ status: 'failed', sheet: null, outcome: { tone: 'error', text: { th: sheet.message_th, en: sheet.message_en } } });
      this.set({ status: 'done', sheet });
    } catch (e) {
      this.set({
        status: 'failed',
        sheet: null,
        outcome: e instanceof ApiError && e.status < 500 ? { tone: 'error', text: apiProblemText(e) } : { tone: 'warning', text: sbi('hqOffline'), retry: true },
      });
    }
  }
}
