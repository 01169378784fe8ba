/**
 * go-yaml v2's implicit scalar resolution (YAML 1.1 as go-yaml understands it), as a table plus
 * a few number parsers. Both directions use it: the parser to type plain scalars, the emitter to
 * decide whether a string must be quoted so that it reads back as a string.
 */

export type Resolved =
  | { readonly tag: "null" }
  | { readonly tag: "bool"; readonly value: boolean }
  | { readonly tag: "int"; readonly value: bigint }
  | { readonly tag: "float"; readonly value: number }
  | { readonly tag: "timestamp" }
  | { readonly tag: "merge" }
  | { readonly tag: "str" };

const NULL: Resolved = { tag: "null" };
const TRUE: Resolved = { tag: "bool", value: true };
const FALSE: Resolved = { tag: "bool", value: false };
const STR: Resolved = { tag: "str" };

/** The fixed spellings go-yaml v2 looks up before trying numbers. */
const RESOLVE_MAP = new Map<string, Resolved>();
for (const s of ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]) RESOLVE_MAP.set(s, TRUE);
for (const s of ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]) RESOLVE_MAP.set(s, FALSE);
for (const s of ["", "~", "null", "Null", "NULL"]) RESOLVE_MAP.set(s, NULL);
for (const s of [".nan", ".NaN", ".NAN"]) RESOLVE_MAP.set(s, { tag: "float", value: Number.NaN });
for (const s of [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"])
  RESOLVE_MAP.set(s, { tag: "float", value: Number.POSITIVE_INFINITY });
for (const s of ["-.inf", "-.Inf", "-.INF"]) RESOLVE_MAP.set(s, { tag: "float", value: Number.NEGATIVE_INFINITY });
RESOLVE_MAP.set("<<", { tag: "merge" });

/** The first character decides which resolution paths are even tried (go-yaml's "hint"). */
function hintOf(c: string): "S" | "D" | "M" | "." | undefined {
  if (c === "+" || c === "-") return "S";
  if (c >= "0" && c <= "9") return "D";
  if ("yYnNtTfFoO~".includes(c)) return "M";
  if (c === ".") return ".";
  return undefined;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt(s, 0, 64) (sign, 0x/0o/0b/leading-0 prefixes); undefined on error. */
export function goParseInt(s: string): bigint | undefined {
  let neg = false;
  let body = s;
  if (body[0] === "+" || body[0] === "-") {
    neg = body[0] === "-";
    body = body.slice(1);
  }
  const u = parseUnsigned(body);
  if (u === undefined) return undefined;
  const v = neg ? -u : u;
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

/** Go's strconv.ParseUint(s, 0, 64): no sign allowed. */
export function goParseUint(s: string): bigint | undefined {
  const u = parseUnsigned(s);
  return u === undefined || u > UINT64_MAX ? undefined : u;
}

function parseUnsigned(s: string): bigint | undefined {
  let base = 10;
  let digits = s;
  if (s.length >= 2 && s[0] === "0") {
    const p = s[1]?.toLowerCase();
    if (p === "x") {
      base = 16;
      digits = s.slice(2);
    } else if (p === "b") {
      base = 2;
      digits = s.slice(2);
    } else if (p === "o") {
      base = 8;
      digits = s.slice(2);
    } else {
      base = 8;
      digits = s.slice(1);
    }
  }
  if (digits === "") return undefined;
  const re = base === 16 ? /^[0-9a-fA-F]+$/ : base === 10 ? /^[0-9]+$/ : base === 8 ? /^[0-7]+$/ : /^[01]+$/;
  if (!re.test(digits)) return undefined;
  const prefix = base === 16 ? "0x" : base === 8 ? "0o" : base === 2 ? "0b" : "";
  return BigInt(prefix + digits);
}

/**
 * Go's strconv.ParseFloat(s, 64) for the decimal forms go-yaml can reach; undefined on a
 * syntax error or on overflow (Go reports ErrRange there, and go-yaml then keeps a string).
 */
export function goParseFloat(s: string): number | undefined {
  if (/^[-+]?(inf|infinity)$/i.test(s)) return s[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?nan$/i.test(s)) return Number.NaN;
  if (!/^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

const TIME_FORMATS: readonly RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?()$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2})()()()()()$/,
];

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** go-yaml's parseTimestamp: the few time.Parse layouts it tries, with Go's range checks. */
export function isTimestamp(s: string): boolean {
  for (const re of TIME_FORMATS) {
    const m = re.exec(s);
    if (!m) continue;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) continue;
    if (m[4] !== "" && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59)) continue;
    const zone = m[8];
    if (zone && zone !== "Z" && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) continue;
    return true;
  }
  return false;
}

/**
 * Resolves a plain scalar as go-yaml v2's resolve does. `timestamps` is false when an explicit
 * tag other than !!timestamp is present: go-yaml then does not try the timestamp layouts.
 */
export function resolveScalar(input: string, timestamps = true): Resolved {
  const hint = input === "" ? "N" : hintOf(input[0] as string);
  if (hint === undefined) return STR;
  const fixed = RESOLVE_MAP.get(input);
  if (fixed) return fixed;
  if (hint === ".") {
    const f = goParseFloat(input);
    return f === undefined ? STR : { tag: "float", value: f };
  }
  if (hint === "D" || hint === "S") {
    if (timestamps && isTimestamp(input)) return { tag: "timestamp" };
    const plain = input.replaceAll("_", "");
    const i = goParseInt(plain);
    if (i !== undefined) return { tag: "int", value: i };
    const u = goParseUint(plain);
    if (u !== undefined) return { tag: "int", value: u };
    if (YAML_STYLE_FLOAT.test(plain)) {
      const f = goParseFloat(plain);
      if (f !== undefined) return { tag: "float", value: f };
    }
    if (plain.startsWith("-0b")) {
      const b = /^[01]+$/.test(plain.slice(3)) ? -BigInt(`0b${plain.slice(3)}`) : undefined;
      if (b !== undefined && b >= INT64_MIN) return { tag: "int", value: b };
    }
  }
  return STR;
}
