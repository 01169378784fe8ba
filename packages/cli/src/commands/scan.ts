/** `helm-trivy [scan] CHART`: the default command: render, find images, scan, report. */
import {
  type FormatOptions,
  formatReport,
  isRemoteReference,
  REPORT_FORMATS,
  type ReportFormat,
  type SarifOptions,
  scanChart,
  scanExitCode,
} from "@helm-trivy/core";
import { Command } from "commander";
import { type CommandContext, runCommand, scanProgressTo } from "../context.js";
import { addScanCommandFlags, chartRequest, failOnOption, scanOptions } from "../flags.js";

/** The chart's directory for SARIF locations, when it is a local directory. */
export function sarifRoot(chart: string, o: Record<string, unknown>): string | undefined {
  if (isRemoteReference(chart, { ...(typeof o.repo === "string" ? { repo: o.repo } : {}) })) return undefined;
  if (/\.tgz$|\.tar\.gz$/.test(chart)) return undefined;
  return chart.replace(/\/+$/, "");
}

export function scanCommand(ctx: CommandContext): Command {
  const cmd = new Command("scan")
    .description("render CHART, find its container images and scan each with trivy (the default command)")
    .argument("<chart>", "chart directory, .tgz, repo/name, oci:// reference or URL");
  addScanCommandFlags(cmd, {
    withVersion: true,
    formats: REPORT_FORMATS,
    defaultFormat: "table",
    jsonHelp: "same as --output json (the original helm-trivy's flag)",
    failOnHelp: "exit with status 1 when a finding is at or above this severity",
  })
    .option("--values-set", "also render with each ci/*-values.yaml and scan the union of the images")
    .addHelpText(
      "after",
      `
Examples:
  helm-trivy ./my-chart
  helm-trivy bitnami/postgresql --version 16.0.0 --severity CRITICAL,HIGH
  helm-trivy my-chart-1.2.0.tgz -f prod.yaml --fail-on HIGH -o sarif --output-file helm-trivy.sarif

Exit status: 0 ok, 1 findings at or above --fail-on, 2 usage, 3 chart, 4 scan, 10-19 chart source,
70 internal (see docs/exit-codes.md).`,
    )
    .action(async (chart: string, o: Record<string, unknown>) => {
      await runCommand(ctx, o, async (out) => {
        const format: ReportFormat = o.json === true ? "json" : (o.output as ReportFormat);
        const failOn = failOnOption(o);
        const scan = scanOptions(o);
        const request = chartRequest(chart, o, ctx.helmEnv, out.warn);
        out.progress.step(`Rendering ${chart}...`);
        const { report, templateText } = await scanChart({
          ...request,
          valueSets: o.valuesSet === true,
          searchCrds: o.includeCrds === true,
          scan: { ...scan, env: ctx.io.env },
          onImages: (listed) => {
            out.progress.step(
              `${listed.chart.name} ${listed.chart.version}: ${listed.images.images.length} image(s) to scan`,
            );
            for (const p of listed.images.problems)
              out.warn(`warning: ${p.template}: skipped a document that is not YAML: ${p.message}`);
          },
          onScanProgress: scanProgressTo(out),
        });
        const root = sarifRoot(chart, o);
        const options: FormatOptions & SarifOptions = {
          color: out.color,
          toolVersion: ctx.version,
          templateText,
          ...(root !== undefined ? { artifactRoot: root } : {}),
        };
        out.emit(formatReport(report, format, options));
        return scanExitCode(report, failOn);
      });
    });
  return cmd;
}
