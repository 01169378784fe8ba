/**
 * The entry point `helm template CHART` goes through for a local chart: decide directory vs
 * archive, read Chart.yaml's apiVersion first (Helm 4 picks a chart-API loader by it: v1 and
 * v2 load, v3 needs an experimental gate, anything else is refused), then load.
 * The messages are those `helm template` prints for each failure.
 */
import { readFileSync, type Stats, statSync } from "node:fs";
import path from "node:path";
import type { GoValue } from "../govalue/value.js";
import { isGoMap } from "../govalue/value.js";
import { ChartLoadError } from "./errors.js";
import { decodeStruct, type GoStructSpec } from "./go-json-decode.js";
import { type ArchiveLimits, defaultArchiveLimits, loadArchiveFiles } from "./load-archive.js";
import { type DirLoadOptions, loadDir } from "./load-dir.js";
import { loadFiles } from "./load-files.js";
import type { Chart, ChartFile } from "./model.js";
import { parseTypedYaml } from "./yaml-typed.js";

const chartBaseSpec: GoStructSpec = {
  name: "chartBase",
  qualified: "loader.chartBase",
  fields: { apiVersion: { kind: "string" } },
};

/** Helm 4's apiVersion dispatch over Chart.yaml bytes. */
export function checkChartApiVersion(chartYaml: Uint8Array): void {
  let doc: GoValue;
  try {
    doc = parseTypedYaml(new TextDecoder().decode(stripBom(chartYaml)));
  } catch (e) {
    throw new ChartLoadError(`cannot load Chart.yaml: ${(e as Error).message}`);
  }
  let apiVersion = "";
  try {
    if (doc !== null && !isGoMap(doc)) decodeStruct(doc, chartBaseSpec);
    apiVersion = String(decodeStruct(doc, chartBaseSpec).apiVersion ?? "");
  } catch (e) {
    throw new ChartLoadError(
      `cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: ${(e as Error).message}`,
    );
  }
  switch (apiVersion) {
    case "":
    case "v1":
    case "v2":
      return;
    case "v3":
      throw new ChartLoadError("invalid chart apiVersion");
    default:
      throw new ChartLoadError("unsupported chart version");
  }
}

function stripBom(d: Uint8Array): Uint8Array {
  return d[0] === 0xef && d[1] === 0xbb && d[2] === 0xbf ? d.subarray(3) : d;
}

export interface LoadChartOptions extends DirLoadOptions {
  readonly limits?: ArchiveLimits;
}

/** Loads a chart directory or `.tgz` file like `helm template PATH` does. */
export async function loadChart(chartPath: string, options: LoadChartOptions = {}): Promise<Chart> {
  const abs = path.resolve(chartPath);
  // Synchronous reads, as in load-dir.ts: cheaper than fs/promises' round trips.
  let st: Stats;
  try {
    st = statSync(abs);
  } catch {
    throw new ChartLoadError(`path "${chartPath}" not found`);
  }
  if (st.isDirectory()) {
    const cy = path.join(abs, "Chart.yaml");
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(cy);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === "ENOENT" ? "no such file or directory" : code === "EISDIR" ? "is a directory" : "permission denied";
      throw new ChartLoadError(`unable to detect chart at ${cy}: open ${cy}: ${why}`);
    }
    checkChartApiVersion(bytes);
    return loadDir(abs, options);
  }
  const bytes = new Uint8Array(readFileSync(abs));
  return loadArchiveBytesAsTemplate(bytes, abs, options.limits ?? defaultArchiveLimits);
}

/**
 * `helm template some.tgz`: Helm first sniffs the content type, then reads the archive to
 * find Chart.yaml; any failure of that read is reported as "unable to load chart archive"
 * (the precise reason is kept as the error's cause).
 */
function loadArchiveBytesAsTemplate(bytes: Uint8Array, absName: string, limits: ArchiveLimits): Chart {
  ensureArchive(bytes, absName);
  let files: ChartFile[];
  try {
    files = loadArchiveFiles(bytes, limits);
  } catch (e) {
    throw new ChartLoadError("unable to load chart archive", { cause: e });
  }
  const cy = files.find((f) => f.name === "Chart.yaml");
  if (!cy) throw new ChartLoadError("unable to detect chart version, no Chart.yaml found");
  checkChartApiVersion(cy.data);
  return loadFiles(files, { unpackArchive: (b) => loadArchiveFiles(b, limits) });
}

/** Helm's ensureArchive: a friendlier error when the file is not gzip at all. */
export function ensureArchive(bytes: Uint8Array, name: string): void {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08) return;
  if (name.endsWith(".yml") || name.endsWith(".yaml")) {
    throw new ChartLoadError(`file '${name}' seems to be a YAML file, but expected a gzipped archive`);
  }
  throw new ChartLoadError(`file '${name}' does not appear to be a gzipped archive; got '${detectContentType(bytes)}'`);
}

/**
 * The part of Go's http.DetectContentType that matters here. Go sniffs a 512-byte buffer
 * that Helm zero-fills, so a short text file still looks binary.
 */
function detectContentType(bytes: Uint8Array): string {
  const buf = new Uint8Array(512);
  buf.set(bytes.subarray(0, 512));
  for (const b of buf) {
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f))
      return "application/octet-stream";
  }
  return "text/plain; charset=utf-8";
}
