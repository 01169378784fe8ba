/**
 * Helm's toYamlPretty (Helm 3.17+): go-yaml v3's Encoder with SetIndent(2) over the Go value
 * itself (no JSON round trip, so a float64 1000000 prints as 1e+06).
 */
import { GoError, GoObject, type GoValue, isGoMap } from "../govalue/value.js";
import { emitDocument, goYamlKeyLess, type Node } from "./emit.js";

/** go-yaml v3's key order: v2's, except that after a digit a letter sorts before a non-letter. */
export function keyLessV3(a: string, b: string): boolean {
  return goYamlKeyLess(a, b, true);
}

function toNode(v: GoValue, depth: number): Node {
  if (depth > 1000) throw new GoError("yaml: value nested deeper than 1000 levels");
  if (v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return { float: v };
  if (typeof v === "bigint") return { int: v };
  if (v instanceof Uint8Array) return Array.from(v, (b) => ({ int: BigInt(b) }));
  if (Array.isArray(v)) return v.map((e) => toNode(e, depth + 1));
  if (v instanceof GoObject) {
    const plain = v.marshalValue() ?? v.asMap() ?? v.asList();
    return plain === undefined ? v.format() : toNode(plain, depth + 1);
  }
  if (isGoMap(v)) {
    const keys = Object.keys(v).sort((a, b) => (keyLessV3(a, b) ? -1 : keyLessV3(b, a) ? 1 : 0));
    return { entries: keys.map((k) => [k, toNode(v[k], depth + 1)] as const) };
  }
  return null;
}

/** Helm's toYamlPretty: "" on error, trailing newline trimmed. */
export function toYamlPretty(v: GoValue): string {
  try {
    return emitDocument(toNode(v, 0), { v3: true }).replace(/\n$/, "");
  } catch (e) {
    if (e instanceof GoError) return "";
    throw e;
  }
}
