/**
 * What image discovery takes and gives: rendered manifests in, the images a chart runs out,
 * each with where it was found.
 */
import type { ImageRef, InvalidImageRef } from "./reference.js";

/** One rendered manifest: the template it came from (`# Source:` name) and its YAML text. */
export interface RenderedManifest {
  readonly template: string;
  readonly content: string;
}

/**
 * Which rule found an image:
 * - `container`: `image` of a container in the pod spec of a workload kind (Pod, Deployment, ...);
 * - `image-volume`: `reference` of an image volume (`volumes[].image`, KEP-4639) in such a pod spec;
 * - `image-key`: an `image:` string anywhere else (operator CRs, sidecar settings...);
 * - `image-map`: an `image:` map `{registry?, repository, tag?, digest?}`, or `{reference}` (an image
 *   volume's shape) outside a workload pod spec;
 * - `arg-flag`: `--flag=VALUE` in `args`/`command`, the flag name containing `image`;
 * - `arg-registry`: `--flag=VALUE` whose VALUE is a reference with a registry host and a tag or digest;
 * - `arg-pair`: a `--flag` containing `image` followed by its VALUE as the next argument;
 * - `arg-list`: one reference of a comma- or blank-separated list given to such a flag (`--images=a:1,b:2`);
 * - `env`: a word of the value of an `env` variable whose name contains `IMAGE`;
 * - `configmap-data`: the same rule for the `data` keys of a ConfigMap (`ROOK_CSI_CEPH_IMAGE: ...`).
 */
export type ImageRule =
  | "container"
  | "image-volume"
  | "image-key"
  | "image-map"
  | "arg-flag"
  | "arg-registry"
  | "arg-pair"
  | "arg-list"
  | "env"
  | "configmap-data";

/** Where one occurrence of an image was found. */
export interface ImageSource {
  /** The `# Source:` template name, e.g. `redis/templates/master/application.yaml`. */
  readonly template: string;
  /** 0-based index of the YAML document inside the template's content, when it holds more than one. */
  readonly document?: number;
  /** The resource's `kind` (of the `items` element for a `List`); "" when missing. */
  readonly kind: string;
  /** The resource's `metadata.name`; "" when missing. */
  readonly name: string;
  readonly namespace?: string;
  /** The enclosing container's `name`, when the occurrence is inside a container. */
  readonly container?: string;
  /** JSON-path-like location in the document, e.g. `spec.template.spec.containers[0].image`. */
  readonly path: string;
  readonly rule: ImageRule;
  /** The reference as written at this place (composed `registry/repository:tag@digest` for `image-map`). */
  readonly raw: string;
  /** The value set whose render brought this occurrence (set by mergeImageLists). */
  readonly valueSet?: string;
}

/** One unique image, by its normalised reference. */
export interface ImageEntry {
  /** The normalised reference, e.g. `docker.io/bitnami/postgresql:17.6.0-debian-12-r4`. */
  readonly image: string;
  /** As written at its first occurrence. */
  readonly raw: string;
  readonly ref: ImageRef;
  /** Pulled by a pod of a workload kind (a `container` or `image-volume` source), not only named somewhere. */
  readonly workload: boolean;
  readonly sources: readonly ImageSource[];
  /** The value sets whose renders brought it, in the order given (set by mergeImageLists). */
  readonly valueSets?: readonly string[];
}

/** A string in an image position that is not a valid reference: a finding, never scanned. */
export interface InvalidImageEntry {
  readonly raw: string;
  readonly reason: string;
  readonly hint?: string;
  readonly ref: InvalidImageRef;
  readonly workload: boolean;
  readonly sources: readonly ImageSource[];
  readonly valueSets?: readonly string[];
}

/** A manifest document that is not YAML: skipped, and told. */
export interface ManifestProblem {
  readonly template: string;
  readonly document?: number;
  readonly message: string;
  readonly valueSet?: string;
}

export interface ImageList {
  /** Valid images, sorted by `image`. */
  readonly images: readonly ImageEntry[];
  /** Invalid references, sorted by `raw`. */
  readonly invalid: readonly InvalidImageEntry[];
  /** Documents that could not be parsed. */
  readonly problems: readonly ManifestProblem[];
}
