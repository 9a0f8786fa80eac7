import { z } from 'zod';

/** GET /api/me: who a key or token is. A zone reviewer's `orgUnit` is its zone's code. */
export const callerSchema = z.object({ role: z.enum(['hq', 'zone', 'unit']), orgUnit: z.string().nullable(), name: z.string() });
export type Caller = z.infer<typeof callerSchema>;
