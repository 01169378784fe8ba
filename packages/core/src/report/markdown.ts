/**
 * Markdown for pull-request comments and job summaries: an image table, then each image's
 * findings in a collapsible section, most severe first.
 */
import { SEVERITIES } from "../scan/types.js";
import type { FormatOptions, ScanReport } from "./model.js";
import { chartRelativePath, sortedVulnerabilities } from "./order.js";
import { summaryLine } from "./table.js";

/** Escapes text for a table cell: pipes, newlines and Markdown's active characters. */
export function mdCell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/([|`*_[\]<>])/g, "\\$1")
    .replace(/\r?\n/g, " ");
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |\n`;
}

export function formatMarkdown(report: ScanReport, _options: FormatOptions = {}): string {
  const c = report.chart;
  let out = `## helm-trivy: ${mdCell(c.name)} ${mdCell(c.version)}\n\n`;
  out += `Source: \`${c.source.replace(/`/g, "'")}\`\n\n`;

  if (report.images.length === 0) {
    out += "No container images found in the rendered chart.\n\n";
  } else {
    out += row(["Image", ...SEVERITIES.map((s) => s[0] + s.slice(1).toLowerCase()), "OS", "Status"]);
    out += row(["---", ...SEVERITIES.map(() => "---:"), "---", "---"]);
    for (const { image, result } of report.images) {
      out += row([
        `\`${image}\``,
        ...SEVERITIES.map((s) => (result.status === "ok" ? String(result.counts[s]) : "-")),
        mdCell(result.os ?? ""),
        result.status === "ok" ? "scanned" : `error: ${mdCell(result.error ?? "scan failed")}`,
      ]);
    }
    out += "\n";
  }

  for (const { image, result, sources } of report.images) {
    if (result.vulnerabilities.length === 0) continue;
    const templates = [...new Set(sources.map((s) => chartRelativePath(s.template)))];
    out += `<details><summary><code>${image}</code>: ${result.vulnerabilities.length} vulnerabilit${result.vulnerabilities.length === 1 ? "y" : "ies"}</summary>\n\n`;
    out += `Used in: ${templates.map((t) => `\`${t}\``).join(", ")}\n\n`;
    out += row(["Severity", "ID", "Package", "Installed", "Fixed", "Title"]);
    out += row(["---", "---", "---", "---", "---", "---"]);
    for (const v of sortedVulnerabilities(result.vulnerabilities)) {
      out += row([
        v.severity,
        v.url ? `[${mdCell(v.id)}](${v.url})` : mdCell(v.id),
        mdCell(v.pkg),
        mdCell(v.installed),
        mdCell(v.fixed ?? ""),
        mdCell(v.title ?? ""),
      ]);
    }
    out += "\n</details>\n\n";
  }

  if (report.invalid.length > 0) {
    out += "### Invalid image references (not scanned)\n\n";
    out += row(["Reference", "Reason", "Template"]);
    out += row(["---", "---", "---"]);
    for (const e of report.invalid) {
      out += row([
        `\`${e.raw.replace(/`/g, "'")}\``,
        mdCell(e.reason),
        mdCell(chartRelativePath(e.sources[0]?.template ?? "")),
      ]);
    }
    out += "\n";
  }
  out += `**Summary:** ${summaryLine(report.summary)}\n`;
  return out;
}
