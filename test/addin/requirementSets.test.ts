import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { builtInForm } from '../support/builtIn';
import { FEATURES, OFFICE_MEMBERS, requirementsOf, versionAtLeast, type OfficeMember, type Requirement } from '@returns-hub/addin/excel/requirementSets';
import { PaneController } from '@returns-hub/addin/pane/paneController';
import { createApiClient } from '@returns-hub/shared/api/client';
import { fakeExcel, installExcelEnums } from '../support/excelFake/fakeExcel';
import { ALL_SETS, type FakeSets } from '../support/excelFake/fakeBook';
import { requestFor, startApi, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';
import { apiSetOf } from './officeTypes';
import { inlineChecker } from '@returns-hub/addin/check/inlineChecker';

const MANIFEST = readFileSync(resolve(__dirname, '../../manifest.xml'), 'utf8');

/** The sets a `<Requirements>` block asks for; `inOverrides` reads the VersionOverrides one. */
function manifestSets(xml: string, inOverrides: boolean): Requirement[] {
  const split = xml.indexOf('<VersionOverrides');
  const part = inOverrides ? xml.slice(split) : xml.slice(0, split);
  const block = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(part)?.[1] ?? '';
  return [...block.matchAll(/<(?:bt:)?Set Name="(\w+)"(?: MinVersion="([\d.]+)")?\s*\/>/g)].map((m) => ({ set: m[1] as Requirement['set'], version: m[2] ?? '1.1' }));
}

/** Members a set list does not cover (each needs its set at its version or later). */
function uncovered(sets: Requirement[], members: readonly OfficeMember[]): OfficeMember[] {
  return members.filter((m) => !sets.some((s) => s.set === OFFICE_MEMBERS[m].set && versionAtLeast(s.version, OFFICE_MEMBERS[m].version)));
}

const FEATURE_MEMBERS = new Set<OfficeMember>(Object.values(FEATURES).flat());
/** Members used without a check: the manifest's base sets must cover them all. */
const CORE = (Object.keys(OFFICE_MEMBERS) as OfficeMember[]).filter((m) => !FEATURE_MEMBERS.has(m));
const asSets = (sets: Requirement[]): FakeSets => Object.fromEntries(sets.map((s) => [s.set, s.version]));

/** Members @types/office-js gives no `[Api set: …]` for: set from Microsoft's requirement-set pages. */
const NOT_ANNOTATED = new Set([
  'Excel.run',
  'RunOptions.delayForCellEdit',
  'RequestContext.sync',
  'WorksheetCollection.items',
  'ChartCollection.items',
  'CustomFunctions.associate',
  'CustomFunctions.Error',
]);

describe('the table of office.js members and their requirement sets', () => {
  test.each(Object.entries(OFFICE_MEMBERS).filter(([m]) => !NOT_ANNOTATED.has(m)))('%s is where @types/office-js says', (member, req) => {
    const [cls, name] = member.split('.');
    expect(apiSetOf(cls, name)).toBe(req.version);
  });

  /** The office.js class each interface of addin/src/excel/excelApi.ts stands for, and the classes of its nested members. */
  const CLASS: Record<string, string> = {
    ExcelContext: 'RequestContext',
    ExcelWorkbook: 'Workbook',
    ExcelWorksheets: 'WorksheetCollection',
    ExcelWorksheet: 'Worksheet',
    ExcelRange: 'Range',
    ExcelRangeFormat: 'RangeFormat',
    ExcelRangeFill: 'RangeFill',
    ExcelRangeAreas: 'RangeAreas',
    ExcelConditionalFormats: 'ConditionalFormatCollection',
    ExcelConditionalFormat: 'ConditionalFormat',
    ExcelRangeBorder: 'RangeBorder',
    ExcelChart: 'Chart',
  };
  const NESTED: Record<string, string> = {
    'Worksheet.charts': 'ChartCollection',
    'Worksheet.freezePanes': 'WorksheetFreezePanes',
    'Worksheet.pageLayout': 'PageLayout',
    'Worksheet.horizontalPageBreaks': 'PageBreakCollection',
    'RangeFormat.borders': 'RangeBorderCollection',
    'ConditionalRangeFormat.font': 'ConditionalRangeFont',
    'Range.dataValidation': 'DataValidation',
    'RangeFormat.font': 'RangeFont',
    'ConditionalFormat.textComparison': 'TextConditionalFormat',
    'TextConditionalFormat.format': 'ConditionalRangeFormat',
    'ConditionalRangeFormat.fill': 'ConditionalRangeFill',
    'Chart.title': 'ChartTitle',
  };
  /** Every ClientObject has these; they belong to no set of their own. */
  const BASICS = new Set(['load', 'isNullObject', 'workbook']);

  /** Every member the Excel layer's typed surface declares, as `Class.member`. */
  function declaredMembers(): string[] {
    const file = resolve(__dirname, '../../addin/src/excel/excelApi.ts');
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const out: string[] = [];
    const walk = (cls: string, members: ts.NodeArray<ts.TypeElement>) => {
      for (const m of members) {
        const name = m.name && ts.isIdentifier(m.name) ? m.name.text : null;
        if (!name || BASICS.has(name)) continue;
        out.push(`${cls}.${name}`);
        const nested = NESTED[`${cls}.${name}`];
        const type = ts.isPropertySignature(m) ? m.type : undefined;
        if (nested && type && ts.isTypeLiteralNode(type)) walk(nested, type.members);
      }
    };
    src.forEachChild((n) => {
      if (ts.isInterfaceDeclaration(n)) walk(CLASS[n.name.text] ?? `?${n.name.text}`, n.members);
    });
    return out;
  }

  test('every member the Excel layer can use (its typed surface, excelApi.ts) has a set in the table', () => {
    const declared = declaredMembers();
    expect(declared.length).toBeGreaterThan(40);
    expect(declared.filter((m) => !(m in OFFICE_MEMBERS))).toEqual([]);
  });
});

describe('manifest.xml asks for what the code calls', () => {
  const base = manifestSets(MANIFEST, false);
  const overrides = manifestSets(MANIFEST, true);

  test('the base sets cover every member used without an isSetSupported check', () => {
    expect(CORE.length).toBeGreaterThan(20);
    expect(uncovered(base, CORE)).toEqual([]);
  });

  test('the task pane loads on Excel 2016 and later: only ExcelApi 1.1 in the base requirements, no SharedRuntime', () => {
    expect(base).toEqual([{ set: 'ExcelApi', version: '1.1' }]);
  });

  test('the shared runtime and custom functions are asked for where they are declared (VersionOverrides)', () => {
    expect(uncovered(overrides, FEATURES.customFunctions)).toEqual([]);
    expect(overrides.map((s) => s.set).sort()).toEqual(['CustomFunctionsRuntime', 'SharedRuntime']);
  });

  test('the check can fail: a manifest without ExcelApi leaves the core uncovered; the old one put SharedRuntime in the base', () => {
    const without = MANIFEST.replace(/<Set Name="ExcelApi"[^>]*\/>/, '');
    expect(uncovered(manifestSets(without, false), CORE)).toEqual(CORE.filter((m) => OFFICE_MEMBERS[m].set === 'ExcelApi'));
    const old = MANIFEST.replace('<Set Name="ExcelApi" MinVersion="1.1"/>', '<Set Name="ExcelApi" MinVersion="1.7"/><Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(manifestSets(old, false).map((s) => s.set)).toContain('SharedRuntime');
  });

  test('each optional feature needs more than the base sets (else it need not be optional)', () => {
    for (const [feature, members] of Object.entries(FEATURES)) expect([feature, uncovered(base, members).length > 0]).toEqual([feature, true]);
  });
});

describe('the Excel layer on a host with exactly the manifest’s base sets (Excel 2016)', () => {
  let api: Api;
  beforeAll(async () => {
    installExcelEnums();
    api = await startApi();
  }, 60_000);
  afterAll(async () => api?.close());

  async function runAllFlows(sets: FakeSets) {
    const read = await readWorkbookFile(sample('community-plan/errors/1017-huai-khwang.xlsx'));
    if (!read.ok) throw new Error('unreadable');
    const x = fakeExcel(
      read.grids.filter((g) => g.rows.length > 1),
      { sets },
    );
    // A return of the year, so that Totals has figures to write.
    await api.client('dev-unit-1045').submit(await requestFor(sample('community-plan/districts/1045.xlsx')));
    const pane = new PaneController(x.port, () => createApiClient({ baseUrl: api.url, key: 'dev-hq', fetch, attempts: 1 }), 'en', inlineChecker());
    await pane.check();
    await pane.selectIssue(pane.state.check.issues.error[0]);
    await pane.clearHighlights();
    await pane.insertBlankForm(builtInForm('bma-community-plan-return').id);
    await pane.pull({ form: 'bma-community-plan-return', fy: 2563, period: 'FY', by: 'hq' });
    await pane.pull(); // Refresh: the report sheet is cleared and written again in place
    return { pane, book: x.book };
  }

  test('every flow works or degrades with a note; no member beyond the base sets is touched', async () => {
    const base = manifestSets(MANIFEST, false);
    const { pane, book } = await runAllFlows(asSets(base));
    expect(pane.state.check).toMatchObject({ status: 'done', notes: [expect.objectContaining({ en: expect.stringContaining('merged cells') })] });
    expect(pane.state.check.actionProblem).toBeUndefined();
    expect(pane.state.insert).toMatchObject({ status: 'done', notes: [expect.objectContaining({ en: expect.stringContaining('dropdown') })] });
    expect(pane.state.pull).toMatchObject({ status: 'failed', outcome: { text: { en: expect.stringContaining('Excel 2021') } } });
    expect(uncovered(base, [...book.used])).toEqual([]);
  });

  test('with every set (Microsoft 365) the optional features are used', async () => {
    const { pane, book } = await runAllFlows(ALL_SETS);
    expect(pane.state.pull.status).toBe('done');
    const optional = requirementsOf([...book.used]).find((r) => r.set === 'ExcelApi');
    expect(optional?.version).toBe('1.13');
    for (const m of ['Range.getMergedAreasOrNullObject', 'RangeFill.pattern', 'DataValidation.rule', 'RunOptions.delayForCellEdit', 'Worksheet.pageLayout', 'RangeFormat.indentLevel'] as const)
      expect([m, book.used.has(m)]).toEqual([m, true]);
  });
});
