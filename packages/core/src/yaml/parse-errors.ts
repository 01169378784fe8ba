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
    if (indentOf(l) <= indent) return l.trimStart().startsWith("- ") || l.trim() === "-" ? "'-' indicator" : "key";
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

export function toGoYamlError(err: YAMLError, text: string): string {
  const at = err.pos[0];
  const line = lineOf(text, at);
  const msg = err.message;
  switch (err.code) {
    case "BLOCK_AS_IMPLICIT_KEY":
      return format("scanner", line, line, "mapping values are not allowed in this context");
    case "BAD_INDENT":
      if (msg.startsWith("Flow sequence")) return format("parser", endLine(text), line, unclosedFlow(text, "]"));
      if (msg.startsWith("Flow map")) return format("parser", endLine(text), line, unclosedFlow(text, "}"));
      return format("parser", line, line, `did not find expected ${expectedEntry(text, line)}`);
    case "MISSING_CHAR":
      if (msg.includes("quote"))
        return format("scanner", lineOf(text, text.length), line, "found unexpected end of stream");
      if (msg.startsWith("Flow sequence")) return format("parser", endLine(text), line, unclosedFlow(text, "]"));
      if (msg.startsWith("Flow map")) return format("parser", endLine(text), line, unclosedFlow(text, "}"));
      return format("parser", line, line, "did not find expected key");
    case "BAD_DQ_ESCAPE":
      return format("scanner", line, line, "found unknown escape character");
    case "TAB_AS_INDENT":
      return continuesPlain(text, line)
        ? format("scanner", line, line, "found a tab character that violates indentation")
        : format("scanner", line, line, "found character that cannot start any token");
    case "BAD_SCALAR_START":
      return format("scanner", line, line, "found character that cannot start any token");
    case "TAG_RESOLVE_FAILED":
      return format("parser", line, line, "found undefined tag handle");
    case "MULTIPLE_ANCHORS":
    case "MULTIPLE_TAGS":
      return format("parser", line, line, "did not find expected key");
    case "MULTILINE_IMPLICIT_KEY":
      return format("parser", line, line, `did not find expected ${expectedEntry(text, line)}`);
    case "UNEXPECTED_TOKEN":
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
