/** Chart loading (Helm's pkg/chart, pkg/chart/loader, pkg/ignore): the public API. */

export { SchemaValidationError, validateValuesSchema } from "../values/schema.js";
export { sanitizeString, validateMetadata } from "./chart-file.js";
export { ChartLoadError, ChartValidationError } from "./errors.js";
export { helmIgnoreFile, IgnoreRules } from "./ignore.js";
export { checkKubeVersion, defaultKubeVersion, isCompatibleRange } from "./kube-version.js";
export { checkChartApiVersion, ensureArchive, type LoadChartOptions, loadChart } from "./load.js";
export { type ArchiveLimits, defaultArchiveLimits, loadArchive, loadArchiveFiles } from "./load-archive.js";
export { type DirLoadOptions, loadDir, readChartDir } from "./load-dir.js";
export { loadFiles } from "./load-files.js";
export * from "./model.js";
export { loadValues } from "./values-file.js";
