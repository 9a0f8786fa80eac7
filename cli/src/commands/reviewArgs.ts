import { createApiClient, type ApiClient } from '@returns-hub/shared/api/client';
import { httpFetch } from '../httpFetch';

/** Flags of the review commands; `--comment` may be given many times. */
export interface ReviewArgs {
  values: Record<string, string>;
  comments: string[];
  flags: Set<string>;
}

const VALUE_FLAGS = new Set(['--api', '--key', '--form', '--fy', '--period', '--unit', '--subject', '--version', '--reason', '--note', '--comment']);

export function parseReviewArgs(argv: string[]): ReviewArgs {
  const values: Record<string, string> = {};
  const comments: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--comment') comments.push(argv[++i] ?? '');
    else if (VALUE_FLAGS.has(a)) values[a.slice(2)] = argv[++i] ?? '';
    else if (a.startsWith('--')) flags.add(a.slice(2));
  }
  return { values, comments, flags };
}

export interface Connection {
  api?: string;
  key?: string;
}

/** The API client the review commands use: named `returns-cli` in the audit trail. */
export function reviewClient(c: Required<Connection>): ApiClient {
  return createApiClient({ baseUrl: c.api, key: c.key, fetch: httpFetch, client: 'returns-cli' });
}

/** The return the flags name: form, fiscal year, period, unit (and subject, for forms with several per unit). */
export function returnOf(a: ReviewArgs): { form: string; fy: number; period: string; orgUnit: string; subject: string | null } | string {
  const fy = Number(a.values.fy);
  if (!a.values.form || !Number.isInteger(fy) || !a.values.period || !a.values.unit) return 'give --form, --fy, --period and --unit';
  return { form: a.values.form, fy, period: a.values.period, orgUnit: a.values.unit, subject: a.values.subject ?? null };
}

export function versionOf(a: ReviewArgs): number | undefined | string {
  if (a.values.version === undefined) return undefined;
  const v = Number(a.values.version);
  return Number.isInteger(v) && v > 0 ? v : '--version must be a version number';
}
