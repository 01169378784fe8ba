/**
 * Helm's toYamlPretty (Helm 3.17+): go-yaml v3's Encoder with SetIndent(2) over the Go value
 * itself (no JSON round trip, so a float64 1000000 prints as 1e+06).
 */
import { GoError, GoObject, type GoValue, isGoMap } from "../govalue/value.js";
import { emitDocument, type Node } from "./emit.js";

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** go-yaml v3's key order: v2's, except that after a digit a letter sorts before a non-letter. */
export function keyLessV3(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string;
    const bc = br[i] as string;
    if (ac === bc) {
      digits = DIGIT.test(ac);
      continue;
    }
    const al = LETTER.test(ac);
    const bl = LETTER.test(bc);
    if (al && bl) return (ac.codePointAt(0) as number) < (bc.codePointAt(0) as number);
    if (al || bl) return digits ? al : bl;
    let an = 0n;
    let bn = 0n;
    if (ac === "0" || bc === "0") {
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j] as string); j--) {
        if (ar[j] !== "0") {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && DIGIT.test(ar[ai] as string); ai++)
      an = BigInt.asIntN(64, an * 10n + BigInt((ar[ai]?.codePointAt(0) as number) - 48));
    let bi = i;
    for (; bi < br.length && DIGIT.test(br[bi] as string); bi++)
      bn = BigInt.asIntN(64, bn * 10n + BigInt((br[bi]?.codePointAt(0) as number) - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return (ac.codePointAt(0) as number) < (bc.codePointAt(0) as number);
  }
  return ar.length < br.length;
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
