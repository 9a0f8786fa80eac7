import type { Issue } from '@returns-hub/shared/issues/issue';
import { bySeverity } from '@returns-hub/shared/issues/issue';
import { checkSheets } from '@returns-hub/shared/check/checkSheets';
import type { LocatedReturn } from '@returns-hub/shared/read/locatedReturn';
import type { Receipt, SubmitRequest } from '@returns-hub/shared/api/schemas';
import { ApiError, newIdempotencyKey, type ApiClient } from '@returns-hub/shared/api/client';
import type { GroupBy } from '@returns-hub/shared/consolidate/tally';
import { formById } from '@returns-hub/shared/forms/index';
import type { SavedFill } from '../excel/highlights';
import type { ExcelPort } from './excelPort';
import { t, type Lang } from './i18n';

export interface CheckedSummary {
  formId: string;
  orgUnit: string | null;
  fiscalYear: number | null;
  period: string | null;
}

export interface PaneState {
  lang: Lang;
  check: {
    status: 'idle' | 'reading' | 'done' | 'failed';
    sheet?: string;
    returns: CheckedSummary[];
    issues: { error: Issue[]; warning: Issue[]; info: Issue[] };
    located: LocatedReturn[];
    highlighted: SavedFill[];
    message?: string;
  };
  send: { status: 'idle' | 'sending' | 'sent' | 'offline' | 'refused'; progress: number; receipts: Receipt[]; message?: string; problemIssues?: Issue[] };
  pull: { status: 'idle' | 'pulling' | 'done' | 'failed'; sheet?: string; message?: string; last?: PullQuery };
}

export interface PullQuery {
  form: string;
  fy: number;
  period: string;
  by: GroupBy;
}

const EMPTY_CHECK: PaneState['check'] = { status: 'idle', returns: [], issues: { error: [], warning: [], info: [] }, located: [], highlighted: [] };

/**
 * The task pane's state and flows (check → send → pull), with no office.js and no UI:
 * Excel is reached through the port, the backend through the API client. The UI renders
 * `state` and calls these methods; every change is announced to subscribers.
 */
export class PaneController {
  state: PaneState;
  private listeners = new Set<(s: PaneState) => void>();
  /** One idempotency key per checked content: a retry after a dropped connection is never stored twice. */
  private pendingKey: string | null = null;

  constructor(
    private readonly excel: ExcelPort,
    private readonly api: () => ApiClient,
    lang: Lang,
    /** Called by Refresh: the custom functions drop their cached figures. */
    private readonly onRefresh: () => void = () => undefined,
  ) {
    this.state = { lang, check: EMPTY_CHECK, send: { status: 'idle', progress: 0, receipts: [] }, pull: { status: 'idle' } };
  }

  subscribe(fn: (s: PaneState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<PaneState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn(this.state);
  }

  /** Check (ตรวจสอบ): read the active sheet, run the shared checker, list and highlight findings. */
  async check(): Promise<void> {
    await this.clearHighlights();
    this.set({ check: { ...EMPTY_CHECK, status: 'reading' } });
    const read = await this.excel.readActiveSheet();
    if (!read.ok) {
      this.set({ check: { ...EMPTY_CHECK, status: 'failed', issues: { error: [read.issue], warning: [], info: [] }, message: read.issue[this.state.lang === 'th' ? 'message_th' : 'message_en'] } });
      return;
    }
    const [sheet] = checkSheets([read.grid]);
    const all = [...sheet.issues, ...sheet.returns.flatMap((r) => r.issues)].sort(bySeverity);
    const issues = { error: all.filter((i) => i.severity === 'error'), warning: all.filter((i) => i.severity === 'warning'), info: all.filter((i) => i.severity === 'info') };
    const highlighted = await this.excel.highlight(all);
    this.pendingKey = null; // new content, new submission
    this.set({
      check: {
        status: 'done',
        sheet: sheet.sheet,
        returns: sheet.returns.map((r) => ({ formId: r.formId, orgUnit: r.orgUnit, fiscalYear: r.fiscalYear, period: r.period })),
        issues,
        located: sheet.located,
        highlighted,
        message: sheet.returns.length === 0 ? t(this.state.lang, 'noForm') : issues.error.length ? t(this.state.lang, 'fixFirst') : t(this.state.lang, 'clean'),
      },
      send: { status: 'idle', progress: 0, receipts: [] },
    });
  }

  async clearHighlights(): Promise<void> {
    if (this.state.check.highlighted.length === 0) return;
    await this.excel.clearHighlights(this.state.check.highlighted);
    this.set({ check: { ...this.state.check, highlighted: [] } });
  }

  selectIssue(issue: Issue): Promise<void> {
    return this.excel.selectCell(issue.cell);
  }

  /** Send (ส่งข้อมูล): upload the checked returns; a dropped connection can be retried without a duplicate. */
  async send(): Promise<void> {
    const c = this.state.check;
    if (c.status !== 'done' || c.located.length === 0) return this.set({ send: { status: 'refused', progress: 0, receipts: [], message: t(this.state.lang, 'checkFirst') } });
    if (c.issues.error.length) return this.set({ send: { status: 'refused', progress: 0, receipts: [], message: t(this.state.lang, 'fixFirst') } });
    this.pendingKey ??= newIdempotencyKey();
    const req: SubmitRequest = { fileName: c.sheet ?? 'sheet', returns: c.located };
    this.set({ send: { status: 'sending', progress: 0.3, receipts: [] } });
    try {
      const res = await this.api().submit(req, this.pendingKey);
      this.set({ send: { status: 'sent', progress: 1, receipts: res.receipts, message: t(this.state.lang, 'sent') } });
    } catch (e) {
      if (e instanceof ApiError && e.status < 500) {
        this.set({ send: { status: 'refused', progress: 0, receipts: [], message: `${t(this.state.lang, 'refused')}: ${e.problem.detail}`, problemIssues: (e.problem.issues ?? []) as Issue[] } });
      } else this.set({ send: { status: 'offline', progress: 0, receipts: [], message: t(this.state.lang, 'offline') } });
    }
  }

  /** Insert blank form (แทรกแบบฟอร์มเปล่า): a new sheet of the form with dropdowns, so new users start right. */
  async insertBlankForm(formId: string): Promise<string | null> {
    const form = formById(formId);
    if (!form) return null;
    const { sheet } = await this.excel.insertBlankForm(form);
    return sheet;
  }

  /** Pull totals (ดึงยอดรวม) and Refresh: write the tallies into a sheet (refreshed in place). */
  async pull(q: PullQuery | undefined = this.state.pull.last): Promise<void> {
    if (!q) return;
    this.onRefresh();
    this.set({ pull: { status: 'pulling', last: q } });
    try {
      const api = this.api();
      const tally = await api.tallies(q);
      const completeness = await api.completeness({ form: q.form, fy: q.fy, period: tally.period });
      const { sheet } = await this.excel.writeTallies(tally, completeness);
      this.set({ pull: { status: 'done', sheet, last: q, message: `${t(this.state.lang, 'written')}: ${sheet}` } });
    } catch (e) {
      this.set({ pull: { status: 'failed', last: q, message: e instanceof ApiError ? e.problem.detail : t(this.state.lang, 'offline') } });
    }
  }
}
