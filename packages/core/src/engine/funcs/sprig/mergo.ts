/**
 * dario.cat/mergo v1 as Sprig's merge/mergeOverwrite call it on map[string]interface{}:
 * nested maps merge in place, "empty" destination values (0, "", false, empty lists and maps,
 * nil) are replaced, and with overwrite every source value (even an empty one) wins.
 */
import { GoError, type GoMap, GoObject, type GoValue, isGoMap } from "../../../govalue/value.js";
import { isEmpty } from "./reflect.js";

const MAX_DEPTH = 10_000;

const isMap = (v: GoValue): v is GoMap => v !== null && v !== undefined && isGoMap(v);

export function mergeMaps(dst: GoMap, src: GoMap, overwrite: boolean, depth = 0): void {
  if (depth > MAX_DEPTH) return;
  for (const key of Object.keys(src)) {
    const s = src[key];
    const had = Object.hasOwn(dst, key);
    const d = dst[key];
    if (s === null || s === undefined) {
      if (overwrite) dst[key] = null;
      continue;
    }
    if (isMap(s)) {
      if (had && isMap(d)) mergeMaps(d, s, overwrite, depth + 1);
    } else if (Array.isArray(s)) {
      // mergo tests the emptiness of the whole maps here, not of the elements.
      let next: GoValue = !had || d === null || d === undefined ? [] : d;
      if (!isEmpty(src) && (overwrite || isEmpty(dst))) next = s;
      dst[key] = next;
    }
    if (had && !isEmpty(d)) {
      if (Array.isArray(s)) continue;
      if (isMap(s) && isMap(d)) continue;
    }
    if (overwrite || !had || isEmpty(d)) dst[key] = s;
  }
}

/** copystructure.Copy for Go values: maps and slices are copied deeply, the rest shared. */
export function deepCopyValue(v: GoValue, depth = 0): GoValue {
  if (depth === 0 && (v === null || v === undefined)) {
    throw new GoError("reflect: call of reflect.Value.Type on zero Value");
  }
  if (depth > MAX_DEPTH) return v;
  if (Array.isArray(v)) return v.map((x) => deepCopyValue(x, depth + 1));
  if (v instanceof Uint8Array) return Uint8Array.from(v);
  if (v instanceof GoObject || v === null || typeof v !== "object") return v;
  const out = Object.create(null) as GoMap;
  for (const k of Object.keys(v)) out[k] = deepCopyValue(v[k], depth + 1);
  return out;
}
