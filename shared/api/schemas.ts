import { z } from 'zod';
import { fiscalYearInputSchema } from '../period/fiscalYear';
import { periodCodeInputSchema } from '../period/periodCode';
import type { LockedReturn } from '../review/reviewSchemas';

/** Wire schemas of the HTTP API, shared by the server (validation) and the clients (CLI, add-in). */

const scalar = z.union([z.number(), z.string().max(32_000), z.boolean(), z.null()]);
const detail = z.object({
  v: scalar,
  err: z.string().max(64).optional(),
  uncomputed: z.boolean().optional(),
  fmt: z.string().max(256).optional(),
  unit: z.string().max(64).optional(),
  date1904: z.boolean().optional(),
});
// One union of five, not a union inside a union: zod takes fewer steps a cell (a 200,000-cell table: 296 → 180 ms).
const rawCell = z.union([...scalar.options, detail]);
const cellAddress = z.string().max(300);
const fieldId = z.string().regex(/^[a-z0-9_]{1,64}$/);

export const rawFieldSchema = detail.extend({ cell: cellAddress });

export const locatedReturnSchema = z.object({
  formId: z.string().max(64),
  sheet: z.string().min(1).max(64),
  titles: z.array(z.string().max(2000)).max(200),
  titleCell: cellAddress,
  fields: z.record(fieldId, rawFieldSchema),
  table: z
    .object({
      columns: z.record(fieldId, z.string().regex(/^[A-Z]{1,3}$/)),
      firstColumn: z.string().regex(/^[A-Z]{1,3}$/),
      rows: z.array(z.object({ row: z.number().int().min(1).max(1_048_576), kind: z.enum(['item', 'total']), values: z.record(fieldId, rawCell) })).max(200_000),
    })
    .optional(),
});

/** POST /api/returns: the returns a client read from one sheet or workbook, or from several files bundled (each return then names its file). */
export const submitRequestSchema = z.object({
  fileName: z.string().min(1).max(260),
  returns: z
    .array(locatedReturnSchema.extend({ fileName: z.string().min(1).max(260).optional() }))
    .min(1)
    .max(100),
});
export type SubmitRequest = z.infer<typeof submitRequestSchema>;

export const changeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });

export const receiptSchema = z.object({
  formId: z.string(),
  orgUnit: z.string(),
  fiscalYear: z.number(),
  period: z.string(),
  subject: z.string().nullable(),
  version: z.number().int(),
  submittedAt: z.string(),
  previousVersion: z.number().int().nullable(),
  rows: z.number().int(),
  warnings: z.number().int(),
  /** What changed from the previous version: record fields, and the row count. */
  changes: z.array(changeSchema),
  /** True when this answer replays an earlier identical request (same idempotency key). */
  replayed: z.boolean().optional(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const submitResponseSchema = z.object({ receipts: z.array(receiptSchema) });
export type SubmitResponse = z.infer<typeof submitResponseSchema>;

export const formIdParam = z.string().regex(/^[a-z0-9-]{1,64}$/);
/** Fiscal year (BE 2400–2800, or CE / two digits, converted) and period (`Q2`, `q2`, `ไตรมาส 2`, …): any spelling the period module reads, out as canonical BE year and code. */
export const fiscalYearParam = fiscalYearInputSchema;
export const periodParam = periodCodeInputSchema;
export const groupByParam = z.enum(['district', 'zone', 'region', 'hq']);
export const orgUnitParam = z.string().regex(/^[A-Za-z0-9-]{1,16}$/);

/** `include=accepted`: figures of accepted returns only; `all` (default): every current return. */
export const tallyIncludeParam = z.enum(['all', 'accepted']);
export const tallyQuerySchema = z.object({ form: formIdParam, fy: fiscalYearParam, period: periodParam.default('FY'), by: groupByParam.default('hq'), include: tallyIncludeParam.default('all') });
export const listQuerySchema = z.object({ form: formIdParam, fy: fiscalYearParam, period: periodParam.default('FY') });

/** Problem details (RFC 9457) returned with every error status. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The title and detail in Thai. */
  title_th?: string;
  detail_th?: string;
  /** Cell-addressed findings, for 422. */
  issues?: unknown[];
  /** A submission refused for locks: every locked return of the request (nothing of it was stored). */
  locked?: LockedReturn[];
}
