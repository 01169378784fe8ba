/**
 * The flag groups the commands share (Helm's values, render and chart-source flags; trivy's
 * shortcuts; output), and their translation into the core's request types.
 */
import {
  type ChartRequest,
  type ChartSourceOptions,
  ExitCode,
  HelmTrivyError,
  parseSeverity,
  type RenderInput,
  type ScanOptions,
  type Severity,
  type ValuesInput,
} from "@helm-trivy/core";
import { type Command, Option } from "commander";
import type { HelmEnv } from "./helm-env.js";

/** pflag StringArray: every occurrence kept as given. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** pflag StringSlice: every occurrence read as comma-separated values. */
function collectSlice(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(",").filter((s) => s !== "")];
}

function usage(message: string): HelmTrivyError {
  return new HelmTrivyError(message, ExitCode.Usage);
}

export function addValuesFlags(cmd: Command): Command {
  return cmd
    .addOption(
      new Option("-f, --values <file>", "values file (can repeat or be comma-separated)")
        .argParser(collectSlice)
        .default([]),
    )
    .addOption(new Option("--set <value>", "set values (key1=val1,key2=val2)").argParser(collect).default([]))
    .addOption(new Option("--set-string <value>", "set STRING values").argParser(collect).default([]))
    .addOption(new Option("--set-file <value>", "set values from files (key=path)").argParser(collect).default([]))
    .addOption(new Option("--set-json <value>", "set JSON values (key=jsonval)").argParser(collect).default([]))
    .addOption(new Option("--set-literal <value>", "set a literal STRING value").argParser(collect).default([]));
}

export function addRenderFlags(cmd: Command): Command {
  return cmd
    .option("--release-name <name>", "release name used to render (.Release.Name)", "release-name")
    .option("-n, --namespace <namespace>", "namespace used to render (.Release.Namespace)")
    .option("--kube-version <version>", "Kubernetes version used for Capabilities.KubeVersion")
    .addOption(
      new Option("-a, --api-versions <versions>", "Kubernetes API versions used for Capabilities.APIVersions")
        .argParser(collectSlice)
        .default([]),
    )
    .option("--skip-schema-validation", "disable JSON schema validation of values")
    .option("--include-crds", "also look for images in CRDs")
    .option("--skip-tests", "ignore test hooks (templates/tests)")
    .option("--no-hooks", "ignore hooks")
    .option("--is-upgrade", "set .Release.IsUpgrade instead of .Release.IsInstall");
}

export function addSourceFlags(cmd: Command, withVersion = true): Command {
  if (withVersion) cmd.option("--version <version>", "chart version constraint (default: latest)");
  return cmd
    .option("--repo <url>", "chart repository URL where to locate the chart")
    .option("--devel", "use development versions too (>0.0.0-0)")
    .option("--username <user>", "chart repository username")
    .option("--password <password>", "chart repository password")
    .option("--ca-file <file>", "verify HTTPS servers with this CA bundle")
    .option("--cert-file <file>", "identify with this SSL certificate file")
    .option("--key-file <file>", "identify with this SSL key file")
    .option("--insecure-skip-tls-verify", "skip TLS certificate checks for the chart download")
    .option("--plain-http", "use insecure HTTP for the chart download")
    .option("--pass-credentials", "pass credentials to all domains");
}

export function addTrivyFlags(cmd: Command): Command {
  return cmd
    .option("--severity <list>", "severities to report, e.g. CRITICAL,HIGH")
    .option("--ignore-unfixed", "report only vulnerabilities with a fix")
    .option("--ignorefile <file>", "trivy ignore file (.trivyignore)")
    .option("--scanners <list>", "trivy scanners (default: vuln)")
    .option("--timeout <duration>", "trivy's timeout per image (Go duration, default 5m)")
    .option("--server <url>", "scan through a trivy server")
    .option("--token <token>", "trivy server token")
    .option("--trivy-path <path>", "trivy binary (default: trivy on PATH)")
    .option("--trivyargs <args>", "extra trivy arguments (one string, split like a shell)")
    .option("--cache-dir <dir>", "trivy's cache directory")
    .option("--skip-db-update", "do not update trivy's vulnerability DB (offline)")
    .option("--no-cache", "neither read nor write helm-trivy's scan result cache")
    .option("--concurrency <n>", "parallel trivy processes (default: min(4, CPUs))");
}

export function addOutputFlags(cmd: Command, formats: readonly string[], defaultFormat: string): Command {
  return cmd
    .addOption(new Option("-o, --output <format>", "output format").choices(formats).default(defaultFormat))
    .option("--output-file <path>", "write the result to a file (atomically) instead of stdout")
    .option("--quiet", "no progress and no warnings on stderr")
    .option("--no-progress", "no progress on stderr")
    .option("--no-color", "no colours (also NO_COLOR)")
    .option("--debug", "print stack traces of errors");
}

/**
 * The flags of the commands that render and scan (scan, diff): chart source, values, render,
 * trivy, output, `--json` and `--fail-on`, in the order their help lists them.
 */
export function addScanCommandFlags(
  cmd: Command,
  o: { withVersion: boolean; formats: readonly string[]; defaultFormat: string; jsonHelp: string; failOnHelp: string },
): Command {
  addSourceFlags(cmd, o.withVersion);
  addValuesFlags(cmd);
  addRenderFlags(cmd);
  addTrivyFlags(cmd);
  return addOutputFlags(cmd, o.formats, o.defaultFormat)
    .option("--json", o.jsonHelp)
    .option("--fail-on <severity>", o.failOnHelp);
}

type Opts = Record<string, unknown>;
const str = (o: Opts, k: string) => (typeof o[k] === "string" ? (o[k] as string) : undefined);
const list = (o: Opts, k: string) => (Array.isArray(o[k]) ? (o[k] as string[]) : []);
const flag = (o: Opts, k: string) => o[k] === true;

export function valuesInput(o: Opts): ValuesInput {
  return {
    valueFiles: list(o, "values"),
    values: list(o, "set"),
    stringValues: list(o, "setString"),
    fileValues: list(o, "setFile"),
    jsonValues: list(o, "setJson"),
    literalValues: list(o, "setLiteral"),
  };
}

export function renderInput(o: Opts, env: HelmEnv): RenderInput {
  const r: RenderInput = {
    releaseName: str(o, "releaseName") ?? "release-name",
    namespace: str(o, "namespace") ?? env.namespace ?? "default",
    apiVersions: list(o, "apiVersions"),
    skipSchemaValidation: flag(o, "skipSchemaValidation"),
    includeCrds: flag(o, "includeCrds"),
    skipTests: flag(o, "skipTests"),
    noHooks: o.hooks === false,
    isUpgrade: flag(o, "isUpgrade"),
  };
  const kv = str(o, "kubeVersion");
  if (kv) r.kubeVersion = kv;
  return r;
}

export function sourceOptions(o: Opts, env: HelmEnv, version = str(o, "version")): ChartSourceOptions {
  const s: ChartSourceOptions = {};
  const put = <K extends keyof ChartSourceOptions>(k: K, v: ChartSourceOptions[K] | undefined) => {
    if (v !== undefined && v !== false) s[k] = v;
  };
  put("version", version);
  put("repo", str(o, "repo"));
  put("devel", flag(o, "devel"));
  put("username", str(o, "username"));
  put("password", str(o, "password"));
  put("caFile", str(o, "caFile"));
  put("certFile", str(o, "certFile"));
  put("keyFile", str(o, "keyFile"));
  put("insecureSkipTlsVerify", flag(o, "insecureSkipTlsVerify"));
  put("plainHttp", flag(o, "plainHttp"));
  put("passCredentials", flag(o, "passCredentials"));
  put("repositoryConfig", env.repositoryConfig);
  put("repositoryCache", env.repositoryCache);
  put("registryConfig", env.registryConfig);
  return s;
}

export function parseSeverityList(text: string, flagName: string): Severity[] {
  const out: Severity[] = [];
  for (const word of text.split(",")) {
    const s = parseSeverity(word);
    if (!s) {
      throw usage(`invalid ${flagName} ${JSON.stringify(word)}: use CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN`);
    }
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

export function failOnOption(o: Opts): Severity | undefined {
  const text = str(o, "failOn");
  if (text === undefined) return undefined;
  const s = parseSeverity(text);
  if (!s) throw usage(`invalid --fail-on ${JSON.stringify(text)}: use CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN`);
  return s;
}

export function scanOptions(o: Opts): ScanOptions {
  const s: ScanOptions = {};
  const severity = str(o, "severity");
  if (severity !== undefined) s.severity = parseSeverityList(severity, "--severity");
  if (flag(o, "ignoreUnfixed")) s.ignoreUnfixed = true;
  const ignorefile = str(o, "ignorefile");
  if (ignorefile !== undefined) s.ignoreFile = ignorefile;
  const scanners = str(o, "scanners");
  if (scanners !== undefined) s.scanners = scanners.split(",").filter((x) => x !== "");
  const timeout = str(o, "timeout");
  if (timeout !== undefined) s.timeout = timeout;
  const server = str(o, "server");
  if (server !== undefined) {
    const token = str(o, "token");
    s.server = token !== undefined ? { url: server, token } : { url: server };
  } else if (str(o, "token") !== undefined) {
    throw usage("--token needs --server");
  }
  const trivyPath = str(o, "trivyPath");
  if (trivyPath !== undefined) s.trivyPath = trivyPath;
  const trivyArgs = str(o, "trivyargs");
  if (trivyArgs !== undefined) s.trivyArgs = trivyArgs;
  const cacheDir = str(o, "cacheDir");
  if (cacheDir !== undefined) s.cacheDir = cacheDir;
  if (flag(o, "skipDbUpdate")) s.skipDbUpdate = true;
  if (o.cache === false) s.noCache = true;
  const concurrency = str(o, "concurrency");
  if (concurrency !== undefined) {
    const n = Number(concurrency);
    if (!Number.isInteger(n) || n < 1 || n > 64) {
      throw usage(`invalid --concurrency ${JSON.stringify(concurrency)}: use a whole number from 1 to 64`);
    }
    s.concurrency = n;
  }
  return s;
}

export function chartRequest(chart: string, o: Opts, env: HelmEnv, onWarning?: (line: string) => void): ChartRequest {
  const r: ChartRequest = {
    chart,
    source: sourceOptions(o, env),
    values: valuesInput(o),
    render: renderInput(o, env),
  };
  if (onWarning) r.onWarning = onWarning;
  return r;
}
