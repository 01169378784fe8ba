/** Sprig's defaults.go (default, empty, coalesce, all, any, ternary) and reflect.go. */
import type { GoFunc, GoValue } from "../../../govalue/value.js";
import { goFunc, goVariadic } from "./gofunc.js";
import { deepEqual, isEmpty, kindName, typeName } from "./reflect.js";

function dfault(d: GoValue, ...given: GoValue[]): GoValue {
  // `empty(given)` on the variadic slice itself: no piped value means the default.
  if (given.length === 0 || isEmpty(given[0])) return d;
  return given[0];
}

export const defaultFuncs: Record<string, GoFunc> = {
  default: goVariadic(["interface {}"], "interface {}", dfault),
  empty: goFunc(["interface {}"], isEmpty),
  coalesce: goVariadic([], "interface {}", (...v: GoValue[]) => v.find((x) => !isEmpty(x)) ?? null),
  all: goVariadic([], "interface {}", (...v: GoValue[]) => v.every((x) => !isEmpty(x))),
  any: goVariadic([], "interface {}", (...v: GoValue[]) => v.some((x) => !isEmpty(x))),
  ternary: goFunc(["interface {}", "interface {}", "bool"], (t: GoValue, f: GoValue, c: boolean) => (c ? t : f)),
  typeOf: goFunc(["interface {}"], typeName),
  typeIs: goFunc(["string", "interface {}"], (t: string, v: GoValue) => t === typeName(v)),
  typeIsLike: goFunc(["string", "interface {}"], (t: string, v: GoValue) => {
    const n = typeName(v);
    return t === n || `*${t}` === n;
  }),
  kindOf: goFunc(["interface {}"], kindName),
  kindIs: goFunc(["string", "interface {}"], (t: string, v: GoValue) => t === kindName(v)),
  deepEqual: goFunc(["interface {}", "interface {}"], (a: GoValue, b: GoValue) => deepEqual(a, b)),
};
