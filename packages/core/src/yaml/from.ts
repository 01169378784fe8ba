/**
 * Helm's fromYaml/fromYamlArray/fromJson/fromJsonArray: sigs.k8s.io/yaml.Unmarshal (or
 * encoding/json) into a map or a slice, errors folded into the result as Helm does.
 */
import { GoError, type GoValue, isGoMap, newGoMap } from "../govalue/value.js";
import { parseYaml } from "./parse.js";

/** The JSON type names encoding/json uses in "cannot unmarshal X into ..." errors. */
function jsonKind(v: GoValue): string {
  if (typeof v === "string") return "string";
  if (typeof v === "number" || typeof v === "bigint") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "array";
  return "object";
}

const MAP_TYPE = "map[string]interface {}";
const SLICE_TYPE = "[]interface {}";

function mismatch(v: GoValue, target: string): GoError {
  return new GoError(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type ${target}`,
  );
}

/** sigs.k8s.io/yaml.Unmarshal into map[string]interface{}; `null` documents leave the map empty. */
export function unmarshalYamlMap(text: string): Record<string, GoValue> {
  const v = parseYaml(text);
  if (v === null) return newGoMap();
  if (!isGoMap(v)) throw mismatch(v, MAP_TYPE);
  return v;
}

/** sigs.k8s.io/yaml.Unmarshal into []interface{}. */
export function unmarshalYamlList(text: string): GoValue[] {
  const v = parseYaml(text);
  if (v === null) return [];
  if (!Array.isArray(v)) throw mismatch(v, SLICE_TYPE);
  return v;
}

/** Helm's fromYaml: on error, a map holding only `Error`. */
export function fromYaml(text: string): Record<string, GoValue> {
  try {
    return unmarshalYamlMap(text);
  } catch (e) {
    if (e instanceof GoError) return newGoMap([["Error", e.message]]);
    throw e;
  }
}

/** Helm's fromYamlArray: on error, a one-element list holding the message. */
export function fromYamlArray(text: string): GoValue[] {
  try {
    return unmarshalYamlList(text);
  } catch (e) {
    if (e instanceof GoError) return [e.message];
    throw e;
  }
}
