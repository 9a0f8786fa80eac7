import { ApiError, type ApiClient, type ReturnPath } from '@returns-hub/shared/api/client';
import { paneDefinitions } from '../definitions/paneDefinitions';
import { expectedUnits } from '@returns-hub/shared/consolidate/groups';
import { bangkokDate, currentFiscalYear, periodsOfKind, periodStart, type PeriodCode } from '@returns-hub/shared/period/index';
import type { Caller } from '@returns-hub/shared/review/callerSchema';
import type { UnitCompleteness } from '@returns-hub/shared/review/completenessSchema';
import type { ReviewedReturn, ReviewView } from '@returns-hub/shared/review/reviewSchemas';
import { storedReturnViewSchema, type StoredReturnView } from '@returns-hub/shared/review/storedReturnView';
import { bangkokTime } from '@returns-hub/shared/review/bangkokTime';
import { periodText } from '../pane/returnText';
import type { Bilingual, Lang } from '../text/bilingual';
import { apiProblemText } from '../pane/apiProblemText';
import type { Outcome } from '../pane/paneController';
import { reviewSheetLayout, type OpenedLayout } from '../pane/reviewSheetLayout';
import { sbi } from './sendText';
import { StateHolder } from './stateHolder';

/** One period of one form, as the unit's return stands at headquarters. */
export interface UnitPeriod {
  formId: string;
  fiscalYear: number;
  period: PeriodCode;
  dueDate: string;
  closesOn: string | null;
  /** The unit's line of the period's completeness: status (the most pressing of its returns), on time or not. */
  unit: UnitCompleteness;
  /** Its returns (one, or one per project), with the reason of a send-back. */
  returns: ReviewedReturn[];
  /** Headquarters' full view (the comments at cells) of the returns sent back. */
  sentBack: ReviewView[];
}

/** A return opened from "my returns": what was stored, laid out as the form's blank sheet, comments marked. */
export interface StoredShown {
  title: Bilingual;
  /** Who sent it, for which period, which version and when, in words (the layout's third row). */
  caption: Bilingual;
  layout: OpenedLayout;
  /** The reviewer's comments, each at the unit's own cell and at the cell it lands on in the layout. */
  comments: { unitCell: string; cell: string | null; text: string }[];
}

export interface MyReturnsState {
  lang: Lang;
  status: 'idle' | 'loading' | 'done' | 'failed' | 'signedOut' | 'notUnit';
  caller: Caller | null;
  fiscalYear: number;
  periods: UnitPeriod[];
  outcome?: Outcome;
  stored: StoredShown | null;
}

/** `คลองเตย · ทั้งปี 2563 · ฉบับที่ 1 · ส่งเมื่อ 7 ธ.ค. 2569 เวลา 16:06 น.` */
function captionOf(r: StoredReturnView): Bilingual {
  const unit = paneDefinitions.forYear(r.fiscalYear).units.byCode(r.orgUnit);
  const period = periodText(r.fiscalYear, r.period) ?? { th: r.period, en: r.period };
  const at = bangkokTime(r.submittedAt);
  return {
    th: `${unit?.name_th ?? r.orgUnit} · ${period.th} · ${sbi('version').th} ${r.version} · ส่งเมื่อ ${at.th}`,
    en: `${unit?.name_en ?? r.orgUnit} · ${period.en} · ${sbi('version').en} ${r.version} · sent ${at.en}`,
  };
}

const offline = (e: unknown): Outcome => (e instanceof ApiError && e.status < 500 ? { tone: 'error', text: apiProblemText(e) } : { tone: 'warning', text: sbi('hqOffline'), retry: true });

/**
 * "My returns": the signed-in unit's returns at headquarters for a fiscal year, whether or not
 * a file is open: for each form the unit reports and each period begun so far, its status,
 * due date, whether it came in time, and what was sent back, why and at which cells. A stored
 * version can be shown as it was received, laid out as the blank form.
 */
export class MyReturnsController extends StateHolder<MyReturnsState> {
  constructor(
    private readonly api: () => ApiClient | null,
    lang: Lang,
    private readonly now: () => Date,
  ) {
    super({ lang, status: 'idle', caller: null, fiscalYear: currentFiscalYear(now()), periods: [], stored: null });
  }

  setLang(lang: Lang): void {
    this.set({ lang });
  }

  /** Who the page is signed in as, then that unit's returns; a headquarters or zone account has none of its own. */
  async load(fiscalYear = this.state.fiscalYear): Promise<void> {
    const api = this.api();
    if (!api) return this.set({ status: 'signedOut', caller: null, periods: [], stored: null });
    this.set({ status: 'loading', fiscalYear, outcome: undefined });
    try {
      const [caller] = await Promise.all([api.me(), paneDefinitions.load(fiscalYear)]);
      const year = paneDefinitions.forYear(fiscalYear);
      const unit = caller.role === 'unit' && caller.orgUnit ? year.units.byCode(caller.orgUnit) : undefined;
      if (!unit) return this.set({ status: 'notUnit', caller, periods: [] });
      const today = bangkokDate(this.now());
      const asked = year.forms
        .filter((f) => expectedUnits(f, year.units).some((u) => u.code === unit.code))
        .flatMap((form) =>
          periodsOfKind(form.period.kind)
            .filter((code) => periodStart({ fiscalYear, code }) <= today)
            .map((code) => ({ form, code })),
        );
      const periods = await Promise.all(asked.map(({ form, code }) => this.period(api, unit.code, form.id, fiscalYear, code)));
      this.set({ status: 'done', caller, periods: periods.filter((p): p is UnitPeriod => p !== null) });
    } catch (e) {
      this.set({ status: 'failed', periods: [], outcome: offline(e) });
    }
  }

  private async period(api: ApiClient, orgUnit: string, formId: string, fiscalYear: number, period: PeriodCode): Promise<UnitPeriod | null> {
    const [completeness, list] = await Promise.all([api.completeness({ form: formId, fy: fiscalYear, period }), api.reviews({ form: formId, fy: fiscalYear, period })]);
    const unit = completeness.units.find((u) => u.code === orgUnit);
    if (!unit) return null;
    const returns = list.returns.filter((r) => r.orgUnit === orgUnit);
    const sentBack = await Promise.all(returns.filter((r) => r.status === 'returned').map((r) => api.review({ form: formId, fy: fiscalYear, period, orgUnit, subject: r.subject })));
    return { formId, fiscalYear, period, dueDate: completeness.dueDate, closesOn: completeness.closesOn, unit, returns, sentBack };
  }

  /** Shows a stored return as it was received, its reviewer's comments marked at their cells. */
  async showStored(p: UnitPeriod, r: ReviewedReturn): Promise<void> {
    const api = this.api();
    const year = paneDefinitions.forYear(p.fiscalYear);
    const form = year.formById(p.formId);
    if (!api || !form) return;
    const key: ReturnPath = { form: p.formId, fy: p.fiscalYear, period: p.period, orgUnit: r.orgUnit, subject: r.subject };
    try {
      const [raw, review] = await Promise.all([api.getReturn(key), api.review(key)]);
      const stored = storedReturnViewSchema.safeParse(raw);
      if (!stored.success) return this.set({ outcome: { tone: 'error', text: { th: 'อ่านแบบรายงานที่เก็บไว้ไม่ได้', en: 'The stored return could not be read.' } } });
      const layout = reviewSheetLayout(form, year.units, stored.data, review.comments);
      const toLayout = new Map(Object.entries(layout.toUnitCell).map(([cell, unitCell]) => [unitCell.replace(/\$/g, ''), cell]));
      this.set({
        outcome: undefined,
        stored: {
          title: { th: `${form.title_th} · ${sbi('version').th} ${stored.data.version}`, en: `${form.title_en} · ${sbi('version').en} ${stored.data.version}` },
          caption: captionOf(stored.data),
          layout,
          comments: review.comments.map((c) => ({ unitCell: c.cell, cell: toLayout.get(c.cell.replace(/\$/g, '')) ?? null, text: c.text })),
        },
      });
    } catch (e) {
      this.set({ outcome: offline(e) });
    }
  }

  closeStored(): void {
    this.set({ stored: null });
  }
}
