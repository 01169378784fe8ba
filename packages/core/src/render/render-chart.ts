/**
 * `helm template`'s pipeline (pkg/action Install with a client-only dry run): dependency
 * processing, values, `.Capabilities`/`.Release`, every template through the engine, NOTES.txt
 * set apart, manifests split and sorted, CRDs of the enabled charts collected.
 */
import { checkKubeVersion } from "../chart/kube-version.js";
import { type Chart, chartFullPath } from "../chart/model.js";
import { checkDependencies, processDependencies } from "../deps/process.js";
import { type GoMap, newGoMap } from "../govalue/value.js";
import { coalesceValues } from "../values/coalesce.js";
import { HelmLog } from "../values/log.js";
import { validateValuesSchema } from "../values/schema.js";
import type { CapabilitiesObject } from "./capabilities.js";
import { renderOnLargeStack } from "./large-stack.js";
import { type Hook, type Manifest, ManifestParseError, sortManifests } from "./manifests.js";
import { allTemplates, type TemplateRenderer } from "./renderables.js";
import { capabilitiesFor, type ReleaseSettings, topLevelData } from "./top-data.js";

/** Appended by `helm template` to errors raised while rendering (the release exists by then). */
export const DEBUG_HINT = "\n\nUse --debug flag to render out invalid YAML";

/** A failure of `helm template`; the message is what helm prints after `Error: `. */
export class RenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RenderError";
  }
}

/** The release settings (`.Release`, `.Capabilities`) and how to render. */
export interface RenderOptions extends ReleaseSettings {
  /** The template engine (Helm's engine.Render over our text/template). */
  engine: TemplateRenderer;
  /** The user's values (`-f`, `--set*` merged); empty by default. */
  values?: GoMap;
  skipSchemaValidation?: boolean;
  /** Validates the coalesced values against the charts' schemas (values/schema.ts by default). */
  validateSchema?: (chart: Chart, values: GoMap) => void;
  /** Go's missingkey=error (`--strict` of lint); off for `helm template`. */
  strict?: boolean;
  /** Where Helm's warnings go; a fresh log when absent. */
  log?: HelmLog;
}

/** A CRD file of an enabled chart, as `--include-crds` prints it (unrendered). */
export interface CrdFile {
  /** e.g. `mychart/charts/sub/crds/x.yaml`. */
  readonly filename: string;
  readonly content: string;
}

export interface RenderResult {
  /** Plain manifests in Helm's install order. */
  readonly manifests: readonly Manifest[];
  /** Hooks in kind order (printed after the manifests by `helm template`). */
  readonly hooks: readonly Hook[];
  readonly crds: readonly CrdFile[];
  /** The root chart's rendered NOTES.txt ("" when none). */
  readonly notes: string;
  /** The processed chart tree (aliases applied, disabled dependencies removed). */
  readonly chart: Chart;
  /** The values the root chart rendered with. */
  readonly values: GoMap;
  readonly log: HelmLog;
}

const decoder = new TextDecoder();

/** Helm's release name rule (chartutil.ValidateReleaseName). */
const RELEASE_NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function checkInstallable(chart: Chart): void {
  const type = chart.metadata.type ?? "";
  if (type === "" || type === "application") return;
  throw new RenderError(`${type} charts are not installable`);
}

function hasManifestExtension(name: string): boolean {
  return /\.(ya?ml|json)$/.test(name);
}

function collectCrds(c: Chart, out: CrdFile[]): void {
  for (const f of c.files) {
    if (f.name.startsWith("crds/") && hasManifestExtension(f.name)) {
      out.push({ filename: `${chartFullPath(c)}/${f.name}`, content: decoder.decode(f.data) });
    }
  }
  for (const d of c.dependencies) collectCrds(d, out);
}

/** Renders a loaded chart like `helm template`. Throws RenderError with Helm's message. */
export function renderChart(chart: Chart, options: RenderOptions): RenderResult {
  const log = options.log ?? new HelmLog();
  checkInstallable(chart);
  if (chart.metadata.deprecated) log.warn("this chart is deprecated");
  const missing = checkDependencies(chart);
  if (missing) throw new RenderError(missing);
  const releaseName = options.releaseName ?? "release-name";
  if (releaseName.length > 53 || !RELEASE_NAME_RE.test(releaseName)) {
    const detail = `release name ${JSON.stringify(releaseName)}: invalid release name, must match regex ${RELEASE_NAME_RE.source} and the length must not be longer than 53`;
    log.error("release name check failed", ["error", detail]);
    throw new RenderError(`release name check failed: ${detail}`);
  }

  const userValues = options.values ?? newGoMap();
  let processed: Chart;
  let values: GoMap;
  try {
    processed = processDependencies(chart, userValues, log);
  } catch (e) {
    const msg = (e as Error).message;
    log.error("chart dependencies processing failed", ["error", msg]);
    throw new RenderError(`chart dependencies processing failed: ${msg}`);
  }
  try {
    values = coalesceValues(processed, userValues, log.printf);
  } catch (e) {
    throw new RenderError((e as Error).message);
  }
  const release: ReleaseSettings = {
    releaseName,
    ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
    ...(options.isUpgrade !== undefined ? { isUpgrade: options.isUpgrade } : {}),
    ...(options.revision !== undefined ? { revision: options.revision } : {}),
    ...(options.kubeVersion ? { kubeVersion: options.kubeVersion } : {}),
    ...(options.apiVersions ? { apiVersions: options.apiVersions } : {}),
  };
  const caps: CapabilitiesObject = capabilitiesFor(release);
  if (!options.skipSchemaValidation) {
    try {
      (options.validateSchema ?? validateValuesSchema)(processed, values);
    } catch (e) {
      throw new RenderError((e as Error).message);
    }
  }
  const top = topLevelData(processed, values, caps, release);
  const strict = options.strict ?? false;

  let files: Map<string, string>;
  try {
    checkKubeVersion(processed, caps.kube.normalized);
    files = options.engine(allTemplates(processed, top), { strict });
  } catch (e) {
    if (!(e as { stackExhausted?: boolean }).stackExhausted)
      throw new RenderError(`${(e as Error).message}${DEBUG_HINT}`);
    // Our stack ran out where Go's would not have: render again on a larger one.
    const again = renderOnLargeStack({ chart: processed, userValues, release, strict });
    if (again === undefined) throw new RenderError(`${(e as Error).message}${DEBUG_HINT}`);
    if (!again.ok) throw new RenderError(`${again.message}${DEBUG_HINT}`);
    files = again.files;
  }

  // NOTES.txt is rendered like any template but is not a manifest; only the root's is kept.
  const rootNotes = `${processed.metadata.name}/templates/NOTES.txt`;
  let notes = "";
  for (const name of [...files.keys()]) {
    if (!name.endsWith("NOTES.txt")) continue;
    if (name === rootNotes) notes = files.get(name) as string;
    files.delete(name);
  }

  let sorted: ReturnType<typeof sortManifests>;
  try {
    sorted = sortManifests(files, log);
  } catch (e) {
    if (e instanceof ManifestParseError) throw new RenderError(`${e.message}${DEBUG_HINT}`);
    throw e;
  }
  const crds: CrdFile[] = [];
  collectCrds(processed, crds);
  return { manifests: sorted.manifests, hooks: sorted.hooks, crds, notes, chart: processed, values, log };
}
