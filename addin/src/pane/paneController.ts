import type { Issue } from '@returns-hub/shared/issues/issue';
import { issueSchema } from '@returns-hub/shared/issues/issue';
import type { Receipt } from '@returns-hub/shared/api/schemas';
import { ApiError, newIdempotencyKey, type ApiClient } from '@returns-hub/shared/api/client';
import { splitSheetAddress } from '@returns-hub/shared/sheet/address';
import { paneDefinitions, type PaneDefinitions } from '../definitions/paneDefinitions';
import { YearsGiven } from '../definitions/yearsGiven';
import { HIGHLIGHT, type SavedFill } from '../excel/highlights';
import type { SheetRead } from '../excel/readSheet';
import { excelProblem, type ExcelProblem } from '../excel/excelProblem';
import type { Bilingual, Lang } from '../text/bilingual';
import type { Checker } from '../check/checker';
import type { SheetChunk, SheetHead, SheetSink } from '../check/sheetChunk';
import { MAX_HIGHLIGHTS, type FoundReturn, type SheetCheck } from '../check/sheetCheck';
import { groupFindings, type FindingGroup } from '../check/findingGroups';
import { listCells } from '../check/sheetChanges';
import type { ExcelPort } from './excelPort';
import { bi } from './i18n';
import { apiProblemText } from './apiProblemText';
import { describeReturn, periodText, type ReturnText } from './returnText';
import { PeriodDefaults } from './latestPeriod';
import { summarizeTally, type TallySummary } from './tallySummary';
import { layoutOf, type PullQuery } from './pullChoices';
import { reportByName } from '@returns-hub/shared/report/formReports';
import { groupingsNeeded } from '@returns-hub/shared/report/computeReport';
import { isReportProblem } from '@returns-hub/shared/report/reportProblem';
import { groupDigits } from '../text/digits';

export type { PullQuery } from './pullChoices';
export { MAX_HIGHLIGHTS } from '../check/sheetCheck';

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

/** How far a check has gone, said in words under the button: rows read of rows, then checking. */
export interface CheckProgress {
  phase: 'reading' | 'checking';
  rowsRead: number;
  rows: number;
}

export interface CheckState {
  status: 'idle' | 'reading' | 'done' | 'failed';
  /** The checked sheet's stable id: Send, highlights and selection find it by this after a rename. */
  sheetId?: string;
  sheet?: string;
  /** The checker's name for this read (it keeps the cells): Send's read of the sheet is compared with it. */
  readId?: string;
  progress?: CheckProgress;
  /** The returns found, in words, and as keys (HQ's status of each is asked by these). */
  returns: ReturnText[];
  found: FoundReturn[];
  issues: GroupedIssues;
  /** Every finding, errors first: the groups' `items` index into it. */
  all: Issue[];
  groups: FindingGroup[];
  /** Returns located on the sheet: what Send sends. */
  located: number;
  /** The checker's own time for this sheet, ms (browser tests hold the pane's answer to it). */
  checkMs?: number;
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

/** A glance at the sheet the pane opened on: which returns it holds, so that their status at headquarters shows at once. */
export interface Glance {
  sheetId: string;
  sheet: string;
  found: FoundReturn[];
}

export interface PaneState {
  lang: Lang;
  busy: Flow | null;
  /** The active sheet's returns as first seen, before any check. */
  glance: Glance | null;
  /** The glance is over (whatever it found): the pane has settled after opening. */
  glanced: boolean;
  check: CheckState;
  send: SendState;
  pull: PullState;
  insert: InsertState;
}

const EMPTY_ISSUES: GroupedIssues = { error: [], warning: [], info: [] };
const EMPTY_CHECK: CheckState = { status: 'idle', returns: [], found: [], issues: EMPTY_ISSUES, all: [], groups: [], located: 0, highlighted: [], notes: [] };
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
interface Checked extends SheetCheck {
  sheetId: string;
  readId: string;
  mergesUnknown: boolean;
}

/** Said beside a check made with the built-in forms because the API could not send the year's. */
const BUILT_IN_FORMS: Bilingual = {
  th: 'ตรวจด้วยแบบรายงานที่ติดมากับโปรแกรม เพราะติดต่อศูนย์รับรายงานไม่ได้ แบบรายงานของปีนี้อาจต่างออกไป ส่วนกลางจะตรวจอีกครั้งเมื่อส่ง',
  en: 'Checked with the built-in forms: the API could not be reached for this year’s. Headquarters checks again on sending.',
};

/** Rows read for a glance at a sheet: a return's record fields stand above its table. */
export const GLANCE_ROWS = 200;

/** The check worker stopped (it could not load, or failed): Retry starts another. */
const CHECKER_STOPPED: ExcelProblem = {
  code: 'Unexpected',
  wayOn: 'retry',
  th: 'ตรวจชีตไม่สำเร็จ เพราะส่วนที่ตรวจของบานหน้าต่างหยุดทำงาน กด “ลองอีกครั้ง” หากยังไม่ได้ ให้ปิดแล้วเปิดบานหน้าต่างนี้ใหม่',
  en: 'The sheet could not be checked: the pane’s checker stopped. Press Retry; if that fails, close and reopen this pane.',
};

/** Lets the page draw before going on (a macrotask: promises alone would not). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const count = groupDigits;

/** A read and check: the sheet checked, what Excel refused, or why the sheet could not be read (too large). */
type CheckRead = { ok: true; value: Checked } | { ok: false; problem: ExcelProblem } | { ok: false; issue: Issue };

/** The findings by severity: slices of the list, which is sorted errors first. */
function grouped(all: Issue[], n: SheetCheck['counts']): GroupedIssues {
  return { error: all.slice(0, n.error), warning: all.slice(n.error, n.error + n.warning), info: all.slice(n.error + n.warning) };
}

/** The fiscal year a checked sheet states (its first return that states one). */
const yearStated = (returns: SheetCheck['returns']): number | null => returns.find((r) => r.fiscalYear !== null)?.fiscalYear ?? null;

/** The sentence under Check: not a form, errors to fix, or ready to send. */
function checkOutcome(c: SheetCheck): Outcome {
  if (c.returns.length === 0) return say('warning', bi('noForm'));
  const n = c.counts.error;
  if (n) {
    return say('error', {
      th: `พบข้อผิดพลาด ${count(n)} รายการ แก้ไขในชีต แล้วกด “ตรวจสอบ” อีกครั้ง`,
      en: `${count(n)} error${n > 1 ? 's' : ''} found: fix ${n > 1 ? 'them' : 'it'} in the sheet, then press Check again.`,
    });
  }
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
  /** The sheet each report went to (by query), so that a refresh finds it again after the clerk renames it. */
  private reportSheets = new Map<string, string>();
  /** Where Totals and Review open for a form: its latest period with returns (how many units sent, from headquarters). */
  readonly periods: PeriodDefaults;
  private readonly definitions: PaneDefinitions;
  /** The last check was made with the built-in forms (the API out of reach). */
  private builtInOnly = false;
  /** The years' definitions the checker was given (it checks with the built-in ones otherwise). */
  private readonly givenToChecker: YearsGiven;

  constructor(
    private readonly excel: ExcelPort,
    private readonly api: () => ApiClient,
    lang: Lang,
    private readonly checker: Checker,
    opts: {
      /** Called by Pull and Refresh: the custom functions drop their cached figures. */
      onRefresh?: () => void;
      /** How long an Excel call runs before the pane says Excel is waiting. */
      slowMs?: number;
      /** The forms and org units by year (the pane's, loaded from this API). */
      definitions?: PaneDefinitions;
    } = {},
  ) {
    this.onRefresh = opts.onRefresh ?? (() => undefined);
    this.slowMs = opts.slowMs ?? SLOW_EXCEL_MS;
    this.periods = new PeriodDefaults(async (form, p) => (await this.api().completeness({ form: form.id, fy: p.fy, period: p.period })).received);
    this.definitions = opts.definitions ?? paneDefinitions;
    this.givenToChecker = new YearsGiven(this.definitions, checker);
    this.definitions.use(api);
    this.state = { lang, busy: null, glance: null, glanced: false, check: EMPTY_CHECK, send: EMPTY_SEND, pull: { status: 'idle' }, insert: { status: 'idle', notes: [] } };
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

  /**
   * Shows a checked sheet: its findings listed at once, then coloured in the sheet where Excel
   * lets us (the first MAX_HIGHLIGHTS cells), in a later task so that the list is drawn first.
   */
  private async show(c: Checked): Promise<void> {
    const notes: Bilingual[] = c.mergesUnknown ? [bi('mergesUnknown')] : [];
    if (this.builtInOnly) notes.push(BUILT_IN_FORMS);
    const check: CheckState = {
      status: 'done',
      sheetId: c.sheetId,
      sheet: c.sheet,
      readId: c.readId,
      returns: c.returns.map((r) => describeReturn(r)),
      found: c.returns,
      issues: grouped(c.issues, c.counts),
      all: c.issues,
      groups: c.groups,
      located: c.located,
      checkMs: c.checkMs,
      highlighted: [],
      outcome: checkOutcome(c),
      notes,
    };
    this.set({ check });
    await nextTask();
    const { cells: marks, total: cells } = c.highlights;
    const coloured = await this.waitExcel(
      'check',
      this.excel.highlight(
        c.sheetId,
        marks.map((m) => ({ cell: m.cell, color: HIGHLIGHT[m.severity] })),
      ),
    );
    if (!coloured.ok) notes.push(bi(coloured.problem.code === 'AccessDenied' ? 'protectedNoColour' : 'notHighlighted'));
    else if (cells > MAX_HIGHLIGHTS) {
      const [n, all] = [count(MAX_HIGHLIGHTS), count(cells)];
      notes.push({
        th: `ระบายสีเฉพาะ ${n} เซลล์แรก (ข้อผิดพลาดก่อน) จาก ${all} เซลล์ที่พบปัญหา เพื่อไม่ให้ Excel ช้า รายการด้านล่างมีครบทุกเซลล์ คลิกเพื่อไปที่เซลล์`,
        en: `Only the first ${n} of the ${all} cells with findings are coloured (errors first), so that Excel stays quick; the list below has every cell: click one to go to it.`,
      });
    }
    this.set({ check: { ...this.state.check, highlighted: coloured.ok ? coloured.value : [], notes: [...notes] } });
  }

  /**
   * Reads a sheet (the active one without an id) into the checker, part by part, saying how
   * far it has got; then has it checked, compared with an earlier read where one is named.
   */
  private async readAndCheck(flow: 'check' | 'send', sheetId: string | undefined, compareWith?: string): Promise<CheckRead> {
    const first = await this.readAndCheckOnce(flow, sheetId, compareWith);
    if (!first.ok) return first;
    // The year the sheet states: its forms and units from the API (cached). The first time a year with something
    // headquarters published comes from there, the read just made is checked again with them, in the checker, without
    // reading the sheet again (a year of the built-in set only is what the checker has: nothing to check again).
    const fy = yearStated(first.value.returns);
    if (fy === null || !(await this.useYear(fy))) return first;
    try {
      const again = await this.checker.again(first.value.readId, { compareWith });
      return { ok: true, value: { ...first.value, ...again } };
    } catch {
      return { ok: false, problem: CHECKER_STOPPED };
    }
  }

  /**
   * Makes sure the checker checks sheets of `fy` with that year's forms and units from the API (cached), and
   * says whether it was given them just now (a check made before with the built-in ones is out of date).
   */
  private async useYear(fy: number): Promise<boolean> {
    this.builtInOnly = (await this.definitions.load(fy)) === 'builtIn';
    this.definitions.workOn(fy);
    return this.givenToChecker.give(fy);
  }

  private async readAndCheckOnce(flow: 'check' | 'send', sheetId: string | undefined, compareWith?: string): Promise<CheckRead> {
    const run = this.checker.begin();
    let rows = 0;
    let rowsRead = 0;
    const progress = (p: CheckProgress) => {
      if (flow === 'check' && this.state.check.status === 'reading') this.set({ check: { ...this.state.check, progress: p } });
    };
    // Each chunk goes to the checker in a task of its own, after the one that brought it from Excel: no task does both.
    let handing = Promise.resolve();
    const sink: SheetSink = {
      // In order with the chunks: a read started again (the clerk was editing a cell) begins after the chunks before it.
      head: (h: SheetHead) => {
        handing = handing.then(() => {
          run.head(h);
          [rows, rowsRead] = [h.rows, 0];
          progress({ phase: 'reading', rowsRead, rows });
        });
      },
      chunk: (c: SheetChunk) => {
        handing = handing.then(nextTask).then(() => {
          run.chunk(c);
          rowsRead += c.values.length;
          progress({ phase: 'reading', rowsRead, rows });
        });
      },
    };
    const read = await this.waitExcel(flow, this.excel.readSheet(sheetId, sink));
    await handing;
    if (!read.ok) return read;
    if (!read.value.ok) return read.value;
    progress({ phase: 'checking', rowsRead: rows, rows });
    const checked: SheetRead & { ok: true } = read.value;
    let result: SheetCheck;
    try {
      result = await run.finish({ compareWith });
    } catch {
      return { ok: false, problem: CHECKER_STOPPED };
    }
    return { ok: true, value: { ...result, sheetId: checked.sheetId, readId: run.id, mergesUnknown: checked.mergesUnknown } };
  }

  /**
   * A glance at the active sheet when the pane opens: its first rows (where a return names its
   * unit, year and project), read and located without a word to the clerk, so that the
   * return's status at headquarters (sent back, accepted) shows on the first screen. Whatever
   * goes wrong, nothing is shown.
   */
  async glance(): Promise<void> {
    const run = this.checker.begin();
    try {
      const read = await this.excel.readSheet(undefined, run, { maxRows: GLANCE_ROWS });
      if (!read.ok || !read.value.ok) return;
      const { sheetId, sheet } = read.value;
      const checked = await run.finish();
      if (this.state.check.status === 'idle') this.set({ glance: { sheetId, sheet, found: checked.returns } });
      // The year's forms to the checker now, so that the clerk's first Check reads and checks the sheet once.
      const fy = yearStated(checked.returns);
      if (fy !== null) void this.useYear(fy).catch(() => undefined);
    } catch {
      // a glance only
    } finally {
      this.set({ glanced: true });
    }
  }

  /** Check (ตรวจสอบ): read the active sheet, run the shared checker, list and colour the findings. */
  check(): Promise<void> {
    return this.run('check', async () => {
      const stuck = await this.uncolour();
      if (stuck) return this.set({ check: { ...this.state.check, status: 'failed', outcome: problemOutcome(stuck) } });
      this.set({ check: { ...EMPTY_CHECK, status: 'reading' }, send: EMPTY_SEND });
      const read = await this.readAndCheck('check', undefined);
      if (!read.ok) {
        if ('problem' in read) return this.set({ check: { ...EMPTY_CHECK, status: 'failed', outcome: problemOutcome(read.problem) } });
        const issue = read.issue;
        return this.set({
          check: {
            ...EMPTY_CHECK,
            status: 'failed',
            issues: { ...EMPTY_ISSUES, error: [issue] },
            all: [issue],
            groups: groupFindings([issue]),
            outcome: say('error', { th: issue.message_th, en: issue.message_en }),
          },
        });
      }
      await this.show(read.value);
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
      if (c.status !== 'done' || !c.sheetId || !c.readId || c.located === 0) return this.setSend({ status: 'refused', outcome: say('warning', bi('checkFirst')) });
      this.setSend({ status: 'sending', outcome: say('info', bi('rereading')) });
      const read = await this.readAndCheck('send', c.sheetId, c.readId);
      if (!read.ok) {
        if ('issue' in read) return this.setSend({ status: 'refused', outcome: say('error', { th: read.issue.message_th, en: read.issue.message_en }) });
        if (read.problem.wayOn === 'checkAgain') this.set({ check: EMPTY_CHECK });
        return this.setSend({ status: 'failed', outcome: problemOutcome(read.problem) });
      }
      const fresh = read.value;
      const changed = fresh.changed ?? [];
      if (changed.length) {
        await this.uncolour();
        await this.show(fresh);
        const where = { th: listCells(changed, 'th'), en: listCells(changed, 'en') };
        const n = fresh.counts.error;
        if (fresh.located === 0) return this.setSend({ status: 'refused', changedCells: changed, outcome: say('warning', bi('noForm')) });
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
      if (fresh.counts.error) return this.setSend({ status: 'refused', outcome: say('error', checkOutcome(fresh).text) });
      // The same cells: the next Send compares with this read, under the sheet's name now.
      this.set({ check: { ...this.state.check, sheet: fresh.sheet, readId: fresh.readId } });
      await this.submit(fresh);
    });
  }

  private async submit(fresh: Checked): Promise<void> {
    const body = `{"fileName":${JSON.stringify(fresh.sheet)},"returns":${fresh.submission}}`;
    if (this.pendingFor !== fresh.submission) [this.pendingKey, this.pendingFor] = [newIdempotencyKey(), fresh.submission];
    this.setSend({ status: 'sending', outcome: say('info', bi('working')) });
    try {
      const res = await this.api().submitJson(body, this.pendingKey ?? newIdempotencyKey());
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
      const year = this.definitions.current();
      const form = year.formById(formId);
      if (!form) return this.set({ insert: { status: 'failed', notes: [], outcome: say('error', { th: 'ไม่รู้จักแบบรายงานนี้', en: 'Unknown form.' }) } });
      this.set({ insert: { status: 'inserting', notes: [] } });
      const r = await this.waitExcel('insert', this.excel.insertBlankForm(form, year.units.all));
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
      // The form as defined for the year pulled (its layouts), and that year's org units.
      await this.definitions.load(q.fy);
      const year = this.definitions.forYear(q.fy);
      const form = year.formById(q.form);
      // The layout's groupings, as the CLI's pull reads them: the rows', and HQ's for a total row.
      const name = layoutOf(q);
      const layout = name && form ? reportByName(form, name) : null;
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
      // No unit has sent a return for the period: a report of nothing would show every indicator red.
      if (completeness?.received === 0) {
        const period = periodText(q.fy, tally.period);
        return this.set({
          pull: {
            status: 'failed',
            last: q,
            outcome: say('warning', {
              th: `ยังไม่มีหน่วยงานใดส่งแบบรายงาน${period ? `งวด${period.th}` : 'งวดนี้'} จึงยังไม่มียอดรวมให้เขียนลงชีต เลือกปีงบประมาณหรืองวดอื่น`,
              en: `No unit has sent a return for ${period?.en ?? 'this period'} yet, so there are no totals to write. Choose another fiscal year or period.`,
            }),
          },
        });
      }
      const report = `${q.form}|${q.fy}|${tally.period}|${q.by}|${name ?? ''}`;
      const w = await this.waitExcel('pull', this.excel.writeTallies(tally, completeness, year, { total, layout: name, sheetId: this.reportSheets.get(report) }));
      if (!w.ok) return this.set({ pull: { status: 'failed', last: q, outcome: problemOutcome(w.problem) } });
      this.reportSheets.set(report, w.value.sheetId);
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
