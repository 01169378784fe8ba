/**
 * text/template's truth (`if`, `with`, `and`, `or`, `not`): a value is true unless it is its
 * type's zero value (so "0" is true, and NaN, which is not equal to zero, is true).
 */
import { GoObject, type GoValue } from "./value.js";

/** template.IsTrue(v): false for nil, no value, false, 0, "", and empty slices and maps. */
export function isTrue(v: GoValue): boolean {
  if (v === undefined || v === null) return false;
  switch (typeof v) {
    case "boolean":
      return v;
    case "number":
      return v !== 0; // NaN != 0, so NaN is true as in Go
    case "bigint":
      return v !== 0n;
    case "string":
      return v.length > 0;
  }
  if (v instanceof Uint8Array) return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof GoObject) {
    // Structs are always true; named maps and slices are true when non-empty.
    if (v.goType.startsWith("*")) return true;
    const m = v.asMap();
    if (m !== undefined) return Object.keys(m).length > 0;
    const l = v.asList();
    if (l !== undefined) return l.length > 0;
    return true;
  }
  for (const _ in v) return true;
  return false;
}
