/**
 * Helm's chart model (pkg/chart): what a loaded chart is, independent of where it came from.
 * Loaders (directory, .tgz, repository, OCI) produce it; values, deps and render consume it.
 */
import type { GoMap } from "../govalue/value.js";

/** A file of the chart, by its path relative to the chart root, `/`-separated. */
export interface ChartFile {
  readonly name: string;
  readonly data: Uint8Array;
}

/** Chart.yaml's `dependencies` (and requirements.yaml's for apiVersion v1). */
export interface Dependency {
  name: string;
  version?: string;
  repository?: string;
  condition?: string;
  tags?: string[];
  enabled?: boolean;
  /** Either `child` strings or `{child, parent}` maps, as written. */
  "import-values"?: unknown[];
  alias?: string;
}

export interface Maintainer {
  name?: string;
  email?: string;
  url?: string;
}

/** Chart.yaml (pkg/chart Metadata), with Helm's YAML field names. */
export interface Metadata {
  name: string;
  home?: string;
  sources?: string[];
  version: string;
  description?: string;
  keywords?: string[];
  maintainers?: Maintainer[];
  icon?: string;
  apiVersion: string;
  condition?: string;
  tags?: string;
  appVersion?: string;
  deprecated?: boolean;
  annotations?: Record<string, string>;
  kubeVersion?: string;
  dependencies?: Dependency[];
  type?: string;
}

/** Chart.lock / requirements.lock. */
export interface Lock {
  generated?: string;
  digest?: string;
  dependencies: Dependency[];
}

export interface Chart {
  /** Chart.yaml, parsed and validated. */
  metadata: Metadata;
  /** The raw bytes of Chart.yaml (Helm keeps them for `.Chart` rendering only via metadata). */
  lock?: Lock;
  /** Files under templates/, in the loader's order. */
  templates: ChartFile[];
  /** values.yaml parsed into Go values (float64 numbers), or an empty map. */
  values: GoMap;
  /** values.yaml as written (kept for `helm show values`-like uses and digests). */
  rawValues?: Uint8Array;
  /** values.schema.json bytes, when present. */
  schema?: Uint8Array;
  /** Every other file of the chart root (README, files/, crds/, ...), minus charts/ and templates/. */
  files: ChartFile[];
  /** Subcharts found under charts/ (directories or .tgz), in load order. */
  dependencies: Chart[];
  /** The parent chart, for subcharts. */
  parent?: Chart;
}

/** The chart's full name path as Helm spells it in template names: `parent/charts/child`. */
export function chartFullPath(c: Chart): string {
  return c.parent ? `${chartFullPath(c.parent)}/charts/${c.metadata.name}` : c.metadata.name;
}

export function isRoot(c: Chart): boolean {
  return c.parent === undefined;
}

/** `crds/` files of this chart (Helm: CRDObjects / CRDs()). */
export function crdFiles(c: Chart): ChartFile[] {
  return c.files.filter((f) => f.name.startsWith("crds/") && /\.(ya?ml|json)$/.test(f.name));
}
