/**
 * A fast path of parseYaml for the layout most values files have: a block mapping at the root,
 * block mappings and sequences below, one-line plain or quoted scalars (no escapes), literal
 * block scalars (`|`, `|-`), `[]`, `{}` and one-line flow lists of scalars, comments. On a cold
 * process the general parser (eemeli's `yaml` plus go-yaml's rules) spent a third of a chart's
 * run on its values files.
 *
 * Exactness: a text is read here only if every line has one of those forms and the indentation
 * nests as YAML requires; the values are what the full parser gives (go-yaml v2's scalar
 * resolution through the same resolveScalar, sigs' key conversion, duplicate keys as a Go map
 * keeps them). Anything else (anchors, tags, merge keys, folded or kept block scalars, escapes,
 * multi-line flow scalars, flow maps, tabs, control characters, several documents, keys that are
 * not plain strings, booleans or small ints) answers undefined and the full parser reads it.
 */
import { type GoMap, type GoValue, newGoMap } from "../govalue/value.js";
import { resolveScalar } from "./resolve.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNUSUAL = /[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
const PLAIN_KEY = /^[A-Za-z0-9_$./][A-Za-z0-9_$./+@~-]*/;
/** A plain scalar inside a flow list: no flow indicators, quotes, `:` or `#`. */
const FLOW_PLAIN = /^[A-Za-z0-9_$./=+@~][^,[\]{}:#'"\\]*/;
const MAX_KEY = 1000;
const MAX_DEPTH = 200;
const MAX_INDENT = 1000;
const INT64_LIMIT = 2n ** 63n;

class Unsupported extends Error {}
const fail = (): never => {
  throw new Unsupported();
};

/** A plain scalar's Go value after go-yaml's resolution and the JSON round trip. */
function plainScalar(text: string): GoValue {
  const r = resolveScalar(text, true);
  switch (r.tag) {
    case "null":
      return null;
    case "bool":
      return r.value;
    case "int":
      return Number(r.value);
    case "float":
      // .inf/.nan fail the JSON conversion: the full parser says how.
      return Number.isFinite(r.value) ? r.value : fail();
    default:
      return text;
  }
}

/** Blanks then a comment or the end. */
function restIsBlank(s: string, from: number): boolean {
  let i = from;
  while (i < s.length && s.charCodeAt(i) === 0x20) i++;
  return i === s.length || (i > from && s.charCodeAt(i) === 0x23);
}

function isSeqEntry(s: string, indent: number): boolean {
  return s.charCodeAt(indent) === 0x2d && (indent + 1 === s.length || s.charCodeAt(indent + 1) === 0x20);
}

function indentOf(s: string): number {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === 0x20) i++;
  return i;
}

/** A one-line value: a Go value, or a block scalar to read from the following lines. */
type Inline = { value: GoValue } | { block: "clip" | "strip" } | { empty: true };

/** A mapping key as Go map key (sigs' conversion) and its identity in the Go map go-yaml builds. */
interface Key {
  name: string;
  id: string;
  next: number;
}

class SimpleParser {
  private pos = 0;
  constructor(private readonly lines: string[]) {}

  /** The next line with content (not blank, not a comment), or undefined at the end. */
  private peek(): number | undefined {
    while (this.pos < this.lines.length) {
      const l = this.lines[this.pos] as string;
      const ind = indentOf(l);
      if (ind === l.length || l.charCodeAt(ind) === 0x23) {
        this.pos++;
        continue;
      }
      if (ind === 0 && (l.startsWith("---") || l.startsWith("..."))) return fail();
      // The full parser bounds a line's lead of blanks (its nesting check): leave deep ones to it.
      if (ind > MAX_INDENT) return fail();
      return ind;
    }
    return undefined;
  }

  document(): GoValue {
    const ind = this.peek();
    if (ind !== 0 || isSeqEntry(this.lines[this.pos] as string, 0)) return fail();
    const v = this.mapping(0, 0);
    if (this.peek() !== undefined) return fail();
    return v;
  }

  /** A block node whose first line is the next content line, at `indent`. */
  private node(indent: number, depth: number): GoValue {
    if (depth > MAX_DEPTH) return fail();
    const line = this.lines[this.pos] as string;
    if (isSeqEntry(line, indent)) return this.sequence(indent, depth);
    if (readKey(line, indent) !== undefined) return this.mapping(indent, depth);
    // `key:` with `{}` or `[]` on the next line.
    const v = readInline(line, indent);
    if (!("value" in v) || typeof v.value !== "object" || v.value === null) return fail();
    this.pos++;
    return v.value;
  }

  private mapping(indent: number, depth: number): GoMap {
    const entries = new Map<string, { name: string; value: GoValue }>();
    for (;;) {
      const ind = this.peek();
      if (ind === undefined || ind < indent) break;
      if (ind > indent) return fail();
      const line = this.lines[this.pos] as string;
      if (isSeqEntry(line, ind)) break;
      const key = readKey(line, ind);
      if (key === undefined) return fail();
      const value = this.value(line, key.next, indent, depth, "map");
      const had = entries.get(key.id);
      if (had !== undefined) had.value = value;
      else entries.set(key.id, { name: key.name, value });
    }
    const m = newGoMap();
    for (const { name, value } of entries.values()) m[name] = value;
    return m;
  }

  private sequence(indent: number, depth: number): GoValue[] {
    const out: GoValue[] = [];
    for (;;) {
      const ind = this.peek();
      if (ind === undefined || ind < indent) break;
      if (ind > indent) return fail();
      const line = this.lines[this.pos] as string;
      if (!isSeqEntry(line, ind)) break;
      let col = ind + 1;
      while (col < line.length && line.charCodeAt(col) === 0x20) col++;
      if (col < line.length && line.charCodeAt(col) !== 0x23 && readKey(line, col) !== undefined) {
        // `- key: value`: a mapping whose first key is on the dash's line, at the key's column.
        this.lines[this.pos] = " ".repeat(col) + line.slice(col);
        out.push(this.mapping(col, depth + 1));
        continue;
      }
      if (isSeqEntry(line, col)) return fail();
      out.push(this.value(line, col, ind, depth, "seq"));
    }
    return out;
  }

  /** The value after `key:` or `-` on the current line (parent at `indent`); moves past it. */
  private value(line: string, from: number, indent: number, depth: number, parent: "map" | "seq"): GoValue {
    const v = readInline(line, from);
    this.pos++;
    if ("value" in v) return v.value;
    if ("block" in v) return this.literal(indent, v.block);
    const ind = this.peek();
    if (ind === undefined) return null;
    if (ind > indent) return this.node(ind, depth + 1);
    if (ind === indent && parent === "map" && isSeqEntry(this.lines[this.pos] as string, ind)) {
      return this.sequence(ind, depth + 1);
    }
    return null;
  }

  /** A literal block scalar's content (parent indent `n`); clip or strip chomping. */
  private literal(n: number, chomp: "clip" | "strip"): string {
    let contentIndent = -1;
    const body: string[] = [];
    let j = this.pos;
    for (; j < this.lines.length; j++) {
      const l = this.lines[j] as string;
      const ind = indentOf(l);
      if (ind > MAX_INDENT) return fail();
      if (ind === l.length) {
        // Blank lines that would carry blanks of their own are left to the full parser.
        if (l.length > 0 && (contentIndent < 0 || l.length >= contentIndent)) return fail();
        body.push("");
        continue;
      }
      if (contentIndent < 0) {
        if (ind <= n) break;
        contentIndent = ind;
      } else if (ind < contentIndent) break;
      body.push(l.slice(contentIndent));
    }
    if (contentIndent < 0) return fail();
    // Trailing blank lines belong to the chomping, not to the content or the next node.
    let last = body.length;
    while (last > 0 && body[last - 1] === "") last--;
    this.pos = j;
    const text = body.slice(0, last).join("\n");
    return chomp === "strip" || text === "" ? text : `${text}\n`;
  }
}

/** The value on a line from `from` (after `key:` or `- `). */
function readInline(s: string, from: number): Inline {
  let i = from;
  while (i < s.length && s.charCodeAt(i) === 0x20) i++;
  if (i === s.length || s.charCodeAt(i) === 0x23) return { empty: true };
  const c = s[i] as string;
  if (c === '"') {
    const close = s.indexOf('"', i + 1);
    if (close < 0 || s.indexOf("\\", i) >= 0 || !restIsBlank(s, close + 1)) return fail();
    return { value: s.slice(i + 1, close) };
  }
  if (c === "'") {
    let j = i + 1;
    let out = "";
    for (;;) {
      const q = s.indexOf("'", j);
      if (q < 0) return fail();
      out += s.slice(j, q);
      if (s[q + 1] === "'") {
        out += "'";
        j = q + 2;
        continue;
      }
      return restIsBlank(s, q + 1) ? { value: out } : fail();
    }
  }
  if (c === "|") {
    const strip = s[i + 1] === "-";
    if (!restIsBlank(s, strip ? i + 2 : i + 1)) return fail();
    return { block: strip ? "strip" : "clip" };
  }
  if (c === "{") return s[i + 1] === "}" && restIsBlank(s, i + 2) ? { value: newGoMap() } : fail();
  if (c === "[") return { value: readFlowList(s, i) };
  if ("]},#&*!%@`?:>".includes(c)) return fail();
  if (c === "-" && (i + 1 === s.length || s.charCodeAt(i + 1) === 0x20)) return fail();
  let end = s.indexOf(" #", i);
  if (end < 0) end = s.length;
  while (end > i && s.charCodeAt(end - 1) === 0x20) end--;
  const text = s.slice(i, end);
  if (text.includes(": ") || text.endsWith(":")) return fail();
  return { value: plainScalar(text) };
}

/** A flow list of scalars on one line: `[]`, `["", "apps"]`, `[ a, 'b', 1 ]`. */
function readFlowList(s: string, open: number): GoValue[] {
  const out: GoValue[] = [];
  let i = open + 1;
  while (s.charCodeAt(i) === 0x20) i++;
  if (s[i] === "]") return restIsBlank(s, i + 1) ? out : fail();
  for (;;) {
    while (s.charCodeAt(i) === 0x20) i++;
    const c = s[i];
    if (c === '"') {
      const close = s.indexOf('"', i + 1);
      if (close < 0 || s.slice(i, close).includes("\\")) return fail();
      out.push(s.slice(i + 1, close));
      i = close + 1;
    } else if (c === "'") {
      let j = i + 1;
      let text = "";
      for (;;) {
        const q = s.indexOf("'", j);
        if (q < 0) return fail();
        text += s.slice(j, q);
        if (s[q + 1] === "'") {
          text += "'";
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out.push(text);
    } else {
      const m = FLOW_PLAIN.exec(s.slice(i));
      if (m === null) return fail();
      out.push(plainScalar((m[0] as string).trimEnd()));
      i += (m[0] as string).length;
    }
    while (s.charCodeAt(i) === 0x20) i++;
    if (s[i] === "]") return restIsBlank(s, i + 1) ? out : fail();
    if (s[i] !== ",") return fail();
    i++;
  }
}

/** A mapping key at `from` (plain or quoted, then `:` and a blank or the end), or undefined. */
function readKey(s: string, from: number): Key | undefined {
  const c = s[from];
  let text: string;
  let colon: number;
  let quoted = false;
  if (c === '"' || c === "'") {
    const close = s.indexOf(c, from + 1);
    if (close < 0) return undefined;
    text = s.slice(from + 1, close);
    if (c === '"' && text.includes("\\")) return fail();
    colon = close + 1;
    quoted = true;
  } else {
    const m = PLAIN_KEY.exec(s.length - from > MAX_KEY + 2 ? s.slice(from, from + MAX_KEY + 2) : s.slice(from));
    if (m === null) return undefined;
    text = m[0];
    colon = from + text.length;
  }
  if (s[colon] !== ":" || (colon + 1 < s.length && s.charCodeAt(colon + 1) !== 0x20)) return undefined;
  if (text.length > MAX_KEY) return fail();
  const next = colon + 1;
  if (quoted) return { name: text, id: `s:${text}`, next };
  const r = resolveScalar(text, true);
  switch (r.tag) {
    case "str":
    case "timestamp":
      return { name: text, id: `s:${text}`, next };
    case "bool":
      return { name: String(r.value), id: `b:${r.value}`, next };
    case "int":
      return r.value >= INT64_LIMIT || r.value < -INT64_LIMIT
        ? fail()
        : { name: r.value.toString(), id: `i:${r.value}`, next };
    default:
      return fail();
  }
}

/**
 * parseYaml's value of `text` when it has the simple layout (see the module comment), else
 * undefined.
 */
export function parseSimpleYaml(text: string): GoValue | undefined {
  if (text.includes("\t") || text.includes("\r") || UNUSUAL.test(text)) return undefined;
  try {
    return new SimpleParser(text.split("\n")).document();
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
