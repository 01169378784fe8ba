/**
 * Reading trivy's stderr: which line explains a failure, and whether the failure is a registry
 * rate limit worth retrying. Trivy logs `TIMESTAMP\tLEVEL\tmessage\tkey=value…`.
 */

const MAX_MESSAGE = 500;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters.
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const LOG_PREFIX = /^\d{4}-\d\d-\d\dT[0-9:.]+(?:Z|[+-]\d\d:?\d\d)?\s+(FATAL|ERROR|WARN|INFO|DEBUG)\s+/;

/** Registry throttling (Docker Hub's TOOMANYREQUESTS, HTTP 429) and GitHub's DB download limits. */
const RATE_LIMIT = /TOOMANYREQUESTS|429 Too Many Requests|rate limit(?:ed)? exceeded|too many requests/i;

export function isRateLimited(stderr: string): boolean {
  return RATE_LIMIT.test(stderr);
}

/**
 * The line that says why trivy failed: the last FATAL, else the last ERROR, else a Go panic,
 * else the last line that is not INFO/DEBUG/WARN chatter; without its timestamp and level, tabs flattened, capped in length.
 */
export function lastMeaningfulLine(stderr: string): string | undefined {
  const lines = stderr
    .replace(ANSI, "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length === 0) return undefined;
  const level = (l: string) => LOG_PREFIX.exec(l)?.[1];
  let at = findLastIndex(lines, (l) => level(l) === "FATAL");
  if (at < 0) at = findLastIndex(lines, (l) => level(l) === "ERROR");
  // A Go panic ends in goroutine traces; the `panic:` line is the one that explains it.
  if (at < 0) at = lines.findIndex((l) => l.startsWith("panic: "));
  if (at < 0) at = findLastIndex(lines, (l) => !/^(?:INFO|DEBUG|WARN)$/.test(level(l) ?? ""));
  if (at < 0) at = lines.length - 1;
  let message = lines[at]!.replace(LOG_PREFIX, "");
  // Trivy's multi-error messages continue on lines of their own (`\t* remote error: …`).
  if (level(lines[at]!) !== undefined) {
    for (let i = at + 1; i < lines.length && level(lines[i]!) === undefined && !lines[i]!.startsWith("panic: "); i++) {
      message += ` ${lines[i]}`;
    }
  }
  message = message.replace(/\t+/g, ": ");
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}

function findLastIndex(lines: string[], pred: (l: string) => boolean): number {
  for (let i = lines.length - 1; i >= 0; i--) if (pred(lines[i]!)) return i;
  return -1;
}
