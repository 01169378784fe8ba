/**
 * Deep copies of values trees (Helm's copystructure.Copy): maps and lists are copied, scalars
 * and Go objects shared. Bounded, so that a pathological tree fails cleanly.
 */
import { type GoMap, type GoValue, isGoList, isGoMap, newGoMap } from "../govalue/value.js";

const MAX_DEPTH = 10000;

export function deepCopy(v: GoValue, depth = 0): GoValue {
  if (depth > MAX_DEPTH) throw new Error("values nested too deeply");
  if (isGoList(v)) return v.map((e) => deepCopy(e, depth + 1));
  if (isGoMap(v)) return deepCopyMap(v, depth + 1);
  return v;
}

export function deepCopyMap(m: GoMap, depth = 0): GoMap {
  const out = newGoMap();
  for (const k of Object.keys(m)) out[k] = deepCopy(m[k], depth + 1);
  return out;
}
