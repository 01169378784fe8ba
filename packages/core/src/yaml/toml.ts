/**
 * Helm's toToml (BurntSushi/toml's Encoder, as Helm 4.1.4 ships it) and fromToml (its decoder
 * into map[string]interface{}, here through smol-toml).
 */
import { parse as parseTomlText, TomlDate, TomlError } from "smol-toml";
import { goStringCompare } from "../govalue/string-order.js";
import { GoError, type GoMap, GoObject, type GoValue, isGoMap, newGoMap } from "../govalue/value.js";
import { formatFloatG } from "./gofmt.js";
import { toBurntSushiError } from "./toml-errors.js";

const INDENT = "  ";

type TomlKind = "nil" | "hash" | "arrayHash" | "array" | "scalar";

/** A GoObject as the encoder sees it: its JSON-ish plain value when it has one. */
function plainOf(v: GoValue): GoValue {
  if (v instanceof GoObject) return v.marshalValue() ?? v.asMap() ?? v.asList() ?? v.format();
  return v;
}

function kindOf(raw: GoValue): TomlKind {
  const v = plainOf(raw);
  if (v === undefined || v === null) return "nil";
  if (isGoMap(v)) return "hash";
  if (Array.isArray(v)) return isTableArray(v) ? "arrayHash" : "array";
  return "scalar";
}

function isTableArray(arr: readonly GoValue[]): boolean {
  if (arr.length === 0) return false;
  let all = true;
  for (const e of arr) {
    const k = kindOf(e);
    if (k === "nil") throw new GoError("toml: cannot encode array with nil element");
    if (k !== "hash") all = false;
  }
  return all;
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

function quoteString(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\f") out += "\\f";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `"${out}"`;
}

function maybeQuoted(k: string): string {
  return BARE_KEY.test(k) ? k : quoteString(k);
}

function floatText(f: number): string {
  if (Number.isNaN(f)) return "nan";
  if (!Number.isFinite(f)) return f > 0 ? "inf" : "-inf";
  const s = formatFloatG(f, 64);
  return s.includes(".") || s.includes("e") ? s : `${s}.0`;
}

class TomlEncoder {
  out = "";
  private hasWritten = false;

  private wf(s: string): void {
    this.out += s;
    this.hasWritten = true;
  }
  private newline(): void {
    if (this.hasWritten) this.wf("\n");
  }
  private indentStr(key: readonly string[]): string {
    return INDENT.repeat(Math.max(key.length - 1, 0));
  }

  encode(key: readonly string[], raw: GoValue): void {
    const v = plainOf(raw);
    if (isGoMap(v)) {
      this.table(key, v);
      return;
    }
    if (Array.isArray(v) && isTableArray(v)) {
      this.arrayOfTables(key, v);
      return;
    }
    this.keyValue(key, v);
  }

  private table(key: readonly string[], m: GoMap): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.wf(`${this.indentStr(key)}[${key.map(maybeQuoted).join(".")}]`);
      this.newline();
    }
    this.map(key, m);
  }

  private arrayOfTables(key: readonly string[], arr: readonly GoValue[]): void {
    for (const e of arr) {
      this.newline();
      this.wf(`${this.indentStr(key)}[[${key.map(maybeQuoted).join(".")}]]`);
      this.newline();
      this.map(key, plainOf(e) as GoMap);
    }
  }

  private map(key: readonly string[], m: GoMap): void {
    const direct: string[] = [];
    const sub: string[] = [];
    for (const k of Object.keys(m)) {
      const kind = kindOf(m[k]);
      if (kind === "hash" || kind === "arrayHash") sub.push(k);
      else direct.push(k);
    }
    for (const group of [direct, sub]) {
      group.sort(goStringCompare);
      for (const k of group) {
        const val = m[k];
        if (val === null || val === undefined) continue;
        this.encode([...key, k], val);
      }
    }
  }

  private keyValue(key: readonly string[], v: GoValue): void {
    if (key.length === 0) {
      this.element(v);
      return;
    }
    this.wf(`${this.indentStr(key)}${maybeQuoted(key[key.length - 1] as string)} = `);
    this.element(v);
    this.newline();
  }

  private element(raw: GoValue): void {
    const v = plainOf(raw);
    if (typeof v === "boolean") {
      this.wf(v ? "true" : "false");
      return;
    }
    if (typeof v === "bigint") {
      this.wf(v.toString());
      return;
    }
    if (typeof v === "number") {
      this.wf(floatText(v));
      return;
    }
    if (typeof v === "string") {
      this.wf(quoteString(v));
      return;
    }
    if (v instanceof Uint8Array) {
      this.wf(`[${Array.from(v).join(", ")}]`);
      return;
    }
    if (Array.isArray(v)) {
      this.wf("[");
      v.forEach((e, i) => {
        if (i > 0) this.wf(", ");
        this.element(e);
      });
      this.wf("]");
      return;
    }
    if (isGoMap(v)) {
      this.wf("{");
      const keys = Object.keys(v)
        .filter((k) => v[k] !== null && v[k] !== undefined)
        .sort(goStringCompare);
      keys.forEach((k, i) => {
        if (i > 0) this.wf(", ");
        this.wf(`${maybeQuoted(k)} = `);
        this.element(v[k]);
      });
      this.wf("}");
      return;
    }
    throw new GoError("reflect: call of reflect.Value.Type on zero Value");
  }
}

/**
 * Helm's toToml: the encoder's output, or its error text. A nil value makes BurntSushi panic,
 * which the template engine reports as the function's error: that one is thrown.
 */
export function toToml(v: GoValue): string {
  if (v === undefined || v === null) throw new GoError("reflect: call of reflect.Value.Type on zero Value");
  const enc = new TomlEncoder();
  try {
    enc.encode([], v);
  } catch (e) {
    if (e instanceof GoError && e.message.startsWith("toml: ")) return e.message;
    throw e;
  }
  return enc.out;
}

/** A TOML date/time as Go's time.Time: prints like time.Time.String(), marshals as RFC 3339. */
class TomlTime extends GoObject {
  readonly goType = "time.Time";
  constructor(private readonly date: TomlDate) {
    super();
  }
  private parts(): { date: string; time: string; nanos: string; offset: string } {
    const iso = this.date.toISOString();
    if (this.date.isTime()) {
      const [t, frac = ""] = iso.split(".");
      return { date: "0000-01-01", time: t as string, nanos: frac, offset: "Z" };
    }
    if (this.date.isDate()) return { date: iso.slice(0, 10), time: "00:00:00", nanos: "", offset: "Z" };
    const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/i.exec(iso);
    if (!m) return { date: iso, time: "", nanos: "", offset: "Z" };
    return { date: m[1] as string, time: m[2] as string, nanos: m[3] ?? "", offset: (m[4] ?? "Z").toUpperCase() };
  }
  field(): GoValue | undefined {
    return undefined;
  }
  format(): string {
    const p = this.parts();
    const frac = p.nanos.replace(/0+$/, "");
    const off = p.offset === "Z" ? "+0000 UTC" : `${p.offset.replace(":", "")} ${p.offset.replace(":", "")}`;
    return `${p.date} ${p.time}${frac ? `.${frac}` : ""} ${off}`;
  }
  override marshalValue(): GoValue {
    const p = this.parts();
    const frac = p.nanos.replace(/0+$/, "");
    return `${p.date}T${p.time}${frac ? `.${frac}` : ""}${p.offset}`;
  }
}

function fromTomlValue(v: unknown): GoValue {
  if (v instanceof TomlDate) return new TomlTime(v);
  if (Array.isArray(v)) return v.map(fromTomlValue);
  if (v !== null && typeof v === "object")
    return newGoMap(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromTomlValue(x)]));
  return v as GoValue;
}

/** Helm's fromToml: the document as a map (integers int64, floats float64); errors under `Error`. */
export function fromToml(text: string): GoMap {
  try {
    return fromTomlValue(parseTomlText(text, { integersAsBigInt: true })) as GoMap;
  } catch (e) {
    if (e instanceof TomlError) {
      const first = (e.message.split("\n")[0] ?? e.message).replace(/^Invalid TOML document: /, "");
      return newGoMap([["Error", toBurntSushiError(first, e.line, text)]]);
    }
    throw e;
  }
}
