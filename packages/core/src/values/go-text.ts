/**
 * The few bits of Go's fmt/strconv text that Helm's values errors print: `%q` of a string and
 * of a []rune, and the dynamic type names of values in a panic message.
 */
import { type GoValue, isGoList, isGoMap } from "../govalue/value.js";

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
function isPrint(r: string): boolean {
  return r === " " || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(r);
}

function escapeRune(r: string, quote: string): string {
  if (r === quote || r === "\\") return `\\${r}`;
  if (isPrint(r)) return r;
  switch (r) {
    case "\x07":
      return "\\a";
    case "\b":
      return "\\b";
    case "\f":
      return "\\f";
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
    case "\v":
      return "\\v";
  }
  const cp = r.codePointAt(0) as number;
  if (cp < 0x80) return `\\x${cp.toString(16).padStart(2, "0")}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, "0")}`;
  return `\\U${cp.toString(16).padStart(8, "0")}`;
}

/** strconv.Quote (what `%q` prints for a string). */
export function goQuote(s: string): string {
  let out = '"';
  for (const r of s) out += escapeRune(r, '"');
  return `${out}"`;
}

/** `%q` of a []rune: each rune quoted as a Go rune literal, in brackets. */
export function goQuoteRunes(s: string): string {
  return `[${Array.from(s, (r) => `'${escapeRune(r, "'")}'`).join(" ")}]`;
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
