/**
 * How Go values are represented in TypeScript. Every module that touches template data
 * (engine, sprig, yaml, chart) uses this one model, so Go's semantics live in one place.
 *
 *   Go                              TypeScript
 *   ------------------------------  -------------------------------------------------
 *   invalid reflect.Value           undefined   (a missing key: prints `<no value>`)
 *   nil (interface, map, slice)     null        (prints `<nil>`)
 *   string                          string
 *   bool                            boolean
 *   float64 (all YAML/JSON numbers) number
 *   int, int64 (constants, len,     bigint      (Go ints; `1` in a template is int, while
 *     Sprig arithmetic, --set ints)               `.Values.n` read from YAML is float64)
 *   []byte                          Uint8Array
 *   []interface{} and other slices  GoValue[]
 *   map[string]interface{}          GoMap (a plain object; key order is irrelevant, Go
 *                                    sorts keys when printing)
 *   structs / named types with      GoObject (fields and methods by their Go names:
 *     methods (.Capabilities,         `.Files.Get`, `.Capabilities.APIVersions.Has`)
 *     .Files, .Chart ...)
 */
export type GoValue = undefined | null | string | boolean | number | bigint | Uint8Array | GoValue[] | GoMap | GoObject;

export interface GoMap {
  [key: string]: GoValue;
}

/** A Go function as the template engine sees it: parameter types drive Go's argument checks. */
export interface GoFunc {
  /** Go spelling of each fixed parameter's type, e.g. "string", "int", "interface {}", "[]interface {}". */
  readonly params: readonly string[];
  /** Go spelling of the element type of a trailing `...T` parameter, when the function is variadic. */
  readonly variadic?: string;
  /**
   * The body. Arguments arrive already converted to the declared parameter types. To return
   * Go's `error`, throw a GoError: the executor wraps it as `error calling NAME: MESSAGE`.
   */
  readonly fn: (...args: GoValue[]) => GoValue;
}

/** A Go struct or named type with fields and methods, e.g. Helm's `.Capabilities` or `.Files`. */
export abstract class GoObject {
  /** Go's type name as `printf "%T"` / `typeOf` prints it, e.g. "*chart.Metadata". */
  abstract readonly goType: string;
  /** A field by its Go name; `undefined` when there is no such field. */
  abstract field(name: string): GoValue | undefined;
  /** A method by its Go name, called with the arguments given in the template. */
  method(_name: string): GoFunc | undefined {
    return undefined;
  }
  /** Has a field or method of this name (Go distinguishes "no field" from a nil field). */
  hasField(name: string): boolean {
    return this.field(name) !== undefined;
  }
  /** What fmt's %v prints (a Stringer's String(), or `{field1 field2}` for a plain struct). */
  abstract format(): string;
  /**
   * Optional, for fmt's struct printing: the fields in declaration order (unexported ones too).
   * When given, fmt prints `{a b}` (`&{a b}` when goType starts with "*"), `%+v` names the
   * fields, `%#v` spells Go syntax, and verbs apply field by field, as Go does; format() is
   * then used only where Go calls String() (see stringer()). Undefined: format() for every verb.
   */
  structFields(): readonly (readonly [name: string, value: GoValue])[] | undefined {
    return undefined;
  }
  /**
   * Whether format() is Go's String() method, and on which receiver: "value" (always called),
   * "pointer" (called for a pointer, or an addressable struct such as a field a template prints
   * directly, but not for a struct copy passed to printf), "none" (no String method).
   */
  stringer(): "value" | "pointer" | "none" {
    return "value";
  }
  /** Elements, for values that range/len/index treat as a slice (e.g. APIVersions). */
  asList(): GoValue[] | undefined {
    return undefined;
  }
  /** Entries, for values that range/len/index treat as a map (e.g. .Files). */
  asMap(): GoMap | undefined {
    return undefined;
  }
  /**
   * What encoding/json (toJson) and YAML (toYaml) write in this object's place: for a struct,
   * the map of its json-tagged fields (e.g. chart.Metadata's `name`, `version`, omitempty
   * applied). Undefined means: use asMap()/asList(), or else the format() string.
   */
  marshalValue(): GoValue | undefined {
    return undefined;
  }
}

/** Go's `error`, thrown by function bodies; its message is exactly `err.Error()`. */
export class GoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GoError";
  }
}

export function isGoMap(v: GoValue): v is GoMap {
  return (
    typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof GoObject)
  );
}

export function isGoList(v: GoValue): v is GoValue[] {
  return Array.isArray(v);
}

/** A map with no prototype, so that keys such as `__proto__` or `constructor` are plain keys. */
export function newGoMap(entries?: Iterable<readonly [string, GoValue]>): GoMap {
  const m = Object.create(null) as GoMap;
  if (entries) for (const [k, v] of entries) m[k] = v;
  return m;
}
