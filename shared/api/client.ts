import type { SubmitRequest, SubmitResponse, Problem } from './schemas';
import type { FlatColumn, FlatValue } from '../report/flatRecords';
import type { GroupBy, Tally, TallyInclude } from '../consolidate/tally';
import type { TallyRebuild } from './tallyRebuild';
import type { AcceptBody, BulkAcceptBody, BulkAcceptResponse, ExceptionBody, HistoryResponse, LockException, ReopenBody, ReviewList, ReviewView, SendBackInput } from '../review/reviewSchemas';
import type { Completeness as ReviewCompleteness } from '../review/completenessSchema';
import type { Caller } from '../review/callerSchema';
import type { PublishedDefinition, YearDefinitions } from '../definitions/versionsByYear';
import type { DefinitionDocument } from '../definitions/definitionDocument';
import { DEFAULT_RETRY, retryDelay, type RequestFailure } from './retryPolicy';

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
  /**
   * Attempts for network failures, 429 and 502–504 (storage briefly down), with backoff (see
   * retryPolicy): a GET, or a POST that carries an idempotency key; never a POST without one.
   */
  attempts?: number;
  backoffMs?: number;
  /** The jitter's source, [0, 1) (default Math.random). */
  random?: () => number;
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
) => Promise<{ ok: boolean; status: number; statusText: string; headers?: { get(name: string): string | null }; text(): Promise<string> }>;

/**
 * The address of the API's host, whether it was given with `/api` (as `npm start` and azd
 * print it) or without, with or without a trailing slash: the client adds `/api/...` itself.
 */
export function apiHost(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)(\/[^?#]*)?$/i.exec(url.trim());
  if (!m) return url.trim().replace(/\/+$/, '');
  // Only a path ending in /api: a host named `api` is a host.
  return m[1] + (m[2] ?? '').replace(/\/+$/, '').replace(/\/api$/i, '');
}

// The host's timer: every runtime the client runs in (Node, browsers) has one; the pure core's lib does not declare it.
declare function setTimeout(callback: () => void, ms: number): unknown;
const hostWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The problem details of a refusal; a body that is not one (a proxy's HTML page) becomes one that quotes it. */
function problemOf(status: number, statusText: string, text: string): Problem & { code?: string } {
  try {
    const data: unknown = text ? JSON.parse(text) : null;
    if (data && typeof data === 'object' && 'detail' in data) return data as Problem & { code?: string };
  } catch {
    // not JSON: quoted below
  }
  return {
    type: 'about:blank',
    title: statusText,
    status,
    detail: text
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 200),
  };
}

/** A fresh idempotency key: a retried submission with it is stored once, a retried decision taken once. */
export function newIdempotencyKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

const keyHeader = (key: string | undefined): Record<string, string> => (key ? { 'Idempotency-Key': key } : {});

const returnPath = (k: ReturnPath) => `/api/returns/${[k.form, k.fy, k.period, k.orgUnit].map((p) => encodeURIComponent(String(p))).join('/')}`;

/** A request body that is JSON text already. */
class JsonText {
  constructor(readonly text: string) {}
}

/** The returns-hub HTTP API, for the CLI and the add-in. */
export function createApiClient(o: ApiClientOptions) {
  const policy = { ...DEFAULT_RETRY, attempts: o.attempts ?? DEFAULT_RETRY.attempts, baseMs: o.backoffMs ?? DEFAULT_RETRY.baseMs, random: o.random ?? DEFAULT_RETRY.random };
  const wait = o.wait ?? hostWait;
  const base = apiHost(o.baseUrl);

  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const payload = body instanceof JsonText ? body.text : body ? JSON.stringify(body) : undefined;
    // A POST is sent again only when the server can tell the second from the first (its idempotency key).
    const mayRepeat = method === 'GET' || headers['Idempotency-Key'] !== undefined;
    for (let attempt = 1; ; attempt++) {
      let failure: RequestFailure;
      let error: Error;
      // A token that cannot be had (a sign-in expired) is the caller's to say, never a network failure to retry.
      const credential = typeof o.key === 'string' ? o.key : await o.key();
      try {
        const res = await o.fetch(`${base}${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${credential}`,
            Accept: 'application/json',
            ...(body ? { 'Content-Type': 'application/json' } : {}),
            ...(o.client ? { 'X-Returns-Client': o.client } : {}),
            ...headers,
          },
          body: payload,
        });
        const text = await res.text();
        if (res.ok) return (text ? JSON.parse(text) : null) as T;
        error = new ApiError(res.status, problemOf(res.status, res.statusText, text));
        failure = { kind: 'status', status: res.status, retryAfter: res.headers?.get('retry-after') ?? null };
      } catch (e) {
        error = e instanceof Error ? e : new Error(String(e));
        failure = { kind: 'network', code: (e as { code?: string }).code };
      }
      const delay = mayRepeat ? retryDelay(policy, attempt, failure) : null;
      if (delay === null) throw error;
      o.onRetry?.(attempt, failure.kind === 'status' ? String(failure.status) : error.message);
      await wait(delay);
    }
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
    /** The same, with the request already serialized (the add-in's check worker writes it, off the page's thread). */
    submitJson: (json: string, idempotencyKey = newIdempotencyKey()) => call<SubmitResponse>('POST', '/api/returns', new JsonText(json), { 'Idempotency-Key': idempotencyKey }),
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
    // Review decisions carry an idempotency key (a fresh one unless given), so a decision whose
    // answer was lost is retried and answered as the first try was (the API keeps the answer
    // under the key), never retried into "already accepted".
    accept: (k: ReturnPath, body: Omit<AcceptBody, 'subject'> = {}, idempotencyKey = newIdempotencyKey()) =>
      call<ReviewView>('POST', `${returnPath(k)}/accept`, { ...body, subject: k.subject ?? null }, keyHeader(idempotencyKey)),
    sendBack: (k: ReturnPath, body: Omit<SendBackInput, 'subject'>, idempotencyKey = newIdempotencyKey()) =>
      call<ReviewView>('POST', `${returnPath(k)}/send-back`, { ...body, subject: k.subject ?? null }, keyHeader(idempotencyKey)),
    reopen: (k: ReturnPath, body: Omit<ReopenBody, 'subject'>, idempotencyKey = newIdempotencyKey()) =>
      call<ReviewView>('POST', `${returnPath(k)}/reopen`, { ...body, subject: k.subject ?? null }, keyHeader(idempotencyKey)),
    bulkAccept: (body: BulkAcceptBody, idempotencyKey = newIdempotencyKey()) => call<BulkAcceptResponse>('POST', '/api/reviews/accept', body, keyHeader(idempotencyKey)),
    grantException: (body: ExceptionBody, idempotencyKey = newIdempotencyKey()) => call<LockException>('POST', '/api/exceptions', body, keyHeader(idempotencyKey)),
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
