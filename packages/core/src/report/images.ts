/** The `images` command's outputs: one reference a line (for pipes), a table, or the JSON contract. */
import { imagesJsonText } from "../images/json.js";
import type { ImageList } from "../images/types.js";
import { colorPalette, type Palette, plainPalette } from "./color.js";
import type { FormatOptions } from "./model.js";
import { chartRelativePath } from "./order.js";
import { renderColumns } from "./text-table.js";

export const IMAGES_FORMATS = ["text", "table", "json"] as const;
export type ImagesFormat = (typeof IMAGES_FORMATS)[number];

export function formatImages(list: ImageList, format: ImagesFormat, options: FormatOptions = {}): string {
  if (format === "json") return imagesJsonText(list);
  if (format === "text") return list.images.map((e) => `${e.image}\n`).join("");
  const p: Palette = options.color ? colorPalette : plainPalette;
  const rows = list.images.map((e) => [
    e.image,
    e.workload ? "yes" : "no",
    [...new Set(e.sources.map((s) => chartRelativePath(s.template)))].join(", "),
  ]);
  let out = renderColumns([["IMAGE", "WORKLOAD", "TEMPLATES"].map((h) => p.bold(h)), ...rows]);
  if (list.invalid.length > 0) {
    out += `\n${p.bold("Invalid image references")}\n`;
    out += renderColumns(
      list.invalid.map((e) => [e.raw === "" ? '""' : e.raw, e.reason, chartRelativePath(e.sources[0]?.template ?? "")]),
      "  ",
    );
  }
  return out;
}
