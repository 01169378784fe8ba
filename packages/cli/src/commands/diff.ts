/**
 * `helm-trivy diff CHART --from-version A --to-version B` or `helm-trivy diff OLD NEW`: which
 * images and vulnerabilities an upgrade adds and removes.
 */
import {
  diffCharts,
  ExitCode,
  formatDiffJson,
  formatDiffText,
  HelmTrivyError,
  severitiesAtLeast,
} from "@helm-trivy/core";
import { Command } from "commander";
import { type CommandContext, runCommand, scanProgressTo } from "../context.js";
import { addScanCommandFlags, chartRequest, failOnOption, scanOptions, sourceOptions } from "../flags.js";

export function diffCommand(ctx: CommandContext): Command {
  const cmd = new Command("diff")
    .description("compare two versions of a chart: images and vulnerabilities added and removed")
    .argument("<chart>", "the chart (both sides), or the old chart when NEW is given")
    .argument("[new]", "the new chart")
    .option("--from-version <version>", "version of the old chart")
    .option("--to-version <version>", "version of the new chart");
  addScanCommandFlags(cmd, {
    withVersion: false,
    formats: ["text", "json"],
    defaultFormat: "text",
    jsonHelp: "same as --output json",
    failOnHelp: "exit with status 1 when the upgrade adds a finding at or above this severity",
  })
    .addHelpText(
      "after",
      `
Examples:
  helm-trivy diff bitnami/redis --from-version 19.0.0 --to-version 20.0.0
  helm-trivy diff ./chart-v1 ./chart-v2 --fail-on CRITICAL`,
    )
    .action(async (chart: string, newChart: string | undefined, o: Record<string, unknown>) => {
      await runCommand(ctx, o, async (out) => {
        const from = typeof o.fromVersion === "string" ? o.fromVersion : undefined;
        const to = typeof o.toVersion === "string" ? o.toVersion : undefined;
        if (newChart === undefined && (from === undefined || to === undefined)) {
          throw new HelmTrivyError(
            "diff needs two charts (diff OLD NEW) or one chart with --from-version and --to-version",
            ExitCode.Usage,
          );
        }
        const failOn = failOnOption(o);
        const scan = { ...scanOptions(o), env: ctx.io.env };
        const side = (ref: string, version: string | undefined) => ({
          ...chartRequest(ref, o, ctx.helmEnv, out.warn),
          source: sourceOptions(o, ctx.helmEnv, version),
          searchCrds: o.includeCrds === true,
        });
        const diff = await diffCharts({
          from: side(chart, from),
          to: side(newChart ?? chart, to),
          scan,
          onSide: (s) => out.progress.step(`Rendering the ${s === "from" ? "old" : "new"} chart...`),
          onScanProgress: scanProgressTo(out),
        });
        const json = o.json === true || o.output === "json";
        out.emit(json ? formatDiffJson(diff) : formatDiffText(diff, { color: out.color }));
        if (failOn) {
          const levels = severitiesAtLeast(failOn);
          if (diff.vulnerabilities.added.some((v) => levels.includes(v.severity))) return ExitCode.Findings;
        }
        return diff.failed.length > 0 ? ExitCode.Scan : ExitCode.Ok;
      });
    });
  return cmd;
}
