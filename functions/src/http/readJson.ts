import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { problem, type ApiProblem } from './problem';

/**
 * Reads a JSON body: refused with 413 when larger than the limit (by Content-Length,
 * before reading), 400 when it is not JSON or not of the schema.
 */
export async function readJson<T>(req: HttpRequest, schema: z.ZodType<T>, maxBytes: number): Promise<{ value: T; text: string } | ApiProblem> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  const tooLarge = problem(413, 'body.too_large', 'Content Too Large', `The request body is larger than ${maxBytes} bytes.`);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge;
  const bytes = Buffer.from(await req.arrayBuffer());
  if (bytes.length > maxBytes) return tooLarge;
  let data: unknown;
  const text = bytes.toString('utf8');
  try {
    data = JSON.parse(text);
  } catch {
    return problem(400, 'body.malformed_json', 'Bad Request', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return problem(400, 'body.invalid', 'Bad Request', `The request body does not match the API: ${first?.path.join('.') || '(root)'}: ${first?.message}`);
  }
  return { value: parsed.data, text };
}
