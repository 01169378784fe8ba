/** Image discovery: the container images a chart's rendered manifests would run. */
export { extractImages } from "./extract.js";
export { imagesInArgs, imagesInEnv, namesAnImage } from "./loose-rules.js";
export { CONTAINER_LISTS, POD_SPEC_PATHS } from "./pod-spec.js";
export * from "./reference.js";
export { parseTemplateOutput } from "./template-output.js";
export type * from "./types.js";
