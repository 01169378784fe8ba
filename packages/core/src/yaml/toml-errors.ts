/**
 * BurntSushi/toml's decoder messages for the mistakes smol-toml reports in its own words:
 * `toml: line N (last key "k"): MESSAGE`, the last key being the table path plus the key
 * of the line being read.
 */

/** The dotted table path in force at `line` (0-based), from the last [table] or [[array]] header. */
function tableAt(lines: readonly string[], line: number): string {
  for (let i = line - 1; i >= 0; i--) {
    const m = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(lines[i] as string);
    if (m) return (m[1] as string).replace(/\s*\.\s*/g, ".");
  }
  return "";
}

function unquoteKey(k: string): string {
  return k
    .split(/\s*\.\s*/)
    .map((p) => p.replace(/^"(.*)"$|^'(.*)'$/, "$1$2"))
    .join(".");
}

export function toBurntSushiError(message: string, line: number, text: string): string {
  const lines = text.split("\n");
  const src = lines[line - 1] ?? "";
  const kv = /^\s*([^=[#][^=]*?)\s*=\s*(.*)$/.exec(src);
  const header = /^\s*\[\[?\s*([^\]]+?)\s*\]/.exec(src);
  const table = tableAt(lines, line - 1);
  let lastKey = "";
  if (kv) lastKey = [table, unquoteKey(kv[1] as string)].filter((p) => p !== "").join(".");
  const value = (kv?.[2] ?? "").replace(/\s+#.*$/, "");
  const where = (withKey: boolean) =>
    withKey && lastKey ? `toml: line ${line} (last key "${lastKey}"): ` : `toml: line ${line}: `;
  const atEnd = line >= lines.length || lines.slice(line).every((l) => l.trim() === "");

  if (message.startsWith("trying to redefine")) {
    if (header) return `${where(false)}Key '${header[1]}' has already been defined.`;
    return `${where(true)}Key '${lastKey}' has already been defined.`;
  }
  if (message.startsWith("unfinished string")) {
    // Two lexer paths in BurntSushi, two spellings.
    return value.trimStart()[0] === "'"
      ? `${where(true)}unexpected EOF; expected "'"`
      : `${where(true)}unexpected EOF; expected '"'`;
  }
  if (message.startsWith("invalid value")) {
    if (value.trim() === "") return `${where(true)}unexpected EOF; expected value`;
    return `${where(true)}expected value but found "${value.trim().split(/\s/)[0]}" instead`;
  }
  if (message.startsWith("expected comma or end of structure")) {
    const opener = [...value].reverse().find((c) => c === "[" || c === "{");
    if (opener === "{") {
      const inner = /\{\s*([^=\s]+)\s*=/.exec(value);
      const key = inner ? `${lastKey}.${inner[1]}` : lastKey;
      return `toml: line ${line} (last key "${key}"): expected a comma or an inline table terminator '}', but got end of file instead`;
    }
    if (atEnd) return `${where(true)}expected a comma (',') or array terminator (']'), but got end of file`;
  }
  if (message.startsWith("incomplete key-value")) return `${where(false)}unexpected EOF; expected key separator '='`;
  if (message.startsWith("each key-value declaration must be followed by an end-of-line")) {
    const rest = value.trim().split(/\s+/)[1] ?? "";
    return `${where(false)}expected a top-level item to end with a newline, comment, or EOF, but got '${rest[0] ?? ""}' instead`;
  }
  if (message.startsWith("unexpected end of key") && src.trimStart().startsWith("="))
    return `${where(false)}unexpected '=': key name appears blank`;
  if (message.startsWith("invalid date")) return `${where(true)}invalid datetime: "${value.trim()}"`;
  if (message.startsWith("unrecognised escape sequence")) {
    const esc = /\\./.exec(value.replace(/\\\\/g, ""));
    return `${where(true)}invalid escape in string '${esc?.[0] ?? "\\"}'`;
  }
  return `${where(true)}${message}`;
}
