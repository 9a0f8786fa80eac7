import { parseArgs } from 'node:util';
import { extname } from 'node:path';
import { createApiClient } from '@returns-hub/shared/api/client';
import { parseFiscalYear } from '@returns-hub/shared/period/fiscalYearNumbers';
import { documentId } from '@returns-hub/shared/definitions/documentId';
import { httpFetch } from '../httpFetch';
import { explainFailure } from '../explainFailure';
import { issueLine } from '../fileReport';
import { editDistance } from '@returns-hub/shared/text/editDistance';
import { DEFINITION_OUTPUTS, readDefinitionFile, writeDefinitionFile } from '../definitionFiles';

export const FORMS_USAGE = `returns forms — the definitions headquarters owns: forms, KPI catalogs, targets, org units

  returns forms check <def.xlsx|def.json> [--json]        check a definition as publishing does (exit 1 on errors)
  returns forms convert <def.xlsx|def.json> --out <def.json|def.xlsx>
  returns forms publish <def.xlsx|def.json> --fy 2564 [--api URL] [--key KEY]     (headquarters)
  returns forms export --form ID [--fy 2564] --out <def.xlsx|def.json> [--api URL] [--key KEY]
  returns forms list [--fy 2564] [--json] [--api URL] [--key KEY]

  ID is a form's id (codi-quarterly-kpi) or an agency's org units (units:CODI). A definition is
  published for a fiscal year and the years after it, until one is published for a later year.
  --api and --key default to RETURNS_API_URL and RETURNS_API_KEY.`;

/** What each sub-command takes (`util.parseArgs`, strict: anything else is refused by name). */
const OPTIONS = {
  json: { type: 'boolean' },
  out: { type: 'string' },
  fy: { type: 'string' },
  form: { type: 'string' },
  api: { type: 'string' },
  key: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Print = (s: string) => void;
type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** A refusal of the command line, in both languages: exit status 2. */
function usage(print: Print, en: string, th: string): number {
  print(`${en}\n  ${th}\n\n${FORMS_USAGE}`);
  return 2;
}

function fiscalYear(text: string | undefined, print: Print): number | null | 'refused' {
  if (text === undefined) return null;
  const fy = parseFiscalYear(text);
  if (fy.ok) return fy.value;
  print(`${fy.error.en}\n  ${fy.error.th}`);
  return 'refused';
}

function apiOf(v: Values, env: NodeJS.ProcessEnv, print: Print): { api: string; key: string } | null {
  const api = v.api ?? env.RETURNS_API_URL;
  const key = v.key ?? env.RETURNS_API_KEY;
  if (api && key) return { api, key };
  usage(print, 'Give --api and --key (or RETURNS_API_URL and RETURNS_API_KEY).', 'กรุณาระบุ --api และ --key (หรือ RETURNS_API_URL และ RETURNS_API_KEY)');
  return null;
}

const client = (a: { api: string; key: string }) => createApiClient({ baseUrl: a.api, key: a.key, fetch: httpFetch, client: 'returns-cli' });

async function check(file: string, v: Values, print: Print): Promise<number> {
  const read = await readDefinitionFile(file);
  if (v.json) print(JSON.stringify(read.ok ? { file, ok: true, id: documentId(read.doc), issues: [] } : { file, ok: false, issues: read.issues }, null, 2));
  else if (read.ok) print(`${file}: ${documentId(read.doc)} — no errors · ไม่พบข้อผิดพลาด`);
  else {
    print(`${file}: ${read.issues.length} error(s) · พบข้อผิดพลาด ${read.issues.length} รายการ`);
    for (const i of read.issues) print(issueLine(i));
  }
  return read.ok ? 0 : 1;
}

async function convert(file: string, v: Values, print: Print): Promise<number> {
  if (!v.out || !DEFINITION_OUTPUTS.includes(extname(v.out).toLowerCase())) return usage(print, 'convert writes --out FILE.xlsx or FILE.json.', 'convert ต้องระบุ --out เป็นไฟล์ .xlsx หรือ .json');
  const read = await readDefinitionFile(file);
  if (!read.ok) {
    for (const i of read.issues) print(issueLine(i));
    return 1;
  }
  await writeDefinitionFile(v.out, read.doc);
  print(`wrote ${v.out} (${documentId(read.doc)})`);
  return 0;
}

async function publish(file: string, v: Values, env: NodeJS.ProcessEnv, print: Print): Promise<number> {
  const fy = fiscalYear(v.fy, print);
  if (fy === 'refused') return 2;
  if (fy === null) return usage(print, 'publish needs --fy: the fiscal year the definition applies from.', 'publish ต้องระบุ --fy ปีงบประมาณที่นิยามเริ่มใช้');
  const at = apiOf(v, env, print);
  if (!at) return 2;
  const read = await readDefinitionFile(file);
  if (!read.ok) {
    print(`${file}: not published — ${read.issues.length} error(s) · ยังไม่ได้เผยแพร่ พบข้อผิดพลาด ${read.issues.length} รายการ`);
    for (const i of read.issues) print(issueLine(i));
    return 1;
  }
  const id = documentId(read.doc);
  try {
    const api = client(at);
    // Published after the version read now: someone publishing meanwhile makes this one refused (412), never lost.
    const head = (await api.definition(id).catch(() => null))?.head ?? null;
    const out = await api.publishDefinition(id, fy, read.doc, head?.etag ?? null);
    print(`published ${out.id} version ${out.version} for fiscal year ${out.fromFiscalYear} onwards (${out.publishedBy}, ${out.publishedAt})`);
    print(`  เผยแพร่ ${out.id} ฉบับที่ ${out.version} ใช้ตั้งแต่ปีงบประมาณ ${out.fromFiscalYear}`);
    return 0;
  } catch (e) {
    print(explainFailure(e, at.api));
    const issues = (e as { problem?: { issues?: unknown } }).problem?.issues;
    if (Array.isArray(issues)) for (const i of issues) print(issueLine(i));
    return 1;
  }
}

async function exportOne(v: Values, env: NodeJS.ProcessEnv, print: Print): Promise<number> {
  if (!v.form) return usage(print, 'export needs --form ID (a form id, or units:<agency>).', 'export ต้องระบุ --form รหัสแบบรายงาน (หรือ units:<หน่วยงาน>)');
  if (!v.out || !DEFINITION_OUTPUTS.includes(extname(v.out).toLowerCase())) return usage(print, 'export writes --out FILE.xlsx or FILE.json.', 'export ต้องระบุ --out เป็นไฟล์ .xlsx หรือ .json');
  const fy = fiscalYear(v.fy, print);
  if (fy === 'refused') return 2;
  const at = apiOf(v, env, print);
  if (!at) return 2;
  try {
    const d = await client(at).definition(v.form, fy === null ? {} : { fy });
    await writeDefinitionFile(v.out, d.doc);
    print(`wrote ${v.out}: ${d.id} ${d.version ? `version ${d.version}` : 'built in'}${fy === null ? '' : ` (in force in fiscal year ${fy})`}`);
    return 0;
  } catch (e) {
    print(explainFailure(e, at.api));
    return 1;
  }
}

async function list(v: Values, env: NodeJS.ProcessEnv, print: Print): Promise<number> {
  const fy = fiscalYear(v.fy, print);
  if (fy === 'refused') return 2;
  const at = apiOf(v, env, print);
  if (!at) return 2;
  try {
    const api = client(at);
    const [year, all] = await Promise.all([api.definitions(fy === null ? {} : { fy }), api.definitionVersions()]);
    if (v.json) {
      print(JSON.stringify({ fiscalYear: year.fiscalYear, inForce: year.documents.map((d) => ({ id: d.id, version: d.version })), documents: all.documents }, null, 2));
      return 0;
    }
    print(`fiscal year ${year.fiscalYear} · ปีงบประมาณ ${year.fiscalYear}`);
    for (const d of all.documents) {
      const inForce = year.documents.find((x) => x.id === d.id);
      print(`  ${d.id}  ${d.title_th} · ${d.title_en}`);
      print(`    in force: ${inForce ? (inForce.version ? `version ${inForce.version}` : 'built in') : '— (not in this year)'}`);
      for (const x of d.versions) print(`    version ${x.version}: from fiscal year ${x.fromFiscalYear}, published by ${x.publishedBy} at ${x.publishedAt}`);
    }
    return 0;
  } catch (e) {
    print(explainFailure(e, at.api));
    return 1;
  }
}

/** `returns forms check|convert|publish|export|list …`: exit 0 when done, 1 when refused or broken, 2 for a usage error. */
export async function formsCommand(argv: string[], env: NodeJS.ProcessEnv, print: Print): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's own words name the option; the refusal says it, the closest option, and the rest, in each language.
    const known = Object.keys(OPTIONS).map((o) => `--${o}`);
    const given = (/'(-[^']*)'/.exec(e instanceof Error ? e.message : '')?.[1] ?? '').split(' ')[0];
    const closest = [...known].sort((a, b) => editDistance(given, a) - editDistance(given, b))[0];
    const wrong = /argument missing|requires a value|does not take/i.test(e instanceof Error ? e.message : '');
    return wrong
      ? usage(print, `${given} needs a value.`, `${given} ต้องระบุค่า`)
      : usage(print, `Unknown option ${given}; did you mean ${closest}? (options: ${known.join(', ')})`, `ไม่รู้จักตัวเลือก ${given} หมายถึง ${closest} หรือไม่ (ตัวเลือกที่ใช้ได้: ${known.join(', ')})`);
  }
  const v: Values = parsed.values;
  const [sub, ...files] = parsed.positionals;
  if (v.help || sub === undefined) return (print(FORMS_USAGE), v.help ? 0 : 2);
  const one = (run: (file: string) => Promise<number>) => (files.length === 1 ? run(files[0]) : usage(print, `forms ${sub} takes one file.`, `forms ${sub} ต้องระบุไฟล์หนึ่งไฟล์`));
  switch (sub) {
    case 'check':
      return one((f) => check(f, v, print));
    case 'convert':
      return one((f) => convert(f, v, print));
    case 'publish':
      return one((f) => publish(f, v, env, print));
    case 'export':
      return files.length ? usage(print, 'export takes no file: --form ID --out FILE.', 'export ไม่รับไฟล์ ให้ใช้ --form และ --out') : exportOne(v, env, print);
    case 'list':
      return files.length ? usage(print, 'list takes no file.', 'list ไม่รับไฟล์') : list(v, env, print);
    default:
      return usage(print, `Unknown forms command "${sub}": check, convert, publish, export or list.`, `ไม่รู้จักคำสั่ง forms "${sub}" ใช้ได้: check, convert, publish, export, list`);
  }
}
