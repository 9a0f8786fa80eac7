import { readFileSync } from 'node:fs';

/** @types/office-js, where each member's JSDoc names its requirement set: `[Api set: ExcelApi 1.13]`. */
const DTS = readFileSync(require.resolve('@types/office-js/index.d.ts'), 'utf8');

/** The body of `class Name …{ … }` inside `declare namespace Excel`. */
function classBody(name: string): string | null {
  const ns = DTS.indexOf('declare namespace Excel {');
  const start = DTS.indexOf(`\n    class ${name} extends OfficeExtension.ClientObject {`, ns);
  if (start < 0) return null;
  const end = DTS.indexOf('\n    }\n', start);
  return DTS.slice(start, end);
}

/**
 * The ExcelApi version @types/office-js gives a member of a class (for a property readable
 * and settable at different versions, the version that sets it); null when it names none.
 */
export function apiSetOf(className: string, member: string): string | null {
  const body = classBody(className);
  if (!body) return null;
  const decl = new RegExp(String.raw`\n {8}(?:readonly )?${member}[(:?<]`).exec(body);
  if (!decl) return null;
  const doc = body.slice(body.lastIndexOf('/**', decl.index), decl.index);
  const setting = /\[Api set: ExcelApi [\d.]+ for reading[^;]*; ([\d.]+) for setting/.exec(doc);
  if (setting) return setting[1];
  return /\[Api set: ExcelApi ([\d.]+)/.exec(doc)?.[1] ?? null;
}
