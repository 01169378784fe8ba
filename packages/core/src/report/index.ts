/** Report formats: table, JSON, SARIF 2.1.0, Markdown, and the images/diff outputs. */
export { colorPalette, type Palette, plainPalette, shouldColor, visibleLength } from "./color.js";
export { formatDiffJson, formatDiffText } from "./diff.js";
export { formatReport, isReportFormat, REPORT_FORMATS, type ReportFormat } from "./format.js";
export {
  annotationDifferences,
  annotationNote,
  formatImages,
  IMAGES_FORMATS,
  type ImageJsonEntry,
  type ImagesFormat,
  type ImagesFormatOptions,
  imagesJsonWithAnnotation,
} from "./images.js";
export {
  formatJson,
  type ImageResultJson,
  REPORT_SCHEMA_VERSION,
  type ReportJson,
  reportToJson,
  type VulnerabilityJson,
} from "./json.js";
export { formatMarkdown, mdCell } from "./markdown.js";
export type { FormatOptions, ImageReport, ReportChart, ReportSummary, ScanReport } from "./model.js";
export { chartRelativePath, compareVulnerabilities, sortedVulnerabilities } from "./order.js";
export {
  formatSarif,
  INVALID_REFERENCE_RULE,
  reportToSarif,
  SARIF_SCHEMA_URI,
  type SarifLevel,
  type SarifOptions,
  sarifLevel,
} from "./sarif.js";
export { formatTable, summaryLine } from "./table.js";
export { renderColumns, truncate } from "./text-table.js";
