import { z } from 'zod';
import { issueSchema } from '../issues/issue';

const value = z.union([z.number(), z.string(), z.boolean()]);

/** GET /api/returns/{form}/{fy}/{period}/{orgUnit}: what a reviewer opens (the parts the pane lays out). */
export const storedReturnViewSchema = z.object({
  formId: z.string(),
  fiscalYear: z.number(),
  period: z.string(),
  orgUnit: z.string(),
  subject: z.string().nullable(),
  version: z.number(),
  /** The sheet the unit sent it from: cell addresses (and comments) are on it. */
  sheet: z.string(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  fields: z.record(z.string(), value.nullable()),
  fieldCells: z.record(z.string(), z.string()),
  columns: z.record(z.string(), z.string()),
  firstColumn: z.string(),
  issues: z.array(issueSchema),
  rows: z.array(z.object({ row: z.number(), kind: z.enum(['item', 'total']), values: z.record(z.string(), value.nullable()) })),
});
export type StoredReturnView = z.infer<typeof storedReturnViewSchema>;
