/**
 * The bits of Go's fmt text that Helm's values errors print beyond strconv.Quote: `%q` of a
 * []rune, and the dynamic type names of values in a panic message (`int64`, `nil`: the names
 * of decoded values, not govalue's goTypeName for template values).
 */
import { quoteRune } from "../govalue/strconv.js";
import { type GoValue, isGoList, isGoMap } from "../govalue/value.js";

/** `%q` of a []rune: each rune quoted as a Go rune literal, in brackets. */
export function goQuoteRunes(s: string): string {
  return `[${Array.from(s, (r) => quoteRune(r.codePointAt(0) as number)).join(" ")}]`;
}

/** The dynamic type of a values-tree node as Go names it in an interface-conversion panic. */
export function goTypeName(v: GoValue): string {
  if (v === null || v === undefined) return "nil";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "float64";
  if (typeof v === "bigint") return "int64";
  if (v instanceof Uint8Array) return "[]uint8";
  if (isGoList(v)) return "[]interface {}";
  if (isGoMap(v)) return "map[string]interface {}";
  return v.goType;
}
