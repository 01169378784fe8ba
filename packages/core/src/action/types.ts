/**
 * What the use cases take and give. The CLI parses flags into these once; the library's users
 * build them directly.
 */
import type { Chart } from "../chart/model.js";
import type { ChartSourceInfo } from "../downloader/source.js";
import type { AnnotationComparison } from "../images/annotation.js";
import type { TemplateRenderer } from "../render/renderables.js";

/** Where a chart comes from and how to reach it (Helm's ChartPathOptions). */
export interface ChartSourceOptions {
  /** Chart version constraint; `--version`. Ignored for a local directory or archive, as Helm does. */
  version?: string;
  /** `--repo`: the chart repository URL, making CHART a bare chart name. */
  repo?: string;
  /** `--devel`: also consider pre-release versions (`>0.0.0-0` when no version is given). */
  devel?: boolean;
  username?: string;
  password?: string;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  insecureSkipTlsVerify?: boolean;
  plainHttp?: boolean;
  passCredentials?: boolean;
  /**
   * Fetch dependencies that Chart.yaml lists and charts/ lacks before rendering (Helm's
   * `--dependency-update`). Default true; `false` makes a missing dependency Helm's error.
   */
  dependencyUpdate?: boolean;
  /** Helm's `HELM_REPOSITORY_CONFIG` (repositories.yaml). */
  repositoryConfig?: string;
  /** Helm's `HELM_REPOSITORY_CACHE`. */
  repositoryCache?: string;
  /** Helm's `HELM_REGISTRY_CONFIG` (OCI credentials). */
  registryConfig?: string;
}

/** The values flags, each in the order given (Helm's pkg/cli/values Options). */
export interface ValuesInput {
  valueFiles?: string[];
  values?: string[];
  stringValues?: string[];
  fileValues?: string[];
  jsonValues?: string[];
  literalValues?: string[];
}

/** How `helm template` renders (the render flags). */
export interface RenderInput {
  releaseName?: string;
  namespace?: string;
  /** `--kube-version`, e.g. `1.30.0` or `v1.30`. */
  kubeVersion?: string;
  /** `--api-versions`, appended to the defaults. */
  apiVersions?: string[];
  skipSchemaValidation?: boolean;
  isUpgrade?: boolean;
  includeCrds?: boolean;
  skipTests?: boolean;
  noHooks?: boolean;
  /** `--show-only` patterns (template command only). */
  showOnly?: string[];
}

/** A chart resolved to a local path, ready to load. */
export interface LocatedChart {
  /** A directory or a `.tgz` archive on disk. */
  path: string;
  /** The reference as the user wrote it. */
  source: string;
}

/**
 * Finds a chart by reference: a local path, `repo/name`, a repository URL with `--repo`, or
 * `oci://`. Throws HelmTrivyError with a source exit status (10-19).
 */
export type ChartLocator = (ref: string, options: ChartSourceOptions) => Promise<LocatedChart>;

/** A render's images against the images its Chart.yaml annotation lists. */
export interface AnnotationCheck {
  /** The annotation read: `artifacthub.io/images`, or Bitnami's `images`. */
  key: string;
  /** The normalised references of the annotation's valid entries. */
  annotated: string[];
  /** Workload images only in the render, annotated images only in the annotation, and both. */
  comparison: AnnotationComparison;
}

/** Names the chart in reports. */
export interface ChartInfo {
  name: string;
  version: string;
  appVersion?: string;
  /** The reference as given (path, `repo/name`, URL). */
  source: string;
}

/** Everything a render of one chart needs. */
export interface ChartRequest {
  /** CHART: a path, `repo/name`, `oci://...`, or a name with `source.repo`. */
  chart: string;
  source?: ChartSourceOptions;
  values?: ValuesInput;
  render?: RenderInput;
  /** Resolves remote references; the local-only locator when absent. */
  locate?: ChartLocator;
  /** The template engine; Helm's engine over our text/template when absent. */
  engine?: TemplateRenderer;
  /** Reads `-f` and `--set-file` files; the file system when absent. */
  readFile?: (path: string) => Uint8Array;
  /** Helm's warnings (`level=WARN msg=...`), one line each, as they come. */
  onWarning?: (line: string) => void;
  /** Called once the downloader has found the chart, before values and render (not with `locate`). */
  onLocated?: (origin: ChartSourceInfo) => void;
}

export function chartInfo(chart: Chart, source: string): ChartInfo {
  const info: ChartInfo = { name: chart.metadata.name, version: chart.metadata.version, source };
  if (chart.metadata.appVersion) info.appVersion = chart.metadata.appVersion;
  return info;
}
