/**
 * Go's encoding/json over template values: Marshal / MarshalIndent (what Sprig's toJson,
 * toPrettyJson and toRawJson print) and Unmarshal into interface{} (Helm's fromJson), with
 * Go's error texts.
 */
import { sortedKeys } from "./printer.js";
import { formatFloat, quote } from "./strconv.js";
import { goTypeName } from "./typeof.js";
import { GoError, type GoMap, GoObject, type GoValue, newGoMap } from "./value.js";

export interface MarshalOptions {
  /** Escape <, > and & as \u003c, \u003e, \u0026 (json.Marshal does; Sprig's toRawJson does not). */
  escapeHTML?: boolean;
  /**
   * MarshalIndent's prefix and indent. When either is given (even as ""), the output is
   * indented: one element per line, a space after each colon, as json.Indent does.
   */
  prefix?: string;
  indent?: string;
}

const HEX = "0123456789abcdef";
/** Go's decoder refuses JSON nested deeper than this. */
const MAX_DEPTH = 10000;
/** Deeper values are refused by the encoder before JavaScript's stack runs out (Go has no limit). */
const MAX_ENCODE_DEPTH = 5000;

/** json.Marshal(v). Throws GoError for NaN/Inf and cycles, with Go's text. */
export function marshalJson(v: GoValue, opts: MarshalOptions = {}): string {
  const indented = opts.prefix !== undefined || opts.indent !== undefined;
  const enc = new Encoder(opts.escapeHTML ?? true, indented, opts.prefix ?? "", opts.indent ?? "");
  enc.value(v, 0);
  return enc.out;
}

/** json.MarshalIndent(v, prefix, indent). */
export function marshalJsonIndent(v: GoValue, prefix: string, indent: string, escapeHTML = true): string {
  return marshalJson(v, { escapeHTML, prefix, indent });
}

/** Go's JSON string literal for s. */
export function jsonString(s: string, escapeHTML = true): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20 || c === 0x22 || c === 0x5c || (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26))) {
      switch (c) {
        case 0x22:
          esc = '\\"';
          break;
        case 0x5c:
          esc = "\\\\";
          break;
        case 0x08:
          esc = "\\b";
          break;
        case 0x0c:
          esc = "\\f";
          break;
        case 0x0a:
          esc = "\\n";
          break;
        case 0x0d:
          esc = "\\r";
          break;
        case 0x09:
          esc = "\\t";
          break;
        default:
          esc = `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
      }
    } else if (c === 0x2028 || c === 0x2029) {
      // Valid JSON but not valid JavaScript inside a script tag.
      esc = `\\u202${HEX[c & 15]}`;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
      if (pair) {
        i++;
        continue;
      }
      esc = "\\ufffd"; // a lone surrogate is what Go sees as invalid UTF-8
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return `${out + s.slice(start)}"`;
}

/** How encoding/json writes a float64: 'f' format, or 'e' below 1e-6 and from 1e21 up. */
export function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new GoError(`json: unsupported value: ${formatFloat(f, "g", -1)}`);
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    // e-07 becomes e-7, as in JavaScript's own notation.
    return formatFloat(f, "e", -1).replace(/e([+-])0(\d)$/, "e$1$2");
  }
  return formatFloat(f, "f", -1);
}

function base64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("base64");
}

class Encoder {
  out = "";
  private readonly seen = new Set<object>();
  constructor(
    private readonly escapeHTML: boolean,
    private readonly indented: boolean,
    private readonly prefix: string,
    private readonly indent: string,
  ) {}

  private newline(depth: number): void {
    if (!this.indented) return;
    this.out += `\n${this.prefix}${this.indent.repeat(depth)}`;
  }

  value(v: GoValue, depth: number): void {
    if (v === undefined || v === null) {
      this.out += "null";
      return;
    }
    switch (typeof v) {
      case "boolean":
        this.out += v ? "true" : "false";
        return;
      case "number":
        this.out += jsonFloat(v);
        return;
      case "bigint":
        this.out += v.toString();
        return;
      case "string":
        this.out += jsonString(v, this.escapeHTML);
        return;
    }
    if (v instanceof Uint8Array) {
      this.out += `"${base64(v)}"`;
      return;
    }
    if (v instanceof GoObject) {
      const plain = v.marshalValue() ?? v.asMap() ?? v.asList();
      if (plain !== undefined) this.value(plain, depth);
      else this.out += jsonString(v.format(), this.escapeHTML);
      return;
    }
    if (this.seen.has(v)) throw new GoError(`json: unsupported value: encountered a cycle via ${goTypeName(v)}`);
    if (depth > MAX_ENCODE_DEPTH)
      throw new GoError(`json: unsupported value: nested more than ${MAX_ENCODE_DEPTH} levels deep`);
    this.seen.add(v);
    try {
      if (Array.isArray(v)) {
        if (v.length === 0) {
          this.out += "[]";
          return;
        }
        this.out += "[";
        for (let i = 0; i < v.length; i++) {
          if (i > 0) this.out += ",";
          this.newline(depth + 1);
          this.value(v[i], depth + 1);
        }
        this.newline(depth);
        this.out += "]";
        return;
      }
      const keys = sortedKeys(v);
      if (keys.length === 0) {
        this.out += "{}";
        return;
      }
      this.out += "{";
      for (let i = 0; i < keys.length; i++) {
        if (i > 0) this.out += ",";
        this.newline(depth + 1);
        this.out += jsonString(keys[i], this.escapeHTML);
        this.out += this.indented ? ": " : ":";
        this.value(v[keys[i]], depth + 1);
      }
      this.newline(depth);
      this.out += "}";
    } finally {
      this.seen.delete(v);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Decoding

export interface UnmarshalOptions {
  /** float64 (Go's default) or int64: integers written without '.'/exponent become bigint. */
  numbers?: "float64" | "int64";
  /** The Go type decoded into; a JSON value of another kind is Go's UnmarshalTypeError. */
  into?: Into;
}

/** Go's quoteChar: how the scanner names an offending byte in its messages (the byte as a rune, strconv.Quote'd). */
function quoteChar(byte: number): string {
  if (byte === 0x27) return "'\\''";
  if (byte === 0x22) return "'\"'";
  return `'${quote(String.fromCharCode(byte)).slice(1, -1)}'`;
}

class JsonSyntaxError extends GoError {}

const END = "unexpected end of JSON input";

/**
 * Validates like Go's scanner (checkValid), so that errors name the same byte in the same
 * words. Works on UTF-8 bytes, as Go does.
 */
class Checker {
  i = 0;
  constructor(private readonly b: Uint8Array) {}

  private err(c: number, context: string): never {
    throw new JsonSyntaxError(`invalid character ${quoteChar(c)} ${context}`);
  }
  private peek(): number {
    if (this.i >= this.b.length) throw new JsonSyntaxError(END);
    return this.b[this.i];
  }
  /**
   * The next byte where a space would be invalid: at the end of input Go's scanner feeds a space
   * to finish the last token, so a cut-off literal or number names ' ' instead of the end.
   */
  private peekInToken(): number {
    return this.i >= this.b.length ? 0x20 : this.b[this.i];
  }
  private ws(): void {
    while (this.i < this.b.length) {
      const c = this.b[this.i];
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      this.i++;
    }
  }

  /** Open containers are a stack, not recursion: Go allows 10000 levels. */
  document(): void {
    const stack: number[] = []; // 0x5b for arrays, 0x7b for objects
    this.ws();
    for (;;) {
      // A value starts here.
      const c = this.peek();
      let opened = false;
      if (c === 0x7b || c === 0x5b) {
        stack.push(c);
        if (stack.length > MAX_DEPTH) this.err(c, "exceeded max depth");
        this.i++;
        this.ws();
        if (this.peek() === c + 2) {
          this.i++; // empty: } is { + 2, ] is [ + 2
          stack.pop();
        } else {
          if (c === 0x7b) this.key();
          opened = true;
        }
      } else this.scalar(c);
      if (opened) continue;
      // After a value: close containers until one wants another value.
      for (;;) {
        this.ws();
        const top = stack.at(-1);
        if (top === undefined) {
          if (this.i < this.b.length) this.err(this.b[this.i], "after top-level value");
          return;
        }
        const next = this.peek();
        if (next === 0x2c) {
          this.i++;
          this.ws();
          if (top === 0x7b) this.key();
          break;
        }
        if (next === top + 2) {
          this.i++;
          stack.pop();
          continue;
        }
        this.err(next, top === 0x5b ? "after array element" : "after object key:value pair");
      }
    }
  }

  /** An object key and its colon; leaves the position at the value. */
  private key(): void {
    const c = this.peek();
    if (c !== 0x22) this.err(c, "looking for beginning of object key string");
    this.string();
    this.ws();
    const colon = this.peek();
    if (colon !== 0x3a) this.err(colon, "after object key");
    this.i++;
    this.ws();
  }

  private scalar(c: number): void {
    switch (c) {
      case 0x22:
        this.string();
        return;
      case 0x74:
        this.literal("true");
        return;
      case 0x66:
        this.literal("false");
        return;
      case 0x6e:
        this.literal("null");
        return;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      this.number();
      return;
    }
    this.err(c, "looking for beginning of value");
  }

  private string(): void {
    this.i++;
    for (;;) {
      const c = this.peek();
      this.i++;
      if (c === 0x22) return;
      if (c === 0x5c) {
        const e = this.peekInToken();
        this.i++;
        if (e === 0x75) {
          for (let k = 0; k < 4; k++) {
            const h = this.peekInToken();
            this.i++;
            const isHex = (h >= 0x30 && h <= 0x39) || (h >= 0x61 && h <= 0x66) || (h >= 0x41 && h <= 0x46);
            if (!isHex) this.err(h, "in \\u hexadecimal character escape");
          }
        } else if (!'"\\/bfnrt'.includes(String.fromCharCode(e))) {
          this.err(e, "in string escape code");
        }
      } else if (c < 0x20) {
        this.err(c, "in string literal");
      }
    }
  }

  private digits(): void {
    while (this.i < this.b.length && this.b[this.i] >= 0x30 && this.b[this.i] <= 0x39) this.i++;
  }

  private number(): void {
    if (this.b[this.i] === 0x2d) {
      this.i++;
      const c = this.peekInToken();
      if (c < 0x30 || c > 0x39) this.err(c, "in numeric literal");
    }
    if (this.b[this.i] === 0x30) this.i++;
    else this.digits();
    if (this.i < this.b.length && this.b[this.i] === 0x2e) {
      this.i++;
      const c = this.peekInToken();
      if (c < 0x30 || c > 0x39) this.err(c, "after decimal point in numeric literal");
      this.digits();
    }
    if (this.i < this.b.length && (this.b[this.i] === 0x65 || this.b[this.i] === 0x45)) {
      this.i++;
      let c = this.peekInToken();
      if (c === 0x2b || c === 0x2d) {
        this.i++;
        c = this.peekInToken();
      }
      if (c < 0x30 || c > 0x39) this.err(c, "in exponent of numeric literal");
      this.digits();
    }
  }

  private literal(word: string): void {
    this.i++;
    for (let k = 1; k < word.length; k++) {
      const c = this.peekInToken();
      if (c !== word.charCodeAt(k)) this.err(c, `in literal ${word} (expecting '${word[k]}')`);
      this.i++;
    }
  }
}

const utf8 = new TextEncoder();

type Into = "interface" | "map" | "slice";
const INTO_TYPE: Record<Into, string> = {
  interface: "interface {}",
  map: "map[string]interface {}",
  slice: "[]interface {}",
};

/** Reads a document already validated by Checker, as Go's decoder fills an interface{}. */
class Decoder {
  i = 0;
  /** Go's decoder keeps going after a type error and reports the first one at the end. */
  error: string | undefined;
  constructor(
    private readonly s: string,
    private readonly numbers: "float64" | "int64",
  ) {}

  private ws(): void {
    while (this.i < this.s.length && " \t\n\r".includes(this.s[this.i])) this.i++;
  }

  /** Builds containers with an explicit stack, as deep as the checker allowed. */
  value(): GoValue {
    type Open = { list: GoValue[] } | { map: GoMap; key: string };
    const stack: Open[] = [];
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      let v: GoValue;
      if (c === "{" || c === "[") {
        this.i++;
        this.ws();
        if (this.s[this.i] === (c === "{" ? "}" : "]")) {
          this.i++;
          v = c === "{" ? newGoMap() : [];
        } else {
          stack.push(c === "{" ? { map: newGoMap(), key: this.key() } : { list: [] });
          continue;
        }
      } else v = this.scalar(c);
      // Store v in its container; close every container that ends here.
      for (;;) {
        const top = stack.at(-1);
        if (top === undefined) return v;
        if ("list" in top) top.list.push(v);
        else top.map[top.key] = v;
        this.ws();
        if (this.s[this.i++] === ",") {
          if ("map" in top) top.key = this.key();
          break;
        }
        stack.pop();
        v = "list" in top ? top.list : top.map;
      }
    }
  }

  private key(): string {
    this.ws();
    const k = this.string();
    this.ws();
    this.i++; // :
    return k;
  }

  private scalar(c: string): GoValue {
    if (c === '"') return this.string();
    if (c === "t") {
      this.i += 4;
      return true;
    }
    if (c === "f") {
      this.i += 5;
      return false;
    }
    if (c === "n") {
      this.i += 4;
      return null;
    }
    return this.number();
  }

  private number(): GoValue {
    const m = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const src = (m.exec(this.s) as RegExpExecArray)[0];
    this.i += src.length;
    if (this.numbers === "int64" && /^-?\d+$/.test(src)) {
      const n = BigInt(src);
      if (n >= -(1n << 63n) && n < 1n << 63n) return n;
    }
    const f = Number(src);
    if (!Number.isFinite(f)) {
      this.error ??= `json: cannot unmarshal number ${src} into Go value of type float64`;
      return null;
    }
    return f;
  }

  private string(): string {
    this.i++; // opening quote
    let out = "";
    let start = this.i;
    for (;;) {
      const c = this.s.charCodeAt(this.i);
      if (c === 0x22) {
        out += this.s.slice(start, this.i);
        this.i++;
        return out.replace(LONE_SURROGATE, "\ufffd");
      }
      if (c !== 0x5c) {
        this.i++;
        continue;
      }
      out += this.s.slice(start, this.i);
      const e = this.s[this.i + 1];
      this.i += 2;
      if (e === "u") {
        let r = Number.parseInt(this.s.slice(this.i, this.i + 4), 16);
        this.i += 4;
        if (r >= 0xd800 && r <= 0xdbff) {
          // A high surrogate pairs only with an escaped low one that follows at once.
          const lo = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(this.s.slice(this.i, this.i + 6));
          if (lo) {
            out += String.fromCharCode(r, Number.parseInt(lo[1], 16));
            this.i += 6;
            start = this.i;
            continue;
          }
          r = 0xfffd;
        } else if (r >= 0xdc00 && r <= 0xdfff) r = 0xfffd;
        out += String.fromCharCode(r);
      } else {
        out += JSON_ESCAPES[e];
      }
      start = this.i;
    }
  }
}

/** JSON's one-letter escapes (after the backslash) and what they stand for. */
export const JSON_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The kind json.UnmarshalTypeError names for the JSON value that starts a (valid) text. */
function jsonKind(text: string): string {
  switch (text.trimStart()[0]) {
    case "[":
      return "array";
    case "{":
      return "object";
    case '"':
      return "string";
    case "t":
    case "f":
      return "bool";
    case "n":
      return "null";
  }
  return "number";
}

/** The outcome of json.Unmarshal: the decoded value (undefined when nothing was stored) and err. */
export interface DecodeResult {
  value: GoValue;
  error?: string;
}

/**
 * json.Unmarshal(text, &target) with Go's partial results: a syntax error stores nothing (Go
 * validates the whole input first); a value of the wrong kind for `into` stores nothing; a
 * number out of float64 range stores nil in its place and decoding goes on. Helm's fromJson
 * needs the partial value, to which it adds an "Error" key.
 */
export function decodeJson(text: string, opts: UnmarshalOptions = {}): DecodeResult {
  try {
    new Checker(utf8.encode(text)).document();
  } catch (e) {
    if (e instanceof GoError) return { value: undefined, error: e.message };
    throw e;
  }
  const into = opts.into ?? "interface";
  const kind = jsonKind(text);
  if (into !== "interface" && kind !== "null" && kind !== (into === "map" ? "object" : "array")) {
    return { value: undefined, error: `json: cannot unmarshal ${kind} into Go value of type ${INTO_TYPE[into]}` };
  }
  const d = new Decoder(text, opts.numbers ?? "float64");
  const value = d.value();
  // null into a map or slice stores Go's typed nil, which the model has no value for.
  if (into !== "interface" && kind === "null") return { value: undefined };
  return d.error === undefined ? { value } : { value, error: d.error };
}

/** json.Unmarshal into interface{} (or a map/slice): the value, or a GoError with Go's text. */
export function unmarshalJson(text: string, opts: UnmarshalOptions = {}): GoValue {
  const r = decodeJson(text, opts);
  if (r.error !== undefined) throw new GoError(r.error);
  return r.value;
}
