/**
 * The default command's use case: the chart's images (listImages), each scanned once by trivy
 * (scanImages), joined back to the templates that bring it, with the exit status `--fail-on` asks.
 */
import { ExitCode } from "../errors.js";
import type { ImageList } from "../images/types.js";
import type { ImageReport, ReportSummary, ScanReport } from "../report/model.js";
import { countBySeverity, uniqueVulnerabilities } from "../scan/parse-report.js";
import { type ScanHooks, type ScanOptions, scanImages } from "../scan/scan-images.js";
import { type ImageScanResult, SEVERITIES, type Severity, zeroCounts } from "../scan/types.js";
import { toHelmTrivyError } from "./errors.js";
import { type ListImagesRequest, type ListImagesResult, listImages } from "./list-images.js";
import type { ChartInfo } from "./types.js";

export interface ScanChartRequest extends ListImagesRequest {
  scan?: ScanOptions;
  /** Progress of the trivy runs (per image, with counts). */
  onScanProgress?: ScanHooks["onProgress"];
  /** Called once the images are known, before any scan starts. */
  onImages?: (images: ListImagesResult) => void;
}

export interface ScanChartResult {
  report: ScanReport;
  images: ImageList;
  /** A template's source text by its full name: SARIF's `templateText` option. */
  templateText: (template: string) => string | undefined;
}

/**
 * A result whose vulnerabilities are unique by (id, pkg, installed) and whose counts are those
 * of that list (results cached by an older helm-trivy may still hold one entry per target).
 */
function uniqueResult(r: ImageScanResult): ImageScanResult {
  if (r.status !== "ok") return r;
  const vulnerabilities = uniqueVulnerabilities(r.vulnerabilities);
  return { ...r, vulnerabilities, counts: countBySeverity(vulnerabilities) };
}

/** Joins scan results to image entries: one ImageReport per valid image, in the list's order. */
export function buildScanReport(
  chart: ChartInfo,
  images: ImageList,
  results: readonly ImageScanResult[],
  extra: { valueSets?: string[]; trivyVersion?: string } = {},
): ScanReport {
  const byImage = new Map(results.map((r) => [r.image, uniqueResult(r)]));
  const reports: ImageReport[] = images.images.map((e) => {
    const result = byImage.get(e.image) ?? {
      image: e.image,
      status: "error" as const,
      error: "not scanned",
      vulnerabilities: [],
      counts: zeroCounts(),
    };
    return {
      image: e.image,
      workload: e.workload,
      sources: e.sources,
      ...(e.valueSets ? { valueSets: e.valueSets } : {}),
      result,
    };
  });
  const summary: ReportSummary = {
    images: reports.length,
    scanned: 0,
    failed: 0,
    cached: 0,
    invalid: images.invalid.length,
    counts: zeroCounts(),
    vulnerabilities: 0,
  };
  for (const { result } of reports) {
    if (result.status === "ok") summary.scanned++;
    else summary.failed++;
    if (result.cached) summary.cached++;
    for (const s of SEVERITIES) summary.counts[s] += result.counts[s];
    summary.vulnerabilities += result.vulnerabilities.length;
  }
  const report: ScanReport = { chart: { ...chart }, images: reports, invalid: images.invalid, summary };
  if (extra.valueSets && extra.valueSets.length > 0) report.valueSets = extra.valueSets;
  if (extra.trivyVersion) report.trivyVersion = extra.trivyVersion;
  return report;
}

export async function scanChart(request: ScanChartRequest): Promise<ScanChartResult> {
  const listed = await listImages(request);
  const onProgress = request.onScanProgress;
  request.onImages?.(listed);
  let run: Awaited<ReturnType<typeof scanImages>>;
  try {
    run = await scanImages(
      listed.images.images.map((e) => e.image),
      request.scan ?? {},
      onProgress
        ? {
            // Progress shows the findings the report will count (a cached result may predate de-duplication).
            onProgress: (e) => onProgress(e.type === "finished" ? { ...e, result: uniqueResult(e.result) } : e),
          }
        : {},
    );
  } catch (e) {
    throw toHelmTrivyError(e);
  }
  const report = buildScanReport(listed.chart, listed.images, run.results, {
    valueSets: listed.valueSets,
    ...(run.trivyVersion ? { trivyVersion: run.trivyVersion } : {}),
  });
  return { report, images: listed.images, templateText: listed.templateText };
}

/** Severities at or above `threshold`, most severe first. */
export function severitiesAtLeast(threshold: Severity): Severity[] {
  return SEVERITIES.slice(0, SEVERITIES.indexOf(threshold) + 1);
}

/**
 * The exit status of a finished scan: Findings when a scanned image has a finding at or above
 * `failOn` (the definite answer wins), else Scan when an image could not be scanned, else Ok.
 */
export function scanExitCode(report: ScanReport, failOn?: Severity): ExitCode {
  if (failOn) {
    const levels = severitiesAtLeast(failOn);
    if (levels.some((s) => report.summary.counts[s] > 0)) return ExitCode.Findings;
  }
  if (report.summary.failed > 0) return ExitCode.Scan;
  return ExitCode.Ok;
}

/** Parses `--fail-on` / `--severity` words (case-insensitive); undefined for a bad one. */
export function parseSeverity(text: string): Severity | undefined {
  const up = text.trim().toUpperCase();
  return (SEVERITIES as readonly string[]).includes(up) ? (up as Severity) : undefined;
}
