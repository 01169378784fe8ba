/**
 * Translates eemeli `yaml` syntax errors into go-yaml v2 (libyaml) error texts. libyaml reports a
 * scanner error at `problem line + 1` and a parser error at the 0-based problem line, and drops
 * the line when it is 0; go-yaml prints `yaml: line N: MESSAGE` or `yaml: MESSAGE`.
 * The mapping covers the mistakes people make in values files; rarer ones keep a best guess.
 */
import type { YAMLError } from "yaml";

type Kind = "scanner" | "parser";

function lineOf(text: string, offset: number): number {
  let n = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** libyaml's stream end: it forces a line break when the text does not end with one. */
function endLine(text: string): number {
  const n = lineOf(text, text.length);
  return text.length > 0 && !text.endsWith("\n") ? n + 1 : n;
}

function format(kind: Kind, problemLine: number, contextLine: number, message: string): string {
  let line = 0;
  if (problemLine !== 0) line = kind === "scanner" ? problemLine + 1 : problemLine;
  else if (contextLine !== 0) line = contextLine;
  return line !== 0 ? `yaml: line ${line}: ${message}` : `yaml: ${message}`;
}

/** The collection an offending line sits in: a block sequence wants '-', a mapping wants a key. */
function expectedEntry(text: string, line: number): string {
  const lines = text.split("\n");
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const here = lines[line] ?? "";
  const indent = indentOf(here);
  for (let i = line - 1; i >= 0; i--) {
    const l = lines[i] as string;
    if (l.trim() === "" || l.trimStart().startsWith("#")) continue;
    if (indentOf(l) > indent) continue;
    const m = /^(\s*(?:-\s+)+)(.*)$/.exec(l);
    if (!m && l.trim() !== "-") return "key";
    // "- key: value": the mapping inside the item starts after the dashes.
    const dashes = m?.[1] ?? "";
    const rest = m?.[2] ?? "";
    if (rest !== "" && dashes.length <= indent && /^[^#'"[{][^#]*?:(\s|$)|^["'].*["']\s*:(\s|$)/.test(rest))
      return "key";
    return "'-' indicator";
  }
  return "key";
}

/** A plain scalar on the line before can continue onto this one (libyaml then sees the tab inside it). */
function continuesPlain(text: string, line: number): boolean {
  const lines = text.split("\n");
  for (let i = line - 1; i >= 0; i--) {
    const l = (lines[i] as string).trimEnd();
    if (l.trim() === "") continue;
    return /(^|:\s+|^\s*-\s+)[^\s|>'"{[&*!#%@`-][^#]*$/.test(l) && !/:$/.test(l);
  }
  return false;
}

/** An unclosed flow collection whose last token wants a node (`[`, `{`, `,`) lacks node content. */
function unclosedFlow(text: string, closer: "]" | "}"): string {
  const last = text
    .replace(/#[^\n]*$/gm, "")
    .trimEnd()
    .slice(-1);
  return last === "[" || last === "{" || last === ","
    ? "did not find expected node content"
    : `did not find expected ',' or '${closer}'`;
}

/** The first line at or after `line` that holds more than blanks or a comment. */
function contentLine(text: string, line: number): number {
  const lines = text.split("\n");
  for (let i = line; i < lines.length; i++) {
    const t = (lines[i] as string).trim();
    if (t !== "" && !t.startsWith("#")) return i;
  }
  return line;
}

/** Offset of the next ':' that is a mapping-value indicator (followed by a blank or the end). */
function nextValueIndicator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === ":" && (i + 1 === text.length || " \t\r\n".includes(text[i + 1] as string))) return i;
  }
  return -1;
}

/** Offset of the next token after `from`: blanks, breaks and comments skipped. */
function nextToken(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\r" || c === "\n") i++;
    else if (c === "#") while (i < text.length && text[i] !== "\n") i++;
    else break;
  }
  return i;
}

/** libyaml's messages for a bad \x, \u or \U escape. */
function escapeProblem(text: string, at: number): string {
  const slash = text.lastIndexOf("\\", at + 1);
  const kind = text[slash + 1];
  const width = kind === "x" ? 2 : kind === "u" ? 4 : kind === "U" ? 8 : 0;
  if (width === 0) return "found unknown escape character";
  const hex = text.slice(slash + 2, slash + 2 + width);
  if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) return "did not find expected hexdecimal number";
  return "found invalid Unicode character escape code";
}

export function toGoYamlError(err: YAMLError, text: string): string {
  const at = err.pos[0];
  const line = lineOf(text, at);
  const msg = err.message;
  switch (err.code) {
    case "BLOCK_AS_IMPLICIT_KEY": {
      // A `- x` entry at the indent of a block mapping's keys: libyaml's parser meets a block
      // entry where the mapping wants its next key, and stops on that line.
      const entry = nextToken(text, at);
      if (text[entry] === "-" && " \t\r\n".includes(text[entry + 1] ?? "\n")) {
        const l = lineOf(text, entry);
        return format("parser", l, l, "did not find expected key");
      }
      const colon = nextValueIndicator(text, at);
      const l = colon < 0 ? line : lineOf(text, colon);
      return format("scanner", l, l, "mapping values are not allowed in this context");
    }
    case "BAD_ALIAS":
      return format("scanner", line, line, "did not find expected alphabetic or numeric character");
    case "BAD_INDENT":
      if (msg.startsWith("Flow sequence")) return format("parser", endLine(text), line, unclosedFlow(text, "]"));
      if (msg.startsWith("Flow map")) return format("parser", endLine(text), line, unclosedFlow(text, "}"));
      {
        const l = contentLine(text, line);
        return format("parser", l, l, `did not find expected ${expectedEntry(text, l)}`);
      }
    case "MISSING_CHAR":
      if (msg.includes("quote"))
        return format("scanner", lineOf(text, text.length), line, "found unexpected end of stream");
      if (msg.startsWith("Flow sequence")) return format("parser", endLine(text), line, unclosedFlow(text, "]"));
      if (msg.startsWith("Flow map")) return format("parser", endLine(text), line, unclosedFlow(text, "}"));
      if (msg.startsWith("Sequence item without - indicator")) {
        const l = contentLine(text, line);
        return format("parser", l, l, "did not find expected '-' indicator");
      }
      if (msg.startsWith("Implicit map keys need to be followed")) {
        // libyaml notices the missing ':' where the next token starts; at the end of the text
        // that is the line break it forces there.
        const next = nextToken(text, err.pos[1]);
        const l = next >= text.length ? endLine(text) : lineOf(text, next);
        return format("scanner", l, l, "could not find expected ':'");
      }
      return format("parser", line, line, "did not find expected key");
    case "BAD_DQ_ESCAPE":
      return format("scanner", line, line, escapeProblem(text, at));
    case "TAB_AS_INDENT":
      return continuesPlain(text, line)
        ? format("scanner", line, line, "found a tab character that violates indentation")
        : format("scanner", line, line, "found character that cannot start any token");
    case "BAD_SCALAR_START":
      return format("scanner", line, line, "found character that cannot start any token");
    case "TAG_RESOLVE_FAILED":
      if (msg.startsWith("Verbatim tags must end"))
        return format("scanner", line, line, "did not find the expected '>'");
      return format("parser", line, line, "found undefined tag handle");
    case "MULTIPLE_ANCHORS":
    case "MULTIPLE_TAGS":
      return format("parser", line, line, "did not find expected key");
    case "MULTILINE_IMPLICIT_KEY": {
      // A key running over lines and then followed by ':' is libyaml's "mapping values" case.
      const after = nextToken(text, err.pos[1]);
      if (text[after] === ":") {
        const l = lineOf(text, after);
        return format("scanner", l, l, "mapping values are not allowed in this context");
      }
      return format("parser", line, line, `did not find expected ${expectedEntry(text, line)}`);
    }
    case "UNEXPECTED_TOKEN":
      if (msg.startsWith("Unexpected , in flow"))
        return format("parser", line, line, "did not find expected node content");
      if (msg.includes("flow-seq-end") || msg.includes("flow-map-end")) {
        // Where a value is due, a stray bracket lacks node content; after a complete value the
        // enclosing block collection wanted its next entry.
        const before = text.slice(0, at).trimEnd().slice(-1);
        if (before === ":" || before === "-" || before === "," || before === "[" || before === "{" || before === "")
          return format("parser", line, line, "did not find expected node content");
        return format("parser", line, line, `did not find expected ${expectedEntry(text, line)}`);
      }
      if (msg.startsWith("Block scalar header")) {
        const header = msg.slice(msg.indexOf(":") + 2);
        return format(
          "scanner",
          line,
          line,
          /^[|>][-+]?0|^[|>]0/.test(header)
            ? "found an indentation indicator equal to 0"
            : "did not find expected comment or line break",
        );
      }
      if (msg.includes("block-seq-ind"))
        return format("scanner", line, line, "block sequence entries are not allowed in this context");
      return format("parser", line, line, `did not find expected ${expectedEntry(text, line)}`);
    default:
      return format("parser", line, line, "did not find expected node content");
  }
}

/**
 * Escapes eemeli accepts in double-quoted scalars but go-yaml v2 does not (`\/` came with YAML 1.2).
 * Returns the error text, or undefined when the scalar is fine.
 */
export function checkDoubleQuoted(text: string, start: number, end: number): string | undefined {
  for (let i = start + 1; i < end - 1; i++) {
    if (text[i] !== "\\") continue;
    if (text[i + 1] === "/")
      return format("scanner", lineOf(text, i), lineOf(text, start), "found unknown escape character");
    i++;
  }
  return undefined;
}

/**
 * go-yaml v2 accepts only `%YAML 1.1` and `%TAG`; eemeli merely warns about the rest. Returns
 * libyaml's error for the directives before the first document, or undefined.
 */
export function checkDirectives(text: string): string | undefined {
  if (!text.startsWith("%") && !text.includes("\n%")) return undefined;
  const lines = text.split("\n");
  let sawYaml = false;
  for (let i = 0; i < lines.length; i++) {
    const l = (lines[i] as string).replace(/\r$/, "");
    if (l.startsWith("---") || (!l.startsWith("%") && l.trim() !== "" && !l.trimStart().startsWith("#"))) break;
    if (!l.startsWith("%")) continue;
    const [name, arg] = l.slice(1).split(/[ \t]+/);
    if (name === "YAML") {
      if (sawYaml) return format("parser", i, i, "found duplicate %YAML directive");
      sawYaml = true;
      if (arg !== "1.1") return format("parser", i, i, "found incompatible YAML document");
    } else if (name !== "TAG") return format("scanner", i, i, "found unknown directive name");
  }
  return undefined;
}

/**
 * A mapping entry with no key: fine after an explicit `?`, but a line that starts with `: `
 * is libyaml's "did not find expected key". `valueStart` is where the entry's value begins.
 */
export function checkMissingKey(text: string, valueStart: number): string | undefined {
  const colon = text.lastIndexOf(":", valueStart);
  if (colon < 0) return undefined;
  const lineStart = text.lastIndexOf("\n", colon) + 1;
  if (text.slice(lineStart, colon).trim() !== "") return undefined;
  const lines = text.slice(0, lineStart).split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = (lines[i] as string).trim();
    if (t === "" || t.startsWith("#")) continue;
    if (t.startsWith("?")) return undefined;
    break;
  }
  const l = lineOf(text, colon);
  return format("parser", l, l, "did not find expected key");
}
