/** Picks a formatter by name: what `-o/--output` selects. */
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import type { ScanReport } from "./model.js";
import { formatSarif, type SarifOptions } from "./sarif.js";
import { formatTable } from "./table.js";

export const REPORT_FORMATS = ["table", "json", "sarif", "markdown"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s);
}

export function formatReport(report: ScanReport, format: ReportFormat, options: SarifOptions = {}): string {
  switch (format) {
    case "table":
      return formatTable(report, options);
    case "json":
      return formatJson(report, options);
    case "sarif":
      return formatSarif(report, options);
    case "markdown":
      return formatMarkdown(report, options);
  }
}
