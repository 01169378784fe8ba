/**
 * A JSON Schema validator that reports like santhosh-tekuri/jsonschema v6, the library Helm 4
 * uses: each failure is `at '<json pointer>': <message>`, several failures of one schema at one
 * place become a "validation failed" group, combinators (`anyOf`...) nest their causes.
 * Drafts 4 to 2020-12 for the common keywords; local `$ref`s only (remote ones fail, as Helm
 * offline does). `format` is annotation-only, as in Helm.
 */
import { GoObject, type GoValue, isGoMap } from "../govalue/value.js";
import { formatSchemaNumber, quoteSchemaString } from "./schema-format.js";

export interface SchemaError {
  readonly at: string;
  readonly message: string;
  readonly causes: readonly SchemaError[];
}

export class SchemaLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SchemaLoadError";
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = boolean | { [k: string]: Json };

const MAX_DEPTH = 512;

function ptrEscape(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** jsonschema v6 lists the wanted types in its own fixed order, not the schema's. */
const TYPE_ORDER = ["null", "boolean", "number", "integer", "string", "array", "object"];
function byTypeOrder(a: string, b: string): number {
  return TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b);
}

function jsonType(v: GoValue): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "number" || typeof v === "bigint") return "number";
  if (typeof v === "string") return "string";
  if (Array.isArray(v)) return "array";
  return "object";
}

function isInteger(v: GoValue): boolean {
  return typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v));
}

function num(v: GoValue): number {
  return typeof v === "bigint" ? Number(v) : (v as number);
}

function entries(v: GoValue): [string, GoValue][] {
  if (v instanceof GoObject) return Object.entries(v.asMap() ?? {});
  return isGoMap(v) ? Object.keys(v).map((k) => [k, v[k] as GoValue]) : [];
}

function deepEqual(a: GoValue | Json, b: GoValue | Json): boolean {
  if ((typeof a === "number" || typeof a === "bigint") && (typeof b === "number" || typeof b === "bigint")) {
    return Number(a) === Number(b);
  }
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i] as Json));
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const bo = b as Record<string, Json>;
    return (
      ka.length === kb.length &&
      ka.every((k) => Object.hasOwn(bo, k) && deepEqual((a as Record<string, Json>)[k] as Json, bo[k] as Json))
    );
  }
  return false;
}

function display(v: Json): string {
  if (typeof v === "string") return quoteSchemaString(v);
  if (typeof v === "number") return formatSchemaNumber(v);
  if (v === null) return "<nil>";
  if (typeof v === "boolean") return String(v);
  return "value";
}

export class SchemaValidator {
  private readonly draft: number;
  private readonly regexCache = new Map<string, RegExp>();

  constructor(private readonly root: Schema) {
    const s = typeof root === "object" ? root.$schema : undefined;
    const id = typeof s === "string" ? s : "";
    this.draft = /draft-04/.test(id)
      ? 4
      : /draft-06/.test(id)
        ? 6
        : /draft-07/.test(id)
          ? 7
          : /2019-09/.test(id)
            ? 2019
            : 2020;
    this.checkRefs(root, 0);
  }

  /** The top-level failures (Helm prints these, without the library's root header). */
  validate(value: GoValue): SchemaError[] {
    return this.errorsOf(this.root, value, "", 0);
  }

  private checkRefs(s: Json, depth: number): void {
    if (depth > MAX_DEPTH || s === null || typeof s !== "object") return;
    if (Array.isArray(s)) {
      for (const x of s) this.checkRefs(x, depth + 1);
      return;
    }
    const ref = s.$ref;
    if (typeof ref === "string" && !ref.startsWith("#")) {
      // The document is what gets loaded: the fragment names a part of it, not the resource.
      const doc = ref.includes("#") ? ref.slice(0, ref.indexOf("#")) : ref;
      const url = /^[a-z][a-z0-9+.-]*:/i.test(doc) ? doc : `file:///${doc}`;
      if (url.startsWith("http")) {
        const host = new URL(url).hostname;
        throw new SchemaLoadError(
          `failing loading "${url}": HTTP request failed for ${url}: Get "${url}": dial tcp: lookup ${host}: no such host`,
        );
      }
      throw new SchemaLoadError(
        `failing loading "${url}": open ${url.replace(/^file:\/\//, "")}: no such file or directory`,
      );
    }
    for (const v of Object.values(s)) this.checkRefs(v, depth + 1);
  }

  private resolve(ref: string): Schema {
    const frag = decodeURIComponent(ref.slice(1));
    let cur: Json = this.root as Json;
    if (frag === "") return this.root;
    for (const raw of frag.replace(/^\//, "").split("/")) {
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      if (cur === null || typeof cur !== "object") throw new SchemaLoadError(`JSON pointer ${ref} not found`);
      cur = Array.isArray(cur) ? (cur[Number(key)] as Json) : (cur[key] as Json);
      if (cur === undefined) throw new SchemaLoadError(`JSON pointer ${ref} not found`);
    }
    return cur as Schema;
  }

  private regex(p: string): RegExp {
    let r = this.regexCache.get(p);
    if (!r) {
      r = new RegExp(p, "u");
      this.regexCache.set(p, r);
    }
    return r;
  }

  /** Failures of `schema` at `at`, collapsed to one entry like the library does. */
  private check(schema: Schema, v: GoValue, at: string, depth: number): SchemaError | undefined {
    const errs = this.errorsOf(schema, v, at, depth);
    if (errs.length === 0) return undefined;
    if (errs.length === 1) return errs[0];
    return { at, message: "validation failed", causes: errs };
  }

  private errorsOf(schema: Schema, v: GoValue, at: string, depth: number): SchemaError[] {
    if (depth > MAX_DEPTH) throw new SchemaLoadError("schema nesting too deep");
    if (schema === true) return [];
    if (schema === false) return [{ at, message: "false schema", causes: [] }];
    const s = schema;
    const out: SchemaError[] = [];
    const err = (message: string, causes: SchemaError[] = []) => out.push({ at, message, causes });
    const t = jsonType(v);

    if (typeof s.$ref === "string") {
      const e = this.check(this.resolve(s.$ref), v, at, depth + 1);
      if (e) out.push(e);
      if (this.draft <= 7) return out;
    }

    if (s.type !== undefined) {
      const want = (Array.isArray(s.type) ? s.type : [s.type]) as string[];
      const ok = want.some((w) => w === t || (w === "integer" && isInteger(v)) || (w === "number" && t === "number"));
      if (!ok) {
        err(`got ${t}, want ${[...want].sort(byTypeOrder).join(" or ")}`);
        return out;
      }
    }
    if (s.const !== undefined && !deepEqual(v, s.const)) {
      err(typeof s.const === "object" && s.const !== null ? "const failed" : `value must be ${display(s.const)}`);
    }
    if (Array.isArray(s.enum) && !s.enum.some((x) => deepEqual(v, x))) {
      const prim = s.enum.every((x) => x === null || typeof x !== "object");
      if (!prim) err("enum failed");
      else if (s.enum.length === 1) err(`value must be ${display(s.enum[0] as Json)}`);
      else err(`value must be one of ${s.enum.map(display).join(", ")}`);
    }

    if (t === "number") this.numeric(s, num(v), err);
    if (t === "string") this.stringChecks(s, v as string, err);
    if (t === "object") this.objectChecks(s, v, at, depth, out, err);
    if (t === "array") this.arrayChecks(s, v as GoValue[], at, depth, out, err);

    if (s.not !== undefined && this.check(s.not as Schema, v, at, depth + 1) === undefined) err("'not' failed");
    if (Array.isArray(s.allOf)) {
      const causes = s.allOf.map((x) => this.check(x as Schema, v, at, depth + 1)).filter((e) => e !== undefined);
      if (causes.length > 0) err("'allOf' failed", causes);
    }
    if (Array.isArray(s.anyOf)) {
      const causes: SchemaError[] = [];
      let matched = false;
      for (const x of s.anyOf) {
        const e = this.check(x as Schema, v, at, depth + 1);
        if (!e) {
          matched = true;
          break;
        }
        causes.push(e);
      }
      if (!matched) err("'anyOf' failed", causes);
    }
    if (Array.isArray(s.oneOf)) {
      const causes: SchemaError[] = [];
      const matched: number[] = [];
      s.oneOf.forEach((x, i) => {
        const e = this.check(x as Schema, v, at, depth + 1);
        if (e) causes.push(e);
        else matched.push(i);
      });
      if (matched.length === 0) err("'oneOf' failed, none matched", causes);
      else if (matched.length > 1) err(`'oneOf' failed, subschemas ${matched[0]}, ${matched[1]} matched`);
    }
    if (s.if !== undefined && this.draft >= 7) {
      const branch = this.check(s.if as Schema, v, at, depth + 1) === undefined ? s.then : s.else;
      if (branch !== undefined) {
        const e = this.check(branch as Schema, v, at, depth + 1);
        if (e) out.push(e);
      }
    }
    return out;
  }

  private numeric(s: Record<string, Json>, n: number, err: (m: string) => void): void {
    const f = formatSchemaNumber;
    if (typeof s.multipleOf === "number" && !Number.isInteger(n / s.multipleOf)) {
      err(`multipleOf: got ${f(n)}, want ${f(s.multipleOf)}`);
    }
    if (typeof s.maximum === "number") {
      const exclusive = this.draft === 4 && s.exclusiveMaximum === true;
      if (exclusive ? n >= s.maximum : n > s.maximum) {
        err(`${exclusive ? "exclusiveMaximum" : "maximum"}: got ${f(n)}, want ${f(s.maximum)}`);
      }
    }
    if (typeof s.exclusiveMaximum === "number" && n >= s.exclusiveMaximum) {
      err(`exclusiveMaximum: got ${f(n)}, want ${f(s.exclusiveMaximum)}`);
    }
    if (typeof s.minimum === "number") {
      const exclusive = this.draft === 4 && s.exclusiveMinimum === true;
      if (exclusive ? n <= s.minimum : n < s.minimum) {
        err(`${exclusive ? "exclusiveMinimum" : "minimum"}: got ${f(n)}, want ${f(s.minimum)}`);
      }
    }
    if (typeof s.exclusiveMinimum === "number" && n <= s.exclusiveMinimum) {
      err(`exclusiveMinimum: got ${f(n)}, want ${f(s.exclusiveMinimum)}`);
    }
  }

  private stringChecks(s: Record<string, Json>, str: string, err: (m: string) => void): void {
    const len = [...str].length;
    if (typeof s.maxLength === "number" && len > s.maxLength) err(`maxLength: got ${len}, want ${s.maxLength}`);
    if (typeof s.minLength === "number" && len < s.minLength) err(`minLength: got ${len}, want ${s.minLength}`);
    if (typeof s.pattern === "string" && !this.regex(s.pattern).test(str)) {
      err(`${quoteSchemaString(str)} does not match pattern ${quoteSchemaString(s.pattern)}`);
    }
  }

  private objectChecks(
    s: Record<string, Json>,
    v: GoValue,
    at: string,
    depth: number,
    out: SchemaError[],
    err: (m: string) => void,
  ): void {
    const props = entries(v);
    const has = new Set(props.map(([k]) => k));
    if (typeof s.maxProperties === "number" && props.length > s.maxProperties) {
      err(`maxProperties: got ${props.length}, want ${s.maxProperties}`);
    }
    if (typeof s.minProperties === "number" && props.length < s.minProperties) {
      err(`minProperties: got ${props.length}, want ${s.minProperties}`);
    }
    if (Array.isArray(s.required)) {
      const missing = (s.required as string[]).filter((r) => !has.has(r));
      if (missing.length === 1) err(`missing property ${quoteSchemaString(missing[0] as string)}`);
      else if (missing.length > 1) err(`missing properties ${missing.map(quoteSchemaString).join(", ")}`);
    }
    const depReq = (s.dependentRequired ?? (this.draft < 2019 ? s.dependencies : undefined)) as
      | Record<string, Json>
      | undefined;
    if (depReq && typeof depReq === "object") {
      for (const [p, req] of Object.entries(depReq)) {
        if (!has.has(p) || !Array.isArray(req)) continue;
        const missing = (req as string[]).filter((r) => !has.has(r));
        if (missing.length > 0) {
          err(`properties ${missing.map(quoteSchemaString).join(", ")} required, if ${quoteSchemaString(p)} exists`);
        }
      }
    }
    // A schema the whole object must also meet when the property is present: draft 4-7's
    // `dependencies` with a schema value, 2019's `dependentSchemas` (velero's deployNodeAgent).
    const depSchemas = (this.draft < 2019 ? s.dependencies : s.dependentSchemas) as Record<string, Json> | undefined;
    if (depSchemas && typeof depSchemas === "object" && !Array.isArray(depSchemas)) {
      for (const [p, dep] of Object.entries(depSchemas)) {
        if (
          !has.has(p) ||
          Array.isArray(dep) ||
          (typeof dep !== "object" && typeof dep !== "boolean") ||
          dep === null
        ) {
          continue;
        }
        const e = this.check(dep as Schema, v, at, depth + 1);
        if (e) out.push(e);
      }
    }
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>);
    const extra: string[] = [];
    for (const [k, x] of [...props].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const loc = `${at}/${ptrEscape(k)}`;
      let known = false;
      if (Object.hasOwn(properties, k)) {
        known = true;
        const e = this.check(properties[k] as Schema, x, loc, depth + 1);
        if (e) out.push(e);
      }
      for (const [p, ps] of patterns) {
        if (!this.regex(p).test(k)) continue;
        known = true;
        const e = this.check(ps, x, loc, depth + 1);
        if (e) out.push(e);
      }
      if (!known && s.additionalProperties !== undefined) {
        if (s.additionalProperties === false) extra.push(k);
        else {
          const e = this.check(s.additionalProperties as Schema, x, loc, depth + 1);
          if (e) out.push(e);
        }
      }
      if (s.propertyNames !== undefined && this.check(s.propertyNames as Schema, k, at, depth + 1)) {
        err(`invalid property ${quoteSchemaString(k)}`);
      }
    }
    if (extra.length > 0) err(`additional properties ${extra.map(quoteSchemaString).join(", ")} not allowed`);
  }

  private arrayChecks(
    s: Record<string, Json>,
    arr: GoValue[],
    at: string,
    depth: number,
    out: SchemaError[],
    err: (m: string) => void,
  ): void {
    if (typeof s.maxItems === "number" && arr.length > s.maxItems)
      err(`maxItems: got ${arr.length}, want ${s.maxItems}`);
    if (typeof s.minItems === "number" && arr.length < s.minItems)
      err(`minItems: got ${arr.length}, want ${s.minItems}`);
    if (s.uniqueItems === true) {
      outer: for (let i = 0; i < arr.length; i++) {
        for (let j = i + 1; j < arr.length; j++) {
          if (deepEqual(arr[i] as GoValue, arr[j] as GoValue)) {
            err(`items at ${i} and ${j} are equal`);
            break outer;
          }
        }
      }
    }
    const prefix = (this.draft >= 2020 ? s.prefixItems : Array.isArray(s.items) ? s.items : undefined) as
      | Schema[]
      | undefined;
    const rest = (this.draft >= 2020 ? s.items : Array.isArray(s.items) ? s.additionalItems : s.items) as
      | Schema
      | undefined;
    arr.forEach((x, i) => {
      const sch = prefix && i < prefix.length ? prefix[i] : rest;
      if (sch === undefined) return;
      const e = this.check(sch, x, `${at}/${i}`, depth + 1);
      if (e) out.push(e);
    });
    if (s.contains !== undefined) {
      const matches = arr.filter((x, i) => this.check(s.contains as Schema, x, `${at}/${i}`, depth + 1) === undefined);
      const min = typeof s.minContains === "number" ? s.minContains : 1;
      if (matches.length < min)
        err(
          min === 1 && s.minContains === undefined
            ? "no items match contains schema"
            : `min ${min} items required to match contains schema, but none matched`,
        );
    }
  }
}

/** Renders errors the way the library's error text prints its causes. */
export function formatSchemaErrors(errs: readonly SchemaError[], indent = ""): string {
  return errs
    .map((e) => {
      const line = `${indent}- at '${e.at}': ${e.message}`;
      return e.causes.length > 0 ? `${line}\n${formatSchemaErrors(e.causes, `${indent}  `)}` : line;
    })
    .join("\n");
}
