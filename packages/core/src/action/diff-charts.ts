/**
 * What an upgrade changes: the images and the vulnerabilities the new chart brings and the ones
 * it drops. A vulnerability is one (id, package) pair across the chart, so a CVE fixed in one
 * image but still present in another is not "removed".
 */
import type { ImageSource } from "../images/types.js";
import type { ScanReport } from "../report/model.js";
import type { ScanHooks, ScanOptions } from "../scan/scan-images.js";
import type { Severity, Vulnerability } from "../scan/types.js";
import { SEVERITIES } from "../scan/types.js";
import { type ScanChartRequest, scanChart } from "./scan-chart.js";
import type { ChartInfo } from "./types.js";

export interface DiffChartsRequest {
  /** The chart before and after: each a full request (a version or a different reference). */
  from: ScanChartRequest;
  to: ScanChartRequest;
  scan?: ScanOptions;
  onScanProgress?: ScanHooks["onProgress"];
  /** Called before each side is rendered and scanned. */
  onSide?: (side: "from" | "to") => void;
}

export interface DiffImage {
  image: string;
  sources: readonly ImageSource[];
}

/** A vulnerability and the images of that side that carry it. */
export interface DiffVulnerability {
  id: string;
  pkg: string;
  severity: Severity;
  installed: string;
  fixed?: string;
  title?: string;
  url?: string;
  images: string[];
}

export interface ChartDiff {
  from: ChartInfo;
  to: ChartInfo;
  images: { added: DiffImage[]; removed: DiffImage[]; unchanged: string[] };
  vulnerabilities: { added: DiffVulnerability[]; removed: DiffVulnerability[]; unchanged: number };
  /** Images of either side that could not be scanned: their vulnerabilities are unknown. */
  failed: { side: "from" | "to"; image: string; error: string }[];
  reports: { from: ScanReport; to: ScanReport };
}

const vulnKey = (v: Pick<Vulnerability, "id" | "pkg">) => `${v.id}\u0000${v.pkg}`;

function vulnerabilityIndex(report: ScanReport): Map<string, DiffVulnerability> {
  const index = new Map<string, DiffVulnerability>();
  for (const img of report.images) {
    for (const v of img.result.vulnerabilities) {
      const key = vulnKey(v);
      const slot = index.get(key);
      if (slot) {
        if (!slot.images.includes(img.image)) slot.images.push(img.image);
        continue;
      }
      const d: DiffVulnerability = {
        id: v.id,
        pkg: v.pkg,
        severity: v.severity,
        installed: v.installed,
        images: [img.image],
      };
      if (v.fixed !== undefined) d.fixed = v.fixed;
      if (v.title !== undefined) d.title = v.title;
      if (v.url !== undefined) d.url = v.url;
      index.set(key, d);
    }
  }
  return index;
}

/** Most severe first, then by id and package. */
export function compareDiffVulnerabilities(a: DiffVulnerability, b: DiffVulnerability): number {
  const s = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  if (s !== 0) return s;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : 0;
}

/** The difference between two finished scans (pure). */
export function diffReports(from: ScanReport, to: ScanReport): ChartDiff {
  const fromImages = new Map(from.images.map((i) => [i.image, i]));
  const toImages = new Map(to.images.map((i) => [i.image, i]));
  const added = to.images.filter((i) => !fromImages.has(i.image)).map((i) => ({ image: i.image, sources: i.sources }));
  const removed = from.images
    .filter((i) => !toImages.has(i.image))
    .map((i) => ({ image: i.image, sources: i.sources }));
  const unchanged = to.images.filter((i) => fromImages.has(i.image)).map((i) => i.image);

  const before = vulnerabilityIndex(from);
  const after = vulnerabilityIndex(to);
  const vAdded = [...after].filter(([k]) => !before.has(k)).map(([, v]) => v);
  const vRemoved = [...before].filter(([k]) => !after.has(k)).map(([, v]) => v);
  const vUnchanged = [...after.keys()].filter((k) => before.has(k)).length;

  const failed: ChartDiff["failed"] = [];
  for (const [side, report] of [
    ["from", from],
    ["to", to],
  ] as const) {
    for (const i of report.images) {
      if (i.result.status === "error") failed.push({ side, image: i.image, error: i.result.error ?? "scan failed" });
    }
  }
  return {
    from: { ...from.chart },
    to: { ...to.chart },
    images: { added, removed, unchanged },
    vulnerabilities: {
      added: vAdded.sort(compareDiffVulnerabilities),
      removed: vRemoved.sort(compareDiffVulnerabilities),
      unchanged: vUnchanged,
    },
    failed,
    reports: { from, to },
  };
}

export async function diffCharts(request: DiffChartsRequest): Promise<ChartDiff> {
  const side = async (name: "from" | "to", r: ScanChartRequest) => {
    request.onSide?.(name);
    const scan = request.scan ?? r.scan;
    const onScanProgress = request.onScanProgress ?? r.onScanProgress;
    return (await scanChart({ ...r, ...(scan ? { scan } : {}), ...(onScanProgress ? { onScanProgress } : {}) })).report;
  };
  // One after the other: trivy's DB update and the result cache are shared, and images common to
  // both sides are then served from the result cache.
  const from = await side("from", request.from);
  const to = await side("to", request.to);
  return diffReports(from, to);
}
