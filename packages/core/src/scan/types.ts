/**
 * The typed results of scanning images with trivy. Everything downstream (reports, the CLI)
 * reads these, never trivy's raw JSON, so trivy's format quirks stay inside `scan/`.
 */

/** Trivy's severity scale; anything else trivy prints is folded into UNKNOWN. */
export type Severity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "UNKNOWN";

/** Most to least severe: the order reports and counts use. */
export const SEVERITIES: readonly Severity[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"];

export interface Vulnerability {
  /** CVE-…, GHSA-…, ALAS… as trivy names it. */
  id: string;
  pkg: string;
  installed: string;
  /** Absent when no fix exists (or trivy does not know one). */
  fixed?: string;
  severity: Severity;
  title?: string;
  /** Trivy's PrimaryURL. */
  url?: string;
  /**
   * The Result's Target: the OS layer (`img (alpine 3.19)`) or a lock file / jar path. The
   * first of `targets` when the same finding is in several.
   */
  target?: string;
  /**
   * Every Target that reports this finding (same id, package and installed version), in
   * trivy's order; absent when trivy named none. One finding in two lock files of one image is
   * one vulnerability of that image, counted once.
   */
  targets?: string[];
  /** fixed, affected, will_not_fix, fix_deferred, end_of_life … */
  status?: string;
}

export interface ImageScanResult {
  /** The image reference exactly as it was asked for. */
  image: string;
  /** `error` means trivy could not give findings; it never means "vulnerabilities found". */
  status: "ok" | "error";
  /** One line: trivy's last meaningful stderr line, or what went wrong around it. */
  error?: string;
  /** `Family Name` from Metadata.OS, e.g. `alpine 3.19.1`. */
  os?: string;
  vulnerabilities: Vulnerability[];
  counts: Record<Severity, number>;
  durationMs?: number;
  /** True when the result came from the on-disk result cache, not from a trivy run. */
  cached?: boolean;
}

export interface ScanSummary {
  /** Unique images asked for. */
  images: number;
  /** Images with status ok (from trivy or from the result cache). */
  scanned: number;
  failed: number;
  cached: number;
  counts: Record<Severity, number>;
}

export function zeroCounts(): Record<Severity, number> {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}
