import JSZip from 'jszip';
import type { ChartSpec, ReportSheet } from '@returns-hub/shared/report/reportSheet';
import { columnLetters } from '@returns-hub/shared/sheet/address';
import { CHART_TEXT_SIZE, CHART_TITLE_SIZE } from '@returns-hub/shared/report/sheetBuilder';

/**
 * ExcelJS writes no charts, so the report's charts (clustered columns over the sheet's chart
 * data block) are added to the written .xlsx as DrawingML parts: a chart part per chart, a
 * drawing per sheet anchoring them, the relationships and content types. Excel and
 * LibreOffice draw them from the cell ranges (and cached values, for viewers that do not
 * recalculate).
 */

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';

/** Reference lines: the 80 % (green from here) in green, the 100 % (target met) in dark grey. */
const TARGET_COLORS = ['00B050', '404040'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
const abs = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;

function font(sheet: ReportSheet, size: number, bold = false): string {
  const f = esc(sheet.font.name);
  return `<a:defRPr sz="${Math.round(size * 100)}"${bold ? ' b="1"' : ''}><a:latin typeface="${f}"/><a:cs typeface="${f}"/></a:defRPr>`;
}

/** The chart part: one series per data column, categories from the first column, cached values from the sheet's cells. */
export function chartXml(sheet: ReportSheet, chart: ChartSpec): string {
  const at = new Map(sheet.cells.map((c) => [`${c.row},${c.col}`, c]));
  const value = (r: number, k: number) => at.get(`${r},${k}`)?.value ?? '';
  const { top, left, bottom, right } = chart.data;
  const ref = (r1: number, k1: number, r2: number, k2: number) => `${quoteSheet(sheet.name)}!${abs(r1, k1)}:${abs(r2, k2)}`;
  const n = bottom - top;
  const cats = Array.from({ length: n }, (_, i) => String(value(top + 1 + i, left)));
  const strCache = (xs: string[]) => `<c:strCache><c:ptCount val="${xs.length}"/>${xs.map((x, i) => `<c:pt idx="${i}"><c:v>${esc(x)}</c:v></c:pt>`).join('')}</c:strCache>`;
  // The last `targets` series are reference lines: a dashed line each, across the columns.
  const lines = chart.targets.length;
  const seriesXml = (j: number, line: boolean) => {
    const col = left + 1 + j;
    const vals = Array.from({ length: n }, (_, i) => value(top + 1 + i, col));
    const pts = vals.map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
    const look = line
      ? `<c:spPr><a:ln w="22225"><a:solidFill><a:srgbClr val="${TARGET_COLORS[(j - (right - left - lines)) % TARGET_COLORS.length]}"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
      : `<c:invertIfNegative val="0"/>`;
    return (
      `<c:ser><c:idx val="${j}"/><c:order val="${j}"/>` +
      `<c:tx><c:strRef><c:f>${esc(ref(top, col, top, col))}</c:f>${strCache([String(value(top, col))])}</c:strRef></c:tx>` +
      look +
      `<c:cat><c:strRef><c:f>${esc(ref(top + 1, left, bottom, left))}</c:f>${strCache(cats)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${esc(ref(top + 1, col, bottom, col))}</c:f><c:numCache><c:formatCode>${esc(chart.numFmt)}</c:formatCode><c:ptCount val="${n}"/>${pts}</c:numCache></c:numRef></c:val>` +
      (line ? `<c:smooth val="0"/>` : '') +
      `</c:ser>`
    );
  };
  const values = right - left - lines;
  const series = Array.from({ length: values }, (_, j) => seriesXml(j, false)).join('');
  const targetLines = lines
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${Array.from({ length: lines }, (_, k) => seriesXml(values + k, true)).join('')}<c:marker val="1"/><c:axId val="5001"/><c:axId val="5002"/></c:lineChart>`
    : '';
  const text = (t: string, size: number, bold: boolean) =>
    `<c:tx><c:rich><a:bodyPr/><a:p><a:pPr>${font(sheet, size, bold)}</a:pPr><a:r><a:rPr lang="th-TH" sz="${size * 100}"${bold ? ' b="1"' : ''}/><a:t>${esc(t)}</a:t></a:r></a:p></c:rich></c:tx>`;
  const bar = chart.kind === 'bar';
  const flag = (name: string, on: boolean) => `<c:${name} val="${on ? 1 : 0}"/>`;
  // Labels at the bars' ends (outside), in the chart's number format; none where they would crowd.
  const labels = chart.labels
    ? `<c:dLbls><c:numFmt formatCode="${esc(chart.numFmt)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:dLblPos val="outEnd"/>${flag('showLegendKey', false)}${flag('showVal', true)}${flag('showCatName', false)}${flag('showSerName', false)}${flag('showPercent', false)}${flag('showBubbleSize', false)}</c:dLbls>`
    : `<c:dLbls>${flag('showLegendKey', false)}${flag('showVal', false)}${flag('showCatName', false)}${flag('showSerName', false)}${flag('showPercent', false)}${flag('showBubbleSize', false)}</c:dLbls>`;
  // A legend only where there are series to tell apart, under the plot so the bars keep the width.
  const legend = right - left > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : '';
  // Category names as large as the space per category allows, so no application skips every other one.
  const plotPt = chart.size.rows * (sheet.rowHeights[chart.at.row] ?? 28) - 90 - (right - left > 1 ? 20 * Math.ceil((right - left) / 3) : 0);
  const perCategory = plotPt / Math.max(1, n);
  const catSize = Math.max(7, Math.min(CHART_TEXT_SIZE, Math.floor((perCategory / 1.35) * 2) / 2));
  // rot="0": LibreOffice then lets names sit close (it skips every other one otherwise); the size keeps them apart.
  const catText = `<c:txPr><a:bodyPr rot="0" vert="horz"/><a:lstStyle/><a:p><a:pPr>${font(sheet, catSize)}</a:pPr><a:endParaRPr lang="th-TH"/></a:p></c:txPr>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${text(chart.title, CHART_TITLE_SIZE, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="${bar ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    labels +
    `<c:gapWidth val="${bar ? 40 : 80}"/><c:axId val="5001"/><c:axId val="5002"/></c:barChart>` +
    targetLines +
    `<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="low"/>${bar ? catText : ''}<c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="1"/></c:catAx>` +
    `<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="5001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${font(sheet, CHART_TEXT_SIZE)}</a:pPr><a:endParaRPr lang="th-TH"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

function drawingXml(charts: { spec: ChartSpec; rel: string }[]): string {
  const anchors = charts
    .map(
      ({ spec, rel }, i) =>
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${spec.at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${spec.at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${spec.at.col + spec.size.columns}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${spec.at.row + spec.size.rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${rel}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors}</xdr:wsDr>`;
}

const rels = (items: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${items.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('')}</Relationships>`;

/** Adds the sheets' charts to an .xlsx ExcelJS wrote (its sheets in the same order, as sheet1.xml, sheet2.xml, …). */
export async function addCharts(xlsx: ArrayBuffer | Uint8Array, sheets: readonly ReportSheet[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  let chartNo = 0;
  for (const [i, sheet] of sheets.entries()) {
    if (sheet.charts.length === 0) continue;
    const sheetPath = `xl/worksheets/sheet${i + 1}.xml`;
    const sheetFile = zip.file(sheetPath);
    if (!sheetFile) throw new Error(`${sheetPath} is missing`);
    const placed = sheet.charts.map((spec, j) => {
      chartNo++;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(sheet, spec));
      types = types.replace('</Types>', `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CHART_TYPE}"/></Types>`);
      return { spec, rel: `rId${j + 1}`, target: `../charts/chart${chartNo}.xml` };
    });
    zip.file(`xl/drawings/drawing${i + 1}.xml`, drawingXml(placed));
    zip.file(`xl/drawings/_rels/drawing${i + 1}.xml.rels`, rels(placed.map((p) => ({ id: p.rel, type: REL_CHART, target: p.target }))));
    types = types.replace('</Types>', `<Override PartName="/xl/drawings/drawing${i + 1}.xml" ContentType="${DRAWING_TYPE}"/></Types>`);

    const relsPath = `xl/worksheets/_rels/sheet${i + 1}.xml.rels`;
    const drawingRel = { id: 'rIdReportDrawing', type: REL_DRAWING, target: `../drawings/drawing${i + 1}.xml` };
    const existing = zip.file(relsPath);
    if (existing)
      zip.file(relsPath, (await existing.async('string')).replace('</Relationships>', `<Relationship Id="${drawingRel.id}" Type="${drawingRel.type}" Target="${drawingRel.target}"/></Relationships>`));
    else zip.file(relsPath, rels([drawingRel]));

    // <drawing> goes after the page setup and breaks, before legacy drawings, table parts and extensions.
    const xml = await sheetFile.async('string');
    const before = ['<legacyDrawing', '<legacyDrawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>']
      .map((t) => xml.indexOf(t))
      .filter((k) => k >= 0);
    const at = Math.min(...before);
    zip.file(sheetPath, `${xml.slice(0, at)}<drawing r:id="${drawingRel.id}"/>${xml.slice(at)}`);
  }
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
