/** fmt's %#v for the dynamic values go-yaml v2 decodes, as its error messages print them. */
import { formatFloat, quote } from "../govalue/strconv.js";

export type SharpValue =
  | null
  | string
  | boolean
  | { readonly int: bigint }
  | { readonly float: number }
  | { readonly list: readonly SharpValue[] }
  | { readonly map: readonly (readonly [SharpValue, SharpValue])[] };

function inner(v: SharpValue): string {
  if (v === null) return "interface {}(nil)";
  if (typeof v === "string") return quote(v);
  if (typeof v === "boolean") return String(v);
  if ("int" in v) return v.int.toString();
  if ("float" in v) return formatFloat(v.float, "g", -1, 64);
  if ("list" in v) return `[]interface {}{${v.list.map(inner).join(", ")}}`;
  const entries = v.map.map(([k, val]) => [inner(k), inner(val)] as const);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `map[interface {}]interface {}{${entries.map(([k, val]) => `${k}:${val}`).join(", ")}}`;
}

export function goSharpV(v: SharpValue): string {
  return inner(v);
}
