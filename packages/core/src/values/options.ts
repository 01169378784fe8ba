/**
 * The user's values, as Helm's pkg/cli/values Options.MergeValues builds them: `-f` files in
 * order (maps merged, the later file winning), then `--set-json`, `--set`, `--set-string`,
 * `--set-file` and `--set-literal` lines, each parsed into the same map.
 */
import { type GoMap, type GoValue, isGoMap, newGoMap } from "../govalue/value.js";
import { parseYaml } from "../yaml/parse.js";
import { applySetFlags, type SetFlags, ValuesError } from "./set-flags.js";

export { ValuesError };

/** The values flags of `helm template/install`, each in the order given. */
export interface ValueOptions extends SetFlags {
  /** `-f/--values` file paths (or `-` for stdin). */
  valueFiles?: string[];
}

/** File access for `-f` and `--set-file`; throws Error with Go's text (`open X: no such file or directory`). */
export interface ValuesReader {
  readFile(path: string): Uint8Array;
}

const decoder = new TextDecoder();

function goTypeOfJson(v: GoValue): string {
  if (Array.isArray(v)) return "array";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  return "number";
}

/**
 * A `-f` file's text as sigs.k8s.io/yaml unmarshals it into map[string]interface{}:
 * empty or null gives an empty map, any other non-map top level is Go's JSON type error.
 */
export function parseValuesFile(path: string, text: string): GoMap {
  let doc: GoValue;
  try {
    doc = parseYaml(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new ValuesError(`failed to parse ${path}: cannot unmarshal yaml document: ${msg}`);
  }
  if (doc === null || doc === undefined) return newGoMap();
  if (isGoMap(doc)) return doc;
  throw new ValuesError(
    `failed to parse ${path}: cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${goTypeOfJson(doc)} into Go value of type map[string]interface {}`,
  );
}

/** Helm's mergeMaps: maps merge recursively, anything else from `b` replaces. */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out = newGoMap();
  for (const k of Object.keys(a)) out[k] = a[k];
  for (const k of Object.keys(b)) {
    const bv = b[k];
    const av = out[k];
    if (isGoMap(bv) && Object.hasOwn(out, k) && isGoMap(av)) {
      out[k] = mergeMaps(av, bv);
      continue;
    }
    out[k] = bv;
  }
  return out;
}

/** Builds the user-supplied values map (Helm's Options.MergeValues). Throws ValuesError. */
export function mergeUserValues(opts: ValueOptions, reader: ValuesReader): GoMap {
  let base = newGoMap();
  for (const path of opts.valueFiles ?? []) {
    let bytes: Uint8Array;
    try {
      bytes = reader.readFile(path);
    } catch (e) {
      throw new ValuesError(e instanceof Error ? e.message : String(e));
    }
    base = mergeMaps(base, parseValuesFile(path, decoder.decode(bytes)));
  }
  const readFile = (p: string): string => decoder.decode(reader.readFile(p));
  applySetFlags(base, opts, readFile);
  return base;
}
