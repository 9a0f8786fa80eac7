import type { HttpResponseInit } from '@azure/functions';
import type { Problem } from '@returns-hub/shared/api/schemas';

/** An error the API answers with: a status, a stable code, text, and (for 422) cell-addressed findings. Errors are values. */
export interface ApiProblem {
  problem: true;
  status: number;
  code: string;
  title: string;
  detail: string;
  /** The detail in Thai, where the error has it. */
  detail_th?: string;
  issues?: unknown[];
  headers?: Record<string, string>;
}

export function problem(status: number, code: string, title: string, detail: string, issues?: unknown[]): ApiProblem {
  return { problem: true, status, code, title, detail, ...(issues ? { issues } : {}) };
}

export function isProblem(x: unknown): x is ApiProblem {
  return typeof x === 'object' && x !== null && (x as ApiProblem).problem === true;
}

/** RFC 9457 problem details as JSON. */
export function problemResponse(p: ApiProblem): HttpResponseInit {
  const body: Problem & { code: string } = { type: `https://returns-hub.local/problems/${p.code}`, title: p.title, status: p.status, detail: p.detail, code: p.code };
  if (p.issues) body.issues = p.issues;
  if (p.detail_th) Object.assign(body, { detail_th: p.detail_th });
  return { status: p.status, headers: { 'Content-Type': 'application/problem+json', ...(p.headers ?? {}) }, body: JSON.stringify(body) };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}
