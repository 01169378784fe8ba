/**
 * Helm's diagnostics on stderr. Helm 4 routes both log.Printf (coalescing) and slog through
 * slog's text handler without time: `level=INFO msg="warning: ..."`,
 * `level=WARN msg="returned non-bool value" path=x chart=y`.
 */
import { quote } from "../govalue/strconv.js";

export type LogLevel = "INFO" | "WARN" | "ERROR";

export interface LogRecord {
  level: LogLevel;
  msg: string;
  attrs: ReadonlyArray<readonly [string, string]>;
}

/** Collects Helm's diagnostics in order; the CLI prints them with formatLogRecord. */
export class HelmLog {
  readonly records: LogRecord[] = [];
  /** log.Printf (Helm 4 shows it as level=INFO). */
  printf = (msg: string): void => {
    this.records.push({ level: "INFO", msg, attrs: [] });
  };
  info(msg: string, ...attrs: Array<readonly [string, string]>): void {
    this.records.push({ level: "INFO", msg, attrs });
  }
  warn(msg: string, ...attrs: Array<readonly [string, string]>): void {
    this.records.push({ level: "WARN", msg, attrs });
  }
  error(msg: string, ...attrs: Array<readonly [string, string]>): void {
    this.records.push({ level: "ERROR", msg, attrs });
  }
  lines(): string[] {
    return this.records.map(formatLogRecord);
  }
}

/** unicode.IsPrint over one rune, for slog's quoting decision. */
function isPrintRune(r: string): boolean {
  return r === " " || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(r);
}

/** slog's TextHandler needsQuoting. */
function needsQuoting(s: string): boolean {
  if (s.length === 0) return true;
  for (const r of s) {
    const cp = r.codePointAt(0) as number;
    if (cp < 0x80) {
      if (r !== "\\" && (r === " " || r === "=" || r === '"' || cp < 0x20 || cp === 0x7f)) return true;
      continue;
    }
    if (r === "\ufffd" || /^\s$/u.test(r) || !isPrintRune(r)) return true;
  }
  return false;
}

function slogText(s: string): string {
  return needsQuoting(s) ? quote(s) : s;
}

export function formatLogRecord(r: LogRecord): string {
  let out = `level=${r.level} msg=${slogText(r.msg)}`;
  for (const [k, v] of r.attrs) out += ` ${slogText(k)}=${slogText(v)}`;
  return out;
}
