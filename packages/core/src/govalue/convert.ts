/**
 * spf13/cast 1.5 conversions as Sprig calls them (`int`, `int64`, `float64`, arithmetic
 * operands, ...), plus Sprig's own `strval`. The `...E` forms throw cast's error; the plain
 * forms return the zero value on error, as cast.ToX does and Sprig relies on.
 */
import { sprintf } from "./fmt.js";
import { formatFloat, parseGoFloat, parseGoInt } from "./strconv.js";
import { goTypeName } from "./typeof.js";
import { GoError, GoObject, type GoValue } from "./value.js";

const INT64_MIN = -(1n << 63n);
const TWO63 = 2 ** 63;

/**
 * Go's float64 -> int64 conversion on amd64 (what Helm's release builds run): truncation toward
 * zero; NaN and values out of range give the "integer indefinite" value, -2^63.
 */
export function floatToInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= TWO63 || f < -TWO63) return INT64_MIN;
  return BigInt(Math.trunc(f));
}

function castError(v: GoValue, target: string): GoError {
  return new GoError(`unable to cast ${sprintf("%#v", [v])} of type ${goTypeName(v)} to ${target}`);
}

/** cast's trimZeroDecimal: "1.0" and "1.00" read as "1" (but "1.5" stays and fails ParseInt). */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    switch (s[i - 1]) {
      case ".":
        if (foundZero) return s.slice(0, i - 1);
        break;
      case "0":
        foundZero = true;
        break;
      default:
        return s;
    }
  }
  return s;
}

/** cast.ToInt64E. Strings read with Go's base prefixes (`0x10`, `0b1`, `0o7`, and `010` octal). */
export function toInt64E(v: GoValue): bigint {
  if (v === undefined || v === null) return 0n;
  switch (typeof v) {
    case "bigint":
      return BigInt.asIntN(64, v);
    case "number":
      return floatToInt64(v);
    case "boolean":
      return v ? 1n : 0n;
    case "string":
      try {
        return parseGoInt(trimZeroDecimal(v), 0, 0);
      } catch {
        throw castError(v, "int64");
      }
  }
  throw castError(v, "int64");
}

/** cast.ToInt64: 0 when the value does not convert. */
export function toInt64(v: GoValue): bigint {
  try {
    return toInt64E(v);
  } catch {
    return 0n;
  }
}

/**
 * cast.ToIntE: Go's int is 64 bits wide on Helm's platforms, so the same rules as int64. cast 1.5
 * names a bad string's failure "to int64" (as ToInt64E does) and other kinds' "to int".
 */
export function toIntE(v: GoValue): bigint {
  try {
    return toInt64E(v);
  } catch (e) {
    throw e instanceof GoError && typeof v !== "string" ? castError(v, "int") : e;
  }
}

/** cast.ToInt: 0 when the value does not convert. */
export function toInt(v: GoValue): bigint {
  return toInt64(v);
}

/** cast.ToFloat64E: strings through strconv.ParseFloat (Go syntax, no surrounding spaces). */
export function toFloat64E(v: GoValue): number {
  if (v === undefined || v === null) return 0;
  switch (typeof v) {
    case "number":
      return v;
    case "bigint":
      return Number(BigInt.asIntN(64, v));
    case "boolean":
      return v ? 1 : 0;
    case "string":
      try {
        return parseGoFloat(v);
      } catch {
        throw castError(v, "float64");
      }
  }
  throw castError(v, "float64");
}

/** cast.ToFloat64: 0 when the value does not convert. */
export function toFloat64(v: GoValue): number {
  try {
    return toFloat64E(v);
  } catch {
    return 0;
  }
}

/** strconv.ParseBool's accepted spellings. */
const BOOL_STRINGS: Record<string, boolean> = {
  "1": true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  "0": false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false,
};

/** cast.ToBoolE: bools, nil, ints (non-zero), and strconv.ParseBool strings; floats are errors. */
export function toBoolE(v: GoValue): boolean {
  if (v === undefined || v === null) return false;
  switch (typeof v) {
    case "boolean":
      return v;
    case "bigint":
      return v !== 0n;
    case "string": {
      const b = BOOL_STRINGS[v];
      if (b === undefined) throw new GoError(`strconv.ParseBool: parsing ${sprintf("%q", [v])}: invalid syntax`);
      return b;
    }
  }
  throw castError(v, "bool");
}

/** cast.ToBool: false when the value does not convert. */
export function toBool(v: GoValue): boolean {
  try {
    return toBoolE(v);
  } catch {
    return false;
  }
}

/** cast.ToStringE: floats with 'f' shortest (1e+06 becomes "1000000"), nil as "". */
export function toStringE(v: GoValue): string {
  if (v === undefined || v === null) return "";
  switch (typeof v) {
    case "string":
      return v;
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return formatFloat(v, "f", -1);
    case "bigint":
      return v.toString();
  }
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  if (v instanceof GoObject) return v.format();
  throw castError(v, "string");
}

/** cast.ToString: "" when the value does not convert. */
export function toCastString(v: GoValue): string {
  try {
    return toStringE(v);
  } catch {
    return "";
  }
}

/**
 * Sprig's strval (behind `toString`, `cat`, `join`...): strings and []byte as text, Stringers
 * through String(), anything else as fmt's %v (so nil is "<nil>" and 1e6 is "1e+06").
 */
export function strval(v: GoValue): string {
  if (typeof v === "string") return v;
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  if (v instanceof GoObject) return v.format();
  return sprintf("%v", [v]);
}
