import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { problem, type ApiProblem } from './problem';
import { invalidBody } from './invalidInput';
import { tooLarge } from './tooLarge';

/** A lone UTF-16 surrogate (`\ud800` written in JSON) cannot be stored faithfully: refuse it rather than store U+FFFD. */
function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

function hasLoneSurrogateIn(value: unknown): boolean {
  if (typeof value === 'string') return hasLoneSurrogate(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogateIn);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => hasLoneSurrogate(k) || hasLoneSurrogateIn(v));
  return false;
}

/**
 * Reads a JSON body: refused with 413 when larger than the limit (by Content-Length,
 * before reading), 400 when it is not UTF-8 or not JSON, holds a lone surrogate, or is not of the schema.
 */
export async function readJson<T>(req: HttpRequest, schema: z.ZodType<T>, maxBytes: number): Promise<{ value: T; text: string } | ApiProblem> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes);
  const bytes = Buffer.from(await req.arrayBuffer());
  if (bytes.length > maxBytes) return tooLarge(maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return problem('body.bad_encoding', { en: 'The request body is not valid UTF-8.', th: 'ข้อมูลที่ส่งมาไม่ได้เข้ารหัสแบบ UTF-8 ที่ถูกต้อง' });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return problem('body.malformed_json', { en: 'The request body is not valid JSON.', th: 'ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง' });
  }
  if (hasLoneSurrogateIn(data))
    return problem('body.lone_surrogate', {
      en: 'The request body holds a lone UTF-16 surrogate (an unpaired \\ud800–\\udfff escape): it is not text and cannot be stored.',
      th: 'ข้อมูลที่ส่งมามีอักขระ UTF-16 ที่ไม่สมบูรณ์ (surrogate ที่ไม่มีคู่) จึงบันทึกไม่ได้',
    });
  const parsed = schema.safeParse(data);
  if (!parsed.success) return invalidBody(parsed.error);
  return { value: parsed.data, text };
}
