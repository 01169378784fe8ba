/**
 * The templates of a chart tree with the data each one sees (Helm's engine allTemplates /
 * recAllTpls): `.Values` scoped to the chart's section, `.Chart`, `.Files`, `.Release`,
 * `.Capabilities` and `.Subcharts` (each subchart's own top-level data).
 */
import { type Chart, chartFullPath } from "../chart/model.js";
import { asHelmValues } from "../engine/helm-values.js";
import { type GoMap, type GoValue, isGoMap, newGoMap } from "../govalue/value.js";
import { chartValue } from "./chart-map.js";
import { FilesObject } from "./files.js";

/** One template to execute: the engine's input (engine `Renderable`). */
export interface Renderable {
  /** Full template name, e.g. `parent/charts/sub/templates/x.yaml`. */
  name: string;
  text: string;
  /** `{Values, Release, Chart, Capabilities, Files, Subcharts}`; the engine adds `.Template`. */
  vals: GoMap;
  /** e.g. `parent/charts/sub/templates`. */
  basePath: string;
}

/** Executes templates like Helm's engine: template name to rendered text. */
export type TemplateRenderer = (templates: Renderable[], opts?: { strict?: boolean }) => Map<string, string>;

const decoder = new TextDecoder();
const MAX_DEPTH = 64;

function joinPath(a: string, b: string): string {
  return `${a}/${b}`.replace(/\/+/g, "/");
}

function isLibrary(c: Chart): boolean {
  return (c.metadata.type ?? "").toLowerCase() === "library";
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

function collect(c: Chart, parentVals: GoMap, out: Renderable[], depth: number): GoMap {
  if (depth > MAX_DEPTH) throw new Error("chart dependencies nested too deeply");
  const subcharts = newGoMap();
  let values: GoValue = newGoMap();
  if (c.parent === undefined) {
    values = parentVals.Values;
  } else {
    const pv = parentVals.Values;
    if (isGoMap(pv) && Object.hasOwn(pv, c.metadata.name) && isGoMap(pv[c.metadata.name])) {
      values = pv[c.metadata.name];
    }
  }
  const next = newGoMap([
    ["Chart", chartValue(c)],
    ["Files", new FilesObject(c.files.map((f) => [f.name, f.data] as const))],
    ["Release", parentVals.Release],
    ["Capabilities", parentVals.Capabilities],
    // common.Values: its methods (AsMap, YAML, Table, PathValue) answer before its keys.
    ["Values", isGoMap(values) ? asHelmValues(values) : values],
    ["Subcharts", subcharts],
  ]);
  for (const child of c.dependencies) subcharts[child.metadata.name] = collect(child, next, out, depth + 1);
  const fullPath = chartFullPath(c);
  for (const t of c.templates) {
    // A library chart contributes only its partials.
    if (isLibrary(c) && !baseName(t.name).startsWith("_")) continue;
    out.push({
      name: joinPath(fullPath, t.name),
      text: decoder.decode(t.data),
      vals: next,
      basePath: joinPath(fullPath, "templates"),
    });
  }
  return next;
}

/** Every template of the tree, given the root's top-level data (`Values`, `Release`, ...). */
export function allTemplates(chart: Chart, top: GoMap): Renderable[] {
  const out: Renderable[] = [];
  collect(chart, top, out, 0);
  return out;
}
