/**
 * text/template's builtin functions (text/template/funcs.go). Parameters typed `reflect.Value`
 * receive the value untouched (undefined = Go's invalid value, null = a nil interface), as Go's
 * builtins see reflect.Values; the executor special-cases `and`, `or` (short-circuit) and `call`.
 */
import { sprintf } from "../govalue/fmt.js";
import { formatValue, sprint, sprintln } from "../govalue/print.js";
import { isPrint } from "../govalue/strconv.js";
import { isTrue } from "../govalue/truth.js";
import { goTypeName } from "../govalue/typeof.js";
import { GoError, type GoFunc, GoObject, type GoValue, isGoMap } from "../govalue/value.js";
import { eq, ge, gt, le, lt, ne } from "./compare.js";

const RV = "reflect.Value";
const utf8 = new TextEncoder();

/** Go's truth of a builtin argument (indirectInterface, then IsTrue). */
export function truth(v: GoValue): boolean {
  return isTrue(v);
}

/** UTF-8 bytes of a Go string. */
function bytesOf(s: string): Uint8Array {
  return utf8.encode(s);
}

function byteLength(s: string): number {
  // ASCII fast path: most template strings are ASCII.
  const n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return Buffer.byteLength(s, "utf8");
  }
  return n;
}

function len(item: GoValue): GoValue {
  if (item === null) throw new GoError("len of nil pointer");
  if (item === undefined) throw new GoError("reflect: call of reflect.Value.Type on zero Value");
  if (typeof item === "string") return BigInt(byteLength(item));
  if (Array.isArray(item) || item instanceof Uint8Array) return BigInt(item.length);
  if (item instanceof GoObject) {
    const l = item.asList();
    if (l !== undefined) return BigInt(l.length);
    const m = item.asMap();
    if (m !== undefined) return BigInt(Object.keys(m).length);
    throw new GoError(`len of type ${item.goType}`);
  }
  if (isGoMap(item)) return BigInt(Object.keys(item).length);
  throw new GoError(`len of type ${goTypeName(item)}`);
}

/** indexArg: an index operand as an int within [0, cap]. */
function indexArg(index: GoValue, cap: number): number {
  let x: bigint;
  if (typeof index === "bigint") x = index;
  else if (index === undefined || index === null) throw new GoError("cannot index slice/array with nil");
  else throw new GoError(`cannot index slice/array with type ${goTypeName(index)}`);
  if (x < 0n || x > BigInt(cap)) throw new GoError(`index out of range: ${x}`);
  return Number(x);
}

function index(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === undefined || item === null) throw new GoError("index of untyped nil");
  for (let idx of indexes) {
    idx = idx ?? undefined;
    if (item === null) throw new GoError("index of nil pointer");
    if (item === undefined) throw new GoError("index of untyped nil");
    let list: GoValue[] | Uint8Array | undefined;
    let map: Record<string, GoValue> | undefined;
    if (Array.isArray(item) || item instanceof Uint8Array) list = item;
    else if (item instanceof GoObject) {
      list = item.asList();
      if (list === undefined) map = item.asMap();
    } else if (isGoMap(item)) map = item;
    if (typeof item === "string") {
      const b = bytesOf(item);
      const x = indexArg(idx, b.length);
      if (x >= b.length) throw new GoError("reflect: string index out of range");
      item = BigInt(b[x]);
    } else if (list !== undefined) {
      const x = indexArg(idx, list.length);
      if (x >= list.length) throw new GoError("reflect: slice index out of range");
      item = list instanceof Uint8Array ? BigInt(list[x]) : list[x];
    } else if (map !== undefined) {
      if (idx === undefined) throw new GoError("value is nil; should be of type string");
      if (typeof idx !== "string") throw new GoError(`value has type ${goTypeName(idx)}; should be string`);
      item = Object.hasOwn(map, idx) ? map[idx] : null;
    } else {
      throw new GoError(`can't index item of type ${goTypeName(item)}`);
    }
  }
  return item;
}

function slice(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === undefined || item === null) throw new GoError("slice of untyped nil");
  if (indexes.length > 3) throw new GoError(`too many slice indexes: ${indexes.length}`);
  let cap: number;
  let length: number;
  let bytes: Uint8Array | undefined;
  let list: GoValue[] | Uint8Array | undefined;
  if (typeof item === "string") {
    if (indexes.length === 3) throw new GoError("cannot 3-index slice a string");
    bytes = bytesOf(item);
    cap = length = bytes.length;
  } else if (Array.isArray(item) || item instanceof Uint8Array) {
    list = item;
    cap = length = item.length;
  } else if (item instanceof GoObject && item.asList() !== undefined) {
    list = item.asList() as GoValue[];
    cap = length = list.length;
  } else {
    throw new GoError(`can't slice item of type ${goTypeName(item)}`);
  }
  const idx = [0, length, 0];
  for (let i = 0; i < indexes.length; i++) idx[i] = indexArg(indexes[i] ?? undefined, cap);
  if (idx[0] > idx[1]) throw new GoError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new GoError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (bytes !== undefined) return Buffer.from(bytes.subarray(idx[0], idx[1])).toString("utf8");
  if (list instanceof Uint8Array) return list.slice(idx[0], idx[1]);
  return (list as GoValue[]).slice(idx[0], idx[1]);
}

/** evalArgs of html/js/urlquery: one string as is, else fmt.Sprint with nils as `<no value>`. */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === "string") return args[0];
  const a = args.map((v) => (v === null || v === undefined ? "<no value>" : v));
  return sprint(...a);
}

export function htmlEscapeString(s: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    let rep: string;
    switch (s.charCodeAt(i)) {
      case 0:
        rep = "\uFFFD";
        break;
      case 0x22:
        rep = "&#34;";
        break;
      case 0x27:
        rep = "&#39;";
        break;
      case 0x26:
        rep = "&amp;";
        break;
      case 0x3c:
        rep = "&lt;";
        break;
      case 0x3e:
        rep = "&gt;";
        break;
      default:
        continue;
    }
    out += s.slice(last, i) + rep;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

const HEX_UPPER = "0123456789ABCDEF";

export function jsEscapeString(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) {
      switch (ch) {
        case "\\":
          out += "\\\\";
          continue;
        case "'":
          out += "\\'";
          continue;
        case '"':
          out += '\\"';
          continue;
        case "<":
          out += "\\u003C";
          continue;
        case ">":
          out += "\\u003E";
          continue;
        case "&":
          out += "\\u0026";
          continue;
        case "=":
          out += "\\u003D";
          continue;
      }
      if (c < 0x20) out += `\\u00${HEX_UPPER[c >> 4]}${HEX_UPPER[c & 15]}`;
      else out += ch;
      continue;
    }
    if (isPrint(c) && !(c >= 0xd800 && c <= 0xdfff)) out += ch;
    else out += `\\u${(c >= 0xd800 && c <= 0xdfff ? 0xfffd : c).toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return out;
}

/** url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = "";
  for (const b of bytesOf(s)) {
    if (
      (b >= 0x30 && b <= 0x39) ||
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x61 && b <= 0x7a) ||
      b === 0x2d ||
      b === 0x2e ||
      b === 0x5f ||
      b === 0x7e
    ) {
      out += String.fromCharCode(b);
    } else if (b === 0x20) out += "+";
    else out += `%${HEX_UPPER[b >> 4]}${HEX_UPPER[b & 15]}`;
  }
  return out;
}

function isGoFunc(v: GoValue): v is GoValue & GoFunc {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as unknown as GoFunc).fn === "function" &&
    Array.isArray((v as unknown as GoFunc).params)
  );
}

/** `call NAME ARGS...`: the executor passes the callee's text as the first argument. */
function call(name: GoValue, fn: GoValue, ...args: GoValue[]): GoValue {
  fn = fn ?? undefined;
  if (fn === undefined) throw new GoError("call of nil");
  if (!isGoFunc(fn)) throw new GoError(`non-function ${name} of type ${goTypeName(fn)}`);
  const numIn = fn.params.length + (fn.variadic !== undefined ? 1 : 0);
  if (fn.variadic !== undefined) {
    if (args.length < numIn - 1) {
      throw new GoError(`wrong number of args for ${name}: got ${args.length} want at least ${numIn - 1}`);
    }
  } else if (args.length !== numIn) {
    throw new GoError(`wrong number of args for ${name}: got ${args.length} want ${numIn}`);
  }
  return fn.fn(...args.map((a) => a ?? null));
}

/** Marker type for the builtins the executor treats specially. */
export interface Builtin extends GoFunc {
  readonly builtin: true;
}

function builtin(params: string[], variadic: string | undefined, fn: (...a: GoValue[]) => GoValue): Builtin {
  return variadic === undefined ? { params, fn, builtin: true } : { params, variadic, fn, builtin: true };
}

/** The builtins, by name. `and`/`or` bodies are unused: the executor short-circuits them. */
export const builtins: Readonly<Record<string, Builtin>> = Object.freeze({
  and: builtin([RV], RV, () => undefined),
  or: builtin([RV], RV, () => undefined),
  not: builtin([RV], undefined, (a) => !truth(a)),
  call: builtin([RV], RV, (name, fn, ...args) => call(name, fn, ...args)),
  html: builtin([], "interface {}", (...a) => htmlEscapeString(evalArgs(a))),
  js: builtin([], "interface {}", (...a) => jsEscapeString(evalArgs(a))),
  urlquery: builtin([], "interface {}", (...a) => queryEscape(evalArgs(a))),
  index: builtin([RV], RV, (item, ...ix) => index(item ?? undefined, ...ix)),
  slice: builtin([RV], RV, (item, ...ix) => slice(item ?? undefined, ...ix)),
  len: builtin([RV], undefined, len),
  print: builtin([], "interface {}", (...a) => sprint(...a)),
  printf: builtin(["string"], "interface {}", (f, ...a) => sprintf(f as string, a)),
  println: builtin([], "interface {}", (...a) => sprintln(...a)),
  eq: builtin([RV], RV, (a, ...b) => eq(a, ...b)),
  ge: builtin([RV, RV], undefined, ge),
  gt: builtin([RV, RV], undefined, gt),
  le: builtin([RV, RV], undefined, le),
  lt: builtin([RV, RV], undefined, lt),
  ne: builtin([RV, RV], undefined, ne),
});

export function isBuiltin(f: GoFunc): f is Builtin {
  return (f as Builtin).builtin === true;
}

export { formatValue };
