/**
 * Coverage against what a chart says it ships: `artifacthub.io/images` in Chart.yaml (Bitnami
 * writes the same list under `images`), a YAML list of `{name, image, whitelisted?, platforms?}`.
 */
import { parse } from "yaml";
import type { Metadata } from "../chart/model.js";
import { ExitCode, HelmTrivyError } from "../errors.js";
import { type ParsedImageRef, parseImageRef } from "./reference.js";
import type { ImageEntry, ImageList } from "./types.js";

export interface AnnotatedImage {
  readonly name: string;
  readonly image: string;
  readonly whitelisted?: boolean;
  readonly platforms?: readonly string[];
  readonly ref: ParsedImageRef;
}

export const ANNOTATION_KEYS = ["artifacthub.io/images", "images"] as const;

/**
 * The images a chart's Chart.yaml annotations list; [] when it lists none. Entries without a string
 * `image` are skipped; text that is not a YAML list is an error.
 */
export function artifactHubImages(metadata: Pick<Metadata, "annotations"> | undefined): AnnotatedImage[] {
  const annotations = metadata?.annotations ?? {};
  const key = ANNOTATION_KEYS.find((k) => Object.hasOwn(annotations, k) && typeof annotations[k] === "string");
  if (key === undefined) return [];
  let doc: unknown;
  try {
    doc = parse(annotations[key]!, { prettyErrors: false });
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    throw new HelmTrivyError(`Chart.yaml annotation "${key}" is not valid YAML: ${why}`, ExitCode.Chart);
  }
  if (doc === null || doc === undefined) return [];
  if (!Array.isArray(doc)) {
    throw new HelmTrivyError(`Chart.yaml annotation "${key}" must be a YAML list of {name, image}`, ExitCode.Chart);
  }
  const out: AnnotatedImage[] = [];
  for (const item of doc) {
    if (item === null || typeof item !== "object" || typeof item.image !== "string") continue;
    out.push({
      name: typeof item.name === "string" ? item.name : "",
      image: item.image,
      ...(typeof item.whitelisted === "boolean" ? { whitelisted: item.whitelisted } : {}),
      ...(Array.isArray(item.platforms) ? { platforms: item.platforms.map(String) } : {}),
      ref: parseImageRef(item.image),
    });
  }
  return out;
}

export interface AnnotationComparison {
  /** Rendered images the annotation does not list. */
  readonly onlyInRender: readonly ImageEntry[];
  /** Annotated images the render does not use (an invalid annotated reference is always here). */
  readonly onlyInAnnotation: readonly AnnotatedImage[];
  /** Normalised references found in both. */
  readonly inBoth: readonly string[];
}

/**
 * Compares by normalised reference. With `workloadOnly`, only images run by workload pods count
 * on the render side (the annotation lists what the chart's pods run).
 */
export function compareWithAnnotation(
  list: ImageList,
  annotated: readonly AnnotatedImage[],
  options: { readonly workloadOnly?: boolean } = {},
): AnnotationComparison {
  const rendered = list.images.filter((e) => !options.workloadOnly || e.workload);
  const annotatedFull = new Set(annotated.flatMap((a) => (a.ref.invalid ? [] : [a.ref.full])));
  const renderedFull = new Set(rendered.map((e) => e.image));
  return {
    onlyInRender: rendered.filter((e) => !annotatedFull.has(e.image)),
    onlyInAnnotation: annotated.filter((a) => a.ref.invalid || !renderedFull.has(a.ref.full)),
    inBoth: rendered.filter((e) => annotatedFull.has(e.image)).map((e) => e.image),
  };
}
