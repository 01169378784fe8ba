/** Small constructors for GoFunc values, so each family file reads like Sprig's map. */
import type { GoFunc, GoValue } from "../../../govalue/value.js";

// biome-ignore lint/suspicious/noExplicitAny: bodies receive arguments already converted to their Go types
type Body = (...args: any[]) => GoValue;

/** A Go function with fixed parameters, e.g. `goFunc(["int", "string"], trunc)`. */
export function goFunc(params: readonly string[], fn: Body): GoFunc {
  return { params, fn };
}

/** A Go function whose last parameter is `...T`; the variadic arguments arrive spread. */
export function goVariadic(params: readonly string[], variadic: string, fn: Body): GoFunc {
  return { params, variadic, fn };
}

/** A Go `int` parameter (bigint) as a JS number for indexing and counting. */
export function intArg(v: bigint): number {
  return Number(v);
}
