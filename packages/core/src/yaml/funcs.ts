/**
 * Helm 4.1.4's encoding functions (pkg/engine/funcs.go) with Helm's error conventions: the
 * to* functions print "" (toToml: the error text) on failure, the from* functions fold the
 * error into their result, mustToYaml returns it.
 */
import { decodeJson, marshalJson } from "../govalue/json.js";
import { GoError, type GoFunc, type GoValue, newGoMap } from "../govalue/value.js";
import { marshalYaml, toYaml } from "./emit.js";
import { toYamlPretty } from "./emit-pretty.js";
import { fromYaml, fromYamlArray } from "./from.js";
import { fromToml, toToml } from "./toml.js";

const ANY = "interface {}";

function toJson(v: GoValue): string {
  try {
    return marshalJson(v);
  } catch (e) {
    if (e instanceof GoError) return "";
    throw e;
  }
}

/**
 * Helm's fromJson: json.Unmarshal into a map; the partial map gets an `Error` key on failure.
 * JSON `null` leaves Go's map nil (printed by toJson as null).
 */
function fromJson(text: string): GoValue {
  const r = decodeJson(text, { into: "map" });
  if ((r.value === null || r.value === undefined) && r.error === undefined) return null;
  const m = r.value !== undefined && r.value !== null && typeof r.value === "object" ? r.value : newGoMap();
  if (r.error !== undefined) (m as Record<string, GoValue>).Error = r.error;
  return m;
}

/** Helm's fromJsonArray: on failure a one-element list holding the message. */
function fromJsonArray(text: string): GoValue {
  const r = decodeJson(text, { into: "slice" });
  if (r.error !== undefined) return [r.error];
  if (r.value === null || r.value === undefined) return null;
  return Array.isArray(r.value) ? r.value : [];
}

function mustToYaml(v: GoValue): string {
  return marshalYaml(v).replace(/\n$/, "");
}

export const encodingFuncs: Record<string, GoFunc> = {
  toYaml: { params: [ANY], fn: (v) => toYaml(v) },
  mustToYaml: { params: [ANY], fn: (v) => mustToYaml(v) },
  toYamlPretty: { params: [ANY], fn: (v) => toYamlPretty(v) },
  fromYaml: { params: ["string"], fn: (s) => fromYaml(s as string) },
  fromYamlArray: { params: ["string"], fn: (s) => fromYamlArray(s as string) },
  toJson: { params: [ANY], fn: (v) => toJson(v) },
  fromJson: { params: ["string"], fn: (s) => fromJson(s as string) },
  fromJsonArray: { params: ["string"], fn: (s) => fromJsonArray(s as string) },
  toToml: { params: [ANY], fn: (v) => toToml(v) },
  fromToml: { params: ["string"], fn: (s) => fromToml(s as string) },
};
