/**
 * sigs.k8s.io/yaml.Unmarshal into interface{}, as Helm reads values files, Chart.yaml and
 * `fromYaml` input: go-yaml v2 decodes the first document with YAML 1.1 scalars, keys become
 * strings the way sigs converts them for JSON, and every number comes back as a float64.
 *
 * The syntax is eemeli's `yaml` (failsafe schema: every scalar stays text); typing, merge keys,
 * aliases and key conversion follow go-yaml v2 and sigs here.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, parseAllDocuments, type Scalar } from "yaml";
import { GoError, type GoMap, type GoValue, newGoMap } from "../govalue/value.js";
import { formatFloatG } from "./gofmt.js";
import { goSharpV } from "./gosharpv.js";
import { checkDirectives, checkDoubleQuoted, checkMissingKey, toGoYamlError } from "./parse-errors.js";
import { parseSimpleYaml } from "./parse-simple.js";
import { type Resolved, resolveScalar } from "./resolve.js";

/** What go-yaml v2 decodes before sigs converts it: keys may be any scalar. */
type Decoded = null | string | boolean | { readonly int: bigint } | { readonly float: number } | Decoded[] | DecodedMap;

class DecodedMap {
  readonly entries = new Map<string, { key: Decoded; value: Decoded }>();
}

const YAML_TAG_PREFIX = "tag:yaml.org,2002:";
const RESOLVABLE_TAGS = new Set(["", "!!str", "!!bool", "!!int", "!!float", "!!null", "!!timestamp"]);
const MAX_DEPTH = 10000;

/** A decoding failure with go-yaml's message, before sigs' "error converting YAML to JSON: " prefix. */
class YamlFailure extends Error {}

const PARSE_OPTIONS = {
  schema: "failsafe",
  version: "1.1",
  merge: false,
  uniqueKeys: false,
  strict: false,
  prettyErrors: false,
  logLevel: "silent",
} as const;

/**
 * sigs.k8s.io/yaml.Unmarshal(text, &interface{}): the first document as a Go value (`null` for an
 * empty one). Throws a GoError whose message is sigs' error text.
 */
export function parseYaml(input: string): GoValue {
  if (input.length < REPEAT_MIN_LENGTH) return parseFirstDocument(input);
  const cached = repeats.get(input);
  if (cached !== undefined) return cloneParsed(cached);
  const v = parseFirstDocument(input);
  rememberRepeat(input, v);
  return v;
}

/**
 * Charts parse the same text more than once (istio-base's CRDs go through `fromYaml` twice
 * each): a text seen before, when long enough to matter, is answered from a pristine copy of its
 * first result. Callers own (and may change) what they get, so both directions copy; a copy
 * costs a small fraction of a parse. Bounded by the texts' total length.
 */
const REPEAT_MIN_LENGTH = 512;
const REPEAT_MAX_CHARS = 16 * 1024 * 1024;
const repeats = new Map<string, GoValue>();
let repeatChars = 0;

function rememberRepeat(input: string, v: GoValue): void {
  if (input.length > REPEAT_MAX_CHARS) return;
  if (repeatChars + input.length > REPEAT_MAX_CHARS) {
    repeats.clear();
    repeatChars = 0;
  }
  repeats.set(input, cloneParsed(v));
  repeatChars += input.length;
}

/** A deep copy of what parseFirstDocument returns (null-prototype maps, lists, scalars). */
function cloneParsed(v: GoValue): GoValue {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(cloneParsed);
  const m: GoMap = newGoMap();
  for (const k of Object.keys(v)) m[k] = cloneParsed((v as GoMap)[k] as GoValue);
  return m;
}

function parseFirstDocument(input: string): GoValue {
  // Most values files have a layout a line reader gets right; the full parser does the rest.
  const simple = parseSimpleYaml(input);
  if (simple !== undefined) return simple;
  checkNesting(input);
  const text = yaml11Breaks(input);
  const docs = parseAllDocuments(text, PARSE_OPTIONS);
  const doc = (Array.isArray(docs) ? docs[0] : undefined) as Document.Parsed | undefined;
  if (!doc) return null;
  return documentToGo(doc, text);
}

/**
 * Every document of a multi-document stream, each read like parseYaml reads one (what
 * `helm template` output or a CRD bundle holds). Empty documents give `null`.
 */
export function parseYamlDocuments(input: string): GoValue[] {
  checkNesting(input);
  const text = yaml11Breaks(input);
  const docs = parseAllDocuments(text, PARSE_OPTIONS);
  if (!Array.isArray(docs)) return [];
  return docs.map((d) => documentToGo(d as Document.Parsed, text));
}

const MAX_FLOW_NESTING = 1000;

/**
 * eemeli's parser exhausts the stack on deeply nested flow collections (and V8 may then abort the
 * process), so nesting is bounded first. go-yaml has no such bound; no real document comes near.
 */
function checkNesting(text: string): void {
  let depth = 0;
  let max = 0;
  let lineLead = 0;
  let atLead = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Block nesting shows as a line's lead of blanks and `- `/`? ` indicators.
    if (c === 0x0a) {
      atLead = true;
      lineLead = 0;
      continue;
    }
    if (atLead) {
      if (c === 0x20 || c === 0x2d || c === 0x3f || c === 0x09) {
        if (++lineLead > 2 * MAX_FLOW_NESTING)
          throw new GoError(`error converting YAML to JSON: yaml: exceeded max depth of ${MAX_FLOW_NESTING}`);
        continue;
      }
      atLead = false;
    }
    if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) max = depth;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  if (max > MAX_FLOW_NESTING)
    throw new GoError(`error converting YAML to JSON: yaml: exceeded max depth of ${MAX_FLOW_NESTING}`);
}

/**
 * libyaml's reader turns NEL (U+0085) into a line feed wherever it occurs (YAML 1.1 counts it as
 * a line break; YAML 1.2 parsers such as eemeli's do not). Same length, so offsets still hold.
 */
function yaml11Breaks(text: string): string {
  const t = text.includes("\u0085") ? text.replaceAll("\u0085", "\n") : text;
  return hasFlowKeyIndicator(t) ? flowKeyIndicators(t) : t;
}

/**
 * Whether `/[[{,][ \t]*\?[^ \t\r\n]/` matches, found from the rare `?` instead of from every
 * comma and bracket (the regular expression took 15 ms on a comment-heavy values file).
 */
export function hasFlowKeyIndicator(t: string): boolean {
  for (let q = t.indexOf("?"); q >= 0; q = t.indexOf("?", q + 1)) {
    const next = t.charCodeAt(q + 1);
    if (Number.isNaN(next) || next === 0x20 || next === 0x09 || next === 0x0d || next === 0x0a) continue;
    let i = q - 1;
    while (i >= 0 && (t.charCodeAt(i) === 0x20 || t.charCodeAt(i) === 0x09)) i--;
    const c = t.charCodeAt(i);
    if (c === 0x5b || c === 0x7b || c === 0x2c) return true;
  }
  return false;
}

/**
 * In a flow collection libyaml reads every `?` as the explicit-key indicator (`[?x]` is
 * `[{x: null}]`); YAML 1.2 parsers need a blank after it. Adds that blank, outside quotes,
 * comments and block scalars; lines do not move, so error lines stay right.
 */
function flowKeyIndicators(text: string): string {
  let out = "";
  let depth = 0;
  let quote = "";
  let blockIndent = -1;
  const lines = text.split("\n");
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li] as string;
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0 && !quote) {
      if (line.trim() === "" || indent > blockIndent) {
        out += li < lines.length - 1 ? `${line}\n` : line;
        continue;
      }
      blockIndent = -1;
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i] as string;
      if (quote) {
        if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") {
            out += "''";
            i++;
            continue;
          }
          quote = "";
        } else if (quote === '"' && c === "\\") {
          out += line.slice(i, i + 2);
          i++;
          continue;
        }
        out += c;
        continue;
      }
      const prev = i === 0 ? " " : (line[i - 1] as string);
      if (c === "#" && (prev === " " || prev === "\t")) {
        out += line.slice(i);
        break;
      }
      // Quotes and brackets count only where a node starts.
      const before = line.slice(0, i).trimEnd();
      const last = before === "" ? "" : (before[before.length - 1] as string);
      const nodeStart =
        last === "" || (before.length < i && ":-?".includes(last)) || (depth > 0 && "[{,:".includes(last));
      if ((c === "'" || c === '"') && nodeStart) quote = c;
      else if ((c === "[" || c === "{") && (nodeStart || (depth > 0 && (last === "[" || last === "{")))) depth++;
      else if ((c === "]" || c === "}") && depth > 0) depth--;
      else if (c === "?" && depth > 0 && i + 1 < line.length && !" \t".includes(line[i + 1] as string)) {
        out += "? ";
        continue;
      }
      out += c;
    }
    if (depth === 0 && !quote && /(^|\s)[|>][-+0-9]*\s*(#.*)?$/.test(line)) blockIndent = indent;
    if (li < lines.length - 1) out += "\n";
  }
  return out;
}

function documentToGo(doc: Document.Parsed, text: string): GoValue {
  const directiveError = checkDirectives(text);
  if (directiveError) throw new GoError(`error converting YAML to JSON: ${directiveError}`);
  // Unknown anchors are reported by the decoder, in go-yaml's words; empty ones are syntax errors.
  const fatal = doc.errors.filter(
    (e) => (e.code !== "BAD_ALIAS" || e.message.includes("empty string")) && e.code !== "DUPLICATE_KEY",
  );
  if (fatal.length > 0) throw new GoError(`error converting YAML to JSON: ${toGoYamlError(fatal[0], text)}`);
  let decoded: Decoded;
  try {
    decoded = new Decoder(text).decode(doc.contents as Node | null, 0);
  } catch (e) {
    if (e instanceof YamlFailure) throw new GoError(`error converting YAML to JSON: yaml: ${e.message}`);
    throw e;
  }
  try {
    return toJsonable(decoded, 0);
  } catch (e) {
    if (e instanceof YamlFailure) throw new GoError(`error converting YAML to JSON: ${e.message}`);
    throw e;
  }
}

function shortTag(tag: string | undefined): string {
  if (!tag) return "";
  return tag.startsWith(YAML_TAG_PREFIX) ? `!!${tag.slice(YAML_TAG_PREFIX.length)}` : tag;
}

function tagOf(r: Resolved): string {
  return r.tag === "merge" ? "!!merge" : `!!${r.tag}`;
}

class Decoder {
  private readonly anchors = new Map<string, Node>();
  private readonly expanding = new Set<Node>();
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;

  /** Whether any `\/` occurs at all: most documents need no per-scalar escape check. */
  private readonly slashEscapes: boolean;
  constructor(private readonly text: string) {
    this.slashEscapes = text.includes("\\/");
  }

  decode(node: Node | null, depth: number): Decoded {
    if (depth > MAX_DEPTH) throw new YamlFailure("exceeded max depth of 10000");
    this.countDecode();
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return this.alias(node.source);
    if (node.anchor) this.anchors.set(node.anchor, node);
    if (isScalar(node)) return this.scalar(node);
    if (isMap(node)) {
      const out = new DecodedMap();
      this.mapping(node, out, depth);
      return out;
    }
    if (isSeq(node)) return node.items.map((item) => this.decode(item as Node | null, depth + 1));
    return null;
  }

  /** go-yaml v2's guard against alias bombs ("billion laughs"). */
  private countDecode(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    )
      throw new YamlFailure("document contains excessive aliasing");
  }

  private alias(name: string): Decoded {
    const target = this.anchors.get(name);
    if (!target) throw new YamlFailure(`unknown anchor '${name}' referenced`);
    if (this.expanding.has(target)) throw new YamlFailure(`anchor '${name}' value contains itself`);
    this.expanding.add(target);
    this.aliasDepth++;
    try {
      return this.decode(target, 0);
    } finally {
      this.aliasDepth--;
      this.expanding.delete(target);
    }
  }

  private scalar(node: Scalar): Decoded {
    const text = yaml11SeparatorBreaks(this.text, node, String(node.source ?? node.value ?? ""));
    const tag = shortTag(node.tag);
    const plain = node.type === "PLAIN" || node.type === undefined;
    if (this.slashEscapes && node.type === "QUOTE_DOUBLE" && node.range) {
      const bad = checkDoubleQuoted(this.text, node.range[0], node.range[1]);
      if (bad) throw new YamlFailure(bad.slice("yaml: ".length));
    }
    if (tag === "" && !plain) return text;
    if (tag === "!!binary") return decodeBase64(text);
    if (!RESOLVABLE_TAGS.has(tag)) return text;
    if (tag === "!!str") return text;
    const r = resolveScalar(text, tag === "" || tag === "!!timestamp");
    if (tag !== "" && tag !== tagOf(r)) {
      if (tag === "!!float" && r.tag === "int") return { float: Number(r.value) };
      throw new YamlFailure(`cannot decode ${tagOf(r)} \`${text}\` as a ${tag}`);
    }
    return resolvedToDecoded(r, text);
  }

  private mapping(node: Node, out: DecodedMap, depth: number): void {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      if (keyNode && isScalar(keyNode) && isMergeKey(keyNode)) {
        this.merge(pair.value as Node | null, out, depth);
        continue;
      }
      const emptyKey =
        !keyNode || (isScalar(keyNode) && keyNode.range && keyNode.range[0] === keyNode.range[1] && !keyNode.tag);
      if (emptyKey && pair.value && (pair.value as Node).range) {
        const bad = checkMissingKey(this.text, ((pair.value as Node).range as [number, number, number])[0]);
        if (bad) throw new YamlFailure(bad.slice("yaml: ".length));
      }
      const key = this.decode(keyNode, depth + 1);
      if (Array.isArray(key) || key instanceof DecodedMap)
        throw new YamlFailure(`invalid map key: ${goSharpV(decodedToSharp(key))}`);
      const value = this.decode(pair.value as Node | null, depth + 1);
      out.entries.set(decodedKeyId(key), { key, value });
    }
  }

  /** v2 merges by decoding the merged maps into this one: merged values override earlier keys. */
  private merge(value: Node | null, out: DecodedMap, depth: number): void {
    const fail = (): never => {
      throw new YamlFailure("map merge requires map or sequence of maps as the value");
    };
    const asMap = (n: Node | null): Node => {
      let target = n;
      if (target && isAlias(target)) {
        const t = this.anchors.get(target.source);
        if (!t) throw new YamlFailure(`unknown anchor '${target.source}' referenced`);
        target = t;
      }
      if (!target || !isMap(target)) return fail();
      return target;
    };
    if (value && isSeq(value)) {
      for (let i = value.items.length - 1; i >= 0; i--) {
        const item = value.items[i] as Node | null;
        const target = asMap(item);
        if (item && isAlias(item)) this.mergeAlias(target, out, depth);
        else this.mapping(target, out, depth + 1);
      }
      return;
    }
    const target = asMap(value);
    if (value && isAlias(value)) this.mergeAlias(target, out, depth);
    else {
      if (target.anchor) this.anchors.set(target.anchor, target);
      this.mapping(target, out, depth + 1);
    }
  }

  private mergeAlias(target: Node, out: DecodedMap, depth: number): void {
    if (this.expanding.has(target)) throw new YamlFailure(`anchor '${target.anchor}' value contains itself`);
    this.expanding.add(target);
    this.aliasDepth++;
    try {
      this.mapping(target, out, depth + 1);
    } finally {
      this.aliasDepth--;
      this.expanding.delete(target);
    }
  }
}

/**
 * libyaml also treats LS/PS (U+2028/U+2029) as line breaks: the break itself stays in the value,
 * but the blanks around it inside flow scalars, and the indentation after it in block scalars,
 * are layout. eemeli reads them as ordinary characters, so that layout is removed here.
 */
function yaml11SeparatorBreaks(text: string, node: Scalar, value: string): string {
  if (!node.range || !/[\u2028\u2029]/.test(value)) return value;
  const raw = text.slice(node.range[0], node.range[1]);
  if (!/[\u2028\u2029]/.test(raw)) return value;
  if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") {
    const body = raw.slice(raw.indexOf("\n") + 1);
    const first = body.split("\n").find((l) => l.trim() !== "") ?? "";
    const indent = first.length - first.trimStart().length;
    return value.replace(new RegExp(`([\u2028\u2029]) {0,${indent}}`, "g"), "$1");
  }
  return value.replace(/[ \t]*([\u2028\u2029])[ \t]*/g, "$1");
}

function allowedAliasRatio(decodeCount: number): number {
  const low = 400000;
  const high = 4000000;
  if (decodeCount <= low) return 0.99;
  if (decodeCount >= high) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - low) / (high - low));
}

function isMergeKey(node: Scalar): boolean {
  const tag = shortTag(node.tag);
  const text = String(node.source ?? node.value ?? "");
  if (text !== "<<") return false;
  return tag === "!!merge" || (tag === "" && (node.type === "PLAIN" || node.type === undefined));
}

function resolvedToDecoded(r: Resolved, text: string): Decoded {
  switch (r.tag) {
    case "null":
      return null;
    case "bool":
      return r.value;
    case "int":
      return { int: r.value };
    case "float":
      return { float: r.value };
    default:
      // Timestamps decoded into interface{} stay strings in v2; so do "<<" outside keys.
      return text;
  }
}

function decodeBase64(text: string): string {
  const clean = text.replace(/[\r\n]/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0)
    throw new YamlFailure("!!binary value contains invalid base64 data");
  return Buffer.from(clean, "base64").toString("latin1");
}

/** Identity of a decoded key inside a Go map[interface{}]interface{} (type and value). */
function decodedKeyId(k: Decoded): string {
  if (k === null) return "nil";
  if (typeof k === "string") return `s:${k}`;
  if (typeof k === "boolean") return `b:${k}`;
  if (typeof k === "object" && "int" in k) return `i:${k.int}`;
  if (typeof k === "object" && "float" in k) return `f:${k.float}`;
  return "?";
}

const UINT_MIN = 2n ** 63n;

/** What sigs' convertToJSONableObject does with one key. */
function keyToString(key: Decoded, value: Decoded): string {
  if (typeof key === "string") return key;
  if (typeof key === "boolean") return key ? "true" : "false";
  if (key !== null && typeof key === "object" && "int" in key) {
    if (key.int >= UINT_MIN)
      throw new YamlFailure(
        `unsupported map key of type: uint64, key: 0x${key.int.toString(16)}, value: ${goSharpV(decodedToSharp(value))}`,
      );
    return key.int.toString();
  }
  if (key !== null && typeof key === "object" && "float" in key) {
    const s = formatFloatG(key.float, 32);
    return s === "+Inf" ? ".inf" : s === "-Inf" ? "-.inf" : s === "NaN" ? ".nan" : s;
  }
  // fmt prints a nil interface argument as <nil>; only nested nils show as interface {}(nil).
  const shown = value === null ? "<nil>" : goSharpV(decodedToSharp(value));
  throw new YamlFailure(`unsupported map key of type: %!s(<nil>), key: <nil>, value: ${shown}`);
}

/** The JSON round trip: keys to strings, numbers to float64, NaN/Inf rejected by encoding/json. */
function toJsonable(d: Decoded, depth: number): GoValue {
  let bad: number | undefined;
  const conv = (x: Decoded, level: number): GoValue => {
    if (level > MAX_DEPTH) throw new YamlFailure("json: exceeded max depth");
    if (x === null || typeof x === "string" || typeof x === "boolean") return x;
    if (Array.isArray(x)) return x.map((e) => conv(e, level + 1));
    if (x instanceof DecodedMap) {
      const m: GoMap = newGoMap();
      for (const { key, value } of x.entries.values()) m[keyToString(key, value)] = conv(value, level + 1);
      return m;
    }
    if ("int" in x) return Number(x.int);
    if (!Number.isFinite(x.float) && bad === undefined) bad = x.float;
    return x.float;
  };
  const out = conv(d, depth);
  if (bad !== undefined) {
    const first = firstNonFinite(out);
    throw new YamlFailure(`json: unsupported value: ${formatFloatG(first ?? bad)}`);
  }
  return out;
}

/** encoding/json reports the first bad float in its own order: map keys sorted. */
function firstNonFinite(v: GoValue): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? undefined : v;
  if (Array.isArray(v)) {
    for (const e of v) {
      const f = firstNonFinite(e);
      if (f !== undefined) return f;
    }
    return undefined;
  }
  if (v && typeof v === "object" && !(v instanceof Uint8Array)) {
    for (const k of Object.keys(v).sort()) {
      const f = firstNonFinite((v as GoMap)[k]);
      if (f !== undefined) return f;
    }
  }
  return undefined;
}

/** Decoded values as goSharpV understands them (maps keep their decoded keys). */
function decodedToSharp(d: Decoded): import("./gosharpv.js").SharpValue {
  if (d === null || typeof d === "string" || typeof d === "boolean") return d;
  if (Array.isArray(d)) return { list: d.map(decodedToSharp) };
  if (d instanceof DecodedMap)
    return { map: [...d.entries.values()].map(({ key, value }) => [decodedToSharp(key), decodedToSharp(value)]) };
  if ("int" in d) return { int: d.int };
  return { float: d.float };
}
