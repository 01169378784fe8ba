/**
 * The comparison builtins of text/template (text/template/funcs.go: eq, ne, lt, le, gt, ge),
 * with Go's type rules: ints compare with ints, floats with floats, strings with strings
 * (bytewise), and anything else is an error or, for eq, a comparison of nillable values.
 */

import { sprintf } from "../govalue/fmt.js";
import { compareGoStrings } from "../govalue/printer.js";
import { goTypeName } from "../govalue/typeof.js";
import { GoError, GoObject, type GoValue, isGoMap } from "../govalue/value.js";
import { Complex } from "./complex.js";

enum Kind {
  Invalid = 0,
  Bool,
  Int,
  Float,
  Complex,
  String,
}

export const errBadComparisonType = "invalid type for comparison";
export const errBadComparison = "incompatible types for comparison";
export const errNoComparison = "missing argument for comparison";

/** Since Go 1.2x the mismatch names both types. */
function badComparison(a: GoValue, b: GoValue): GoError {
  return new GoError(`${errBadComparison}: ${goTypeName(a)} and ${goTypeName(b)}`);
}

function basicKind(v: GoValue): Kind {
  switch (typeof v) {
    case "boolean":
      return Kind.Bool;
    case "bigint":
      return Kind.Int;
    case "number":
      return Kind.Float;
    case "string":
      return Kind.String;
  }
  if (v instanceof Complex) return Kind.Complex;
  return Kind.Invalid;
}

/** reflect.Kind of a non-basic value, for eq's nil and comparability rules. */
function reflectKind(v: GoValue): "invalid" | "map" | "slice" | "ptr" | "struct" {
  if (v === undefined || v === null) return "invalid";
  if (Array.isArray(v) || v instanceof Uint8Array) return "slice";
  if (v instanceof GoObject) {
    if (v.goType.startsWith("*")) return "ptr";
    if (v.asMap() !== undefined) return "map";
    if (v.asList() !== undefined) return "slice";
    return "struct";
  }
  if (isGoMap(v)) return "map";
  return "struct";
}

/** eq(arg1, arg2...): true if arg1 equals any of arg2. */
export function eq(arg1: GoValue, ...arg2: GoValue[]): boolean {
  arg1 = arg1 ?? undefined;
  if (arg2.length === 0) throw new GoError(errNoComparison);
  const k1 = basicKind(arg1);
  for (let arg of arg2) {
    arg = arg ?? undefined;
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (arg1 !== undefined && arg !== undefined) throw badComparison(arg1, arg);
    } else {
      switch (k1) {
        case Kind.Bool:
        case Kind.Int:
        case Kind.Float:
          truth = arg1 === arg;
          break;
        case Kind.String:
          truth = arg1 === arg;
          break;
        case Kind.Complex:
          truth = (arg1 as Complex).re === (arg as Complex).re && (arg1 as Complex).im === (arg as Complex).im;
          break;
        default: {
          const r1 = reflectKind(arg1);
          const r2 = reflectKind(arg);
          if (r1 !== r2 && r1 !== "invalid" && r2 !== "invalid") {
            throw new GoError(
              sprintf("non-comparable types %s: %v, %s: %v", [arg1, goTypeName(arg1), goTypeName(arg), arg]),
            );
          }
          if (arg1 === undefined || arg === undefined) {
            truth = arg1 === arg;
          } else {
            if (r2 === "map" || r2 === "slice") {
              throw new GoError(sprintf("non-comparable type %s: %v", [arg, goTypeName(arg)]));
            }
            truth = arg1 === arg;
          }
        }
      }
    }
    if (truth) return true;
  }
  return false;
}

export function ne(arg1: GoValue, arg2: GoValue): boolean {
  return !eq(arg1, arg2);
}

export function lt(arg1: GoValue, arg2: GoValue): boolean {
  arg1 = arg1 ?? undefined;
  const k1 = basicKind(arg1);
  if (k1 === Kind.Invalid) throw new GoError(errBadComparisonType);
  arg2 = arg2 ?? undefined;
  const k2 = basicKind(arg2);
  if (k2 === Kind.Invalid) throw new GoError(errBadComparisonType);
  if (k1 !== k2) throw badComparison(arg1, arg2);
  switch (k1) {
    case Kind.Bool:
    case Kind.Complex:
      throw new GoError(errBadComparisonType);
    case Kind.Float:
    case Kind.Int:
      return (arg1 as number) < (arg2 as number);
    default:
      return compareGoStrings(arg1 as string, arg2 as string) < 0;
  }
}

export function le(arg1: GoValue, arg2: GoValue): boolean {
  if (lt(arg1, arg2)) return true;
  return eq(arg1, arg2);
}

export function gt(arg1: GoValue, arg2: GoValue): boolean {
  return !le(arg1, arg2);
}

export function ge(arg1: GoValue, arg2: GoValue): boolean {
  return !lt(arg1, arg2);
}
