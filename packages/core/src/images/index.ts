/** Image discovery: the container images a chart's rendered manifests would run, and where each is named. */
export {
  ANNOTATION_KEYS,
  type AnnotatedImage,
  type AnnotationComparison,
  artifactHubImages,
  compareWithAnnotation,
} from "./annotation.js";
export { type ExtractOptions, extractImages } from "./extract.js";
export { compareImageLists, compareRenderedImages } from "./golden-check.js";
export { type ImageJson, type ImageSourceJson, imagesJsonText, imagesToJson } from "./json.js";
export {
  imagesInArgs,
  imagesInEnv,
  type LooseHit,
  looksLikeReference,
  namesAnImage,
  splitImageList,
} from "./loose-rules.js";
export { mergeImageLists, type ValueSetImages } from "./merge.js";
export { compareStrings, isWorkloadSource } from "./ordering.js";
export { CONTAINER_LISTS, POD_SPEC_PATHS, POD_VOLUMES, podSpecPath } from "./pod-spec.js";
export * from "./reference.js";
export { parseTemplateOutput } from "./template-output.js";
export type * from "./types.js";
