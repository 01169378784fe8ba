/** The use cases the CLI calls (Helm's pkg/action): template, images, scan, diff. */
export {
  type ChartDiff,
  compareDiffVulnerabilities,
  type DiffChartsRequest,
  type DiffImage,
  type DiffVulnerability,
  diffCharts,
  diffReports,
} from "./diff-charts.js";
export { exitCodeOf, toHelmTrivyError } from "./errors.js";
export {
  checkAnnotation,
  ciValueFiles,
  type ListImagesRequest,
  type ListImagesResult,
  listImages,
  renderedManifests,
} from "./list-images.js";
export { isRemoteReference, localChartLocator, locateLocalChart } from "./locate.js";
export {
  buildUserValues,
  checkReleaseName,
  helmEngine,
  type LoadedChart,
  locateAndLoad,
  locateOptions,
  locateValuesAndLoad,
  parseKubeVersionFlag,
  readValuesFile,
  renderLoaded,
} from "./render-release.js";
export {
  buildScanReport,
  parseSeverity,
  type ScanChartRequest,
  type ScanChartResult,
  scanChart,
  scanExitCode,
  severitiesAtLeast,
} from "./scan-chart.js";
export { type TemplateChartResult, templateChart } from "./template-chart.js";
export * from "./types.js";
