/** A table entity's string property holds at most 32K UTF-16 characters: larger JSON is split across numbered properties. */
const CHUNK = 30_000;

/** Stores text (already JSON) split across `<name>_0`, `<name>_1`, … with the count in `<name>_n`. */
export function putJsonText(entity: Record<string, unknown>, name: string, text: string): void {
  const parts = Math.max(1, Math.ceil(text.length / CHUNK));
  entity[`${name}_n`] = parts;
  for (let i = 0; i < parts; i++) entity[`${name}_${i}`] = text.slice(i * CHUNK, (i + 1) * CHUNK);
}

export function putJson(entity: Record<string, unknown>, name: string, value: unknown): void {
  putJsonText(entity, name, JSON.stringify(value ?? null));
}

export function getJsonText(entity: Record<string, unknown>, name: string): string {
  const parts = Number(entity[`${name}_n`] ?? 0);
  let text = '';
  for (let i = 0; i < parts; i++) text += String(entity[`${name}_${i}`] ?? '');
  return text;
}

export function getJson<T>(entity: Record<string, unknown>, name: string): T {
  const text = getJsonText(entity, name);
  return (text ? JSON.parse(text) : null) as T;
}
