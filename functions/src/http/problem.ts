import type { HttpResponseInit } from '@azure/functions';
import type { Problem } from '@returns-hub/shared/api/schemas';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { kindOf, type DomainError, type DomainErrorCode, type DomainErrorKind } from '../domain/domainError';
import type { ReturnOutcome } from '../domain/returnOutcome';
import type { LockedReturn } from '@returns-hub/shared/review/reviewSchemas';
import { HTTP_PROBLEM_STATUS, type HttpProblemCode } from './httpProblemCodes';

/** An error the API answers with: a status, a stable code, Thai and English text, and (for 422) cell-addressed findings. Errors are values. */
export interface ApiProblem {
  problem: true;
  status: number;
  code: HttpProblemCode | DomainErrorCode;
  detail: string;
  detail_th: string;
  issues?: Issue[];
  outcomes?: ReturnOutcome[];
  locked?: LockedReturn[];
  headers?: Record<string, string>;
}

/** Each status's title, in English (RFC 9110) and Thai, so a pane can show the clerk's language. */
const TITLES: Record<number, [en: string, th: string]> = {
  400: ['Bad Request', 'คำขอไม่ถูกต้อง'],
  401: ['Unauthorized', 'ยังไม่ได้ยืนยันตัวตน'],
  403: ['Forbidden', 'ไม่มีสิทธิ์'],
  404: ['Not Found', 'ไม่พบข้อมูล'],
  405: ['Method Not Allowed', 'ไม่รองรับวิธีเรียกนี้'],
  409: ['Conflict', 'ข้อมูลถูกเปลี่ยนพร้อมกัน'],
  412: ['Precondition Failed', 'ข้อมูลถูกเปลี่ยนไปแล้ว'],
  413: ['Content Too Large', 'ข้อมูลใหญ่เกินไป'],
  422: ['Unprocessable Content', 'ข้อมูลไม่ผ่านการตรวจสอบ'],
  428: ['Precondition Required', 'ต้องระบุฉบับที่อ่านไว้'],
  429: ['Too Many Requests', 'ส่งคำขอถี่เกินไป'],
  500: ['Internal Server Error', 'ระบบขัดข้อง'],
  503: ['Service Unavailable', 'ระบบจัดเก็บข้อมูลยังไม่พร้อม'],
};

/** The one place a domain error kind becomes an HTTP status. */
const STATUS_OF: Record<DomainErrorKind, number> = { bad_request: 400, forbidden: 403, not_found: 404, conflict: 409, invalid: 422, unavailable: 503 };

/** Seconds a client should wait before retrying when storage is unavailable. */
export const RETRY_AFTER_SECONDS = 2;

/** A refusal of the HTTP layer itself (its status follows from the code). */
export function problem(code: HttpProblemCode, text: { en: string; th: string }, extra: Pick<ApiProblem, 'issues' | 'headers'> = {}): ApiProblem {
  return { problem: true, status: HTTP_PROBLEM_STATUS[code], code, detail: text.en, detail_th: text.th, ...extra };
}

/** A service's domain error as problem details. */
export function problemOf(e: DomainError): ApiProblem {
  const status = STATUS_OF[kindOf(e.code)];
  return {
    problem: true,
    status,
    code: e.code,
    detail: e.en,
    detail_th: e.th,
    ...(e.issues ? { issues: e.issues } : {}),
    ...(e.outcomes ? { outcomes: e.outcomes } : {}),
    ...(e.locked ? { locked: e.locked } : {}),
    ...(status === 503 ? { headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } } : {}),
  };
}

export function isProblem(x: unknown): x is ApiProblem {
  return typeof x === 'object' && x !== null && (x as ApiProblem).problem === true;
}

/** The body of problem details (RFC 9457), with the Thai title and detail beside the English. */
export type ProblemBody = Problem & { code: string; title_th: string; detail_th: string; outcomes?: ReturnOutcome[] };

export function problemBody(p: ApiProblem): ProblemBody {
  const [title, title_th] = TITLES[p.status] ?? ['Error', 'ข้อผิดพลาด'];
  return {
    type: `https://returns-hub.local/problems/${p.code}`,
    title,
    title_th,
    status: p.status,
    detail: p.detail,
    detail_th: p.detail_th,
    code: p.code,
    ...(p.issues ? { issues: p.issues } : {}),
    ...(p.outcomes ? { outcomes: p.outcomes } : {}),
    ...(p.locked ? { locked: p.locked } : {}),
  };
}

export function problemResponse(p: ApiProblem): HttpResponseInit {
  return { status: p.status, headers: { 'Content-Type': 'application/problem+json', ...(p.headers ?? {}) }, body: JSON.stringify(problemBody(p)) };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}
