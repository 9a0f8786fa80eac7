import { extname } from 'node:path';
import { documentId } from '@returns-hub/shared/definitions/documentId';
import { explainFailure } from '../explainFailure';
import { issueLine } from '../fileReport';
import { DEFINITION_OUTPUTS, readDefinitionFile, writeDefinitionFile } from '../definitionFiles';
import { apiClient, type ApiConnection } from '../connection';
import type { ArgsOf, FORMS_CHECK, FORMS_CONVERT, FORMS_EXPORT, FORMS_LIST, FORMS_PUBLISH } from '../commandSpecs';

// returns forms check|convert|publish|export|list: the definitions headquarters owns (forms, KPI catalogs, targets,
// org units). ID is a form's id (codi-quarterly-kpi) or an agency's org units (units:CODI). A definition is published
// for a fiscal year and the years after it, until one is published for a later year.

type Print = (s: string) => void;

/** A refusal of the command line, in both languages: exit status 2. */
function usage(print: Print, en: string, th: string): number {
  print(`${en}\n  ${th}`);
  return 2;
}

/** The one definition file a command takes. */
function oneFile(command: string, files: string[], print: Print): string | null {
  if (files.length === 1) return files[0];
  usage(print, `returns forms ${command} takes one file.`, `returns forms ${command} ต้องระบุไฟล์หนึ่งไฟล์`);
  return null;
}

const writable = (out: string) => DEFINITION_OUTPUTS.includes(extname(out).toLowerCase());
const badOut = (print: Print, command: string) => usage(print, `returns forms ${command} writes --out FILE.xlsx or FILE.json.`, `returns forms ${command} ต้องระบุ --out เป็นไฟล์ .xlsx หรือ .json`);

/** `returns forms check <def>`: the definition checked as publishing checks it (exit 1 on errors). */
export async function formsCheckCommand(a: ArgsOf<typeof FORMS_CHECK>, print: Print): Promise<number> {
  const file = oneFile('check', a.positionals, print);
  if (file === null) return 2;
  const read = await readDefinitionFile(file);
  if (a.values.json) print(JSON.stringify(read.ok ? { file, ok: true, id: documentId(read.doc), issues: [] } : { file, ok: false, issues: read.issues }, null, 2));
  else if (read.ok) print(`${file}: ${documentId(read.doc)} — no errors · ไม่พบข้อผิดพลาด`);
  else {
    print(`${file}: ${read.issues.length} error(s) · พบข้อผิดพลาด ${read.issues.length} รายการ`);
    for (const i of read.issues) print(issueLine(i));
  }
  return read.ok ? 0 : 1;
}

/** `returns forms convert <def> --out <def>`: the workbook to its JSON twin, or back. */
export async function formsConvertCommand(a: ArgsOf<typeof FORMS_CONVERT>, print: Print): Promise<number> {
  const file = oneFile('convert', a.positionals, print);
  if (file === null) return 2;
  const read = await readDefinitionFile(file);
  if (!read.ok) {
    for (const i of read.issues) print(issueLine(i));
    return 1;
  }
  if (!writable(a.values.out)) return badOut(print, 'convert');
  await writeDefinitionFile(a.values.out, read.doc);
  print(`wrote ${a.values.out} (${documentId(read.doc)})`);
  return 0;
}

/** `returns forms publish <def> --fy Y`: headquarters publishes it for Y onwards; the server checks it again. */
export async function formsPublishCommand(a: ArgsOf<typeof FORMS_PUBLISH>, c: ApiConnection, print: Print): Promise<number> {
  const file = oneFile('publish', a.positionals, print);
  if (file === null) return 2;
  const read = await readDefinitionFile(file);
  if (!read.ok) {
    print(`${file}: not published — ${read.issues.length} error(s) · ยังไม่ได้เผยแพร่ พบข้อผิดพลาด ${read.issues.length} รายการ`);
    for (const i of read.issues) print(issueLine(i));
    return 1;
  }
  const id = documentId(read.doc);
  try {
    const api = apiClient(c);
    // Published after the version read now: someone publishing meanwhile makes this one refused (412), never lost.
    const head = (await api.definition(id).catch(() => null))?.head ?? null;
    const out = await api.publishDefinition(id, a.values.fy, read.doc, head?.etag ?? null);
    print(`published ${out.id} version ${out.version} for fiscal year ${out.fromFiscalYear} onwards (${out.publishedBy}, ${out.publishedAt})`);
    print(`  เผยแพร่ ${out.id} ฉบับที่ ${out.version} ใช้ตั้งแต่ปีงบประมาณ ${out.fromFiscalYear}`);
    return 0;
  } catch (e) {
    print(explainFailure(e, c.api));
    const issues = (e as { problem?: { issues?: unknown } }).problem?.issues;
    if (Array.isArray(issues)) for (const i of issues) print(issueLine(i));
    return 1;
  }
}

/** `returns forms export --form ID [--fy Y] --out <def>`: the definition in force (in year Y), as a workbook or JSON. */
export async function formsExportCommand(a: ArgsOf<typeof FORMS_EXPORT>, c: ApiConnection, print: Print): Promise<number> {
  const { form, fy, out } = a.values;
  try {
    const d = await apiClient(c).definition(form, fy === undefined ? {} : { fy });
    if (!writable(out)) return badOut(print, 'export');
    await writeDefinitionFile(out, d.doc);
    print(`wrote ${out}: ${d.id} ${d.version ? `version ${d.version}` : 'built in'}${fy === undefined ? '' : ` (in force in fiscal year ${fy})`}`);
    return 0;
  } catch (e) {
    print(explainFailure(e, c.api));
    return 1;
  }
}

/** `returns forms list [--fy Y]`: every definition, its versions, and which is in force (in year Y). */
export async function formsListCommand(a: ArgsOf<typeof FORMS_LIST>, c: ApiConnection, print: Print): Promise<number> {
  const fy = a.values.fy;
  try {
    const api = apiClient(c);
    const [year, all] = await Promise.all([api.definitions(fy === undefined ? {} : { fy }), api.definitionVersions()]);
    if (a.values.json) {
      print(JSON.stringify({ fiscalYear: year.fiscalYear, inForce: year.documents.map((d) => ({ id: d.id, version: d.version })), documents: all.documents }, null, 2));
      return 0;
    }
    // No year asked and nothing published: the API answers for "any year" (0), the built-in set.
    print(year.fiscalYear > 0 ? `fiscal year ${year.fiscalYear} · ปีงบประมาณ ${year.fiscalYear}` : 'every fiscal year: nothing published yet · ทุกปีงบประมาณ: ยังไม่มีการเผยแพร่');
    for (const d of all.documents) {
      const inForce = year.documents.find((x) => x.id === d.id);
      print(`  ${d.id}  ${d.title_th} · ${d.title_en}`);
      print(`    in force: ${inForce ? (inForce.version ? `version ${inForce.version}` : 'built in') : '— (not in this year)'}`);
      for (const x of d.versions) print(`    version ${x.version}: from fiscal year ${x.fromFiscalYear}, published by ${x.publishedBy} at ${x.publishedAt}`);
    }
    return 0;
  } catch (e) {
    print(explainFailure(e, c.api));
    return 1;
  }
}
