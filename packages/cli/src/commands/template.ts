/**
 * `helm-trivy template [NAME] CHART [flags]`: renders a chart exactly like `helm template`
 * (Helm 4.1.4) through the core's `templateChart`, wherever the chart is (directory, `.tgz`,
 * `repo/name`, `--repo URL NAME`, `oci://`, archive URL), and prints the same stdout. Errors are
 * Helm's: `Error: ...` on stderr, status 1, nothing on stdout. With `--output-dir DIR` the
 * documents go to files under DIR like Helm's (`wrote PATH` lines on stdout), written only after
 * the whole render succeeded.
 */
import { appendFileSync, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { posix } from "node:path";
import {
  type OutputDirWrite,
  outputDirShowOnlyError,
  planOutputDir,
  type RenderInput,
  splitApiVersionsFlag,
  templateChart,
} from "@helm-trivy/core";
import { Command, Option } from "commander";
import { sourceOptions, valuesInput } from "../flags.js";
import type { HelmEnv } from "../helm-env.js";

export interface TemplateIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

type Opts = Record<string, unknown>;

/** pflag StringArray: every occurrence kept as given. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** pflag StringSlice: every occurrence read as a CSV record. */
function collectSlice(value: string, previous: string[]): string[] {
  return [...previous, ...splitApiVersionsFlag(value)];
}

/** `helm template`'s arguments: [NAME] CHART. */
function releaseAndChart(args: string[]): { releaseName: string; chart: string } {
  if (args.length < 1) throw new Error(`"helm-trivy template" requires at least 1 argument`);
  if (args.length > 2) {
    throw new Error(`expected at most two arguments, unexpected arguments: ${args.slice(2).join(", ")}`);
  }
  return args.length === 2
    ? { releaseName: args[0] as string, chart: args[1] as string }
    : { releaseName: "release-name", chart: args[0] as string };
}

function templateRender(o: Opts, env: HelmEnv, releaseName: string): RenderInput {
  const r: RenderInput = {
    releaseName,
    // Helm's template honours HELM_NAMESPACE like every namespaced command.
    namespace: (typeof o.namespace === "string" && o.namespace) || env.namespace || "default",
    apiVersions: (o.apiVersions as string[]) ?? [],
    skipSchemaValidation: o.skipSchemaValidation === true,
    isUpgrade: o.isUpgrade === true,
    includeCrds: o.includeCrds === true,
    skipTests: o.skipTests === true,
    // commander turns --no-hooks into hooks=false.
    noHooks: o.hooks === false,
    showOnly: (o.showOnly as string[]) ?? [],
  };
  if (typeof o.kubeVersion === "string" && o.kubeVersion !== "") r.kubeVersion = o.kubeVersion;
  return r;
}

/** Helm's suffix for errors of its install action when --debug is off. */
const DEBUG_HINT = "\n\nUse --debug flag to render out invalid YAML";

/** Go's texts for the errno values a write under --output-dir can meet (os.PathError). */
const GO_ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOTDIR: "not a directory",
  EISDIR: "is a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOENT: "no such file or directory",
  EEXIST: "file exists",
  ENOSPC: "no space left on device",
  EROFS: "read-only file system",
  ENAMETOOLONG: "file name too long",
  ELOOP: "too many levels of symbolic links",
};

/** A Node fs error as Go's `op path: text` (os.PathError). */
function goPathError(op: string, path: string, e: unknown): Error {
  const err = e as NodeJS.ErrnoException;
  const text = (err.code && GO_ERRNO_TEXT[err.code]) || err.message;
  return new Error(`${op} ${err.path ?? path}: ${text}`);
}

/** One write of Helm's writeToFile: the file's directory made (0755), then create or append. */
function performWrite(w: OutputDirWrite): void {
  // ensureDirectoryForFile stats filepath.Dir(file) (a cleaned path) and only then MkdirAll.
  const dir = posix.dirname(posix.normalize(w.path));
  try {
    statSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw goPathError("stat", dir, e);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o755 });
    } catch (e2) {
      throw goPathError("mkdir", dir, e2);
    }
  }
  const append = w.mode === "append" || (w.mode === "append-if-exists" && existsSync(w.path));
  try {
    if (append) appendFileSync(w.path, w.content);
    else writeFileSync(w.path, w.content);
  } catch (e) {
    throw goPathError("open", w.path, e);
  }
}

/** Writes the planned files in order, printing Helm's `wrote PATH` line after each. */
function writeOutputDir(writes: readonly OutputDirWrite[], io: TemplateIO): void {
  for (const w of writes) {
    try {
      performWrite(w);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      throw new Error(w.debugHint ? `${message}${DEBUG_HINT}` : message);
    }
    io.stdout(`wrote ${w.path}\n`);
  }
}

/** Runs the command; returns the exit status (0, or Helm's 1 for every error). */
export async function runTemplate(args: string[], o: Opts, env: HelmEnv, io: TemplateIO): Promise<number> {
  try {
    const { releaseName, chart } = releaseAndChart(args);
    const outputDir = typeof o.outputDir === "string" && o.outputDir !== "" ? o.outputDir : undefined;
    const render = templateRender(o, env, releaseName);
    // Under --output-dir Helm matches --show-only against an empty buffer (after writing), so
    // the render itself runs without the filter.
    const result = await templateChart({
      chart,
      // Like Helm, a dependency missing from charts/ is an error unless --dependency-update.
      source: { ...sourceOptions(o, env), dependencyUpdate: o.dependencyUpdate === true },
      values: valuesInput(o),
      render: outputDir === undefined ? render : { ...render, showOnly: [] },
      onWarning: (line) => io.stderr(`${line}\n`),
      onLocated: (origin) => {
        // Helm's registry client reports an OCI pull on stderr (before any warning of the render).
        if (origin.kind === "oci" && origin.url !== undefined) {
          const digest = origin.url.slice(origin.url.lastIndexOf("@") + 1);
          io.stderr(`Pulled: ${origin.repository}:${origin.version ?? ""}\nDigest: ${digest}\n`);
        }
      },
    });
    if (outputDir === undefined) {
      io.stdout(result.output);
      return 0;
    }
    writeOutputDir(
      planOutputDir(result.render, outputDir, {
        includeCrds: render.includeCrds ?? false,
        skipTests: render.skipTests ?? false,
        noHooks: render.noHooks ?? false,
      }),
      io,
    );
    const showOnlyError = outputDirShowOnlyError(render.showOnly ?? []);
    if (showOnlyError !== undefined) throw new Error(showOnlyError);
    io.stdout("\n");
    return 0;
  } catch (e) {
    io.stderr(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

/** The `template` command with Helm's flags. */
export function templateCommand(io: TemplateIO, env: HelmEnv, setExitCode: (code: number) => void): Command {
  return new Command("template")
    .description("locally render templates, like `helm template` (chart directory, .tgz, repo/name, --repo, oci://)")
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
    .option("--output-dir <dir>", "writes the executed templates to files in output-dir instead of stdout")
    .option("--skip-schema-validation", "disable JSON schema validation")
    .option("--is-upgrade", "set .Release.IsUpgrade instead of .Release.IsInstall")
    .option("--version <version>", "chart version constraint (default: latest)")
    .option("--repo <url>", "chart repository URL where to locate the requested chart")
    .option("--devel", "use development versions too (>0.0.0-0)")
    .option("--username <user>", "chart repository username")
    .option("--password <password>", "chart repository password")
    .option("--ca-file <file>", "verify certificates of HTTPS-enabled servers using this CA bundle")
    .option("--cert-file <file>", "identify HTTPS client using this SSL certificate file")
    .option("--key-file <file>", "identify HTTPS client using this SSL key file")
    .option("--insecure-skip-tls-verify", "skip tls certificate checks for the chart download")
    .option("--plain-http", "use insecure HTTP connections for the chart download")
    .option("--pass-credentials", "pass credentials to all domains")
    .option("--dependency-update", "fetch dependencies missing from charts/ before rendering")
    .action(async (args: string[], opts: Opts) => {
      setExitCode(await runTemplate(args, opts, env, io));
    });
}
