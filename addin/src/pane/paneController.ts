import type { Issue } from '@returns-hub/shared/issues/issue';
import { bySeverity, issueSchema } from '@returns-hub/shared/issues/issue';
import { checkSheets } from '@returns-hub/shared/check/checkSheets';
import type { LocatedReturn } from '@returns-hub/shared/read/locatedReturn';
import type { Receipt, SubmitRequest } from '@returns-hub/shared/api/schemas';
import { ApiError, newIdempotencyKey, type ApiClient } from '@returns-hub/shared/api/client';
import type { Grid } from '@returns-hub/shared/sheet/grid';
import { splitSheetAddress } from '@returns-hub/shared/sheet/address';
import { formById } from '@returns-hub/shared/forms/index';
import type { SavedFill } from '../excel/highlights';
import type { SheetRead } from '../excel/readSheet';
import { excelProblem, type ExcelProblem } from '../excel/excelProblem';
import type { Bilingual, Lang } from '../text/bilingual';
import type { ExcelPort } from './excelPort';
import { bi } from './i18n';
import { apiProblemText } from './apiProblemText';
import { changedCells, listCells } from './sheetChanges';
import { describeReturn, type ReturnText } from './returnText';
import { summarizeTally, type TallySummary } from './tallySummary';
import { layoutOf, type PullQuery } from './pullChoices';
import { reportByName } from '@returns-hub/shared/report/formReports';
import { groupingsNeeded } from '@returns-hub/shared/report/computeReport';
import { isReportProblem } from '@returns-hub/shared/report/reportProblem';

export type { PullQuery } from './pullChoices';

/** The four flows; one runs at a time, and each always ends settled (no spinner, no dead button). */
export type Flow = 'check' | 'send' | 'pull' | 'insert';

export type Tone = 'success' | 'info' | 'warning' | 'error';

/** What the pane says at the end of a step: a sentence in both languages, and whether Retry helps. */
export interface Outcome {
  tone: Tone;
  text: Bilingual;
  retry?: boolean;
}

export interface GroupedIssues {
  error: Issue[];
  warning: Issue[];
  info: Issue[];
}

export interface CheckState {
  status: 'idle' | 'reading' | 'done' | 'failed';
  /** The checked sheet's stable id: Send, highlights and selection find it by this after a rename. */
  sheetId?: string;
  sheet?: string;
  /** The cells as checked: Send compares the sheet with these. */
  grid?: Grid;
  returns: ReturnText[];
  issues: GroupedIssues;
  located: LocatedReturn[];
  highlighted: SavedFill[];
  outcome?: Outcome;
  /** Things this Excel could not do, said plainly (merged cells unknown, cells not coloured). */
  notes: Bilingual[];
  /** A click on a finding or on Clear colours that Excel refused. */
  actionProblem?: Outcome;
}

export interface SendState {
  status: 'idle' | 'sending' | 'sent' | 'offline' | 'refused' | 'changed' | 'failed';
  receipts: Receipt[];
  outcome?: Outcome;
  /** Findings the server sent back with a refusal (422). */
  problemIssues: Issue[];
  /** Cells that differ from what the clerk last saw checked. */
  changedCells: string[];
}

export interface PullState {
  status: 'idle' | 'pulling' | 'done' | 'failed';
  last?: PullQuery;
  summary?: TallySummary;
  outcome?: Outcome;
}

export interface InsertState {
  status: 'idle' | 'inserting' | 'done' | 'failed';
  sheet?: string;
  outcome?: Outcome;
  notes: Bilingual[];
}

export interface PaneState {
  lang: Lang;
  busy: Flow | null;
  check: CheckState;
  send: SendState;
  pull: PullState;
  insert: InsertState;
}

const EMPTY_ISSUES: GroupedIssues = { error: [], warning: [], info: [] };
const EMPTY_CHECK: CheckState = { status: 'idle', returns: [], issues: EMPTY_ISSUES, located: [], highlighted: [], notes: [] };
const EMPTY_SEND: SendState = { status: 'idle', receipts: [], problemIssues: [], changedCells: [] };
const IN_PROGRESS = new Set(['reading', 'sending', 'pulling', 'inserting']);

const problemOutcome = (p: ExcelProblem): Outcome => ({ tone: 'error', text: p, retry: p.wayOn === 'retry' });
const say = (tone: Tone, text: Bilingual, retry = false): Outcome => ({ tone, text, retry });

/**
 * How long an Excel call may take before the pane says what Excel is waiting for: most
 * often the clerk typing in a cell (Excel 2021 and Microsoft 365 hold the call until the
 * cell is left; older Excel refuses it and the runner tries again).
 */
export const SLOW_EXCEL_MS = 2000;

/** A sheet read and checked: what Check shows and what Send sends. */
interface Checked {
  sheetId: string;
  sheet: string;
  grid: Grid;
  mergesUnknown: boolean;
  returns: ReturnText[];
  issues: GroupedIssues;
  all: Issue[];
  located: LocatedReturn[];
}

function checkRead(read: Extract<SheetRead, { ok: true }>): Checked {
  const [sheet] = checkSheets([read.grid]);
  const all = [...sheet.issues, ...sheet.returns.flatMap((r) => r.issues)].sort(bySeverity);
  return {
    sheetId: read.sheetId,
    sheet: sheet.sheet,
    grid: read.grid,
    mergesUnknown: read.mergesUnknown,
    returns: sheet.returns.map((r) => describeReturn(r)),
    issues: { error: all.filter((i) => i.severity === 'error'), warning: all.filter((i) => i.severity === 'warning'), info: all.filter((i) => i.severity === 'info') },
    all,
    located: sheet.located,
  };
}

/** The sentence under Check: not a form, errors to fix, or ready to send. */
function checkOutcome(c: Checked): Outcome {
  if (c.returns.length === 0) return say('warning', bi('noForm'));
  const n = c.issues.error.length;
  if (n)
    return say('error', { th: `พบข้อผิดพลาด ${n} รายการ แก้ไขในชีต แล้วกด “ตรวจสอบ” อีกครั้ง`, en: `${n} error${n > 1 ? 's' : ''} found: fix ${n > 1 ? 'them' : 'it'} in the sheet, then press Check again.` });
  return say('success', bi('clean'));
}

/**
 * The task pane's state and flows (check → send → pull, and insert a blank form), with
 * no office.js and no UI: Excel is reached through the port (which answers with values or
 * problems), the backend through the API client. The UI renders `state` and calls these
 * methods; every change is announced to subscribers. Each flow runs guarded: whatever
 * happens, it ends settled, with the pane usable.
 */
export class PaneController {
  state: PaneState;
  private listeners = new Set<(s: PaneState) => void>();
  /** One idempotency key per content sent: a retry after a dropped connection is never stored twice. */
  private pendingKey: string | null = null;
  private pendingFor: string | null = null;

  private readonly onRefresh: () => void;
  private readonly slowMs: number;

  constructor(
    private readonly excel: ExcelPort,
    private readonly api: () => ApiClient,
    lang: Lang,
    opts: {
      /** Called by Pull and Refresh: the custom functions drop their cached figures. */
      onRefresh?: () => void;
      /** How long an Excel call runs before the pane says Excel is waiting. */
      slowMs?: number;
    } = {},
  ) {
    this.onRefresh = opts.onRefresh ?? (() => undefined);
    this.slowMs = opts.slowMs ?? SLOW_EXCEL_MS;
    this.state = { lang, busy: null, check: EMPTY_CHECK, send: EMPTY_SEND, pull: { status: 'idle' }, insert: { status: 'idle', notes: [] } };
  }

  subscribe(fn: (s: PaneState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<PaneState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn(this.state);
  }

  /**
   * Runs one flow; a second flow waits its turn (its button is disabled while one runs).
   * Whatever the flow does or throws, it ends settled: a flow left in progress is failed
   * with a message, and `busy` is cleared.
   */
  private async run(flow: Flow, body: () => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: flow });
    try {
      await body();
    } catch {
      this.settle(flow, true);
    } finally {
      this.settle(flow, false);
      this.set({ busy: null });
    }
  }

  private settle(flow: Flow, threw: boolean) {
    const s = this.state[flow];
    if (!threw && !IN_PROGRESS.has(s.status)) return;
    const outcome = problemOutcome(excelProblem('Unexpected'));
    if (flow === 'check') this.set({ check: { ...this.state.check, status: 'failed', outcome } });
    if (flow === 'send') this.set({ send: { ...this.state.send, status: 'failed', outcome } });
    if (flow === 'pull') this.set({ pull: { ...this.state.pull, status: 'failed', outcome } });
    if (flow === 'insert') this.set({ insert: { ...this.state.insert, status: 'failed', outcome } });
  }

  /** An Excel call of a flow: if it is slow, the flow's message says Excel is waiting and what to do. */
  private async waitExcel<T>(flow: Flow, call: Promise<T>): Promise<T> {
    const timer = setTimeout(() => {
      const s = this.state[flow];
      if (IN_PROGRESS.has(s.status)) this.set({ [flow]: { ...s, outcome: say('info', bi('excelWaiting')) } });
    }, this.slowMs);
    try {
      return await call;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Takes the colours off the last check's cells; a sheet deleted since has nothing to clear. */
  private async uncolour(): Promise<ExcelProblem | null> {
    if (this.state.check.highlighted.length === 0) return null;
    const r = await this.waitExcel('check', this.excel.clearHighlights(this.state.check.highlighted));
    if (!r.ok && r.problem.code !== 'ItemNotFound') return r.problem;
    this.set({ check: { ...this.state.check, highlighted: [] } });
    return null;
  }

  /** Shows a checked sheet: its findings listed, and coloured in the sheet where Excel lets us. */
  private async show(c: Checked): Promise<void> {
    const notes: Bilingual[] = c.mergesUnknown ? [bi('mergesUnknown')] : [];
    const coloured = await this.waitExcel('check', this.excel.highlight(c.sheetId, c.all));
    if (!coloured.ok) notes.push(bi(coloured.problem.code === 'AccessDenied' ? 'protectedNoColour' : 'notHighlighted'));
    this.set({
      check: {
        status: 'done',
        sheetId: c.sheetId,
        sheet: c.sheet,
        grid: c.grid,
        returns: c.returns,
        issues: c.issues,
        located: c.located,
        highlighted: coloured.ok ? coloured.value : [],
        outcome: checkOutcome(c),
        notes,
      },
    });
  }

  /** Check (ตรวจสอบ): read the active sheet, run the shared checker, list and colour the findings. */
  check(): Promise<void> {
    return this.run('check', async () => {
      const stuck = await this.uncolour();
      if (stuck) return this.set({ check: { ...this.state.check, status: 'failed', outcome: problemOutcome(stuck) } });
      this.set({ check: { ...EMPTY_CHECK, status: 'reading' }, send: EMPTY_SEND });
      const read = await this.waitExcel('check', this.excel.readSheet());
      if (!read.ok) return this.set({ check: { ...EMPTY_CHECK, status: 'failed', outcome: problemOutcome(read.problem) } });
      if (!read.value.ok) {
        const issue = read.value.issue;
        return this.set({ check: { ...EMPTY_CHECK, status: 'failed', issues: { ...EMPTY_ISSUES, error: [issue] }, outcome: say('error', { th: issue.message_th, en: issue.message_en }) } });
      }
      await this.show(checkRead(read.value));
    });
  }

  clearHighlights(): Promise<void> {
    return this.run('check', async () => {
      const stuck = await this.uncolour();
      this.set({ check: { ...this.state.check, actionProblem: stuck ? problemOutcome(stuck) : undefined } });
    });
  }

  /** A click on a finding: select its cell on the checked sheet (found by id, so a rename does not matter). */
  async selectIssue(issue: Issue): Promise<void> {
    const sheetId = this.state.check.sheetId;
    if (!sheetId) return;
    const r = await this.excel.selectCell(sheetId, splitSheetAddress(issue.cell).cell);
    this.set({ check: { ...this.state.check, actionProblem: r.ok ? undefined : problemOutcome(r.problem) } });
  }

  private setSend(patch: Partial<SendState>) {
    this.set({ send: { ...EMPTY_SEND, ...patch } });
  }

  /**
   * Send (ส่งข้อมูล): read the checked sheet again (one read sync) and check it. If it
   * differs from what the clerk last saw checked, the pane says so and shows the new
   * findings first; the next Send sends those values. Otherwise the values just read are
   * sent. A dropped connection can be retried without a duplicate.
   */
  send(): Promise<void> {
    return this.run('send', async () => {
      const c = this.state.check;
      if (c.status !== 'done' || !c.sheetId || !c.grid || c.located.length === 0) return this.setSend({ status: 'refused', outcome: say('warning', bi('checkFirst')) });
      this.setSend({ status: 'sending', outcome: say('info', bi('rereading')) });
      const read = await this.waitExcel('send', this.excel.readSheet(c.sheetId));
      if (!read.ok) {
        if (read.problem.wayOn === 'checkAgain') this.set({ check: EMPTY_CHECK });
        return this.setSend({ status: 'failed', outcome: problemOutcome(read.problem) });
      }
      if (!read.value.ok) return this.setSend({ status: 'refused', outcome: say('error', { th: read.value.issue.message_th, en: read.value.issue.message_en }) });
      const fresh = checkRead(read.value);
      const changed = changedCells(c.grid, fresh.grid);
      if (changed.length) {
        await this.uncolour();
        await this.show(fresh);
        const where = { th: listCells(changed, 'th'), en: listCells(changed, 'en') };
        const n = fresh.issues.error.length;
        if (fresh.located.length === 0) return this.setSend({ status: 'refused', changedCells: changed, outcome: say('warning', bi('noForm')) });
        if (n) {
          return this.setSend({
            status: 'refused',
            changedCells: changed,
            outcome: say('error', {
              th: `ชีตเปลี่ยนไปหลังการตรวจสอบ (${where.th}) และตอนนี้มีข้อผิดพลาด ${n} รายการ ดูที่ “1 ตรวจสอบ” ยังไม่ได้ส่ง`,
              en: `The sheet changed after it was checked (${where.en}) and now has ${n} error${n > 1 ? 's' : ''}: see “1 Check”. Nothing was sent.`,
            }),
          });
        }
        return this.setSend({
          status: 'changed',
          changedCells: changed,
          outcome: say('warning', {
            th: `ชีตเปลี่ยนไปหลังการตรวจสอบครั้งล่าสุด (${where.th}) ตรวจค่าปัจจุบันแล้ว ไม่พบข้อผิดพลาด ยังไม่ได้ส่ง กด “ส่งค่าปัจจุบัน” เพื่อส่ง`,
            en: `The sheet changed after it was last checked (${where.en}). The current values were checked and have no errors. Nothing was sent yet: press “Send the current values” to send them.`,
          }),
        });
      }
      if (fresh.issues.error.length) return this.setSend({ status: 'refused', outcome: say('error', checkOutcome(fresh).text) });
      if (fresh.sheet !== c.sheet) this.set({ check: { ...this.state.check, sheet: fresh.sheet, located: fresh.located } });
      await this.submit(fresh);
    });
  }

  private async submit(fresh: Checked): Promise<void> {
    const body = JSON.stringify(fresh.located);
    if (this.pendingFor !== body) [this.pendingKey, this.pendingFor] = [newIdempotencyKey(), body];
    const req: SubmitRequest = { fileName: fresh.sheet, returns: fresh.located };
    this.setSend({ status: 'sending', outcome: say('info', bi('working')) });
    try {
      const res = await this.api().submit(req, this.pendingKey ?? newIdempotencyKey());
      this.setSend({ status: 'sent', receipts: res.receipts, outcome: say('success', bi('sent')) });
    } catch (e) {
      if (e instanceof ApiError && e.status < 500) {
        const text = apiProblemText(e);
        this.setSend({
          status: 'refused',
          outcome: say('error', { th: `${bi('refused').th}: ${text.th}`, en: `${bi('refused').en}: ${text.en}` }),
          problemIssues: (e.problem.issues ?? []).flatMap((x) => {
            const p = issueSchema.safeParse(x);
            return p.success ? [p.data] : [];
          }),
        });
      } else this.setSend({ status: 'offline', outcome: say('warning', bi('offline'), true) });
    }
  }

  /** Insert blank form: a new sheet of the form under a free name, activated, with dropdowns where Excel has them. */
  insertBlankForm(formId: string): Promise<void> {
    return this.run('insert', async () => {
      const form = formById(formId);
      if (!form) return this.set({ insert: { status: 'failed', notes: [], outcome: say('error', { th: 'ไม่รู้จักแบบรายงานนี้', en: 'Unknown form.' }) } });
      this.set({ insert: { status: 'inserting', notes: [] } });
      const r = await this.waitExcel('insert', this.excel.insertBlankForm(form));
      if (!r.ok) return this.set({ insert: { status: 'failed', notes: [], outcome: problemOutcome(r.problem) } });
      const sheet = r.value.sheet;
      this.set({
        insert: {
          status: 'done',
          sheet,
          notes: r.value.dropdowns ? [] : [bi('noDropdowns')],
          outcome: say('success', { th: `เพิ่มชีต “${sheet}” แล้ว และเปิดไว้ให้ กรอกข้อมูล แล้วไปที่ “1 ตรวจสอบ”`, en: `Added the sheet “${sheet}” and opened it. Fill it in, then go to “1 Check”.` }),
        },
      });
    });
  }

  /** Pull totals (ดึงยอดรวม) and Refresh: write the tallies into a sheet (refreshed in place). */
  pull(q: PullQuery | undefined = this.state.pull.last): Promise<void> {
    if (!q) return Promise.resolve();
    return this.run('pull', async () => {
      this.onRefresh();
      this.set({ pull: { status: 'pulling', last: q } });
      const api = this.api();
      // The layout's groupings, as the CLI's pull reads them: the rows', and HQ's for a total row.
      const name = layoutOf(q);
      const layout = name ? reportByName(q.form, name) : null;
      const wantsTotal = q.by !== 'hq' && layout !== null && !isReportProblem(layout) && groupingsNeeded(layout, q.by).includes('hq');
      let tally;
      let total;
      try {
        const include = q.include ?? 'all';
        tally = await api.tallies({ form: q.form, fy: q.fy, period: q.period, by: q.by, include });
        if (wantsTotal) total = await api.tallies({ form: q.form, fy: q.fy, period: tally.period, by: 'hq', include });
      } catch (e) {
        const outcome = e instanceof ApiError && e.status < 500 ? say('error', apiProblemText(e), true) : say('warning', bi('offlinePull'), true);
        return this.set({ pull: { status: 'failed', last: q, outcome } });
      }
      // Completeness adds who has sent; without it the totals still go in.
      const completeness = await api.completeness({ form: q.form, fy: q.fy, period: tally.period }).catch(() => null);
      const w = await this.waitExcel('pull', this.excel.writeTallies(tally, completeness, { total, layout: name }));
      if (!w.ok) return this.set({ pull: { status: 'failed', last: q, outcome: problemOutcome(w.problem) } });
      const sheet = w.value.sheet;
      this.set({
        pull: {
          status: 'done',
          last: q,
          summary: summarizeTally(sheet, tally, completeness, q.include ?? 'all'),
          outcome: say('success', { th: `เขียนยอดรวมลงชีต “${sheet}” แล้ว`, en: `Totals written to the sheet “${sheet}”.` }),
        },
      });
    });
  }
}
