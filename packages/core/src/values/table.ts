/**
 * Helm's common.Values lookups by dotted path: Table (a nested map) and PathValue (a non-map
 * leaf), as conditions, tags and import-values use them.
 */
import { sprintf } from "../govalue/fmt.js";
import { type GoMap, type GoValue, isGoMap } from "../govalue/value.js";

/** Helm's ErrNoTable. */
export class NoTableError extends Error {
  constructor(readonly key: string) {
    super(`${sprintf("%q", [key])} is not a table`);
    this.name = "NoTableError";
  }
}

/** Helm's ErrNoValue. */
export class NoValueError extends Error {
  constructor(readonly key: string) {
    super(`${sprintf("%q", [key])} is not a value`);
    this.name = "NoValueError";
  }
}

/** Values.Table: the map at a dotted path; throws NoTableError naming the first missing part. */
export function valuesTable(v: GoMap, name: string): GoMap {
  let table = v;
  for (const part of name.split(".")) {
    if (!Object.hasOwn(table, part)) throw new NoTableError(part);
    const next = table[part];
    if (!isGoMap(next)) throw new NoTableError(part);
    table = next;
  }
  return table;
}

/** Values.PathValue: the non-table value at a dotted path (which may be null). */
export function pathValue(v: GoMap, path: string): GoValue {
  if (path === "") throw new Error("YAML path cannot be empty");
  const parts = path.split(".");
  const key = parts[parts.length - 1] as string;
  if (parts.length === 1) {
    if (Object.hasOwn(v, key) && !isGoMap(v[key])) return v[key];
    throw new NoValueError(key);
  }
  let t: GoMap;
  try {
    t = valuesTable(v, parts.slice(0, -1).join("."));
  } catch {
    throw new NoValueError(key);
  }
  if (Object.hasOwn(t, key) && !isGoMap(t[key])) return t[key];
  throw new NoValueError(key);
}
