/**
 * A fast reader of the fields Helm's SimpleHead needs (apiVersion, kind, metadata.name,
 * metadata.annotations) for the layout rendered manifests almost always have: block mappings
 * and sequences, one-line plain or quoted scalars without escapes, block scalars, `[]`/`{}`,
 * comments. sortManifests parses every document in full only to read these; on CRD-heavy
 * charts that was most of the run.
 *
 * Exactness: a document is read here only if every line has one of those forms and the
 * indentation nests the way YAML requires, so the full parser would accept it too and give the
 * same values. Anything else (anchors, tags, flow collections with content, escapes, multi-line
 * flow scalars, explicit keys, keys or values that are not plain strings where it matters,
 * tabs, control characters, ...) answers undefined, and the caller parses the document in full.
 * The result is the document's relevant entries as a Go map for readSimpleHead: the top-level
 * keys that match apiVersion/kind/metadata case-insensitively, in document order, with
 * metadata's name/annotations likewise (encoding/json matches fields that way).
 */
import { type GoMap, type GoValue, newGoMap } from "../govalue/value.js";
import { resolveScalar } from "../yaml/resolve.js";

/** Characters that make the full parser's job different (control characters, YAML 1.1 breaks, BOM). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNUSUAL = /[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;

/** A plain key that the full parser reads as itself (checked further by resolveScalar). */
const PLAIN_KEY = /^[A-Za-z0-9_$./][A-Za-z0-9_$./+@~-]*/;

/** A plain scalar inside a flow sequence: no flow indicators, quotes, `:` or `#` anywhere. */
const FLOW_PLAIN = /^[A-Za-z0-9_$./=+@~][^,[\]{}:#'"\\]*/;

const MAX_KEY = 1000;
const MAX_INDENT = 1000;

/** A one-line scalar, or the start of something longer. */
type Value =
  /** `value` undefined: not a plain string; `more`: further lines may continue it. */
  | { kind: "scalar"; value: GoValue; more: boolean }
  | { kind: "openQuote"; quote: '"' | "'" }
  | { kind: "flowList" }
  | { kind: "empty" }
  | { kind: "emptyMap" }
  | { kind: "emptyList" }
  | { kind: "block" };

/** Fields at each level that readSimpleHead looks at (lower case). */
type Level = "root" | "metadata" | "annotations" | "other";

interface Block {
  indent: number;
  kind: "map" | "seq";
  level: Level;
  /** The Go map this mapping's relevant entries go into (root, metadata, annotations). */
  target: GoMap | undefined;
  /** A sequence at its parent mapping's indent (`key:\n- a`): ends at the next key there. */
  zeroIndented: boolean;
}

interface Pending {
  /** Indent the children must exceed (or equal, for a sequence under a mapping key). */
  indent: number;
  parent: "map" | "seq";
  /** What the child block is, when it is a mapping: its level and the map it fills. */
  level: Level;
  /** Where a child mapping goes: parent target and key, when relevant. */
  assign: ((v: GoValue) => void) | undefined;
  /** Whether this key's value must be a scalar (apiVersion, kind, name, annotation values). */
  scalarOnly: boolean;
}

class Unsupported extends Error {}

const fail = (): never => {
  throw new Unsupported();
};

const keyCache = new Map<string, boolean>();

/** Whether a plain key reads as that same string (not a bool, null, number, merge key). */
function plainKeyIsString(key: string): boolean {
  let ok = keyCache.get(key);
  if (ok === undefined) {
    ok = resolveScalar(key, true).tag === "str";
    if (keyCache.size < 10_000) keyCache.set(key, ok);
  }
  return ok;
}

/** Where a ` #` comment starts in a plain scalar's text, or the text's length. */
function plainEnd(s: string, from: number): number {
  let i = s.indexOf(" #", from);
  if (i < 0) i = s.length;
  let end = i;
  while (end > from && s.charCodeAt(end - 1) === 0x20) end--;
  return end;
}

/** What may follow a closing quote or `[]`/`{}`: blanks, then a comment or the end. */
function restIsBlank(s: string, from: number): boolean {
  let i = from;
  while (i < s.length && s.charCodeAt(i) === 0x20) i++;
  return i === s.length || (i > from && s.charCodeAt(i) === 0x23);
}

/** A one-line value starting at `from` (after `key: ` or `- `). */
function readValue(s: string, from: number): Value {
  let i = from;
  while (i < s.length && s.charCodeAt(i) === 0x20) i++;
  if (i === s.length || s.charCodeAt(i) === 0x23) return { kind: "empty" };
  const c = s[i] as string;
  if (c === '"') {
    if (s.indexOf("\\", i) >= 0) return fail();
    const close = s.indexOf('"', i + 1);
    if (close < 0) return { kind: "openQuote", quote: c };
    if (!restIsBlank(s, close + 1)) return fail();
    return { kind: "scalar", value: s.slice(i + 1, close), more: false };
  }
  if (c === "'") {
    let j = i + 1;
    let out = "";
    for (;;) {
      const q = s.indexOf("'", j);
      if (q < 0) return { kind: "openQuote", quote: c };
      out += s.slice(j, q);
      if (s[q + 1] === "'") {
        out += "'";
        j = q + 2;
        continue;
      }
      if (!restIsBlank(s, q + 1)) return fail();
      return { kind: "scalar", value: out, more: false };
    }
  }
  if (c === "|" || c === ">") {
    let j = i + 1;
    if (s[j] === "-" || s[j] === "+") j++;
    if (!restIsBlank(s, j)) return fail();
    return { kind: "block" };
  }
  if (c === "[" || c === "{") {
    if (s[i + 1] === (c === "[" ? "]" : "}")) {
      if (!restIsBlank(s, i + 2)) return fail();
      return { kind: c === "[" ? "emptyList" : "emptyMap" };
    }
    if (c === "[") return readFlowList(s, i);
    return fail();
  }
  // Indicators that start something else than a plain scalar (or need a closer look).
  if ("]},#&*!%@`?:".includes(c)) return fail();
  if (c === "-" && (i + 1 === s.length || s.charCodeAt(i + 1) === 0x20)) return fail();
  const end = plainEnd(s, i);
  const text = s.slice(i, end);
  if (text.includes(": ") || text.endsWith(":")) return fail();
  const value = plainValue(text);
  // A comment ends the scalar: no continuation lines after it.
  return { kind: "scalar", value, more: s.indexOf(" #", i) < 0 };
}

/** A plain scalar's Go value when it is a string; undefined otherwise (fails for .inf/.nan). */
function plainValue(text: string): string | undefined {
  const r = resolveScalar(text, true);
  // The special floats fail the JSON conversion in the full parser.
  if (r.tag === "float" && !Number.isFinite(r.value)) return fail();
  return r.tag === "str" ? text : undefined;
}

/** A flow sequence of scalars on one line (`["", "apps"]`, `[ a, 'b' ]`). */
function readFlowList(s: string, open: number): Value {
  let i = open + 1;
  for (;;) {
    while (s.charCodeAt(i) === 0x20) i++;
    const c = s[i];
    if (c === '"') {
      const close = s.indexOf('"', i + 1);
      if (close < 0) return fail();
      i = close + 1;
    } else if (c === "'") {
      let q = s.indexOf("'", i + 1);
      while (q >= 0 && s[q + 1] === "'") q = s.indexOf("'", q + 2);
      if (q < 0) return fail();
      i = q + 1;
    } else {
      const m = FLOW_PLAIN.exec(s.slice(i));
      if (m === null) return fail();
      plainValue((m[0] as string).trimEnd());
      i += (m[0] as string).length;
    }
    while (s.charCodeAt(i) === 0x20) i++;
    if (s[i] === "]") return restIsBlank(s, i + 1) ? { kind: "flowList" } : fail();
    if (s[i] !== ",") return fail();
    i++;
  }
}

/** A mapping key at `from`: its text and where its value starts, or undefined for no key. */
function readKey(s: string, from: number): { key: string; next: number } | undefined {
  const c = s[from];
  let key: string;
  let colon: number;
  if (c === '"' || c === "'") {
    const close = s.indexOf(c, from + 1);
    if (close < 0) return undefined;
    key = s.slice(from + 1, close);
    if (c === '"' && key.includes("\\")) return fail();
    colon = close + 1;
    if (s[colon] !== ":") return undefined;
  } else {
    const m = PLAIN_KEY.exec(s.slice(from, from + MAX_KEY + 2));
    if (m === null) return undefined;
    key = m[0];
    colon = from + key.length;
    if (s[colon] !== ":") return undefined;
    if (!plainKeyIsString(key)) return fail();
  }
  if (colon + 1 < s.length && s.charCodeAt(colon + 1) !== 0x20) return undefined;
  if (key.length > MAX_KEY) return fail();
  return { key, next: colon + 1 };
}

function levelBelow(level: Level, key: string): Level {
  const k = key.toLowerCase();
  if (level === "root" && k === "metadata") return "metadata";
  if (level === "metadata" && k === "annotations") return "annotations";
  return "other";
}

/** Whether readSimpleHead reads this key's value as a string. */
function isScalarField(level: Level, key: string): boolean {
  if (level === "annotations") return true;
  const k = key.toLowerCase();
  if (level === "root") return k === "apiversion" || k === "kind";
  return level === "metadata" && k === "name";
}

/**
 * The document's SimpleHead fields as a Go map (see the module comment), or undefined when the
 * document needs the full parser. `doc` is one trimmed document of SplitManifests.
 */
export function fastHeadFields(doc: string): GoMap | undefined {
  if (doc.includes("\r") || doc.includes("\t") || UNUSUAL.test(doc)) {
    // Tabs are fine inside block scalars; documents with any are rare enough to parse in full.
    return undefined;
  }
  try {
    return readHead(doc);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function readHead(doc: string): GoMap {
  const root = newGoMap();
  const stack: Block[] = [];
  let pending: Pending | undefined;
  const lines = doc.split("\n");
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li] as string;
    let indent = 0;
    while (indent < line.length && line.charCodeAt(indent) === 0x20) indent++;
    if (indent === line.length || line.charCodeAt(indent) === 0x23) continue;
    if (indent > MAX_INDENT) return fail();
    if (indent === 0 && (line.startsWith("---") || line.startsWith("..."))) return fail();

    if (pending !== undefined) {
      const p = pending;
      pending = undefined;
      const isSeq = line.charCodeAt(indent) === 0x2d && (indent + 1 === line.length || line[indent + 1] === " ");
      if (indent > p.indent || (indent === p.indent && p.parent === "map" && isSeq)) {
        if (p.scalarOnly) return fail();
        const flow = line[indent];
        if ((flow === "{" || flow === "[") && !isSeq) {
          // `key:` with `{}` or `[]` on the next line (how `toYaml` of an empty value indents).
          const v = readValue(line, indent);
          if (v.kind === "emptyMap") p.assign?.(newGoMap());
          else if (v.kind !== "emptyList" || p.assign !== undefined) return fail();
          continue;
        }
        if (isSeq) {
          if (p.assign !== undefined) return fail();
          stack.push({ indent, kind: "seq", level: "other", target: undefined, zeroIndented: indent === p.indent });
        } else {
          const target = p.assign !== undefined ? newGoMap() : undefined;
          if (target !== undefined) p.assign?.(target);
          stack.push({ indent, kind: "map", level: p.level, target, zeroIndented: false });
        }
      } else {
        p.assign?.(null);
      }
    }

    while (stack.length > 0 && (stack[stack.length - 1] as Block).indent > indent) stack.pop();
    const isSeqEntry = line.charCodeAt(indent) === 0x2d && (indent + 1 === line.length || line[indent + 1] === " ");
    let top = stack[stack.length - 1];
    if (top === undefined) {
      // The root: a mapping at column 0 (documents are trimmed, so the first line is there).
      if (indent !== 0 || isSeqEntry) return fail();
      top = { indent: 0, kind: "map", level: "root", target: root, zeroIndented: false };
      stack.push(top);
    }
    if (top.indent !== indent) return fail();
    if (isSeqEntry && top.kind === "map") return fail();
    if (!isSeqEntry && top.kind === "seq") {
      if (!top.zeroIndented) return fail();
      stack.pop();
      top = stack[stack.length - 1];
      if (top === undefined || top.kind !== "map" || top.indent !== indent) return fail();
    }

    let col = indent;
    let block = top;
    if (isSeqEntry) {
      // `- value`, `- key: value` (a compact mapping at the key's column), or `-` (children below).
      col = indent + 1;
      while (col < line.length && line.charCodeAt(col) === 0x20) col++;
      if (col === line.length || line.charCodeAt(col) === 0x23) {
        pending = { indent, parent: "seq", level: "other", assign: undefined, scalarOnly: false };
        continue;
      }
      const k = readKey(line, col);
      if (k === undefined) {
        const v = readValue(line, col);
        if (v.kind === "empty")
          pending = { indent, parent: "seq", level: "other", assign: undefined, scalarOnly: false };
        else li = skipRest(lines, li, indent, v);
        continue;
      }
      if (col > MAX_INDENT) return fail();
      block = { indent: col, kind: "map", level: "other", target: undefined, zeroIndented: false };
      stack.push(block);
    }

    const k = readKey(line, col);
    if (k === undefined) return fail();
    const target = block.target;
    const relevant =
      target !== undefined &&
      (block.level === "annotations" ||
        levelBelow(block.level, k.key) !== "other" ||
        isScalarField(block.level, k.key));
    const scalarOnly = relevant && isScalarField(block.level, k.key);
    const assign =
      relevant && target !== undefined
        ? (v: GoValue) => {
            target[k.key] = v;
          }
        : undefined;
    const v = readValue(line, k.next);
    switch (v.kind) {
      case "scalar": {
        if (scalarOnly && v.value === undefined) return fail();
        if (relevant && !scalarOnly) return fail();
        const last = skipRest(lines, li, col, v);
        // A value folded over several lines is left to the full parser where it matters.
        if (last !== li && relevant) return fail();
        li = last;
        assign?.(v.value as GoValue);
        break;
      }
      case "openQuote":
      case "flowList":
        if (relevant) return fail();
        li = skipRest(lines, li, col, v);
        break;
      case "empty":
        pending = {
          indent: col,
          parent: "map",
          level: relevant ? levelBelow(block.level, k.key) : "other",
          assign,
          scalarOnly,
        };
        break;
      case "emptyMap":
        if (scalarOnly) return fail();
        assign?.(newGoMap());
        break;
      case "emptyList":
        if (relevant) return fail();
        break;
      case "block":
        if (relevant) return fail();
        li = skipRest(lines, li, col, v);
        break;
    }
  }
  if (pending !== undefined) pending.assign?.(null);
  return root;
}

/**
 * The last line of a value that starts on line `li` (parent indent `n`): block scalars' content,
 * a plain scalar's continuation lines, a quoted scalar's following lines.
 */
function skipRest(lines: string[], li: number, n: number, v: Value): number {
  if (v.kind === "block") return skipBlockScalar(lines, li, n);
  if (v.kind === "scalar" && v.more) return skipPlainContinuation(lines, li, n);
  if (v.kind === "openQuote") return skipQuoted(lines, li, n, v.quote);
  return li;
}

/**
 * What a continuation line may not start with: the indicators that could start another node or
 * mean something at a line's start (quotes and backquotes are plain text there).
 */
const INDICATORS = "-?:,[]{}#&*!|>%@";

/** A multi-line plain scalar's further lines: deeper than `n`, plain text without `: ` or ` #`. */
function skipPlainContinuation(lines: string[], li: number, n: number): number {
  let last = li;
  for (let j = li + 1; j < lines.length; j++) {
    const l = lines[j] as string;
    let ind = 0;
    while (ind < l.length && l.charCodeAt(ind) === 0x20) ind++;
    if (ind === l.length) continue;
    if (ind <= n || l.charCodeAt(ind) === 0x23) break;
    if (INDICATORS.includes(l[ind] as string) || l.includes(": ") || l.includes(" #") || l.endsWith(":")) return fail();
    last = j;
  }
  return last;
}

/** A quoted scalar's following lines, up to its closing quote (deeper than `n`, no escapes). */
function skipQuoted(lines: string[], li: number, n: number, quote: '"' | "'"): number {
  for (let j = li + 1; j < lines.length; j++) {
    const l = lines[j] as string;
    let ind = 0;
    while (ind < l.length && l.charCodeAt(ind) === 0x20) ind++;
    if (ind === l.length) continue;
    if (ind <= n) return fail();
    if (quote === '"' && l.includes("\\")) return fail();
    let q = l.indexOf(quote, ind);
    while (quote === "'" && q >= 0 && l[q + 1] === "'") q = l.indexOf(quote, q + 2);
    if (q < 0) continue;
    return restIsBlank(l, q + 1) ? j : fail();
  }
  return fail();
}

/**
 * Skips a block scalar's content after its header line `li` (parent indent `n`); returns the
 * last line of the content. The content's indent is its first non-blank line's; blank lines
 * before it must not be longer (the parsers disagree there), and an empty block is left to
 * the full parser.
 */
function skipBlockScalar(lines: string[], li: number, n: number): number {
  let contentIndent = -1;
  let maxLeadingBlank = 0;
  let j = li + 1;
  for (; j < lines.length; j++) {
    const l = lines[j] as string;
    let ind = 0;
    while (ind < l.length && l.charCodeAt(ind) === 0x20) ind++;
    if (ind === l.length) {
      if (contentIndent < 0) maxLeadingBlank = Math.max(maxLeadingBlank, ind);
      continue;
    }
    if (contentIndent < 0) {
      if (ind <= n) {
        // An empty block scalar; blank lines with blanks in between are left to the full parser.
        return maxLeadingBlank === 0 ? li : fail();
      }
      if (ind < maxLeadingBlank) return fail();
      contentIndent = ind;
      continue;
    }
    if (ind < contentIndent) break;
  }
  if (contentIndent < 0) return maxLeadingBlank === 0 ? li : fail();
  return j - 1;
}
