import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { readDefinitionWorkbook } from '@returns-hub/shared/definitions/readDefinitionWorkbook';
import { checkDefinition } from '@returns-hub/shared/definitions/checkDefinition';
import { definitionIssue } from '@returns-hub/shared/definitions/definitionMessages';
import { unitProblems } from '@returns-hub/shared/orgUnits/unitProblems';
import { BUILT_IN } from '../support/builtIn';

const FORMS_DIR = resolve(__dirname, '../../forms');
const files = (ext: string) =>
  readdirSync(FORMS_DIR)
    .filter((f) => f.endsWith(ext) && f !== 'package.json')
    .map((f) => f.slice(0, -ext.length))
    .sort();

describe('the built-in definitions are data: workbooks in forms/ with their JSON twins', () => {
  test('every workbook has its twin and every twin its workbook', () => {
    expect(files('.xlsx')).toEqual(files('.json'));
    expect(files('.json')).toEqual(expect.arrayContaining(['bma-community-plan-return', 'bma-project-progress', 'codi-quarterly-kpi', 'welfare-fund-tally', 'units-bma', 'units-codi']));
  });

  test.each(files('.json'))('%s: the workbook, read by the product reader, is its twin, and checks clean as publishing checks it', async (name) => {
    const book = await readWorkbookFile(resolve(FORMS_DIR, `${name}.xlsx`));
    if (!book.ok) throw new Error(book.issue.message_en);
    const read = readDefinitionWorkbook(book.grids);
    if (!read.ok) throw new Error(read.findings.map((f) => definitionIssue(f, read.sources).message_en).join('\n'));
    const twin: unknown = JSON.parse(readFileSync(resolve(FORMS_DIR, `${name}.json`), 'utf8'));
    expect(read.doc).toEqual(twin);
    const checked = checkDefinition(twin, BUILT_IN.units, read.sources);
    expect(checked.ok ? [] : checked.issues.map((i) => `${i.cell}: ${i.message_en}`)).toEqual([]);
  });

  test('the org units of all agencies together: no code or name one agency shares with another', () => {
    expect(unitProblems(BUILT_IN.units.all.filter((u) => u.parent !== undefined || u.kind === 'hq')).filter((p) => p.code !== 'definition.unit_root')).toEqual([]);
  });

  test('no form is TypeScript: shared/forms holds the capabilities only', () => {
    const sources = readdirSync(resolve(__dirname, '../../shared/forms')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.filter((f) => /reports|bma|codi|welfare|index/i.test(f))).toEqual([]);
    expect(readdirSync(resolve(__dirname, '../../shared/orgUnits')).filter((f) => /bangkok|codi|districts|regions/i.test(f))).toEqual([]);
  });
});
