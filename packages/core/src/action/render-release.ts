/**
 * The shared front half of every use case, like Helm's install action in client-only dry-run
 * mode: locate the chart, load it, build the user's values, render.
 */
import { readFileSync, statSync } from "node:fs";
import { loadChart } from "../chart/load.js";
import type { Chart } from "../chart/model.js";
import { locateChart } from "../downloader/locate-chart.js";
import type { ChartSourceInfo, LocateOptions } from "../downloader/source.js";
import { renderTemplates } from "../engine/helm.js";
import { ExitCode, HelmTrivyError } from "../errors.js";
import type { GoMap } from "../govalue/value.js";
import { type KubeVersionInfo, parseKubeVersion } from "../render/capabilities.js";
import { type RenderResult, renderChart } from "../render/render-chart.js";
import type { TemplateRenderer } from "../render/renderables.js";
import { HelmLog } from "../values/log.js";
import { mergeUserValues } from "../values/options.js";
import { validateValuesSchema } from "../values/schema.js";
import { toHelmTrivyError } from "./errors.js";
import {
  type ChartInfo,
  type ChartRequest,
  type ChartSourceOptions,
  chartInfo,
  type LocatedChart,
  type ValuesInput,
} from "./types.js";

/** Helm's engine over our text/template: the renderer used when the caller gives none. */
export const helmEngine: TemplateRenderer = (templates, opts) => renderTemplates(templates, opts);

const RELEASE_NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Go's error texts for the values files, as `helm template -f` prints them. */
export function readValuesFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`open ${path}: no such file or directory`);
    if (code === "EISDIR") throw new Error(`read ${path}: is a directory`);
    if (code === "EACCES") throw new Error(`open ${path}: permission denied`);
    throw new Error(`open ${path}: ${(e as Error).message}`);
  }
}

/** The user's values map from the values flags. */
export function buildUserValues(input: ValuesInput = {}, readFile = readValuesFile): GoMap {
  try {
    return mergeUserValues(
      {
        valueFiles: input.valueFiles ?? [],
        values: input.values ?? [],
        stringValues: input.stringValues ?? [],
        fileValues: input.fileValues ?? [],
        jsonValues: input.jsonValues ?? [],
        literalValues: input.literalValues ?? [],
      },
      { readFile },
    );
  } catch (e) {
    throw toHelmTrivyError(e);
  }
}

/**
 * Helm's release name check. Helm also logs the failure (`level=ERROR msg="release name check
 * failed" error=...`) before its `Error:` line; `onLog` gets that line when given.
 */
export function checkReleaseName(name: string, onLog?: (line: string) => void): void {
  if (name.length > 53 || !RELEASE_NAME_RE.test(name)) {
    const reason = `release name ${JSON.stringify(name)}: invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53`;
    if (onLog) {
      const log = new HelmLog();
      log.error("release name check failed", ["error", reason]);
      for (const line of log.lines()) onLog(line);
    }
    throw new HelmTrivyError(`release name check failed: ${reason}`, ExitCode.Usage);
  }
}

export function parseKubeVersionFlag(text: string | undefined): KubeVersionInfo | undefined {
  if (!text) return undefined;
  try {
    return parseKubeVersion(text);
  } catch (e) {
    throw new HelmTrivyError(`invalid kube version '${text}': ${(e as Error).message}`, ExitCode.Usage);
  }
}

/** A located and loaded chart. */
export interface LoadedChart {
  located: LocatedChart;
  chart: Chart;
  info: ChartInfo;
  /** Where the downloader found it (kind, repository, pinned URL, digest); absent with a custom locator. */
  origin?: ChartSourceInfo;
}

/** The downloader's options from the source flags (Helm's config paths come from the environment). */
export function locateOptions(source: ChartSourceOptions = {}): LocateOptions {
  const o: Record<string, unknown> = {};
  const put = (k: keyof LocateOptions, v: unknown) => {
    if (v !== undefined && v !== false) o[k] = v;
  };
  put("version", source.version);
  put("devel", source.devel);
  put("repoUrl", source.repo);
  put("username", source.username);
  put("password", source.password);
  put("passCredentialsAll", source.passCredentials);
  put("caFile", source.caFile);
  put("certFile", source.certFile);
  put("keyFile", source.keyFile);
  put("insecureSkipTlsVerify", source.insecureSkipTlsVerify);
  put("plainHttp", source.plainHttp);
  if (source.dependencyUpdate === false) o.fetchDependencies = false;
  return o as LocateOptions;
}

/**
 * Finds and loads the chart: through `request.locate` when given (a path locator), else the
 * downloader (local paths, `repo/name`, `--repo`, URLs, `oci://`).
 */
export async function locateAndLoad(request: ChartRequest): Promise<LoadedChart> {
  try {
    if (request.locate) {
      const located = await request.locate(request.chart, request.source ?? {});
      const chart = await loadChart(located.path);
      return { located, chart, info: chartInfo(chart, located.source) };
    }
    const { chart, source } = await locateChart(request.chart, locateOptions(request.source));
    request.onLocated?.(source);
    return {
      located: { path: source.path ?? source.url ?? request.chart, source: request.chart },
      chart,
      info: chartInfo(chart, request.chart),
      origin: source,
    };
  } catch (e) {
    throw toHelmTrivyError(e);
  }
}

function isLocalPath(ref: string): boolean {
  try {
    statSync(ref);
    return true;
  } catch {
    return false;
  }
}

/**
 * Helm's order of the front half (install's runInstall): the `--kube-version` flag is parsed
 * first, then the chart is located (downloaded), then the values files are read, then the
 * chart is loaded. So a missing path or an unknown repository wins over a bad `-f` file, and a
 * bad `-f` file wins over a broken chart. The downloader locates and loads remote charts in
 * one step, so for those a broken archive is reported before a bad `-f` file.
 */
export async function locateValuesAndLoad(request: ChartRequest): Promise<LoadedChart & { values: GoMap }> {
  parseKubeVersionFlag(request.render?.kubeVersion);
  const readValues = () => buildUserValues(request.values, request.readFile ?? readValuesFile);
  if (!request.locate && isLocalPath(request.chart.trim())) {
    const values = readValues();
    return { ...(await locateAndLoad(request)), values };
  }
  const loaded = await locateAndLoad(request);
  return { ...loaded, values: readValues() };
}

/** Renders a loaded chart with the given user values. Throws HelmTrivyError (status Chart). */
export function renderLoaded(chart: Chart, userValues: GoMap, request: ChartRequest): RenderResult {
  const r = request.render ?? {};
  const releaseName = r.releaseName ?? "release-name";
  checkReleaseName(releaseName);
  const kubeVersion = parseKubeVersionFlag(r.kubeVersion);
  const log = new HelmLog();
  try {
    return renderChart(chart, {
      engine: request.engine ?? helmEngine,
      values: userValues,
      log,
      releaseName,
      namespace: r.namespace || "default",
      isUpgrade: r.isUpgrade ?? false,
      apiVersions: r.apiVersions ?? [],
      skipSchemaValidation: r.skipSchemaValidation ?? false,
      validateSchema: validateValuesSchema,
      ...(kubeVersion ? { kubeVersion } : {}),
    });
  } catch (e) {
    throw toHelmTrivyError(e);
  } finally {
    if (request.onWarning) for (const line of log.lines()) request.onWarning(line);
  }
}
