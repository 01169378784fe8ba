/** Rendering a chart like `helm template`: the typed API of this folder. */
export {
  type CapabilitiesOptions,
  DEFAULT_API_VERSIONS,
  DEFAULT_KUBE_VERSION,
  HELM_BUILD_INFO,
  KubeVersionError,
  type KubeVersionInfo,
  makeCapabilities,
  parseKubeVersion,
  parseKubeVersionFlag,
  splitApiVersionsFlag,
} from "./capabilities.js";
export { chartValue, metadataAsMap } from "./chart-map.js";
export { FilesObject } from "./files.js";
export { compileGlob } from "./glob.js";
export {
  compareKinds,
  type Hook,
  type HookEvent,
  INSTALL_ORDER,
  type Manifest,
  ManifestParseError,
  readSimpleHead,
  type SimpleHead,
  sortManifests,
  splitManifests,
} from "./manifests.js";
export { formatTemplateOutput, type TemplateOutputOptions } from "./output.js";
export {
  type OutputDirOptions,
  type OutputDirWrite,
  type OutputDirWriteMode,
  outputDirShowOnlyError,
  planOutputDir,
} from "./output-dir.js";
export {
  type CrdFile,
  DEBUG_HINT,
  RenderError,
  type RenderOptions,
  type RenderResult,
  renderChart,
} from "./render-chart.js";
export { allTemplates, type Renderable, type TemplateRenderer } from "./renderables.js";
