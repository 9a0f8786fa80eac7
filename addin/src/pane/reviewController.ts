import { ApiError, type ApiClient, type ReturnPath } from '@returns-hub/shared/api/client';
import { paneDefinitions } from '../definitions/paneDefinitions';
import type { PeriodCode } from '@returns-hub/shared/period/index';
import { splitSheetAddress } from '@returns-hub/shared/sheet/address';
import type { Caller } from '@returns-hub/shared/review/callerSchema';
import type { ReviewComment, ReviewedReturn, ReviewStatus } from '@returns-hub/shared/review/reviewSchemas';
import { LEVEL_OF_ROLE, type ReviewLevel } from '@returns-hub/shared/review/reviewWorkflow';
import { storedReturnViewSchema } from '@returns-hub/shared/review/storedReturnView';
import type { ExcelProblem } from '../excel/excelProblem';
import { MARK_COLOURS } from '../excel/openStoredReturn';
import type { Bilingual, Lang } from '../text/bilingual';
import type { Outcome } from './paneController';
import { apiProblemText } from './apiProblemText';
import type { ReviewExcelPort } from './reviewExcelPort';
import { reviewSheetLayout } from './reviewSheetLayout';
import { rbi } from './reviewText';
import { districtViewOf, type DistrictReview } from './reviewDistrict';
import type { FoundReturn } from '../check/sheetCheck';

/** Returns of one sheet whose status is asked of headquarters at most. */
export const MAX_DISTRICT_RETURNS = 10;

export interface ReviewQuery {
  form: string;
  fy: number;
  period: PeriodCode;
}

/** A stored return opened into a sheet for review. */
export interface OpenedReturn {
  key: ReturnPath;
  version: number;
  status: ReviewStatus;
  sheet: string;
  sheetId: string;
  /** Opened-sheet cell → the unit's own cell: comments are made on the unit's cells. */
  toUnitCell: Record<string, string>;
}

export interface ReviewPaneState {
  lang: Lang;
  busy: boolean;
  /** Who the pane's key or sign-in is; the Review tab is for `hq` and `zone`. */
  caller: Caller | null;
  /** The level the caller reviews at (null: a unit, or not known yet): which actions the workflow offers. */
  level: ReviewLevel | null;
  query: ReviewQuery | null;
  list: ReviewedReturn[];
  opened: OpenedReturn | null;
  /** Comments gathered from selected cells, sent with Send back. */
  draft: ReviewComment[];
  outcome?: Outcome;
  /** The unit's side: the checked sheet's returns as HQ sees them. */
  district: DistrictReview;
}

const say = (tone: Outcome['tone'], text: Bilingual, retry = false): Outcome => ({ tone, text, retry });
const excelOutcome = (p: ExcelProblem): Outcome => ({ tone: 'error', text: p, retry: p.wayOn === 'retry' });
const apiOutcome = (e: unknown): Outcome => (e instanceof ApiError && e.status < 500 ? say('error', apiProblemText(e)) : say('warning', rbi('offline'), true));

/**
 * The Review tab's state and flows, and the unit's view of its returns' status, with no
 * office.js and no UI (Excel through the review port, the backend through the API client).
 * Reviewers list a period's returns, open one into a sheet laid out as its form, gather
 * comments from selected cells, and accept or send back; a unit sees HQ's status, reason and
 * comments for the sheet it checked, the comments coloured in that sheet.
 */
export class ReviewController {
  state: ReviewPaneState;
  private listeners = new Set<(s: ReviewPaneState) => void>();

  constructor(
    private readonly excel: ReviewExcelPort,
    private readonly api: () => ApiClient,
    lang: Lang,
  ) {
    this.state = { lang, busy: false, caller: null, level: null, query: null, list: [], opened: null, draft: [], district: { status: 'idle', returns: [], highlighted: [] } };
  }

  subscribe(fn: (s: ReviewPaneState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<ReviewPaneState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn(this.state);
  }

  /** One step at a time; whatever happens it ends settled. */
  private async run(body: () => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: true, outcome: undefined });
    try {
      await body();
    } catch (e) {
      this.set({ outcome: apiOutcome(e) });
    } finally {
      this.set({ busy: false });
    }
  }

  /** Asks the API who the pane is (the Review tab shows for reviewers); silent when it cannot say. */
  async identify(): Promise<void> {
    try {
      const caller = await this.api().me();
      this.set({ caller, level: LEVEL_OF_ROLE[caller.role] });
    } catch {
      this.set({ caller: null, level: null });
    }
  }

  load(q: ReviewQuery): Promise<void> {
    return this.run(async () => {
      const list = await this.api().reviews(q);
      this.set({ query: q, list: list.returns });
    });
  }

  /** Opens a listed return into a new sheet, laid out as its form, findings and comments coloured. */
  open(r: ReviewedReturn): Promise<void> {
    const q = this.state.query;
    if (!q) return Promise.resolve();
    return this.run(async () => {
      const key: ReturnPath = { form: q.form, fy: q.fy, period: q.period, orgUnit: r.orgUnit, subject: r.subject };
      const [raw, review] = await Promise.all([this.api().getReturn(key), this.api().review(key)]);
      const stored = storedReturnViewSchema.safeParse(raw);
      await paneDefinitions.load(q.fy);
      const year = paneDefinitions.forYear(q.fy);
      const form = year.formById(q.form);
      if (!stored.success || !form) return this.set({ outcome: say('error', { th: 'อ่านแบบรายงานที่เก็บไว้ไม่ได้', en: 'The stored return could not be read.' }) });
      const layout = reviewSheetLayout(form, year.units, stored.data, review.comments);
      const title = `${r.orgUnit} ${year.units.byCode(r.orgUnit)?.name_th ?? ''} ฉบับที่ ${stored.data.version}`.replace(/\s+/g, ' ');
      const opened = await this.excel.openStoredReturn(title, layout);
      if (!opened.ok) return this.set({ outcome: excelOutcome(opened.problem) });
      this.set({
        opened: { key, version: stored.data.version, status: review.status === 'not_received' ? 'submitted' : review.status, ...opened.value, toUnitCell: layout.toUnitCell },
        draft: [],
        outcome: say('info', { th: `เปิดแบบรายงานในชีต “${opened.value.sheet}” แล้ว`, en: `The return is open in the sheet “${opened.value.sheet}”.` }),
      });
    });
  }

  /** A comment on the cells selected in the opened sheet, addressed on the unit's own sheet. */
  addComment(text: string): Promise<void> {
    const o = this.state.opened;
    if (!o) return Promise.resolve();
    if (!text.trim()) return Promise.resolve(this.set({ outcome: say('warning', rbi('writeComment')) }));
    return this.run(async () => {
      const sel = await this.excel.selectedCells();
      if (!sel.ok) return this.set({ outcome: excelOutcome(sel.problem) });
      const unitCells = sel.value.sheetId === o.sheetId ? sel.value.cells.flatMap((c) => (o.toUnitCell[c] ? [o.toUnitCell[c]] : [])) : [];
      if (unitCells.length === 0) return this.set({ outcome: say('warning', rbi('selectValueCell')) });
      const added = unitCells.map((cell) => ({ cell, text: text.trim() }));
      await this.excel.highlightCells(
        o.sheetId,
        sel.value.cells.filter((c) => o.toUnitCell[c]).map((cell) => ({ cell, color: MARK_COLOURS.comment })),
      );
      this.set({ draft: [...this.state.draft, ...added] });
    });
  }

  removeComment(index: number): void {
    this.set({ draft: this.state.draft.filter((_c, i) => i !== index) });
  }

  accept(): Promise<void> {
    const o = this.state.opened;
    if (!o) return Promise.resolve();
    return this.run(async () => {
      const v = await this.api().accept(o.key, { version: o.version });
      this.set({
        opened: { ...o, status: v.status === 'not_received' ? 'submitted' : v.status },
        outcome: say(
          'success',
          v.status === 'zone_accepted'
            ? { th: `กลุ่มเขตตรวจรับฉบับที่ ${v.version} แล้ว ส่วนกลางจะตรวจรับเป็นลำดับสุดท้าย`, en: `Version ${v.version} accepted by the zone; headquarters accepts last.` }
            : { th: `ตรวจรับฉบับที่ ${v.version} แล้ว`, en: `Version ${v.version} accepted.` },
        ),
      });
      await this.refreshList();
    });
  }

  sendBack(reason: string): Promise<void> {
    const o = this.state.opened;
    if (!o) return Promise.resolve();
    if (!reason.trim()) return Promise.resolve(this.set({ outcome: say('warning', rbi('writeReason')) }));
    return this.run(async () => {
      const v = await this.api().sendBack(o.key, { version: o.version, reason: reason.trim(), comments: this.state.draft });
      const n = v.comments.length;
      this.set({
        opened: { ...o, status: 'returned' },
        draft: [],
        outcome: say('success', {
          th: `ส่งกลับฉบับที่ ${v.version} ให้แก้ไขแล้ว${n ? ` พร้อมความเห็น ${n} รายการ` : ''}`,
          en: `Version ${v.version} sent back${n ? ` with ${n} comment${n > 1 ? 's' : ''}` : ''}.`,
        }),
      });
      await this.refreshList();
    });
  }

  /** Reopens an accepted return (headquarters), with the reason, so that the unit may send a new version. */
  reopen(reason: string): Promise<void> {
    const o = this.state.opened;
    if (!o) return Promise.resolve();
    if (!reason.trim()) return Promise.resolve(this.set({ outcome: say('warning', rbi('writeReopenReason')) }));
    return this.run(async () => {
      const v = await this.api().reopen(o.key, { version: o.version, reason: reason.trim() });
      this.set({
        opened: { ...o, status: v.status === 'not_received' ? 'submitted' : v.status },
        outcome: say('success', { th: `เปิดฉบับที่ ${v.version ?? o.version} ให้แก้ไขใหม่แล้ว`, en: `Version ${v.version ?? o.version} reopened.` }),
      });
      await this.refreshList();
    });
  }

  /** Leaves the opened return (its sheet stays in the workbook). */
  close(): void {
    this.set({ opened: null, draft: [], outcome: undefined });
  }

  /**
   * Accepts the listed returns the reviewer confirmed, each at the version listed: one that
   * changed meanwhile (a new version, another decision) is left as it is, and said so.
   */
  acceptMany(returns: readonly ReviewedReturn[]): Promise<void> {
    const q = this.state.query;
    if (!q || returns.length === 0) return Promise.resolve();
    return this.run(async () => {
      const r = await this.api().bulkAccept({ ...q, returns: returns.map((x) => ({ orgUnit: x.orgUnit, subject: x.subject, version: x.version })) });
      const left = r.results.filter((x) => x.outcome !== 'accepted');
      const names = left.map((x) => this.state.list.find((l) => l.orgUnit === x.orgUnit && l.subject === x.subject)?.name_th ?? x.orgUnit);
      this.set({
        outcome: say(left.length ? 'warning' : 'success', {
          th: `ตรวจรับแล้ว ${r.accepted} ฉบับ${left.length ? ` ยังไม่ได้ตรวจรับ ${left.length} ฉบับ เพราะเปลี่ยนไประหว่างนั้น: ${names.join(', ')}` : ''}`,
          en: `${r.accepted} accepted${left.length ? `; ${left.length} not, as they changed meanwhile: ${left.map((x) => this.state.list.find((l) => l.orgUnit === x.orgUnit)?.name_en ?? x.orgUnit).join(', ')}` : ''}.`,
        }),
      });
      await this.refreshList();
    });
  }

  private async refreshList(): Promise<void> {
    const q = this.state.query;
    if (q) this.set({ list: (await this.api().reviews(q)).returns });
  }

  /**
   * The unit's side: for the sheet just checked, each return's status at headquarters, with
   * the reviewer's reason and comments; the comments' cells coloured in that sheet.
   */
  async loadDistrict(sheetId: string, found: readonly FoundReturn[], o: { colour: boolean } = { colour: true }): Promise<void> {
    const d = this.state.district;
    if (d.highlighted.length) await this.excel.clearHighlights(d.highlighted);
    const keys = found.flatMap((r) => (r.orgUnit && r.fiscalYear && r.period ? [{ form: r.formId, fy: r.fiscalYear, period: r.period, orgUnit: r.orgUnit, subject: r.subject }] : []));
    // A table of many units (headquarters' upload) is no one unit's return: its statuses are the Review tab's.
    if (keys.length === 0 || keys.length > MAX_DISTRICT_RETURNS) return this.set({ district: { status: 'idle', returns: [], highlighted: [] } });
    this.set({ district: { status: 'loading', returns: [], highlighted: [], sheetId } });
    try {
      const returns = await Promise.all(keys.map((k) => this.api().review(k)));
      const cells = returns.flatMap((v) => v.comments.map((c) => ({ cell: splitSheetAddress(c.cell).cell, color: MARK_COLOURS.comment })));
      const coloured = o.colour ? await this.excel.highlightCells(sheetId, cells) : null;
      this.set({ district: districtViewOf(sheetId, returns, coloured?.ok ? coloured.value : []) });
    } catch (e) {
      this.set({ district: { status: 'failed', returns: [], highlighted: [], sheetId, outcome: apiOutcome(e) } });
    }
  }

  /** A click on a reviewer's comment: its cell is selected in the unit's sheet. */
  async selectComment(cell: string): Promise<void> {
    const sheetId = this.state.district.sheetId;
    if (sheetId) await this.excel.selectCell(sheetId, splitSheetAddress(cell).cell);
  }
}
