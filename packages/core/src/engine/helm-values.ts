/**
 * Helm's `common.Values`: the named map type of every chart's `.Values`. In Go a field lookup
 * on it finds its methods before its keys, so `.Values.AsMap`, `.Values.YAML`,
 * `.Values.Table "a.b"` and `.Values.PathValue "a.b"` call methods (cilium's
 * `dig "x" "" .Values.AsMap`). The maps stay plain GoMaps for every function that takes a
 * map; only the executor asks whether a map is one of these.
 */
import { GoError, type GoFunc, type GoMap, newGoMap } from "../govalue/value.js";
import { NoTableError, pathValue, valuesTable } from "../values/table.js";
import { marshalYaml } from "../yaml/emit.js";

const valuesMaps = new WeakSet<GoMap>();

/** Marks `m` as a common.Values (a chart's `.Values`) and returns it. */
export function asHelmValues(m: GoMap): GoMap {
  valuesMaps.add(m);
  return m;
}

export function isHelmValues(m: GoMap): boolean {
  return valuesMaps.has(m);
}

function goErrorOf(e: unknown): GoError {
  return e instanceof GoError ? e : new GoError((e as Error).message);
}

/** The method `name` of common.Values bound to `m`, or undefined (then `name` is a key). */
export function helmValuesMethod(m: GoMap, name: string): GoFunc | undefined {
  switch (name) {
    case "AsMap":
      // A nil or empty Values gives a new empty map.
      return { params: [], fn: () => (Object.keys(m).length === 0 ? newGoMap() : m) };
    case "YAML":
      return {
        params: [],
        fn: () => {
          try {
            return marshalYaml(m);
          } catch (e) {
            throw goErrorOf(e);
          }
        },
      };
    case "Table":
      return {
        params: ["string"],
        fn: (path) => {
          try {
            return asHelmValues(valuesTable(m, path as string));
          } catch (e) {
            if (e instanceof NoTableError) throw new GoError(e.message);
            throw e;
          }
        },
      };
    case "PathValue":
      return {
        params: ["string"],
        fn: (path) => {
          try {
            return pathValue(m, path as string);
          } catch (e) {
            throw goErrorOf(e);
          }
        },
      };
    case "Encode":
      return { params: ["io.Writer"], fn: () => null };
    default:
      return undefined;
  }
}
