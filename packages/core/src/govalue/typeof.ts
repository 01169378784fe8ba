/**
 * Go type and kind names of template values, as `printf "%T"`, Sprig's `typeOf`/`kindOf` and
 * fmt's `%!verb(TYPE=value)` errors spell them.
 */
import { GoObject, type GoValue } from "./value.js";

/** A scalar's Go type name, which is also its kind name; undefined for other values. */
function scalarTypeName(v: GoValue): "string" | "bool" | "float64" | "int" | undefined {
  switch (typeof v) {
    case "string":
      return "string";
    case "boolean":
      return "bool";
    case "number":
      return "float64";
    case "bigint":
      return "int";
    default:
      return undefined;
  }
}

/**
 * reflect.TypeOf(v).String(). A bigint is reported as `int`: the model does not tell Go's int
 * from int64 (Sprig arithmetic returns int64; template constants and `len` are int).
 */
export function goTypeName(v: GoValue): string {
  if (v === undefined || v === null) return "<nil>";
  const scalar = scalarTypeName(v);
  if (scalar !== undefined) return scalar;
  if (v instanceof Uint8Array) return "[]uint8";
  if (Array.isArray(v)) return "[]interface {}";
  if (v instanceof GoObject) return v.goType;
  return "map[string]interface {}";
}

/** reflect.Kind names as Sprig's `kindOf` prints them. */
export type GoKind = "invalid" | "bool" | "int" | "float64" | "string" | "slice" | "map" | "struct" | "ptr" | "func";

/** reflect.ValueOf(v).Kind().String(). A GoObject's kind is read from its Go type name. */
export function goKindName(v: GoValue): GoKind {
  if (v === undefined || v === null) return "invalid";
  const scalar = scalarTypeName(v);
  if (scalar !== undefined) return scalar;
  if (v instanceof Uint8Array || Array.isArray(v)) return "slice";
  if (v instanceof GoObject) {
    // Named map/slice types (chartutil.Values, engine.files) say so through asMap/asList.
    if (!v.goType.startsWith("*")) {
      if (v.asMap() !== undefined) return "map";
      if (v.asList() !== undefined) return "slice";
    }
    return kindOfTypeName(v.goType);
  }
  return "map";
}

/** The kind a Go type name denotes: `*T` is a pointer, `map[...]`/`[]...` are maps/slices. */
export function kindOfTypeName(t: string): GoKind {
  if (t.startsWith("*")) return "ptr";
  if (t.startsWith("map[")) return "map";
  if (t.startsWith("[]")) return "slice";
  if (t.startsWith("func(")) return "func";
  switch (t) {
    case "string":
      return "string";
    case "bool":
      return "bool";
    case "float64":
      return "float64";
    case "int":
      return "int";
  }
  return "struct";
}
