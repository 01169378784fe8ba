/**
 * The human report: one row per image (counts by severity, OS, error), then each image's
 * findings most severe first with the version that fixes them, then one summary line.
 */
import { SEVERITIES } from "../scan/types.js";
import { colorPalette, type Palette, plainPalette } from "./color.js";
import type { FormatOptions, ReportSummary, ScanReport } from "./model.js";
import { sortedVulnerabilities } from "./order.js";
import { renderColumns, truncate } from "./text-table.js";

const TITLE_MAX = 70;
const ERROR_MAX = 120;

export function summaryLine(s: ReportSummary): string {
  const parts = [`${s.images} image${s.images === 1 ? "" : "s"}`, `${s.scanned} scanned`];
  if (s.failed > 0) parts.push(`${s.failed} failed`);
  if (s.invalid > 0) parts.push(`${s.invalid} invalid reference${s.invalid === 1 ? "" : "s"}`);
  const counts = SEVERITIES.map((sev) => `${s.counts[sev]} ${sev}`).join(", ");
  return `${parts.join(", ")}; ${s.vulnerabilities} vulnerabilit${s.vulnerabilities === 1 ? "y" : "ies"} (${counts})`;
}

export function formatTable(report: ScanReport, options: FormatOptions = {}): string {
  const p: Palette = options.color ? colorPalette : plainPalette;
  let out = `${p.bold(`${report.chart.name} ${report.chart.version}`)} (${report.chart.source})\n\n`;

  if (report.images.length === 0) {
    out += "No container images found in the rendered chart.\n";
  } else {
    const header = ["IMAGE", ...SEVERITIES, "OS", "ERROR"].map((h) => p.bold(h));
    const rows = report.images.map(({ image, result }) => [
      image,
      ...SEVERITIES.map((s) => {
        if (result.status !== "ok") return "-";
        const n = result.counts[s];
        return n > 0 ? p.severity(s, String(n)) : "0";
      }),
      result.os ?? "",
      result.status === "ok" ? "" : p.error(truncate(result.error ?? "scan failed", ERROR_MAX)),
    ]);
    out += renderColumns([header, ...rows]);
  }

  for (const { image, result } of report.images) {
    if (result.vulnerabilities.length === 0) continue;
    out += `\n${p.bold(image)}${result.os ? ` (${result.os})` : ""}\n`;
    const header = ["SEVERITY", "ID", "PACKAGE", "INSTALLED", "FIXED", "TITLE"].map((h) => p.bold(h));
    const rows = sortedVulnerabilities(result.vulnerabilities).map((v) => [
      p.severity(v.severity, v.severity),
      v.id,
      v.pkg,
      v.installed,
      v.fixed ?? "",
      truncate(v.title ?? "", TITLE_MAX),
    ]);
    out += renderColumns([header, ...rows], "  ");
  }

  const failed = report.images.filter((i) => i.result.status !== "ok");
  if (failed.length > 0) {
    out += `\n${p.bold("Scan errors")}\n`;
    for (const { image, result } of failed) out += `  ${image}: ${p.error(result.error ?? "scan failed")}\n`;
  }

  if (report.invalid.length > 0) {
    out += `\n${p.bold("Invalid image references (not scanned)")}\n`;
    const rows = report.invalid.map((e) => [e.raw === "" ? '""' : e.raw, e.reason, e.sources[0]?.template ?? ""]);
    out += renderColumns([["REFERENCE", "REASON", "TEMPLATE"].map((h) => p.bold(h)), ...rows], "  ");
  }

  out += `\n${summaryLine(report.summary)}\n`;
  return out;
}
