import type { SubmitRequest, SubmitResponse, Problem } from './schemas';
import type { FlatColumn, FlatValue } from '../report/flatRecords';
import type { GroupBy, Tally, TallyInclude } from '../consolidate/tally';
import type { TallyRebuild } from './tallyRebuild';
import type { AcceptBody, BulkAcceptBody, BulkAcceptResponse, ExceptionBody, HistoryResponse, LockException, ReopenBody, ReviewList, ReviewView, SendBackInput } from '../review/reviewSchemas';
import type { Completeness as ReviewCompleteness } from '../review/completenessSchema';
import type { Caller } from '../review/callerSchema';
import type { PublishedDefinition, YearDefinitions } from '../definitions/versionsByYear';
import type { DefinitionDocument } from '../definitions/definitionDocument';

/** What the API answers when it refuses: its problem details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem & { code?: string },
  ) {
    super(`${status} ${problem.title}: ${problem.detail}`);
  }
}

export interface ApiClientOptions {
  baseUrl: string;
  /** An API key, or a function giving a fresh bearer token (Entra ID) per request. */
  key: string | (() => Promise<string>);
  /** Injected so the same client runs in Node, the browser and tests (the core has no I/O of its own). */
  fetch: FetchLike;
  /** Waits between attempts; injected for the same reason (default: the host's timer). */
  wait?: (ms: number) => Promise<void>;
  /** Attempts for network failures and 503 (storage briefly down), with backoff. */
  attempts?: number;
  backoffMs?: number;
  /** Called before each retry, for progress display. */
  onRetry?: (attempt: number, reason: string) => void;
  /** Names this client in the audit trail (`X-Returns-Client`): `returns-cli/0.1.0`, `returns-addin/0.1.0`. */
  client?: string;
}

/** A return as the review routes name it. */
export interface ReturnPath {
  form: string;
  fy: number;
  period: string;
  orgUnit: string;
  subject?: string | null;
}

/** The part of WHATWG `fetch` the client uses: Node's and the browser's `fetch` both are one. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ ok: boolean; status: number; statusText: string; text(): Promise<string> }>;

// The host's timer: every runtime the client runs in (Node, browsers) has one; the pure core's lib does not declare it.
declare function setTimeout(callback: () => void, ms: number): unknown;
const hostWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const RETRYABLE = new Set([502, 503, 504]);

/** A fresh idempotency key: a retried submission with it is stored once. */
export function newIdempotencyKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

const returnPath = (k: ReturnPath) => `/api/returns/${[k.form, k.fy, k.period, k.orgUnit].map((p) => encodeURIComponent(String(p))).join('/')}`;

/** The returns-hub HTTP API, for the CLI and the add-in. */
export function createApiClient(o: ApiClientOptions) {
  const attempts = o.attempts ?? 6;
  const backoff = o.backoffMs ?? 300;
  const wait = o.wait ?? hostWait;
  const base = o.baseUrl.replace(/\/+$/, '');

  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    let last: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const res = await o.fetch(`${base}${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${typeof o.key === 'string' ? o.key : await o.key()}`,
            Accept: 'application/json',
            ...(body ? { 'Content-Type': 'application/json' } : {}),
            ...(o.client ? { 'X-Returns-Client': o.client } : {}),
            ...headers,
          },
          body: body ? JSON.stringify(body) : undefined,
        });
        const text = await res.text();
        const data = text ? JSON.parse(text) : null;
        if (res.ok) return data as T;
        if (!RETRYABLE.has(res.status) || attempt === attempts) throw new ApiError(res.status, data ?? { type: 'about:blank', title: res.statusText, status: res.status, detail: '' });
        last = new ApiError(res.status, data);
        o.onRetry?.(attempt, `${res.status}`);
      } catch (e) {
        if (e instanceof ApiError) throw e;
        last = e;
        if (attempt === attempts) break;
        o.onRetry?.(attempt, e instanceof Error ? e.message : String(e));
      }
      await wait(backoff * 2 ** (attempt - 1));
    }
    throw last instanceof Error ? last : new Error(String(last));
  }

  const qs = (q: Record<string, string | number | undefined>) =>
    '?' +
    Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&');

  return {
    /** Submits; network failures and 503 are retried with the same idempotency key, so nothing is stored twice. */
    submit: (req: SubmitRequest, idempotencyKey = newIdempotencyKey()) => call<SubmitResponse>('POST', '/api/returns', req, { 'Idempotency-Key': idempotencyKey }),
    tallies: (q: { form: string; fy: number; period?: string; by?: GroupBy; include?: TallyInclude }) => call<Tally>('GET', `/api/tallies${qs(q)}`),
    completeness: (q: { form: string; fy: number; period?: string }) => call<ReviewCompleteness>('GET', `/api/completeness${qs(q)}`),
    list: (q: { form: string; fy: number; period?: string }) => call<{ returns: ListedReturn[]; dueDate: string }>('GET', `/api/returns${qs(q)}`),
    getReturn: (k: { form: string; fy: number; period: string; orgUnit: string; subject?: string | null; version?: number }) =>
      call<Record<string, unknown>>('GET', `/api/returns/${k.form}/${k.fy}/${k.period}/${k.orgUnit}${qs({ subject: k.subject ?? undefined, version: k.version })}`),
    forms: () => call<unknown[]>('GET', '/api/forms'),
    /** The forms and org units in force in a fiscal year (default: the newest), as documents with their versions. */
    definitions: (q: { fy?: number } = {}) => call<YearDefinitions>('GET', `/api/definitions${qs(q)}`),
    /** One document as in force in a year (default: the newest), with the ETag of its head (null: never published). */
    definition: (id: string, q: { fy?: number } = {}) => call<DefinitionRead>('GET', `/api/definitions/${encodeURIComponent(id)}${qs(q)}`),
    /** Every version headquarters published, documents included (with the built-in ones: every year's definitions). */
    publishedDefinitions: () => call<{ published: PublishedDefinition[] }>('GET', '/api/published-definitions'),
    /** Every document and every version published of it. */
    definitionVersions: () => call<{ documents: DefinitionVersions[] }>('GET', '/api/definition-versions'),
    /** Headquarters: publishes a document for a fiscal year onwards, after the head `etag` read (null: the first version). */
    publishDefinition: (id: string, fy: number, doc: DefinitionDocument, etag: string | null) =>
      call<PublishedVersion>('POST', `/api/definitions/${encodeURIComponent(id)}${qs({ fy })}`, doc, etag === null ? { 'If-None-Match': '*' } : { 'If-Match': etag }),
    /** Every current return's records, one row per record (the flat export, as JSON). */
    exportRecords: (q: { form: string; fy: number; period?: string }) => call<RecordsExport>('GET', `/api/exports/records${qs(q)}`),
    /** Who the key or token is: role and org unit. */
    me: () => call<Caller>('GET', '/api/me'),
    /** Headquarters only: recomputes a form's tallies of a fiscal year from the contributions; `check` compares without writing. */
    rebuildTallies: (q: { form: string; fy: number; period?: string; include?: TallyInclude; check?: boolean }) =>
      call<TallyRebuild>('POST', `/api/admin/rebuild-tallies${qs({ form: q.form, fy: q.fy, period: q.period, include: q.include, check: q.check ? 'true' : undefined })}`),
    /** The period's returns with their review status. */
    reviews: (q: { form: string; fy: number; period?: string }) => call<ReviewList>('GET', `/api/reviews${qs(q)}`),
    review: (k: ReturnPath) => call<ReviewView>('GET', `${returnPath(k)}/review${qs({ subject: k.subject ?? undefined })}`),
    history: (k: ReturnPath) => call<HistoryResponse>('GET', `${returnPath(k)}/history${qs({ subject: k.subject ?? undefined })}`),
    accept: (k: ReturnPath, body: Omit<AcceptBody, 'subject'> = {}) => call<ReviewView>('POST', `${returnPath(k)}/accept`, { ...body, subject: k.subject ?? null }),
    sendBack: (k: ReturnPath, body: Omit<SendBackInput, 'subject'>) => call<ReviewView>('POST', `${returnPath(k)}/send-back`, { ...body, subject: k.subject ?? null }),
    reopen: (k: ReturnPath, body: Omit<ReopenBody, 'subject'>) => call<ReviewView>('POST', `${returnPath(k)}/reopen`, { ...body, subject: k.subject ?? null }),
    bulkAccept: (body: BulkAcceptBody) => call<BulkAcceptResponse>('POST', '/api/reviews/accept', body),
    grantException: (body: ExceptionBody) => call<LockException>('POST', '/api/exceptions', body),
    exceptions: (q: { form: string; fy: number; period?: string }) => call<{ exceptions: LockException[] }>('GET', `/api/exceptions${qs(q)}`),
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;

/** GET /api/exports/records as JSON: the columns (ids with Thai and English labels) and one row per record. */
export interface RecordsExport {
  formId: string;
  fiscalYear: number;
  period: string;
  columns: FlatColumn[];
  rows: FlatValue[][];
}

export interface Completeness {
  formId: string;
  fiscalYear: number;
  period: string;
  dueDate: string;
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: { code: string; name_th: string; name_en: string }[];
}

export interface ListedReturn {
  orgUnit: string;
  name_th: string;
  subject: string | null;
  version: number;
  submittedAt: string;
  status: 'on_time' | 'late';
  rows: number;
  warnings: number;
  fileName: string;
}

/** A published version of a definition document: who published it, when, from which fiscal year. */
export interface PublishedVersion {
  id: string;
  version: number;
  fromFiscalYear: number;
  publishedAt: string;
  publishedBy: string;
}

/** GET /api/definitions/{id}: the document in force, its version (0: built in), and its head's ETag. */
export interface DefinitionRead {
  id: string;
  version: number;
  doc: DefinitionDocument;
  head: { version: number; etag: string } | null;
}

/** A document and its published versions (GET /api/definition-versions). */
export interface DefinitionVersions {
  id: string;
  kind: 'form' | 'orgUnits';
  title_th: string;
  title_en: string;
  versions: Omit<PublishedVersion, 'id'>[];
}
