import { z } from 'zod';
import { PERIOD_CODES, PERIOD_KINDS } from './periodCodeList';

export * from './periodCodeList';

/** The canonical code, as stored, sent and keyed (`FY`, `Q1`–`Q4`, `M01`–`M12`). */
export const periodCodeSchema = z.enum(PERIOD_CODES);
export type PeriodCode = z.infer<typeof periodCodeSchema>;

export const periodKindSchema = z.enum(PERIOD_KINDS);
export type PeriodKind = z.infer<typeof periodKindSchema>;
