/**
 * Decoding a typed YAML tree into Helm's Go structs the way sigs.k8s.io/yaml does it
 * (YAML -> JSON with the target field's type in mind -> encoding/json). Struct layouts are
 * data (see chart-file.ts); this file holds the Go rules:
 *  - a scalar landing in a `string` field becomes its text (ints in decimal, floats with
 *    strconv.FormatFloat(f, 'g', -1, 32), bools as true/false); null leaves the zero value;
 *  - a type mismatch is encoding/json's UnmarshalTypeError, reported for the first field in
 *    JSON key order (sigs.k8s.io/yaml emits keys sorted);
 *  - keys match field names exactly, else case-insensitively; unknown keys are ignored.
 */
import { formatFloat } from "../govalue/strconv.js";
import { type GoMap, type GoValue, isGoMap, newGoMap } from "../govalue/value.js";
import { typedToJsonValue } from "./yaml-typed.js";

export type GoFieldType =
  | { readonly kind: "string" }
  | { readonly kind: "bool" }
  | { readonly kind: "any" }
  | { readonly kind: "time" }
  | { readonly kind: "slice"; readonly elem: GoFieldType }
  | { readonly kind: "map"; readonly elem: GoFieldType }
  | { readonly kind: "struct"; readonly spec: GoStructSpec };

export interface GoStructSpec {
  /** Go's type name as errors print it, e.g. "Metadata". */
  readonly name: string;
  /** Package-qualified name for "Go value of type" errors, e.g. "v2.Metadata". */
  readonly qualified: string;
  readonly fields: Readonly<Record<string, GoFieldType>>;
}

export class JsonTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonTypeError";
  }
}

export function goTypeName(t: GoFieldType): string {
  switch (t.kind) {
    case "string":
      return "string";
    case "bool":
      return "bool";
    case "any":
      return "interface {}";
    case "time":
      return "time.Time";
    case "slice":
      return `[]${t.elem.kind === "struct" ? `*${t.elem.spec.qualified}` : goTypeName(t.elem)}`;
    case "map":
      return `map[string]${goTypeName(t.elem)}`;
    case "struct":
      return t.spec.qualified;
  }
}

function jsonKind(v: GoValue): string {
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number" || typeof v === "bigint") return "number";
  if (Array.isArray(v)) return "array";
  return "object";
}

interface Ctx {
  /** Innermost struct being decoded (Go names it in the error). */
  struct: string;
  /** JSON field path from the root, dot-joined (Go 1.20+). */
  path: string[];
}

function typeError(v: GoValue, t: GoFieldType, ctx: Ctx): JsonTypeError {
  if (ctx.path.length === 0) {
    return new JsonTypeError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type ${goTypeName(t)}`);
  }
  return new JsonTypeError(
    `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${ctx.struct}.${ctx.path.join(".")} of type ${goTypeName(t)}`,
  );
}

/** A decoded struct: plain object keyed by JSON field names. */
export type DecodedStruct = Record<string, unknown>;

/**
 * Decodes `v` into a struct, updating `into` like json.Unmarshal into an existing value does
 * (fields absent from `v` keep their values). Throws JsonTypeError on the first mismatch.
 */
export function decodeStruct(v: GoValue, spec: GoStructSpec, into: DecodedStruct = {}): DecodedStruct {
  const t: GoFieldType = { kind: "struct", spec };
  if (v === null || v === undefined) return into;
  if (!isGoMap(v)) throw typeError(v, t, { struct: spec.name, path: [] });
  decodeFields(v, spec, into, { struct: spec.name, path: [] });
  return into;
}

function decodeFields(m: GoMap, spec: GoStructSpec, into: DecodedStruct, ctx: Ctx): void {
  const names = Object.keys(spec.fields);
  for (const key of Object.keys(m).sort(byteOrder)) {
    const field = names.includes(key) ? key : names.find((n) => n.toLowerCase() === key.toLowerCase());
    if (field === undefined) continue;
    const ft = spec.fields[field] as GoFieldType;
    const sub = { struct: spec.name, path: [...ctx.path, field] };
    const out = decodeValue(m[key] as GoValue, ft, into[field], sub);
    if (out !== KEEP) into[field] = out;
  }
}

const KEEP = Symbol("keep");

function decodeValue(v: GoValue, t: GoFieldType, current: unknown, ctx: Ctx): unknown {
  switch (t.kind) {
    case "string":
      if (v === null) return KEEP;
      if (typeof v === "string") return v;
      if (typeof v === "bigint") return v.toString();
      if (typeof v === "number") return formatFloat(v, "g", -1, 32);
      if (typeof v === "boolean") return v ? "true" : "false";
      throw typeError(v, t, ctx);
    case "bool":
      if (v === null) return KEEP;
      if (typeof v === "boolean") return v;
      throw typeError(v, t, ctx);
    case "any":
      return typedToJsonValue(v);
    case "time":
      if (v === null) return KEEP;
      if (typeof v === "string") return v;
      throw typeError(v, t, ctx);
    case "slice": {
      if (v === null) return undefined;
      if (!Array.isArray(v)) throw typeError(v, t, ctx);
      return v.map((x) => {
        const out = decodeValue(x, t.elem, undefined, ctx);
        return out === KEEP ? zero(t.elem) : out;
      });
    }
    case "map": {
      if (v === null) return undefined;
      if (!isGoMap(v)) throw typeError(v, t, ctx);
      const out = (current as Record<string, unknown> | undefined) ?? (newGoMap() as Record<string, unknown>);
      for (const k of Object.keys(v).sort(byteOrder)) {
        const x = decodeValue(v[k] as GoValue, t.elem, out[k], ctx);
        out[k] = x === KEEP ? zero(t.elem) : x;
      }
      return out;
    }
    case "struct": {
      if (v === null) return null;
      if (!isGoMap(v)) throw typeError(v, t, { ...ctx, struct: ctx.struct });
      const into = (current as DecodedStruct | undefined) ?? {};
      decodeFields(v, t.spec, into, { struct: t.spec.name, path: ctx.path });
      return into;
    }
  }
}

function zero(t: GoFieldType): unknown {
  switch (t.kind) {
    case "string":
      return "";
    case "bool":
      return false;
    case "struct":
      return null;
    default:
      return null;
  }
}

/** Go's sort.Strings order (bytes of UTF-8; equal to code point order). */
function byteOrder(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
