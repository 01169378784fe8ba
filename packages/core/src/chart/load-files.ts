/**
 * Helm's loader.LoadFiles: the shared core of the directory and archive loaders. Turns a flat
 * list of chart-relative files into the chart model, recursing into `charts/` (directories
 * and `.tgz` archives alike).
 */

import { extPath } from "../gopath/path.js";
import type { GoValue } from "../govalue/value.js";
import { decodeLock, decodeMetadata, toMetadata, validateMetadata } from "./chart-file.js";
import { ChartLoadError, wrapLoadError } from "./errors.js";
import type { DecodedStruct } from "./go-json-decode.js";
import type { Chart, ChartFile } from "./model.js";
import { loadValues } from "./values-file.js";
import { parseTypedYaml } from "./yaml-typed.js";

const decoder = new TextDecoder();

/** How deep `charts/` may nest before we refuse (Helm has no limit; we bound recursion). */
export const maxSubchartDepth = 64;

/** Unpacks a subchart archive; injected so that this module stays free of gzip/tar. */
export type ArchiveUnpacker = (bytes: Uint8Array) => ChartFile[];

export interface LoadFilesOptions {
  /** Needed only when `charts/` holds `.tgz` files. */
  readonly unpackArchive?: ArchiveUnpacker;
  /** Current `charts/` nesting depth (internal). */
  readonly depth?: number;
}

function parseYamlFile(f: ChartFile, what: string): GoValue {
  try {
    return parseTypedYaml(decoder.decode(f.data));
  } catch (e) {
    throw wrapLoadError(e, `cannot load ${what}`);
  }
}

export function loadFiles(files: readonly ChartFile[], options: LoadFilesOptions = {}): Chart {
  const depth = options.depth ?? 0;
  let meta: DecodedStruct | undefined;
  // Chart.yaml first, whatever its position: later files (requirements.yaml) build on it.
  for (const f of files) {
    if (f.name !== "Chart.yaml") continue;
    meta = {};
    try {
      decodeMetadata(parseYamlFile(f, "Chart.yaml"), meta);
    } catch (e) {
      if (e instanceof ChartLoadError) throw e;
      throw wrapLoadError(e, "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON");
    }
    if (!meta.apiVersion) meta.apiVersion = "v1";
  }

  const chart: Chart = {
    metadata: undefined as never,
    templates: [],
    values: Object.create(null),
    files: [],
    dependencies: [],
  };
  const raw: ChartFile[] = files.map((f) => ({ name: f.name, data: f.data }));
  const subcharts = new Map<string, ChartFile[]>();

  for (const f of files) {
    const name = f.name;
    if (name === "Chart.yaml") continue;
    if (name === "Chart.lock") {
      chart.lock = decodeLockFile(f, "Chart.lock");
    } else if (name === "values.yaml") {
      try {
        chart.values = loadValues(f.data);
      } catch (e) {
        throw wrapLoadError(e, "cannot load values.yaml");
      }
      chart.rawValues = f.data;
    } else if (name === "values.schema.json") {
      chart.schema = f.data;
    } else if (name === "requirements.yaml") {
      meta ??= {};
      try {
        decodeMetadata(parseYamlFile(f, "requirements.yaml"), meta);
      } catch (e) {
        if (e instanceof ChartLoadError) throw e;
        throw wrapLoadError(e, "cannot load requirements.yaml: error unmarshaling JSON: while decoding JSON");
      }
      if (meta.apiVersion === "v1") chart.files.push(f);
    } else if (name === "requirements.lock") {
      chart.lock = decodeLockFile(f, "requirements.lock");
      meta ??= {};
      if (meta.apiVersion === "v1") chart.files.push(f);
    } else if (name.startsWith("templates/")) {
      chart.templates.push(f);
    } else if (name.startsWith("charts/")) {
      if (extPath(name) === ".prov") {
        chart.files.push(f);
        continue;
      }
      const fname = name.slice("charts/".length);
      const cname = fname.split("/", 1)[0] as string;
      const list = subcharts.get(cname) ?? [];
      subcharts.set(cname, list);
      list.push({ name: fname, data: f.data });
    } else {
      chart.files.push(f);
    }
  }

  if (meta === undefined) throw new ChartLoadError("Chart.yaml file is missing");
  chart.metadata = toMetadata(meta);
  validateMetadata(chart.metadata);
  Object.defineProperty(chart, "raw", { value: raw, enumerable: false, writable: true });

  // Helm walks a Go map here (random order); we keep first-seen order for determinism.
  for (const [n, list] of subcharts) {
    if (n.startsWith("_") || n.startsWith(".")) continue;
    if (depth + 1 > maxSubchartDepth) {
      throw new ChartLoadError(`error unpacking subchart ${n} in ${chart.metadata.name}: charts nested too deeply`);
    }
    let sc: Chart;
    try {
      if (extPath(n) === ".tgz") {
        const file = list[0] as ChartFile;
        if (file.name !== n) {
          throw new ChartLoadError(
            `error unpacking subchart tar in ${chart.metadata.name}: expected ${n}, got ${file.name}`,
          );
        }
        if (!options.unpackArchive) throw new ChartLoadError("no archive reader available");
        sc = loadFiles(options.unpackArchive(file.data), { ...options, depth: depth + 1 });
      } else {
        const buff: ChartFile[] = [];
        for (const f of list) {
          const i = f.name.indexOf("/");
          if (i < 0) continue;
          buff.push({ name: f.name.slice(i + 1), data: f.data });
        }
        sc = loadFiles(buff, { ...options, depth: depth + 1 });
      }
    } catch (e) {
      if (e instanceof ChartLoadError && e.message.startsWith("error unpacking subchart tar in")) throw e;
      throw wrapLoadError(e, `error unpacking subchart ${n} in ${chart.metadata.name}`);
    }
    sc.parent = chart;
    chart.dependencies.push(sc);
  }
  return chart;
}

function decodeLockFile(f: ChartFile, what: string) {
  const doc = parseYamlFile(f, what);
  try {
    return decodeLock(doc);
  } catch (e) {
    throw wrapLoadError(e, `cannot load ${what}: error unmarshaling JSON: while decoding JSON`);
  }
}
