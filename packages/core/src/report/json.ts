/**
 * The JSON report (docs/json-schema.md, docs/report.schema.json): one document, versioned by
 * `schemaVersion`. Adding an optional field keeps the version; changing or removing one bumps it.
 */

import type { ImageJson, ImageSourceJson } from "../images/json.js";
import { imagesToJson } from "../images/json.js";
import type { Severity, Vulnerability } from "../scan/types.js";
import type { FormatOptions, ReportChart, ReportSummary, ScanReport } from "./model.js";
import { sortedVulnerabilities } from "./order.js";

export const REPORT_SCHEMA_VERSION = 1;

export interface VulnerabilityJson {
  id: string;
  severity: Severity;
  pkg: string;
  installed: string;
  fixed?: string;
  title?: string;
  url?: string;
  /** The first of `targets`. */
  target?: string;
  /** Every trivy target (OS layer, lock file, jar) that reports this finding in the image. */
  targets?: string[];
  status?: string;
}

export interface ImageResultJson {
  image: string;
  status: "ok" | "error";
  error?: string;
  os?: string;
  workload: boolean;
  cached?: boolean;
  valueSets?: string[];
  sources: ImageSourceJson[];
  counts: Record<Severity, number>;
  vulnerabilities: VulnerabilityJson[];
}

export interface ReportJson {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: "helm-trivy"; version: string };
  chart: ReportChart;
  trivyVersion?: string;
  valueSets?: string[];
  images: ImageResultJson[];
  /** References in image positions that are not valid (never scanned); same shape as `images --output json`. */
  invalid: ImageJson[];
  summary: ReportSummary;
}

function vulnerabilityJson(v: Vulnerability): VulnerabilityJson {
  const out: VulnerabilityJson = { id: v.id, severity: v.severity, pkg: v.pkg, installed: v.installed };
  if (v.fixed !== undefined) out.fixed = v.fixed;
  if (v.title !== undefined) out.title = v.title;
  if (v.url !== undefined) out.url = v.url;
  if (v.target !== undefined) out.target = v.target;
  if (v.targets !== undefined) out.targets = [...v.targets];
  if (v.status !== undefined) out.status = v.status;
  return out;
}

export function reportToJson(report: ScanReport, options: FormatOptions = {}): ReportJson {
  const images: ImageResultJson[] = report.images.map(({ image, workload, sources, valueSets, result }) => {
    const out: ImageResultJson = {
      image,
      status: result.status,
      ...(result.error !== undefined ? { error: result.error } : {}),
      ...(result.os !== undefined ? { os: result.os } : {}),
      workload,
      ...(result.cached ? { cached: true } : {}),
      ...(valueSets ? { valueSets: [...valueSets] } : {}),
      sources: sources.map((s) => ({ ...s })),
      counts: { ...result.counts },
      vulnerabilities: sortedVulnerabilities(result.vulnerabilities).map(vulnerabilityJson),
    };
    return out;
  });
  const doc: ReportJson = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "helm-trivy", version: options.toolVersion ?? "0.0.0" },
    chart: { ...report.chart },
    images,
    invalid: imagesToJson({ images: [], invalid: report.invalid, problems: [] }),
    summary: { ...report.summary, counts: { ...report.summary.counts } },
  };
  if (report.trivyVersion) doc.trivyVersion = report.trivyVersion;
  if (report.valueSets) doc.valueSets = [...report.valueSets];
  return reorder(doc);
}

/** Keys in the documented order, whatever was set first. */
function reorder(doc: ReportJson): ReportJson {
  const { schemaVersion, tool, chart, trivyVersion, valueSets, images, invalid, summary } = doc;
  return {
    schemaVersion,
    tool,
    chart,
    ...(trivyVersion !== undefined ? { trivyVersion } : {}),
    ...(valueSets !== undefined ? { valueSets } : {}),
    images,
    invalid,
    summary,
  };
}

export function formatJson(report: ScanReport, options: FormatOptions = {}): string {
  return `${JSON.stringify(reportToJson(report, options), null, 2)}\n`;
}
