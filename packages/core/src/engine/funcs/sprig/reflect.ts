/**
 * Go's reflection as Sprig uses it: `%T` type names, reflect kinds, emptiness and
 * reflect.DeepEqual over the shared Go value model.
 */
import { goKindName, goTypeName } from "../../../govalue/typeof.js";
import { type GoMap, GoObject, type GoValue, isGoMap } from "../../../govalue/value.js";

/**
 * Go types of the slices and maps Sprig builds that are not []interface{} / map[string]interface{}
 * ([]string from splitList, map[string]string from split, [][]interface{} from chunk, []int from
 * until): remembered per object so that typeOf/typeIs report them.
 */
const sprigTypes = new WeakMap<object, string>();

export function withGoType<T extends GoValue[] | GoMap>(v: T, goType: string): T {
  sprigTypes.set(v, goType);
  return v;
}

/** fmt's %T (a Go int and int64 are both bigint here and print as `int`). */
export function typeName(v: GoValue): string {
  if (typeof v === "object" && v !== null) {
    const t = sprigTypes.get(v);
    if (t !== undefined) return t;
  }
  return goTypeName(v);
}

/** reflect.Value.Kind().String(). */
export function kindName(v: GoValue): string {
  return goKindName(v);
}

/** Values whose reflect kind is slice or array, as a JS array (Sprig's list functions accept any). */
export function asSlice(v: GoValue): GoValue[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v, (b) => BigInt(b));
  if (v instanceof GoObject) return v.asList();
  return undefined;
}

/** Sprig's `empty`: the zero value of its type (structs are never empty). */
export function isEmpty(v: GoValue): boolean {
  if (v === undefined || v === null) return true;
  switch (typeof v) {
    case "string":
      return v.length === 0;
    case "boolean":
      return !v;
    case "number":
      return v === 0;
    case "bigint":
      return v === 0n;
  }
  if (v instanceof Uint8Array || Array.isArray(v)) return v.length === 0;
  if (v instanceof GoObject) {
    const l = v.asList();
    if (l) return l.length === 0;
    const m = v.asMap();
    if (m && kindName(v) === "map") return Object.keys(m).length === 0;
    return false;
  }
  return Object.keys(v).length === 0;
}

/** reflect.DeepEqual: same dynamic types and deeply equal contents. */
export function deepEqual(a: GoValue, b: GoValue, depth = 0): boolean {
  if (depth > 10_000) return false;
  if (a === undefined || a === null) return b === undefined || b === null;
  if (b === undefined || b === null) return false;
  if (typeof a !== "object" || typeof b !== "object") {
    if (typeof a !== typeof b) return false;
    if (typeof a === "number") return a === b; // NaN != NaN, as in Go
    return a === b;
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length) return false;
    return a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b)) || a.length !== b.length) return false;
    if (a === b) return true;
    return a.every((x, i) => deepEqual(x, b[i], depth + 1));
  }
  if (a instanceof GoObject || b instanceof GoObject) {
    if (a === b) return true;
    return a instanceof GoObject && b instanceof GoObject && a.goType === b.goType && a.format() === b.format();
  }
  if (isGoMap(a) && isGoMap(b)) {
    if (a === b) return true;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k], depth + 1));
  }
  return false;
}
