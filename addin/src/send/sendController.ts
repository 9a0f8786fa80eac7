import type { Issue } from '@returns-hub/shared/issues/issue';
import type { Receipt } from '@returns-hub/shared/api/schemas';
import { ApiError, newIdempotencyKey, type ApiClient, type ReturnPath } from '@returns-hub/shared/api/client';
import { bundleFiles } from '@returns-hub/shared/api/bundleFiles';
import { issueSchema } from '@returns-hub/shared/issues/issue';
import type { ReviewView } from '@returns-hub/shared/review/reviewSchemas';
import type { Bilingual, Lang } from '../text/bilingual';
import { apiProblemText } from '../pane/apiProblemText';
import type { Outcome, Tone } from '../pane/paneController';
import type { FileChecker, ReadProgress } from './files/fileChecker';
import type { FileReading, FoundReturn } from './files/fileProtocol';
import { sbi } from './sendText';
import { StateHolder } from './stateHolder';
import { paneDefinitions, type PaneDefinitions } from '../definitions/paneDefinitions';
import { YearsGiven } from '../definitions/yearsGiven';

/** A file the clerk chose: read and checked in the worker, then sent with the others. */
export interface FileEntry {
  id: string;
  name: string;
  size: number;
  status: 'waiting' | 'reading' | 'done' | 'failed';
  progress: ReadProgress | null;
  reading: FileReading | null;
  /** Why it could not be read when the fault was the browser's, not the file's (the file's own faults are findings). */
  outcome?: Outcome;
  /** What headquarters stored of it, once sent. */
  receipts: Receipt[];
  /** Why headquarters refused it, and the findings it sent back. */
  refusal?: Outcome;
  problemIssues: Issue[];
}

/** Which sheet is shown, and the cell a finding pointed at (`seq` makes a second click on the same finding scroll again). */
export interface View {
  file: string;
  sheet: number;
  focus: { cell: string; seq: number } | null;
}

export interface SendState {
  status: 'idle' | 'sending' | 'sent' | 'offline' | 'refused';
  outcome?: Outcome;
}

export interface SendPageState {
  lang: Lang;
  files: FileEntry[];
  view: View | null;
  send: SendState;
  /** The returns of the files as headquarters sees them (status, reason, comments), by return key. */
  hq: Record<string, ReviewView>;
}

const say = (tone: Tone, text: Bilingual, retry = false): Outcome => ({ tone, text, retry });

/** A return's key, as headquarters knows it (what the page shows HQ's status by). */
export function returnKey(r: { formId: string; orgUnit: string | null; fiscalYear: number | null; period: string | null; subject: string | null }): string {
  return [r.formId, r.orgUnit, r.fiscalYear, r.period, r.subject ?? ''].join('|');
}

const pathOf = (r: FoundReturn): ReturnPath | null => (r.orgUnit && r.fiscalYear && r.period ? { form: r.formId, fy: r.fiscalYear, period: r.period, orgUnit: r.orgUnit, subject: r.subject } : null);

/** The returns found in a file. */
export const returnsOf = (f: FileEntry): FoundReturn[] => f.reading?.sheets.flatMap((s) => s.returns) ?? [];

/** Every finding of a file: its own (unreadable, no form) and its sheets'. */
export const issuesOf = (f: FileEntry): Issue[] => [...(f.reading?.issues ?? []), ...(f.reading?.sheets.flatMap((s) => s.issues) ?? [])];

/** A file that can be sent: read, holding returns, with no error anywhere in it (as the CLI's upload decides). */
export const isReady = (f: FileEntry): boolean => f.status === 'done' && returnsOf(f).length > 0 && !issuesOf(f).some((i) => i.severity === 'error');

/** What a series of versions is, without the period: two files holding one return never go in one request (the CLI's rule). */
const seriesKeys = (f: FileEntry) => returnsOf(f).map((r) => [r.formId, r.orgUnit, r.fiscalYear, r.subject].join('|'));

/** A refusal tied to what the bundle holds (not storage, not a race): each file is then sent alone for its own answer. */
const refusedForContent = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 409;

let files = 0;

/**
 * The clerk's web page: its state and flows, with no UI (React renders `state`). Files are read
 * and checked by the file checker (a Web Worker), one after another; the clean ones are sent to
 * headquarters bundled, as the CLI's upload sends them, each bundle with its idempotency key
 * (Retry reuses it: nothing is stored twice); what headquarters says of each return (status,
 * reason, comments at cells) is loaded after the check and after sending.
 */
export class SendController extends StateHolder<SendPageState> {
  /** Idempotency keys by the body they were made for: a retry of the same content reuses its key. */
  private keys = new Map<string, string>();
  private queue: Promise<void> = Promise.resolve();
  /** The files themselves, kept to read again (Retry) until the clerk removes them. */
  private blobs = new Map<string, File>();
  /** The years' definitions given to the checker, as loaded from the API (a year loaded again is given again). */
  private readonly given: YearsGiven;

  constructor(
    private readonly checker: FileChecker,
    private readonly api: () => ApiClient | null,
    lang: Lang,
    /** The forms and units of each year: from the API as headquarters published them, the built-in set until then or offline. */
    private readonly definitions: PaneDefinitions = paneDefinitions,
  ) {
    super({ lang, files: [], view: null, send: { status: 'idle' }, hq: {} });
    this.given = new YearsGiven(definitions, checker);
  }

  private patchFile(id: string, patch: Partial<FileEntry>) {
    this.set({ files: this.state.files.map((f) => (f.id === id ? { ...f, ...patch } : f)) });
  }

  file(id: string): FileEntry | undefined {
    return this.state.files.find((f) => f.id === id);
  }

  setLang(lang: Lang): void {
    this.set({ lang });
  }

  /** Files chosen or dropped: each is read and checked in turn; the first with a form is shown. */
  addFiles(chosen: readonly File[]): Promise<void> {
    const added: FileEntry[] = chosen.map((f) => ({ id: `file-${++files}`, name: f.name, size: f.size, status: 'waiting', progress: null, reading: null, receipts: [], problemIssues: [] }));
    this.set({ files: [...this.state.files, ...added], send: { status: 'idle' } });
    added.forEach((entry, i) => this.enqueue(entry.id, chosen[i]));
    return this.queue;
  }

  private enqueue(id: string, blob: File) {
    this.queue = this.queue.then(() => this.checkFile(id, blob));
  }

  private async checkFile(id: string, blob: File): Promise<void> {
    if (!this.file(id)) return; // removed while waiting
    this.blobs.set(id, blob);
    this.patchFile(id, { status: 'reading', progress: { stage: 'reading', done: 0, total: 1 }, outcome: undefined });
    try {
      let reading = await this.checker.check(id, blob, blob.name, (progress) => this.file(id) && this.patchFile(id, { progress }));
      if (!this.file(id)) return this.checker.forget(id);
      // As the pane does: the years the file states, their forms and units as published (cached); a year with something
      // headquarters published, the first time it comes, is given to the checker and the file checked again with it (from
      // its kept grids). A year of the built-in set only is what the worker has already.
      if (await this.giveYearsOf(reading)) reading = await this.checker.recheck(id, blob.name);
      if (!this.file(id)) return this.checker.forget(id);
      this.patchFile(id, { status: 'done', progress: null, reading });
      if (!this.state.view || !this.file(this.state.view.file)) this.showFirstSheet(id);
      await this.loadHq(returnsOf(this.file(id)!));
    } catch {
      if (this.file(id)) this.patchFile(id, { status: 'failed', progress: null, outcome: say('error', sbi('workerStopped'), true) });
    }
  }

  /** Loads the definitions of the years a reading's returns state; whether the checker was given any it did not have. */
  private async giveYearsOf(reading: FileReading): Promise<boolean> {
    if (!this.api()) return false;
    const years = new Set(reading.sheets.flatMap((s) => s.returns.map((r) => r.fiscalYear)).filter((fy): fy is number => fy !== null));
    let changed = false;
    for (const fy of years) {
      await this.definitions.load(fy);
      if (this.given.give(fy)) changed = true;
    }
    return changed;
  }

  /** Reads a file again after the browser failed to (Retry). */
  retry(id: string): void {
    const blob = this.blobs.get(id);
    if (blob) this.enqueue(id, blob);
  }

  remove(id: string): void {
    this.checker.forget(id);
    this.blobs.delete(id);
    const filesLeft = this.state.files.filter((f) => f.id !== id);
    this.set({ files: filesLeft, view: this.state.view?.file === id ? null : this.state.view });
    if (!this.state.view && filesLeft.length) this.showFirstSheet(filesLeft.find((f) => f.reading)?.id ?? filesLeft[0].id);
  }

  private showFirstSheet(id: string) {
    const sheets = this.file(id)?.reading?.sheets ?? [];
    if (!sheets.length) return;
    const withForm = sheets.findIndex((s) => s.returns.length > 0);
    this.set({ view: { file: id, sheet: Math.max(0, withForm), focus: null } });
  }

  show(file: string, sheet: number): void {
    this.set({ view: { file, sheet, focus: null } });
  }

  /** A finding (or a comment) pressed: its sheet shown, scrolled to its cell. */
  goTo(file: string, sheetName: string, cell: string): void {
    const sheets = this.file(file)?.reading?.sheets ?? [];
    const i = sheets.findIndex((s) => s.sheet === sheetName);
    const sheet = i >= 0 ? i : (this.state.view?.sheet ?? 0);
    this.set({ view: { file, sheet, focus: { cell, seq: (this.state.view?.focus?.seq ?? 0) + 1 } } });
  }

  /** Headquarters' view of these returns (status, reason, comments); quiet when the page is not signed in or HQ cannot be reached. */
  async loadHq(found: readonly FoundReturn[]): Promise<void> {
    const api = this.api();
    const paths = found.flatMap((r) => {
      const p = pathOf(r);
      return p ? [{ key: returnKey(r), path: p }] : [];
    });
    if (!api || paths.length === 0) return;
    const views = await Promise.all(
      paths.map(({ key, path }) =>
        api
          .review(path)
          .then((v): [string, ReviewView] | null => [key, v])
          .catch(() => null),
      ),
    );
    const hq = { ...this.state.hq };
    for (const v of views) if (v) hq[v[0]] = v[1];
    this.set({ hq });
  }

  /** Loads headquarters' view again for every file (after signing in). */
  refreshHq(): Promise<void> {
    return this.loadHq(this.state.files.flatMap(returnsOf));
  }

  /**
   * Send: every clean file, bundled into few requests (≤100 returns and 4 MiB each, never two
   * versions of one return at once). A bundle refused for what it holds is sent again file by
   * file, so each file gets its own answer. A dropped connection keeps everything: Retry sends
   * the same bodies with the same keys.
   */
  async send(): Promise<void> {
    const api = this.api();
    if (this.state.send.status === 'sending') return;
    if (!api) return this.set({ send: { status: 'refused', outcome: say('warning', sbi('notSignedIn')) } });
    const ready = this.state.files.filter((f) => isReady(f) && f.receipts.length === 0);
    if (ready.length === 0) return this.set({ send: { status: 'refused', outcome: say('warning', sbi('sendNothing')) } });
    this.set({ send: { status: 'sending', outcome: say('info', sbi('sending')) } });
    const bundles = bundleFiles(ready, (f) => ({ returns: returnsOf(f).length, bytes: returnsOf(f).reduce((n, r) => n + r.json.length + 1, 0), keys: seriesKeys(f) }));
    let offline = false;
    let refused = 0;
    for (const bundle of bundles) {
      const outcome = await this.submit(api, bundle);
      if (outcome === 'offline') {
        offline = true;
        break;
      }
      if (outcome !== 'ok' && bundle.length > 1 && refusedForContent(outcome)) {
        for (const f of bundle) {
          const alone = await this.submit(api, [f]);
          if (alone === 'offline') offline = true;
          else if (alone !== 'ok') refused += this.refuse(f, alone);
        }
      } else if (outcome !== 'ok') for (const f of bundle) refused += this.refuse(f, outcome);
      if (offline) break;
    }
    const sent = this.state.files.filter((f) => f.receipts.length > 0);
    if (offline) this.set({ send: { status: 'offline', outcome: say('warning', sbi('offline'), true) } });
    else if (refused) this.set({ send: { status: 'refused', outcome: say('error', this.refusedText(refused, sent.length)) } });
    else this.set({ send: { status: 'sent', outcome: say('success', sbi('sent')) } });
    await this.loadHq(sent.flatMap(returnsOf));
  }

  private refusedText(refused: number, sent: number): Bilingual {
    return {
      th: `ส่วนกลางไม่รับ ${refused} ไฟล์ (ดูเหตุผลที่ไฟล์นั้น)${sent ? ` ส่งสำเร็จ ${sent} ไฟล์` : ''}`,
      en: `Headquarters refused ${refused} file${refused > 1 ? 's' : ''} (the reason is shown with ${refused > 1 ? 'each' : 'it'})${sent ? `; ${sent} sent` : ''}.`,
    };
  }

  private refuse(f: FileEntry, e: unknown): number {
    const text = e instanceof ApiError ? apiProblemText(e) : sbi('hqOffline');
    const problemIssues =
      e instanceof ApiError
        ? (e.problem.issues ?? []).flatMap((x) => {
            const p = issueSchema.safeParse(x);
            return p.success ? [p.data] : [];
          })
        : [];
    this.patchFile(f.id, { refusal: say('error', { th: `${sbi('refused').th}: ${text.th}`, en: `${sbi('refused').en}: ${text.en}` }), problemIssues });
    return 1;
  }

  /** One request; receipts come in the order of the returns sent, each file taking as many as it sent. */
  private async submit(api: ApiClient, bundle: FileEntry[]): Promise<'ok' | 'offline' | unknown> {
    const body = `{"fileName":${JSON.stringify(bundle[0].name)},"returns":[${bundle.flatMap((f) => returnsOf(f).map((r) => r.json)).join(',')}]}`;
    let key = this.keys.get(body);
    if (!key) this.keys.set(body, (key = newIdempotencyKey()));
    try {
      const res = await api.submitJson(body, key);
      let at = 0;
      for (const f of bundle) {
        const n = returnsOf(f).length;
        this.patchFile(f.id, { receipts: res.receipts.slice(at, (at += n)), refusal: undefined, problemIssues: [] });
      }
      return 'ok';
    } catch (e) {
      return e instanceof ApiError && e.status < 500 ? e : 'offline';
    }
  }
}
