/**
 * The `images` command's outputs: one reference a line (for pipes), a table, or the JSON contract;
 * with the chart's images annotation, what the render and the annotation disagree on.
 */
import type { AnnotationCheck } from "../action/types.js";
import { type ImageJson, imagesToJson } from "../images/json.js";
import type { ImageList } from "../images/types.js";
import { colorPalette, type Palette, plainPalette } from "./color.js";
import type { FormatOptions } from "./model.js";
import { chartRelativePath } from "./order.js";
import { renderColumns } from "./text-table.js";

export const IMAGES_FORMATS = ["text", "table", "json"] as const;
export type ImagesFormat = (typeof IMAGES_FORMATS)[number];

export interface ImagesFormatOptions extends FormatOptions {
  /** The render against Chart.yaml's images annotation (listImages' `annotation`). */
  annotation?: AnnotationCheck;
}

/** An `images -o json` entry; `annotated` only when the chart has an images annotation. */
export type ImageJsonEntry = ImageJson & { annotated?: boolean };

/** The `images -o json` array; with an annotation, each image says whether it lists it. */
export function imagesJsonWithAnnotation(list: ImageList, annotation?: AnnotationCheck): ImageJsonEntry[] {
  const json = imagesToJson(list);
  if (!annotation) return json;
  const annotated = new Set(annotation.annotated);
  return json.map((e) => ({ ...e, annotated: !e.invalid && annotated.has(e.image) }));
}

/**
 * What the render and the annotation disagree on, one line each (empty when they agree):
 * `only in the render: REF` and `only in the annotation: REF` (as the annotation writes it).
 */
export function annotationDifferences(check: AnnotationCheck): string[] {
  const c = check.comparison;
  return [
    ...c.onlyInRender.map((e) => `only in the render: ${e.image}`),
    ...c.onlyInAnnotation.map(
      (a) => `only in the annotation: ${a.image}${a.ref.invalid ? " (not a valid reference)" : ""}`,
    ),
  ];
}

/** The note the text output prints on stderr; [] when the render and the annotation agree. */
export function annotationNote(check: AnnotationCheck): string[] {
  return annotationDifferences(check).map((l) => `note: Chart.yaml's ${check.key} annotation: ${l}`);
}

function annotationSection(check: AnnotationCheck, p: Palette): string {
  const lines = annotationDifferences(check);
  const title = `Compared with Chart.yaml's ${check.key} annotation`;
  if (lines.length === 0) return `\n${p.bold(title)}: the same images\n`;
  return `\n${p.bold(title)}\n${lines.map((l) => `  ${l}\n`).join("")}`;
}

export function formatImages(list: ImageList, format: ImagesFormat, options: ImagesFormatOptions = {}): string {
  if (format === "json") return `${JSON.stringify(imagesJsonWithAnnotation(list, options.annotation), null, 2)}\n`;
  if (format === "text") return list.images.map((e) => `${e.image}\n`).join("");
  const p: Palette = options.color ? colorPalette : plainPalette;
  const rows = list.images.map((e) => [
    e.image,
    e.workload ? "yes" : "no",
    [...new Set(e.sources.map((s) => chartRelativePath(s.template)))].join(", "),
  ]);
  let out = renderColumns([["IMAGE", "WORKLOAD", "TEMPLATES"].map((h) => p.bold(h)), ...rows]);
  if (options.annotation) out += annotationSection(options.annotation, p);
  if (list.invalid.length > 0) {
    out += `\n${p.bold("Invalid image references")}\n`;
    out += renderColumns(
      list.invalid.map((e) => [e.raw === "" ? '""' : e.raw, e.reason, chartRelativePath(e.sources[0]?.template ?? "")]),
      "  ",
    );
  }
  return out;
}
