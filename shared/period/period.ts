import { z } from 'zod';
import { fiscalYearSchema } from './fiscalYear';
import { periodCodeSchema } from './periodCode';

export * from './periodDates';

/** A period of a fiscal year: `{ fiscalYear: 2563, code: 'Q2' }` is January–March 2020. */
export const periodSchema = z.object({ fiscalYear: fiscalYearSchema, code: periodCodeSchema });
export type Period = z.infer<typeof periodSchema>;
