/**
 * Helm's strvals grammar (pkg/strvals): the `name1=value1,name2[0].x=value2` lines of `--set`,
 * `--set-string`, `--set-file`, `--set-json` and `--set-literal`, parsed into Go values.
 *
 * The parser is a faithful port of Helm's behaviour, quirks included: an unterminated index
 * (`a[`) or a bare index (`a[0]`) silently sets what was parsed so far, `a=1,` is accepted,
 * an empty key is ignored, and a type clash reports Go's panic text
 * (`unable to parse key: interface conversion: ...`).
 */

import { quote } from "../govalue/strconv.js";
import { type GoMap, type GoValue, isGoList, isGoMap, newGoMap } from "../govalue/value.js";
import { goQuoteRunes, goTypeName } from "./go-text.js";
import { type JsonPrefix, parseJsonPrefix } from "./json-prefix.js";

/** Helm's strvals.MaxIndex. */
export const MAX_INDEX = 65536;
/** Helm's strvals.MaxNestedNameLevel. */
export const MAX_NESTED_NAME_LEVEL = 30;

/** A strvals parse failure; the message is Go's `err.Error()`. */
export class StrvalsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StrvalsError";
  }
}

/** End of input: ends a parse quietly, like Go's io.EOF (also when wrapped). */
class EndOfInput extends Error {
  constructor(readonly wrapped?: string) {
    super(wrapped ? `${wrapped}: EOF` : "EOF");
  }
}

/** Not a `{a,b}` list: the value is a scalar (Helm's ErrNotList). */
const NOT_LIST = Symbol("not a list");

/** How a scalar value's runes become a Go value. */
export type ValueReader = (runes: string) => GoValue;

/** Which of Helm's flags a line comes from: decides how values are typed. */
export type SetKind = "set" | "set-string" | "set-file" | "set-json" | "set-literal";

/** `--set` typing: true/false/null (any case), int64 unless it starts with 0, else string. */
export function typedValue(val: string, forceString: boolean): GoValue {
  if (forceString) return val;
  const lower = val.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  if (lower === "null") return null;
  if (val === "0") return 0n;
  if (val.length > 0 && val[0] !== "0") {
    const n = parseInt64(val);
    if (n !== undefined) return n;
  }
  return val;
}

/** strconv.ParseInt(s, 10, 64), undefined on any error. */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return n;
}

/** strconv.Atoi with Go's error texts (Go int is 64-bit). */
function atoi(s: string): number {
  const digits = s.replace(/^[+-]/, "");
  if (digits === "" || !/^[0-9]+$/.test(digits)) {
    throw new StrvalsError(`strconv.Atoi: parsing ${quote(s)}: invalid syntax`);
  }
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) {
    throw new StrvalsError(`strconv.Atoi: parsing ${quote(s)}: value out of range`);
  }
  // Indices beyond MAX_INDEX are rejected later; clamp so that JS numbers stay exact.
  if (n > 1n << 40n) return 2 ** 40;
  if (n < -(1n << 40n)) return -(2 ** 40);
  return Number(n);
}

/** A rune cursor over the input, with Go's UnreadRune. */
class RuneScanner {
  private readonly runes: string[];
  private pos = 0;
  constructor(text: string) {
    this.runes = Array.from(text);
  }
  read(): string | undefined {
    if (this.pos >= this.runes.length) return undefined;
    return this.runes[this.pos++];
  }
  unread(): void {
    if (this.pos > 0) this.pos--;
  }
  rest(): string {
    return this.runes.slice(this.pos).join("");
  }
  skipChars(count: number): void {
    // `count` is in UTF-16 code units of rest(); advance by runes covering that many units.
    let units = 0;
    while (units < count && this.pos < this.runes.length) {
      units += (this.runes[this.pos] as string).length;
      this.pos++;
    }
  }
}

interface Until {
  runes: string;
  last: string | undefined;
  eof: boolean;
}

/** Runes up to one of `stop`; a backslash escapes the next rune unless `literal`. */
function runesUntil(sc: RuneScanner, stop: string, literal: boolean): Until {
  let v = "";
  for (;;) {
    const r = sc.read();
    if (r === undefined) return { runes: v, last: undefined, eof: true };
    if (stop.includes(r)) return { runes: v, last: r, eof: false };
    if (r === "\\" && !literal) {
      const next = sc.read();
      if (next === undefined) return { runes: v, last: undefined, eof: true };
      v += next;
      continue;
    }
    v += r;
  }
}

function setKey(data: GoMap, key: string, val: GoValue): void {
  if (key.length === 0) return;
  data[key] = val;
}

function setIndex(list: GoValue[], index: number, val: GoValue): GoValue[] {
  if (index < 0) throw new StrvalsError(`negative ${index} index not allowed`);
  if (index > MAX_INDEX) {
    throw new StrvalsError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`);
  }
  let out = list;
  if (out.length <= index) {
    out = out.slice();
    while (out.length <= index) out.push(null);
  }
  out[index] = val;
  return out;
}

/** Go's `x.(map[string]interface{})` on an existing value, with the panic text Helm reports. */
function assertMap(v: GoValue): GoMap {
  if (isGoMap(v)) return v;
  throw new StrvalsError(
    `unable to parse key: interface conversion: interface {} is ${goTypeName(v)}, not map[string]interface {}`,
  );
}

function assertList(v: GoValue): GoValue[] {
  if (isGoList(v)) return v;
  throw new StrvalsError(
    `unable to parse key: interface conversion: interface {} is ${goTypeName(v)}, not []interface {}`,
  );
}

class Parser {
  private readonly sc: RuneScanner;
  constructor(
    text: string,
    private readonly data: GoMap,
    private readonly reader: ValueReader | undefined,
    private readonly mode: "typed" | "json" | "literal",
  ) {
    this.sc = new RuneScanner(text);
  }

  parse(): void {
    for (;;) {
      try {
        this.key(this.data, 0);
      } catch (e) {
        if (e instanceof EndOfInput) return;
        throw e;
      }
    }
  }

  private get literal(): boolean {
    return this.mode === "literal";
  }

  private key(data: GoMap, level: number): void {
    const stop = this.literal ? "=[." : "=[,.";
    const { runes: k, last, eof } = runesUntil(this.sc, stop, this.literal);
    if (eof) {
      if (k.length === 0) throw new EndOfInput();
      throw new StrvalsError(`key ${quote(k)} has no value`);
    }
    switch (last) {
      case "[": {
        const i = this.keyIndex();
        let list: GoValue[] = [];
        if (Object.hasOwn(data, k)) list = assertList(data[k]);
        const res = this.listItem(list, i, level);
        setKey(data, k, res.list);
        if (res.error) throw res.error;
        return;
      }
      case "=":
        this.assign(data, k);
        return;
      case ",":
        setKey(data, k, "");
        throw new StrvalsError(`key ${quote(k)} has no value (cannot end with ,)`);
      default: {
        // "."
        const next = level + 1;
        if (next > MAX_NESTED_NAME_LEVEL) {
          throw new StrvalsError(
            `value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`,
          );
        }
        let inner = newGoMap();
        if (Object.hasOwn(data, k)) inner = assertMap(data[k]);
        let err: unknown;
        try {
          this.key(inner, next);
        } catch (e) {
          err = e;
        }
        if (err === undefined && Object.keys(inner).length === 0) {
          throw new StrvalsError(`key map ${quote(k)} has no value`);
        }
        if (Object.keys(inner).length !== 0) setKey(data, k, inner);
        if (err !== undefined) throw err;
      }
    }
  }

  /** The value after `key=`. */
  private assign(data: GoMap, k: string): void {
    if (this.mode === "literal") {
      setKey(data, k, runesUntil(this.sc, "", true).runes);
      return;
    }
    if (this.mode === "json") {
      if (this.emptyVal()) {
        setKey(data, k, null);
        return;
      }
      setKey(data, k, this.jsonValue());
      this.emptyVal();
      return;
    }
    const vl = this.valList();
    if (vl === NOT_LIST) {
      const { runes } = runesUntil(this.sc, ",", false);
      setKey(data, k, this.read(runes));
      return;
    }
    if (vl instanceof EndOfInput) {
      setKey(data, k, "");
      throw vl;
    }
    setKey(data, k, vl);
  }

  private read(runes: string): GoValue {
    return (this.reader as ValueReader)(runes);
  }

  private jsonValue(): GoValue {
    let res: JsonPrefix;
    try {
      res = parseJsonPrefix(this.sc.rest());
    } catch (e) {
      throw new StrvalsError(e instanceof Error ? e.message : String(e));
    }
    this.sc.skipChars(res.end);
    return res.value;
  }

  private keyIndex(): number {
    const { runes, eof } = runesUntil(this.sc, "]", this.literal);
    if (eof) throw new EndOfInput("error parsing index");
    try {
      return atoi(runes);
    } catch (e) {
      if (e instanceof StrvalsError) throw new StrvalsError(`error parsing index: ${e.message}`);
      throw e;
    }
  }

  /**
   * The part after `[i]`. Returns the list together with a deferred error, because Helm's
   * caller stores the list before it returns the error (so `a[0]` alone sets `a: []`).
   */
  private listItem(list: GoValue[], i: number, level: number): { list: GoValue[]; error?: unknown } {
    if (i < 0) return { list, error: new StrvalsError(`negative ${i} index not allowed`) };
    const { runes: k, last, eof } = runesUntil(this.sc, "[.=", this.literal);
    if (k.length > 0) {
      return { list, error: new StrvalsError(`unexpected data at end of array index: ${goQuoteRunes(k)}`) };
    }
    if (eof) return { list, error: new EndOfInput() };
    try {
      switch (last) {
        case "=":
          return { list: this.assignIndex(list, i) };
        case "[": {
          const nextI = this.keyIndex();
          let crt: GoValue[] = [];
          if (list.length > i && list[i] !== null) crt = assertList(list[i]);
          const inner = this.listItem(crt, nextI, level);
          if (inner.error) return { list, error: inner.error };
          return { list: setIndex(list, i, inner.list) };
        }
        default: {
          // "."
          let inner = newGoMap();
          if (list.length > i) {
            const existing = list[i];
            if (isGoMap(existing)) inner = existing;
            else list[i] = inner;
          }
          this.key(inner, level);
          return { list: setIndex(list, i, inner) };
        }
      }
    } catch (e) {
      return { list, error: e };
    }
  }

  private assignIndex(list: GoValue[], i: number): GoValue[] {
    if (this.mode === "literal") return setIndex(list, i, runesUntil(this.sc, "", true).runes);
    if (this.mode === "json") {
      if (this.emptyVal()) return setIndex(list, i, null);
      const out = setIndex(list, i, this.jsonValue());
      this.emptyVal();
      return out;
    }
    const vl = this.valList();
    if (vl === NOT_LIST) {
      const { runes } = runesUntil(this.sc, ",", false);
      return setIndex(list, i, this.read(runes));
    }
    if (vl instanceof EndOfInput) return setIndex(list, i, "");
    return setIndex(list, i, vl);
  }

  /** Skips blanks up to a comma or the end (an empty JSON value); leaves any other rune. */
  private emptyVal(): boolean {
    for (;;) {
      const r = this.sc.read();
      if (r === undefined || r === ",") return true;
      if (!/^\s$/u.test(r)) {
        this.sc.unread();
        return false;
      }
    }
  }

  /** A `{a,b,c}` list, NOT_LIST for a scalar, or EndOfInput right after `=`. */
  private valList(): GoValue[] | typeof NOT_LIST | EndOfInput {
    const r = this.sc.read();
    if (r === undefined) return new EndOfInput();
    if (r !== "{") {
      this.sc.unread();
      return NOT_LIST;
    }
    const list: GoValue[] = [];
    for (;;) {
      const { runes, last, eof } = runesUntil(this.sc, ",}", false);
      if (eof) throw new StrvalsError("list must terminate with '}'");
      if (last === "}") {
        const after = this.sc.read();
        if (after !== undefined && after !== ",") this.sc.unread();
        list.push(this.read(runes));
        return list;
      }
      list.push(this.read(runes));
    }
  }
}

/** Options of parseSetInto: how `--set-file` reads a file (I/O stays at the edge). */
export interface StrvalsOptions {
  /** Reads the file named by a `--set-file` value; throws with Go's error text. */
  readFile?: (path: string) => string;
}

/**
 * Parses one `--set*` line into `dest` (mutated), like Helm's strvals.ParseInto and friends.
 * Throws StrvalsError with Helm's text (without the `failed parsing --set data: ` prefix).
 */
export function parseSetInto(kind: SetKind, line: string, dest: GoMap, opts: StrvalsOptions = {}): void {
  switch (kind) {
    case "set":
      new Parser(line, dest, (rs) => typedValue(rs, false), "typed").parse();
      return;
    case "set-string":
      new Parser(line, dest, (rs) => typedValue(rs, true), "typed").parse();
      return;
    case "set-file": {
      const readFile = opts.readFile;
      if (!readFile) throw new StrvalsError("--set-file needs a file reader");
      new Parser(line, dest, (rs) => readFile(rs), "typed").parse();
      return;
    }
    case "set-json":
      new Parser(line, dest, undefined, "json").parse();
      return;
    case "set-literal":
      new Parser(line, dest, undefined, "literal").parse();
      return;
  }
}

/** Parses one line into a fresh map (Helm's strvals.Parse / ParseString ...). */
export function parseSet(kind: SetKind, line: string, opts: StrvalsOptions = {}): GoMap {
  const out = newGoMap();
  parseSetInto(kind, line, out, opts);
  return out;
}
