/**
 * The one model every report format reads: a chart, its images each with where it is named and
 * what trivy found, the references that could not be scanned, and a summary.
 */
import type { ImageSource, InvalidImageEntry } from "../images/types.js";
import type { ImageScanResult, Severity } from "../scan/types.js";

export interface ReportChart {
  name: string;
  version: string;
  appVersion?: string;
  source: string;
}

/** One scanned image: its scan result and the templates that bring it. */
export interface ImageReport {
  /** The normalised reference that was scanned. */
  image: string;
  /** Run by a pod of a workload kind, not only named somewhere. */
  workload: boolean;
  sources: readonly ImageSource[];
  valueSets?: readonly string[];
  result: ImageScanResult;
}

export interface ReportSummary {
  /** Unique valid images. */
  images: number;
  scanned: number;
  failed: number;
  cached: number;
  /** Invalid references (never scanned). */
  invalid: number;
  /** Findings of all scanned images, by severity. */
  counts: Record<Severity, number>;
  /** All findings. */
  vulnerabilities: number;
}

export interface ScanReport {
  chart: ReportChart;
  images: ImageReport[];
  invalid: readonly InvalidImageEntry[];
  summary: ReportSummary;
  /** The value sets rendered (with `--values-set`). */
  valueSets?: string[];
  trivyVersion?: string;
}

/** What a formatter needs besides the report. */
export interface FormatOptions {
  /** ANSI colours (table only); the CLI turns them on for a TTY without NO_COLOR. */
  color?: boolean;
  /** helm-trivy's version, for SARIF's tool.driver and the JSON document. */
  toolVersion?: string;
}
