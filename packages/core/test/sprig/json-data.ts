/** Fixture data is JSON read the way Helm reads values: every number is a float64. */
import { type GoValue, newGoMap } from "../../src/govalue/value.js";

export function jsonToGo(v: unknown): GoValue {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map(jsonToGo);
  if (typeof v === "object") {
    return newGoMap(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, jsonToGo(x)]));
  }
  return v as GoValue;
}
