/**
 * Which Office requirement set each office.js member the add-in uses belongs to, and the
 * features built on members above the manifest's base sets. The base sets (manifest.xml
 * `<Requirements>`) are ExcelApi 1.1, so the task pane loads on Excel 2016 and later;
 * everything newer is a feature checked with `isSetSupported` before use, with a way to
 * do without it. test/addin/requirementSets.test.ts holds this table against
 * @types/office-js and the manifest, and runs the Excel layer on a host with only the
 * base sets.
 */
export type RequirementSetName = 'ExcelApi' | 'CustomFunctionsRuntime' | 'SharedRuntime';

export interface Requirement {
  set: RequirementSetName;
  version: string;
}

const excel = (version: string): Requirement => ({ set: 'ExcelApi', version });

/** `Class.member` as @types/office-js names them → the set that brought them. */
export const OFFICE_MEMBERS = {
  'Excel.run': excel('1.1'),
  'RunOptions.delayForCellEdit': excel('1.11'),
  'RequestContext.sync': excel('1.1'),
  'Workbook.worksheets': excel('1.1'),
  'Workbook.tables': excel('1.1'),
  'WorksheetCollection.getActiveWorksheet': excel('1.1'),
  'WorksheetCollection.getItem': excel('1.1'),
  'WorksheetCollection.getItemOrNullObject': excel('1.4'),
  'WorksheetCollection.add': excel('1.1'),
  'WorksheetCollection.items': excel('1.1'),
  'Worksheet.id': excel('1.1'),
  'Worksheet.name': excel('1.1'),
  /** Reading is 1.1; setting it (hiding the lists sheet) is 1.2. */
  'Worksheet.visibility': excel('1.2'),
  'Worksheet.activate': excel('1.1'),
  'Worksheet.getRange': excel('1.1'),
  'Worksheet.getRangeByIndexes': excel('1.7'),
  'Worksheet.getUsedRange': excel('1.1'),
  'Worksheet.getUsedRangeOrNullObject': excel('1.4'),
  'Worksheet.tables': excel('1.1'),
  'Worksheet.charts': excel('1.1'),
  'Range.address': excel('1.1'),
  'Range.rowIndex': excel('1.1'),
  'Range.columnIndex': excel('1.1'),
  'Range.cellCount': excel('1.1'),
  'Range.values': excel('1.1'),
  'Range.valueTypes': excel('1.1'),
  'Range.numberFormat': excel('1.1'),
  'Range.format': excel('1.1'),
  'Range.dataValidation': excel('1.8'),
  'Range.conditionalFormats': excel('1.6'),
  'Range.select': excel('1.1'),
  'Range.clear': excel('1.1'),
  'Range.getMergedAreasOrNullObject': excel('1.13'),
  'RangeFormat.fill': excel('1.1'),
  'RangeFormat.font': excel('1.1'),
  'RangeFill.color': excel('1.1'),
  'RangeFill.pattern': excel('1.9'),
  'RangeFill.clear': excel('1.1'),
  'RangeFont.bold': excel('1.1'),
  'RangeAreas.address': excel('1.9'),
  'DataValidation.rule': excel('1.8'),
  'ConditionalFormatCollection.add': excel('1.6'),
  'ConditionalFormatCollection.clearAll': excel('1.6'),
  'ConditionalFormat.textComparison': excel('1.6'),
  'TextConditionalFormat.format': excel('1.6'),
  'TextConditionalFormat.rule': excel('1.6'),
  'ConditionalRangeFormat.fill': excel('1.6'),
  'ConditionalRangeFill.color': excel('1.6'),
  'TableCollection.getItemOrNullObject': excel('1.4'),
  'TableCollection.add': excel('1.1'),
  'Table.name': excel('1.1'),
  'Table.rows': excel('1.1'),
  'Table.resize': excel('1.13'),
  'TableRowCollection.count': excel('1.1'),
  'ChartCollection.add': excel('1.1'),
  'Chart.title': excel('1.1'),
  'Chart.setPosition': excel('1.1'),
  'ChartTitle.text': excel('1.1'),
  'CustomFunctions.associate': { set: 'CustomFunctionsRuntime', version: '1.1' },
  'CustomFunctions.Error': { set: 'CustomFunctionsRuntime', version: '1.2' },
} satisfies Record<string, Requirement>;

export type OfficeMember = keyof typeof OFFICE_MEMBERS;

/**
 * What the add-in does only where the host has the sets for it, and the members each
 * needs. Without one, the flow does without (see `FEATURE_NOTES`).
 */
export const FEATURES = {
  /** Merged title and header cells, read with the sheet. */
  mergedAreas: ['Range.getMergedAreasOrNullObject', 'RangeAreas.address'],
  /** Telling "no fill" from a white fill, so clearing a highlight restores either exactly. */
  fillPattern: ['RangeFill.pattern'],
  /** Dropdown lists (org units, yes/no) in an inserted blank form, from a hidden list sheet. */
  dropdowns: ['Range.dataValidation', 'DataValidation.rule', 'Worksheet.visibility'],
  /** Excel holds a batch until the clerk leaves the cell being edited, instead of failing it. */
  waitForCellEdit: ['RunOptions.delayForCellEdit'],
  /** An empty sheet's used range as a null object (else getUsedRange, which gives A1). */
  nullObjects: ['Worksheet.getUsedRangeOrNullObject'],
  /** The tally sheet Pull writes: an Excel table resized in place, traffic-light formats, a chart. */
  tallySheet: [
    'WorksheetCollection.getItemOrNullObject',
    'TableCollection.getItemOrNullObject',
    'Worksheet.getRangeByIndexes',
    'Table.resize',
    'Range.conditionalFormats',
    'ConditionalFormatCollection.add',
    'ConditionalFormatCollection.clearAll',
    'ConditionalFormat.textComparison',
    'TextConditionalFormat.format',
    'TextConditionalFormat.rule',
    'ConditionalRangeFormat.fill',
    'ConditionalRangeFill.color',
    'ChartCollection.add',
  ],
  /** The worksheet functions =RETURNS.TOTAL() and friends. */
  customFunctions: ['CustomFunctions.associate'],
  /** Function errors with their own message (#N/A with a reason) rather than a plain #VALUE!. */
  functionErrors: ['CustomFunctions.Error'],
} satisfies Record<string, OfficeMember[]>;

export type Feature = keyof typeof FEATURES;

/** `1.13` > `1.9`: versions compare part by part. */
export function versionAtLeast(have: string, need: string): boolean {
  const a = have.split('.').map(Number);
  const b = need.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** The sets (each at the highest version any of its members needs) that a list of members needs. */
export function requirementsOf(members: readonly OfficeMember[]): Requirement[] {
  const need = new Map<RequirementSetName, string>();
  for (const m of members) {
    const r = OFFICE_MEMBERS[m];
    const had = need.get(r.set);
    if (!had || !versionAtLeast(had, r.version)) need.set(r.set, r.version);
  }
  return [...need].map(([set, version]) => ({ set, version }));
}

/** The host's answer to "is this set at this version supported?" (office.js `isSetSupported`). */
export type IsSetSupported = (set: RequirementSetName, version: string) => boolean;

export function featureSupported(feature: Feature, isSetSupported: IsSetSupported): boolean {
  return requirementsOf(FEATURES[feature]).every((r) => isSetSupported(r.set, r.version));
}
