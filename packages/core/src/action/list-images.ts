/**
 * The images a chart runs: render (once, or once per value set with `valueSets`), then extract
 * the images of every manifest and hook, each occurrence tied to the template that brings it.
 */
import type { Chart } from "../chart/model.js";
import type { GoMap } from "../govalue/value.js";
import { ANNOTATION_KEYS, artifactHubImages, compareWithAnnotation } from "../images/annotation.js";
import { extractImages } from "../images/extract.js";
import { mergeImageLists } from "../images/merge.js";
import type { ImageList, RenderedManifest } from "../images/types.js";
import type { RenderResult } from "../render/render-chart.js";
import { templateSources } from "../report/template-lines.js";
import { mergeMaps, parseValuesFile } from "../values/options.js";
import { toHelmTrivyError } from "./errors.js";
import { locateValuesAndLoad, renderLoaded } from "./render-release.js";
import type { AnnotationCheck, ChartInfo, ChartRequest } from "./types.js";

export interface ListImagesRequest extends ChartRequest {
  /**
   * Also render the chart with each of its `ci/*-values.yaml` files (chart-testing's convention)
   * and report the union; each image then says which value sets bring it.
   */
  valueSets?: boolean;
  /** Search CustomResourceDefinitions too (they define schemas and run nothing). */
  searchCrds?: boolean;
}

export interface ListImagesResult {
  chart: ChartInfo;
  images: ImageList;
  /** The value sets rendered, in order: `default` then `ci/...` files (only with `valueSets`). */
  valueSets: string[];
  /** The render against the chart's images annotation, when Chart.yaml has one. */
  annotation?: AnnotationCheck;
  /** Why the annotation could not be read (it is then ignored; the images are still listed). */
  annotationError?: string;
  /** A template's source text by its full name (`demo/templates/x.yaml`), for locating images. */
  templateText: (template: string) => string | undefined;
}

/** A template lookup over the chart tree, built on first use. */
function templateLookup(chart: Chart): (template: string) => string | undefined {
  let sources: Map<string, string> | undefined;
  return (template) => {
    sources ??= templateSources(chart);
    return sources.get(template);
  };
}

/** The `ci/*-values.yaml` files of a chart's root, sorted by name. */
export function ciValueFiles(chart: Chart): { name: string; data: Uint8Array }[] {
  return chart.files
    .filter((f) => /^ci\/[^/]+-values\.ya?ml$/.test(f.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The manifests and hooks of a render as image discovery takes them (CRDs run nothing). */
export function renderedManifests(render: RenderResult, skipTests = false): RenderedManifest[] {
  const out: RenderedManifest[] = render.manifests.map((m) => ({ template: m.name, content: m.content }));
  for (const h of render.hooks) {
    if (skipTests && h.events.includes("test")) continue;
    out.push({ template: h.path, content: h.manifest });
  }
  return out;
}

const decoder = new TextDecoder();

/**
 * The chart's `artifacthub.io/images` (or Bitnami's `images`) annotation against the images
 * found: the annotation lists what the chart's pods run, so only workload images count as
 * "only in the render". Undefined when Chart.yaml has no such annotation.
 */
export function checkAnnotation(chart: Chart, images: ImageList): AnnotationCheck | undefined {
  const annotations = chart.metadata.annotations ?? {};
  const key = ANNOTATION_KEYS.find((k) => Object.hasOwn(annotations, k) && typeof annotations[k] === "string");
  if (key === undefined) return undefined;
  const listed = artifactHubImages(chart.metadata);
  return {
    key,
    annotated: [...new Set(listed.flatMap((a) => (a.ref.invalid ? [] : [a.ref.full])))],
    comparison: compareWithAnnotation(images, listed, { workloadOnly: true }),
  };
}

function withAnnotation(result: ListImagesResult, chart: Chart): ListImagesResult {
  try {
    const annotation = checkAnnotation(chart, result.images);
    return annotation ? { ...result, annotation } : result;
  } catch (e) {
    return { ...result, annotationError: e instanceof Error ? e.message : String(e) };
  }
}

export async function listImages(request: ListImagesRequest): Promise<ListImagesResult> {
  const { chart, info, values: userValues } = await locateValuesAndLoad(request);
  const skipTests = request.render?.skipTests ?? false;
  const extract = (values: GoMap) =>
    extractImages(renderedManifests(renderLoaded(chart, values, request), skipTests), {
      searchCrds: request.searchCrds ?? false,
    });

  const templateText = templateLookup(chart);
  if (!request.valueSets) {
    return withAnnotation({ chart: info, images: extract(userValues), valueSets: [], templateText }, chart);
  }

  const sets = [{ valueSet: "default", list: extract(userValues) }];
  for (const file of ciValueFiles(chart)) {
    let ciValues: GoMap;
    try {
      ciValues = parseValuesFile(file.name, decoder.decode(file.data));
    } catch (e) {
      throw toHelmTrivyError(e);
    }
    // The ci file plays the first -f; the user's flags still win over it.
    sets.push({ valueSet: file.name, list: extract(mergeMaps(ciValues, userValues)) });
  }
  return withAnnotation(
    { chart: info, images: mergeImageLists(sets), valueSets: sets.map((s) => s.valueSet), templateText },
    chart,
  );
}
