/**
 * sigs.k8s.io/yaml.Marshal, byte for byte: the value goes through encoding/json, is read back by
 * go-yaml v2 (so JSON numbers become ints or floats again), and go-yaml v2's emitter (libyaml's
 * rules: sorted keys, quoting by analysis, literal blocks, folding at 80 columns) writes it.
 */
import { decodeJson, marshalJson } from "../govalue/json.js";
import { goStringCompare } from "../govalue/string-order.js";
import { GoError, GoObject, type GoValue, isGoMap } from "../govalue/value.js";
import { formatFloatG } from "./gofmt.js";
import { resolveScalar } from "./resolve.js";

/** A value as go-yaml v2 holds it after reading the JSON text back. */
export type Node = null | boolean | string | { readonly int: bigint } | { readonly float: number } | Node[] | MapNode;
export interface MapNode {
  readonly entries: readonly (readonly [string, Node])[];
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
/** Deeper values are no configuration; the bound keeps the recursion far from the JS stack limit. */
const MAX_DEPTH = 1000;

/** Go's encoding/json writes invalid UTF-8 (our lone surrogates) as U+FFFD. */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

function isMapNode(n: Node): n is MapNode {
  return typeof n === "object" && n !== null && !Array.isArray(n) && "entries" in n;
}

/**
 * A float64 through encoding/json and back through go-yaml's resolver: JSON writes integral
 * values below 1e21 as their shortest digits padded with zeros (as JS's String does), and
 * go-yaml reads those as int64 or uint64 when they fit, else as a float.
 */
function numberNode(f: number): Node {
  if (!Number.isFinite(f)) throw new GoError(`error marshaling into JSON: json: unsupported value: ${formatFloatG(f)}`);
  if (Number.isInteger(f) && Math.abs(f) < 1e21) {
    const i = BigInt(String(f));
    if ((i >= INT64_MIN && i <= INT64_MAX) || (i >= 0n && i <= UINT64_MAX)) return { int: i };
  }
  return { float: f === 0 ? 0 : f };
}

/**
 * encoding/json writes U+0085 raw, and go-yaml reads it inside a double-quoted scalar as a line
 * break, which folds (with the spaces around it) into a space, or into n-1 newlines for n breaks.
 */
function jsonRoundTripString(s: string): string {
  const w = wellFormed(s);
  // Characters encoding/json leaves raw but go-yaml's reader refuses: Marshal then fails.
  if (/[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/.test(w)) throw new GoError("yaml: control characters are not allowed");
  if (!w.includes("\u0085")) return w;
  // Only raw spaces are blanks there: encoding/json writes tabs as the escape \t.
  return w.replace(/ *\u0085(?: *\u0085)* */g, (m) => {
    const n = m.split("\u0085").length - 1;
    return n === 1 ? " " : "\n".repeat(n - 1);
  });
}

function countNel(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\u0085"); i >= 0; i = s.indexOf("\u0085", i + 1)) n++;
  return n;
}

/**
 * encoding/json's view of a Go value, read back as go-yaml v2 reads JSON. `lines` follows the
 * raw NELs of the JSON text in its order: go-yaml counts them as line breaks, and a key holding
 * one becomes a multi-line key, which fails at the line of the ':' after it.
 */
export function toYamlNode(v: GoValue, depth = 0, lines = { n: 0 }): Node {
  if (depth > MAX_DEPTH) throw new GoError(`yaml: value nested deeper than ${MAX_DEPTH} levels`);
  if (v === undefined || v === null) return null;
  if (typeof v === "string") {
    lines.n += countNel(v);
    return jsonRoundTripString(v);
  }
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return numberNode(v);
  if (typeof v === "bigint") return { int: v };
  if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
  if (Array.isArray(v)) return v.map((e) => toYamlNode(e, depth + 1, lines));
  if (v instanceof GoObject) {
    // Structs and named types marshal as encoding/json sees them (json tags, MarshalJSON).
    const r = decodeJson(marshalJson(v));
    if (r.error !== undefined) throw new GoError(r.error);
    return toYamlNode(r.value, depth + 1, lines);
  }
  if (isGoMap(v)) {
    const entries: [string, Node][] = [];
    for (const k of Object.keys(v).sort(goStringCompare)) {
      const nel = countNel(k);
      if (nel > 0) throw new GoError(`yaml: line ${lines.n + nel}: did not find expected ',' or '}'`);
      entries.push([jsonRoundTripString(k), toYamlNode(v[k], depth + 1, lines)]);
    }
    entries.sort((a, b) => (keyLess(a[0], b[0]) ? -1 : keyLess(b[0], a[0]) ? 1 : 0));
    return { entries };
  }
  return null;
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** go-yaml v2's map key order: letters by code point, digit runs by value, non-letters first. */
export function keyLess(a: string, b: string): boolean {
  return goYamlKeyLess(a, b, false);
}

/**
 * go-yaml's key order, v2's and v3's in one: v3 (letterAfterDigit) differs only in that right
 * after an equal digit a letter sorts before a non-letter.
 */
export function goYamlKeyLess(a: string, b: string, letterAfterDigit: boolean): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string;
    const bc = br[i] as string;
    if (ac === bc) {
      if (letterAfterDigit) digits = DIGIT.test(ac);
      continue;
    }
    const al = LETTER.test(ac);
    const bl = LETTER.test(bc);
    if (al && bl) return (ac.codePointAt(0) as number) < (bc.codePointAt(0) as number);
    if (al || bl) return digits ? al : bl;
    let an = 0n;
    let bn = 0n;
    if (ac === "0" || bc === "0") {
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j] as string); j--) {
        if (ar[j] !== "0") {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && DIGIT.test(ar[ai] as string); ai++)
      an = BigInt.asIntN(64, an * 10n + BigInt((ar[ai]?.codePointAt(0) as number) - 48));
    let bi = i;
    for (; bi < br.length && DIGIT.test(br[bi] as string); bi++)
      bn = BigInt.asIntN(64, bn * 10n + BigInt((br[bi]?.codePointAt(0) as number) - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return (ac.codePointAt(0) as number) < (bc.codePointAt(0) as number);
  }
  return ar.length < br.length;
}

type Style = "plain" | "single" | "double" | "literal";

/**
 * Where go-yaml v3's Encoder (Helm's toYamlPretty) differs from v2's: v3 indents sequences
 * inside mappings, lets tabs into literal blocks only, and never folds long lines.
 */
export interface Dialect {
  readonly v3: boolean;
}
const V2: Dialect = { v3: false };

interface Analysis {
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

function isBreak(c: string | undefined): boolean {
  return c === "\n" || c === "\r" || c === "\u0085" || c === "\u2028" || c === "\u2029";
}
function isBlankOrEnd(c: string | undefined): boolean {
  return c === undefined || c === " " || c === "\t" || isBreak(c) || c === "\0";
}
function isPrintable(c: string): boolean {
  const p = c.codePointAt(0) as number;
  return (
    p === 0x0a || (p >= 0x20 && p <= 0x7e) || (p >= 0xa0 && p <= 0xd7ff) || (p >= 0xe000 && p <= 0xfffd && p !== 0xfeff)
  );
}

/** libyaml's yaml_emitter_analyze_scalar: which styles can carry this text unchanged. */
function analyze(chars: readonly string[], dialect: Dialect = V2): Analysis {
  if (chars.length === 0)
    return { multiline: false, flowPlain: false, blockPlain: true, singleQuoted: true, block: false };
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let tabs = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  const head = chars.slice(0, 3).join("");
  if (chars.length >= 3 && (head === "---" || head === "...")) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  const n = chars.length;
  for (let i = 0; i < n; i++) {
    const c = chars[i] as string;
    const followedByWhitespace = isBlankOrEnd(chars[i + 1]) && !(i + 1 < n && chars[i + 1] === "\0");
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(c)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (c === "?" || c === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (c === "-" && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (",?[]{}".includes(c)) {
      flowIndicators = true;
    } else if (c === ":") {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (c === "#" && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }
    if (dialect.v3 && c === "\t") tabs = true;
    else if (!isPrintable(c)) special = true;
    if (c === " ") {
      if (i === 0) leadingSpace = true;
      if (i === n - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(c);
  }
  const a: Analysis = { multiline: lineBreaks, flowPlain: true, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlain = false;
    a.blockPlain = false;
  }
  if (trailingSpace) a.block = false;
  if (breakSpace) {
    a.flowPlain = false;
    a.blockPlain = false;
    a.singleQuoted = false;
  }
  if (tabs) {
    a.flowPlain = false;
    a.blockPlain = false;
    a.singleQuoted = false;
  }
  if (spaceBreak || special) {
    a.flowPlain = false;
    a.blockPlain = false;
    a.singleQuoted = false;
    a.block = false;
  }
  if (lineBreaks) {
    a.flowPlain = false;
    a.blockPlain = false;
  }
  if (flowIndicators) a.flowPlain = false;
  if (blockIndicators) a.blockPlain = false;
  return a;
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** go-yaml v2's encoder choice for a string, before the emitter's own checks. */
const OLD_BOOLS = new Set([
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "on",
  "On",
  "ON",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "off",
  "Off",
  "OFF",
]);

function stringStyle(s: string): Style {
  if (s.includes("\n")) return "literal";
  // v3 reads the YAML 1.1 booleans as strings but still quotes them; v2 resolves them as bools.
  const canUsePlain = resolveScalar(s).tag === "str" && !BASE60_FLOAT.test(s) && !OLD_BOOLS.has(s);
  return canUsePlain ? "plain" : "double";
}

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

interface Context {
  root?: boolean;
  sequence?: boolean;
  mapping?: boolean;
  simpleKey?: boolean;
}

/** libyaml's emitter state for one document, written straight from the value tree. */
export class Emitter {
  private readonly width: number;
  constructor(private readonly dialect: Dialect = V2) {
    this.width = dialect.v3 ? Number.POSITIVE_INFINITY : BEST_WIDTH;
  }
  private out = "";
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;
  openEnded = false;
  private flowLevel = 0;

  result(): string {
    return this.out;
  }

  private put(s: string): void {
    this.out += s;
    this.column++;
  }
  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }
  private writeChar(c: string): void {
    this.out += c;
    this.column++;
  }
  /** write_break: '\n' becomes the emitter's break; other breaks are copied. */
  private writeBreak(c: string): void {
    if (c === "\n") this.putBreak();
    else {
      this.out += c;
      this.column = 0;
    }
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }
  private popIndent(): void {
    this.indent = this.indents.pop() as number;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    for (const c of ind) this.writeChar(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }

  emitNode(node: Node, ctx: Context): void {
    if (Array.isArray(node)) {
      if (node.length === 0 || this.flowLevel > 0) {
        this.emitFlow("[", "]");
        return;
      }
      this.increaseIndent(false, !this.dialect.v3 && !!ctx.mapping && !this.indention);
      for (const item of node) {
        this.writeIndent();
        this.writeIndicator("-", true, false, true);
        this.emitNode(item, { sequence: true });
      }
      this.popIndent();
      return;
    }
    if (isMapNode(node)) {
      if (node.entries.length === 0 || this.flowLevel > 0) {
        this.emitFlow("{", "}");
        return;
      }
      this.increaseIndent(false, false);
      for (const [k, v] of node.entries) {
        this.writeIndent();
        if (this.checkSimpleKey(k)) {
          this.emitScalar(k, stringStyle(k), { mapping: true, simpleKey: true });
          this.writeIndicator(":", false, false, false);
        } else {
          this.writeIndicator("?", true, false, true);
          this.emitScalar(k, stringStyle(k), { mapping: true });
          this.writeIndent();
          this.writeIndicator(":", true, false, true);
        }
        this.emitNode(v, { mapping: true });
      }
      this.popIndent();
      return;
    }
    if (node === null) {
      this.emitScalar("null", "plain", ctx);
      return;
    }
    if (typeof node === "boolean") {
      this.emitScalar(node ? "true" : "false", "plain", ctx);
      return;
    }
    if (typeof node === "string") {
      this.emitScalar(node, stringStyle(node), ctx);
      return;
    }
    if ("int" in node) {
      this.emitScalar(node.int.toString(), "plain", ctx);
      return;
    }
    const s = formatFloatG(node.float, 64);
    this.emitScalar(s === "+Inf" ? ".inf" : s === "-Inf" ? "-.inf" : s === "NaN" ? ".nan" : s, "plain", ctx);
    return;
  }

  /** Empty collections only (the encoder asks for block style; libyaml flows empty ones). */
  private emitFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.flowLevel++;
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private checkSimpleKey(k: string): boolean {
    if (analyze(Array.from(k), this.dialect).multiline) return false;
    return Buffer.byteLength(k, "utf8") <= 128;
  }

  private emitScalar(value: string, requested: Style, ctx: Context): void {
    const chars = Array.from(value);
    const a = analyze(chars, this.dialect);
    let style = requested;
    if (ctx.simpleKey && a.multiline) style = "double";
    if (style === "plain") {
      if ((this.flowLevel > 0 && !a.flowPlain) || (this.flowLevel === 0 && !a.blockPlain)) style = "single";
      if (chars.length === 0 && (this.flowLevel > 0 || ctx.simpleKey)) style = "single";
    }
    if (style === "single" && !a.singleQuoted) style = "double";
    if (style === "literal" && (!a.block || this.flowLevel > 0 || ctx.simpleKey)) style = "double";
    this.increaseIndent(true, false);
    const allowBreaks = !ctx.simpleKey;
    if (style === "plain") this.writePlain(chars, allowBreaks, !!ctx.root);
    else if (style === "single") this.writeSingle(chars, allowBreaks);
    else if (style === "double") this.writeDouble(chars, allowBreaks);
    else this.writeLiteral(chars);
    this.popIndent();
  }

  private writePlain(chars: readonly string[], allowBreaks: boolean, root: boolean): void {
    if (!this.whitespace) this.put(" ");
    this.writeFlowChars(chars, allowBreaks, false);
    this.whitespace = false;
    this.indention = false;
    if (root) this.openEnded = true;
  }

  private writeSingle(chars: readonly string[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    this.writeFlowChars(chars, allowBreaks, true);
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /**
   * The characters of a plain or single-quoted scalar: the two differ only in that a quoted one
   * never folds at its first or last character and doubles its quotes.
   */
  private writeFlowChars(chars: readonly string[], allowBreaks: boolean, singleQuoted: boolean): void {
    let spaces = false;
    let breaks = false;
    const n = chars.length;
    for (let i = 0; i < n; i++) {
      const c = chars[i] as string;
      if (c === " ") {
        const fold =
          allowBreaks &&
          !spaces &&
          this.column > this.width &&
          (!singleQuoted || (i > 0 && i < n - 1)) &&
          chars[i + 1] !== " ";
        if (fold) this.writeIndent();
        else this.writeChar(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === "\n") this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (singleQuoted && c === "'") this.put("'");
        this.writeChar(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
  }

  private writeDouble(chars: readonly string[], allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    const n = chars.length;
    // go-yaml's is_bom looks at the start of the value, not at the current character: a value that
    // starts with a BOM has every character escaped.
    const bom = chars[0] === "\uFEFF";
    for (let i = 0; i < n; i++) {
      const c = chars[i] as string;
      const p = c.codePointAt(0) as number;
      if (bom || !isPrintable(c) || isBreak(c) || c === '"' || c === "\\") {
        this.put("\\");
        const simple = DOUBLE_ESCAPES.get(p);
        if (simple) this.put(simple);
        else {
          const [letter, width] = p <= 0xff ? ["x", 2] : p <= 0xffff ? ["u", 4] : ["U", 8];
          this.put(letter);
          for (const d of p.toString(16).toUpperCase().padStart(width, "0")) this.put(d);
        }
        spaces = false;
      } else if (c === " ") {
        if (allowBreaks && !spaces && this.column > this.width && i > 0 && i < n - 1) {
          this.writeIndent();
          if (chars[i + 1] === " ") this.put("\\");
        } else this.writeChar(c);
        spaces = true;
      } else {
        this.writeChar(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(chars: readonly string[]): void {
    this.writeIndicator("|", true, false, false);
    // Block scalar hints: an explicit indentation when the text starts with a space or break,
    // and the chomping that keeps the trailing breaks exact.
    if (chars[0] === " " || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    this.openEnded = false;
    const n = chars.length;
    let chomp = "";
    if (n === 0 || !isBreak(chars[n - 1])) chomp = "-";
    else if (n === 1) {
      chomp = "+";
      this.openEnded = true;
    } else if (isBreak(chars[n - 2])) {
      chomp = "+";
      this.openEnded = true;
    }
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of chars) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeChar(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

const DOUBLE_ESCAPES = new Map<number, string>([
  [0x00, "0"],
  [0x07, "a"],
  [0x08, "b"],
  [0x09, "t"],
  [0x0a, "n"],
  [0x0b, "v"],
  [0x0c, "f"],
  [0x0d, "r"],
  [0x1b, "e"],
  [0x22, '"'],
  [0x5c, "\\"],
  [0x85, "N"],
  [0xa0, "_"],
  [0x2028, "L"],
  [0x2029, "P"],
]);

/** go-yaml v2's Marshal of an already-converted value: one document, ending with a newline. */
export function emitDocument(node: Node, dialect: Dialect = V2): string {
  const e = new Emitter(dialect);
  e.emitNode(node, { root: true });
  e.writeIndent();
  return e.result();
}

/**
 * sigs.k8s.io/yaml.Marshal(v). Throws GoError with encoding/json's message when the value
 * cannot be encoded (NaN or infinite floats).
 */
export function marshalYaml(v: GoValue): string {
  return emitDocument(toYamlNode(v));
}

/** Helm's toYaml: Marshal, then the trailing newline trimmed; "" when Marshal fails. */
export function toYaml(v: GoValue): string {
  try {
    return marshalYaml(v).replace(/\n$/, "");
  } catch (e) {
    if (e instanceof GoError) return "";
    throw e;
  }
}
