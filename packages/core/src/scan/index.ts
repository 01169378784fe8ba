/** The scan area's public surface: what the CLI and the report formatters use. */
export { type ParsedReport, type ParseOutcome, parseTrivyReport } from "./parse-report.js";
export {
  defaultResultCacheDir,
  imageIdentity,
  ResultCache,
  type ResultCacheKeyParts,
  type ResultCacheOptions,
  resultCacheKey,
} from "./result-cache.js";
export {
  defaultConcurrency,
  invalidImageReason,
  parseGoDuration,
  type RetryPolicy,
  type ScanHooks,
  type ScanOptions,
  type ScanProgressEvent,
  type ScanRun,
  scanImages,
  summarize,
} from "./scan-images.js";
export { ShellWordsError, splitShellWords } from "./shell-words.js";
export {
  buildDownloadDbArgv,
  buildScanArgv,
  buildVersionArgv,
  type TrivyDb,
  type TrivyScanFlags,
  type TrivyServer,
} from "./trivy-command.js";
export { isRateLimited, lastMeaningfulLine } from "./trivy-stderr.js";
export {
  checkMinimumVersion,
  compareVersions,
  detectTrivy,
  MIN_TRIVY_VERSION,
  parseVersionJson,
  parseVersionText,
  TrivyUnavailableError,
  type TrivyVersionInfo,
} from "./trivy-version.js";
export {
  type ImageScanResult,
  type ScanSummary,
  SEVERITIES,
  type Severity,
  type Vulnerability,
  zeroCounts,
} from "./types.js";
