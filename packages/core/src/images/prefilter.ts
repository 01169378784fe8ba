/**
 * Cheap textual tests that let extraction skip parsing manifests that cannot hold an image.
 * Parsing YAML is nearly all of extraction's time, and big renders are mostly CRDs and
 * dashboard ConfigMaps, so these tests must be sound: they may say "maybe" wrongly, never "no".
 */

const IMAGE_KEY = /\bimage["']?\s*:/;
const CONTAINER_LIST_KEY = /\b(?:containers|initContainers|ephemeralContainers)["']?\s*:/;
const ARGS_KEY = /\b(?:args|command)["']?\s*:/;
const ENV_KEY = /\benv["']?\s*:/;
const IMAGE_WORD = /image/i;
const CONFIGMAP_KIND = /\bkind["']?\s*:\s*["']?ConfigMap\b/;

/** False only when no rule of extraction can match anything in the text. */
export function mayHoldImages(text: string): boolean {
  if (IMAGE_KEY.test(text) || CONTAINER_LIST_KEY.test(text)) return true;
  if (ARGS_KEY.test(text) && text.includes("=")) return true;
  if (!IMAGE_WORD.test(text)) return false;
  return ENV_KEY.test(text) || CONFIGMAP_KIND.test(text);
}

const DOCUMENT_START = /^---(?=[ \t]|\r?$)/m;
const CRD_KIND = /^kind:[ \t]*["']?CustomResourceDefinition["']?[ \t]*(?:#.*)?\r?$/m;

/**
 * True when every document of the text is a CustomResourceDefinition. A CRD defines a schema and
 * runs nothing; its `image` properties are schema objects, so CRDs are not searched.
 */
export function onlyCustomResourceDefinitions(text: string): boolean {
  let sawOne = false;
  for (const chunk of text.split(DOCUMENT_START)) {
    if (!/^[ \t]*[^\s#]/m.test(chunk)) continue;
    if (!CRD_KIND.test(chunk)) return false;
    sawOne = true;
  }
  return sawOne;
}
