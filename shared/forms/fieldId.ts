import { z } from 'zod';

/** A field or column id: what the API accepts as a key of a return's fields and rows. */
export const fieldIdSchema = z.string().regex(/^[a-z0-9_]{1,64}$/, 'a field id is 1–64 of a–z, 0–9 and _');

/** A form id: what the API accepts in a URL. */
export const formIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a form id is 1–64 of a–z, 0–9 and -');
