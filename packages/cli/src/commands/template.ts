/**
 * `helm-trivy template [NAME] CHART [flags]`: renders a chart exactly like `helm template`
 * (Helm 4.1.4) and prints the same stdout; errors as `Error: ...` on stderr with status 1.
 */
import { statSync } from "node:fs";
import { isAbsolute } from "node:path";
import { Command, Option } from "commander";
// The core has no package entry point for these yet; its built output is imported directly.
import { loadChart } from "../../../core/dist/chart/index.js";
import { defaultEngine } from "../../../core/dist/render/engine-binding.js";
import {
  formatTemplateOutput,
  type KubeVersionInfo,
  parseKubeVersionFlag,
  renderChart,
  splitApiVersionsFlag,
} from "../../../core/dist/render/index.js";
import { fsValuesReader } from "../../../core/dist/values/fs-reader.js";
import { HelmLog } from "../../../core/dist/values/log.js";
import { mergeUserValues } from "../../../core/dist/values/options.js";

/** What `helm template` prints after `Error: `, and nothing on stdout. */
class TemplateCommandError extends Error {}

interface TemplateFlags {
  values: string[];
  set: string[];
  setString: string[];
  setFile: string[];
  setJson: string[];
  setLiteral: string[];
  namespace?: string;
  kubeVersion?: string;
  apiVersions: string[];
  includeCrds?: boolean;
  skipTests?: boolean;
  noHooks?: boolean;
  showOnly: string[];
  skipSchemaValidation?: boolean;
  isUpgrade?: boolean;
}

/** pflag StringArray: every occurrence kept as given. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** pflag StringSlice: every occurrence read as a CSV record. */
function collectSlice(value: string, previous: string[]): string[] {
  return [...previous, ...splitApiVersionsFlag(value)];
}

/** Helm's LocateChart for local paths (repositories are not handled by this command yet). */
function locateChart(name: string): string {
  try {
    statSync(name);
    return name;
  } catch {
    if (isAbsolute(name) || name.startsWith(".")) throw new TemplateCommandError(`path "${name}" not found`);
    if (!name.includes("/")) {
      throw new TemplateCommandError(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${name}`);
    }
    throw new TemplateCommandError(`repo ${name.slice(0, name.indexOf("/"))} not found`);
  }
}

export interface TemplateIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Runs the command; returns the exit status. */
export async function runTemplate(args: string[], flags: TemplateFlags, io: TemplateIO): Promise<number> {
  const log = new HelmLog();
  const flushLog = () => {
    for (const line of log.lines()) io.stderr(`${line}\n`);
  };
  try {
    const kubeVersion: KubeVersionInfo | undefined = flags.kubeVersion
      ? parseKubeVersionFlag(flags.kubeVersion)
      : undefined;
    if (args.length < 1) throw new TemplateCommandError(`"helm-trivy template" requires at least 1 argument`);
    if (args.length > 2) {
      throw new TemplateCommandError(
        `expected at most two arguments, unexpected arguments: ${args.slice(2).join(", ")}`,
      );
    }
    const [releaseName, chartRef] =
      args.length === 2 ? [args[0] as string, args[1] as string] : ["release-name", args[0] as string];
    const chartPath = locateChart(chartRef);
    const values = mergeUserValues(
      {
        valueFiles: flags.values,
        values: flags.set,
        stringValues: flags.setString,
        fileValues: flags.setFile,
        jsonValues: flags.setJson,
        literalValues: flags.setLiteral,
      },
      fsValuesReader(),
    );
    const chart = await loadChart(chartPath);
    const result = renderChart(chart, {
      engine: defaultEngine,
      values,
      log,
      releaseName,
      namespace: flags.namespace || "default",
      isUpgrade: flags.isUpgrade ?? false,
      apiVersions: flags.apiVersions,
      skipSchemaValidation: flags.skipSchemaValidation ?? false,
      ...(kubeVersion ? { kubeVersion } : {}),
    });
    const out = formatTemplateOutput(result, {
      includeCrds: flags.includeCrds ?? false,
      skipTests: flags.skipTests ?? false,
      noHooks: flags.noHooks ?? false,
      showOnly: flags.showOnly,
    });
    flushLog();
    io.stdout(out);
    return 0;
  } catch (e) {
    flushLog();
    io.stderr(`Error: ${(e as Error).message}\n`);
    return 1;
  }
}

/** The `template` command with Helm's flags. */
export function templateCommand(io: TemplateIO, setExitCode: (code: number) => void): Command {
  return new Command("template")
    .description("locally render templates")
    .argument("[args...]", "[NAME] CHART")
    .addOption(
      new Option("-f, --values <file>", "values files (can repeat or be comma-separated)")
        .argParser(collectSlice)
        .default([]),
    )
    .addOption(new Option("--set <value>", "set values (key1=val1,key2=val2)").argParser(collect).default([]))
    .addOption(new Option("--set-string <value>", "set STRING values").argParser(collect).default([]))
    .addOption(new Option("--set-file <value>", "set values from files").argParser(collect).default([]))
    .addOption(new Option("--set-json <value>", "set JSON values").argParser(collect).default([]))
    .addOption(new Option("--set-literal <value>", "set a literal STRING value").argParser(collect).default([]))
    .option("-n, --namespace <namespace>", "namespace scope for this request")
    .option("--kube-version <version>", "Kubernetes version used for Capabilities.KubeVersion")
    .addOption(
      new Option("-a, --api-versions <versions>", "Kubernetes api versions used for Capabilities.APIVersions")
        .argParser(collectSlice)
        .default([]),
    )
    .option("--include-crds", "include CRDs in the templated output")
    .option("--skip-tests", "skip tests from templated output")
    .option("--no-hooks", "prevent hooks from running during install")
    .addOption(
      new Option("-s, --show-only <template>", "only show manifests rendered from the given templates")
        .argParser(collect)
        .default([]),
    )
    .option("--skip-schema-validation", "disable JSON schema validation")
    .option("--is-upgrade", "set .Release.IsUpgrade instead of .Release.IsInstall")
    .action(async (args: string[], opts: Record<string, unknown>) => {
      // commander turns --no-hooks into hooks=false.
      const flags = { ...opts, noHooks: opts.hooks === false } as unknown as TemplateFlags;
      setExitCode(await runTemplate(args, flags, io));
    });
}
