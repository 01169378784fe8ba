/** Sprig's dict functions (dict.go). Go map iteration order is random; keys/values follow insertion. */
import { GoError, type GoFunc, type GoMap, type GoValue, isGoMap, newGoMap } from "../../../govalue/value.js";
import { goFunc, goVariadic } from "./gofunc.js";
import { deepCopyValue, mergeMaps } from "./mergo.js";
import { typeName, withGoType } from "./reflect.js";
import { strval } from "./strings.js";

const MAP_T = "map[string]interface {}";

function dict(...v: GoValue[]): GoMap {
  const d = newGoMap();
  for (let i = 0; i < v.length; i += 2) d[strval(v[i])] = i + 1 < v.length ? v[i + 1] : "";
  return d;
}

function merge(overwrite: boolean) {
  return (dst: GoMap | null, ...srcs: (GoMap | null)[]): GoValue => {
    const out = dst ?? newGoMap(); // mergo makes a map for a nil destination
    for (const src of srcs) mergeMaps(out, src ?? newGoMap(), overwrite);
    return out;
  };
}

function conversionPanic(v: GoValue, want: string): GoError {
  const t = v === null || v === undefined ? "nil" : typeName(v);
  return new GoError(`interface conversion: interface {} is ${t}, not ${want}`);
}

function asMapOrPanic(v: GoValue): GoMap {
  if (v !== null && v !== undefined && isGoMap(v)) return v;
  throw conversionPanic(v, MAP_T);
}

function dig(...ps: GoValue[]): GoValue {
  if (ps.length < 3) throw new GoError("dig needs at least three arguments");
  let d = asMapOrPanic(ps[ps.length - 1]);
  const def = ps[ps.length - 2];
  const keys = ps.slice(0, -2).map((k) => {
    if (typeof k !== "string") throw conversionPanic(k, "string");
    return k;
  });
  for (let i = 0; ; i++) {
    const k = keys[i];
    if (!Object.hasOwn(d, k)) return def;
    const step = d[k];
    if (i === keys.length - 1) return step;
    d = asMapOrPanic(step);
  }
}

function pick(d: GoMap | null, ...keys: string[]): GoMap {
  const res = newGoMap();
  for (const k of keys) if (d && Object.hasOwn(d, k)) res[k] = d[k];
  return res;
}

function omit(d: GoMap | null, ...keys: string[]): GoMap {
  const drop = new Set(keys);
  const res = newGoMap();
  if (d) for (const k of Object.keys(d)) if (!drop.has(k)) res[k] = d[k];
  return res;
}

const mergeFn = goVariadic([MAP_T], MAP_T, merge(false));
const mergeOverwriteFn = goVariadic([MAP_T], MAP_T, merge(true));
const deepCopyFn = goFunc(["interface {}"], (v: GoValue) => deepCopyValue(v));

export const dictFuncs: Record<string, GoFunc> = {
  dict: goVariadic([], "interface {}", dict),
  get: goFunc([MAP_T, "string"], (d: GoMap | null, k: string) => (d && Object.hasOwn(d, k) ? d[k] : "")),
  set: goFunc([MAP_T, "string", "interface {}"], (d: GoMap | null, k: string, v: GoValue) => {
    if (!d) throw new GoError("assignment to entry in nil map");
    d[k] = v;
    return d;
  }),
  unset: goFunc([MAP_T, "string"], (d: GoMap | null, k: string) => {
    if (d) delete d[k];
    return d;
  }),
  hasKey: goFunc([MAP_T, "string"], (d: GoMap | null, k: string) => d !== null && Object.hasOwn(d, k)),
  pluck: goVariadic(["string"], MAP_T, (k: string, ...ds: GoMap[]) =>
    ds.filter((d) => d && Object.hasOwn(d, k)).map((d) => d[k]),
  ),
  keys: goVariadic([], MAP_T, (...ds: GoMap[]) =>
    withGoType(
      ds.flatMap((d) => Object.keys(d ?? {})),
      "[]string",
    ),
  ),
  pick: goVariadic([MAP_T], "string", pick),
  omit: goVariadic([MAP_T], "string", omit),
  values: goFunc([MAP_T], (d: GoMap | null) => (d ? Object.keys(d).map((k) => d[k]) : [])),
  merge: mergeFn,
  mustMerge: mergeFn,
  mergeOverwrite: mergeOverwriteFn,
  mustMergeOverwrite: mergeOverwriteFn,
  deepCopy: deepCopyFn,
  mustDeepCopy: deepCopyFn,
  dig: goVariadic([], "interface {}", dig),
};
