/** A table entity's string property holds at most 32K UTF-16 characters: larger JSON is split across numbered properties. */
const CHUNK = 30_000;

export function putJson(entity: Record<string, unknown>, name: string, value: unknown): void {
  const text = JSON.stringify(value ?? null);
  const parts = Math.max(1, Math.ceil(text.length / CHUNK));
  entity[`${name}_n`] = parts;
  for (let i = 0; i < parts; i++) entity[`${name}_${i}`] = text.slice(i * CHUNK, (i + 1) * CHUNK);
}

export function getJson<T>(entity: Record<string, unknown>, name: string): T {
  const parts = Number(entity[`${name}_n`] ?? 0);
  let text = '';
  for (let i = 0; i < parts; i++) text += String(entity[`${name}_${i}`] ?? '');
  return (text ? JSON.parse(text) : null) as T;
}
