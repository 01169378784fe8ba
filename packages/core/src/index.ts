/**
 * @helm-trivy/core: render Helm charts like Helm 4.1.4 without helm, find their container
 * images, scan them with trivy, and report. The use cases (`templateChart`, `listImages`,
 * `scanChart`, `diffCharts`) are the entry points; the stages below them are exported for
 * callers that need one step (see docs/library.md).
 */
export * from "./action/index.js";
export {
  ChartLoadError,
  ChartValidationError,
  checkKubeVersion,
  type LoadChartOptions,
  loadChart,
  SchemaValidationError,
  validateValuesSchema,
} from "./chart/index.js";
export type { Chart, ChartFile, Dependency, Metadata } from "./chart/model.js";
export type { ChartSourceInfo, SourceKind } from "./downloader/source.js";
export { ExitCode, HelmTrivyError } from "./errors.js";
export {
  artifactHubImages,
  compareWithAnnotation,
  type ExtractOptions,
  extractImages,
  type ImageEntry,
  type ImageJson,
  type ImageList,
  type ImageRef,
  type ImageSource,
  type ImageSourceJson,
  type InvalidImageEntry,
  imagesJsonText,
  imagesToJson,
  mergeImageLists,
  parseTemplateOutput,
  type RenderedManifest,
} from "./images/index.js";
export {
  formatTemplateOutput,
  type KubeVersionInfo,
  type OutputDirWrite,
  outputDirShowOnlyError,
  parseKubeVersion,
  planOutputDir,
  RenderError,
  type RenderOptions,
  type RenderResult,
  renderChart,
  splitApiVersionsFlag,
  type TemplateOutputOptions,
} from "./render/index.js";
export type { TemplateRenderer } from "./render/renderables.js";
export * from "./report/index.js";
export {
  detectTrivy,
  type ImageScanResult,
  MIN_TRIVY_VERSION,
  type ScanHooks,
  type ScanOptions,
  type ScanProgressEvent,
  type ScanRun,
  type ScanSummary,
  SEVERITIES,
  type Severity,
  scanImages,
  summarize,
  TrivyUnavailableError,
  type Vulnerability,
} from "./scan/index.js";
export { countBySeverity, uniqueVulnerabilities } from "./scan/parse-report.js";
export { HelmLog } from "./values/log.js";
export { mergeUserValues, type ValueOptions, ValuesError } from "./values/options.js";
