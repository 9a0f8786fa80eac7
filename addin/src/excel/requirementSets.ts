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
  'Workbook.getSelectedRange': excel('1.1'),
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
  'Worksheet.charts': excel('1.1'),
  'Range.address': excel('1.1'),
  'Range.rowIndex': excel('1.1'),
  'Range.columnIndex': excel('1.1'),
  'Range.cellCount': excel('1.1'),
  'Range.rowCount': excel('1.1'),
  'Range.columnCount': excel('1.1'),
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
  'ChartCollection.add': excel('1.1'),
  'ChartCollection.items': excel('1.1'),
  'Chart.delete': excel('1.1'),
  'Range.merge': excel('1.2'),
  'Range.unmerge': excel('1.2'),
  'RangeFont.name': excel('1.1'),
  'RangeFont.size': excel('1.1'),
  'RangeFont.italic': excel('1.1'),
  'RangeFont.color': excel('1.1'),
  'RangeFormat.horizontalAlignment': excel('1.1'),
  'RangeFormat.verticalAlignment': excel('1.1'),
  'RangeFormat.wrapText': excel('1.1'),
  'RangeFormat.indentLevel': excel('1.9'),
  'RangeFormat.columnWidth': excel('1.2'),
  'RangeFormat.rowHeight': excel('1.2'),
  'RangeFormat.useStandardWidth': excel('1.7'),
  'RangeFormat.useStandardHeight': excel('1.7'),
  'RangeFormat.borders': excel('1.1'),
  'RangeBorderCollection.getItem': excel('1.1'),
  'RangeBorder.style': excel('1.1'),
  'RangeBorder.color': excel('1.1'),
  'ConditionalRangeFormat.font': excel('1.6'),
  'ConditionalRangeFont.color': excel('1.6'),
  'ConditionalRangeFont.bold': excel('1.6'),
  'Worksheet.freezePanes': excel('1.7'),
  'WorksheetFreezePanes.unfreeze': excel('1.7'),
  'WorksheetFreezePanes.freezeRows': excel('1.7'),
  'WorksheetFreezePanes.freezeColumns': excel('1.7'),
  'WorksheetFreezePanes.freezeAt': excel('1.7'),
  'Worksheet.pageLayout': excel('1.9'),
  'PageLayout.orientation': excel('1.9'),
  'PageLayout.paperSize': excel('1.9'),
  'PageLayout.centerHorizontally': excel('1.9'),
  'PageLayout.leftMargin': excel('1.9'),
  'PageLayout.rightMargin': excel('1.9'),
  'PageLayout.topMargin': excel('1.9'),
  'PageLayout.bottomMargin': excel('1.9'),
  'PageLayout.zoom': excel('1.9'),
  'PageLayout.setPrintArea': excel('1.9'),
  'PageLayout.setPrintTitleRows': excel('1.9'),
  'Worksheet.horizontalPageBreaks': excel('1.9'),
  'PageBreakCollection.add': excel('1.9'),
  'PageBreakCollection.removePageBreaks': excel('1.9'),
  'Chart.title': excel('1.1'),
  'Chart.setPosition': excel('1.1'),
  'Chart.series': excel('1.1'),
  'ChartSeriesCollection.getItemAt': excel('1.1'),
  'ChartSeries.chartType': excel('1.7'),
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
  /**
   * The report sheet Pull writes (addin/src/excel/writeTallySheet.ts renders shared/report's
   * cells): values and formats, merges, borders, widths and heights, frozen headings, status
   * colours, the chart; a refresh clears what the sheet held.
   */
  tallySheet: [
    'WorksheetCollection.getItemOrNullObject',
    'Worksheet.getRangeByIndexes',
    'Worksheet.getUsedRangeOrNullObject',
    'Range.merge',
    'Range.unmerge',
    'RangeFormat.columnWidth',
    'RangeFormat.rowHeight',
    'RangeFormat.useStandardWidth',
    'RangeFormat.useStandardHeight',
    'Range.conditionalFormats',
    'ConditionalFormatCollection.add',
    'ConditionalFormatCollection.clearAll',
    'ConditionalFormat.textComparison',
    'TextConditionalFormat.format',
    'TextConditionalFormat.rule',
    'ConditionalRangeFormat.fill',
    'ConditionalRangeFill.color',
    'ConditionalRangeFormat.font',
    'ConditionalRangeFont.color',
    'ConditionalRangeFont.bold',
    'Worksheet.freezePanes',
    'WorksheetFreezePanes.unfreeze',
    'WorksheetFreezePanes.freezeRows',
    'WorksheetFreezePanes.freezeColumns',
    'WorksheetFreezePanes.freezeAt',
    'ChartCollection.add',
    'Chart.series',
    'ChartSeriesCollection.getItemAt',
    'ChartSeries.chartType',
  ],
  /** The report sheet's print setup (A4 landscape, one page wide, print area and titles, page breaks) and cell indents. */
  printSetup: [
    'Worksheet.pageLayout',
    'PageLayout.orientation',
    'PageLayout.paperSize',
    'PageLayout.centerHorizontally',
    'PageLayout.leftMargin',
    'PageLayout.rightMargin',
    'PageLayout.topMargin',
    'PageLayout.bottomMargin',
    'PageLayout.zoom',
    'PageLayout.setPrintArea',
    'PageLayout.setPrintTitleRows',
    'Worksheet.horizontalPageBreaks',
    'PageBreakCollection.add',
    'PageBreakCollection.removePageBreaks',
    'RangeFormat.indentLevel',
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
