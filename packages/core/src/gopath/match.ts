/**
 * Go's `path.Match` / `filepath.Match` on Unix. Helm's `.helmignore` rules and
 * `--show-only` are defined in terms of it, so its exact behaviour (syntax errors found
 * after a mismatch too) is the spec.
 */

/** Go's `path.ErrBadPattern` text. */
export const errBadPattern = "syntax error in pattern";

/** Thrown for a malformed pattern, with Go's message. */
export class BadPatternError extends Error {
  constructor() {
    super(errBadPattern);
    this.name = "BadPatternError";
  }
}

/**
 * A matcher equal to `(name) => goMatch(pattern, name)`. Patterns with no class and no escape
 * (the usual `*.tgz`, `.git`, `templates/.?*`) cannot be malformed and mean exactly the regular
 * expression with `*` as `[^/]*` and `?` as `[^/]`: those are compiled once, since every rule
 * of a `.helmignore` is tried on every file of a chart.
 */
export function compileGoMatch(pattern: string): (name: string) => boolean {
  if (pattern.includes("[") || pattern.includes("\\")) return (name) => goMatch(pattern, name);
  let src = "^";
  for (const ch of pattern) {
    if (ch === "*") src += "[^/]*";
    else if (ch === "?") src += "[^/]";
    else src += ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
  }
  const re = new RegExp(`${src}$`, "su");
  return (name) => re.test(name);
}

/**
 * Go's `filepath.Match` on Unix. Works on code points like Go works on runes; `*` and `?`
 * never match `/`. Throws BadPatternError where Go returns ErrBadPattern, including for
 * syntax errors in the part of the pattern after the first mismatch (Go checks it all).
 */
export function goMatch(pattern: string, name: string): boolean {
  let pat = [...pattern];
  let nm = [...name];
  outer: while (pat.length > 0) {
    const { star, chunk, rest } = scanChunk(pat);
    pat = rest;
    if (star && chunk.length === 0) {
      return !nm.includes("/");
    }
    const m = matchChunk(chunk, nm);
    if (m.ok && (m.rest.length === 0 || pat.length > 0)) {
      nm = m.rest;
      continue;
    }
    if (m.bad) throw new BadPatternError();
    if (star) {
      for (let i = 0; i < nm.length && nm[i] !== "/"; i++) {
        const t = matchChunk(chunk, nm.slice(i + 1));
        if (t.ok) {
          if (pat.length === 0 && t.rest.length > 0) continue;
          nm = t.rest;
          continue outer;
        }
        if (t.bad) throw new BadPatternError();
      }
    }
    // Go validates the remainder of the pattern before reporting a plain mismatch.
    while (pat.length > 0) {
      const next = scanChunk(pat);
      pat = next.rest;
      if (matchChunk(next.chunk, []).bad) throw new BadPatternError();
    }
    return false;
  }
  return nm.length === 0;
}

function scanChunk(pattern: string[]): { star: boolean; chunk: string[]; rest: string[] } {
  let i0 = 0;
  let star = false;
  while (i0 < pattern.length && pattern[i0] === "*") {
    i0++;
    star = true;
  }
  const p = pattern.slice(i0);
  let inRange = false;
  let i = 0;
  scan: for (; i < p.length; i++) {
    switch (p[i]) {
      case "\\":
        if (i + 1 < p.length) i++;
        break;
      case "[":
        inRange = true;
        break;
      case "]":
        inRange = false;
        break;
      case "*":
        if (!inRange) break scan;
        break;
    }
  }
  return { star, chunk: p.slice(0, i), rest: p.slice(i) };
}

interface ChunkResult {
  rest: string[];
  ok: boolean;
  bad: boolean;
}

function matchChunk(chunkIn: string[], s: string[]): ChunkResult {
  // `failed` keeps scanning after a mismatch so that syntax errors are still reported.
  let failed = false;
  let chunk = chunkIn;
  let str = s;
  const bad: ChunkResult = { rest: [], ok: false, bad: true };
  while (chunk.length > 0) {
    if (!failed && str.length === 0) failed = true;
    switch (chunk[0]) {
      case "[": {
        let r = "";
        if (!failed) {
          r = str[0] as string;
          str = str.slice(1);
        }
        chunk = chunk.slice(1);
        let negated = false;
        if (chunk.length > 0 && chunk[0] === "^") {
          negated = true;
          chunk = chunk.slice(1);
        }
        let match = false;
        let nrange = 0;
        for (;;) {
          if (chunk.length > 0 && chunk[0] === "]" && nrange > 0) {
            chunk = chunk.slice(1);
            break;
          }
          const lo = getEsc(chunk);
          if (lo === undefined) return bad;
          chunk = lo.rest;
          let hi = lo.ch;
          if (chunk[0] === "-") {
            const h = getEsc(chunk.slice(1));
            if (h === undefined) return bad;
            chunk = h.rest;
            hi = h.ch;
          }
          if (cp(lo.ch) <= cp(r) && cp(r) <= cp(hi)) match = true;
          nrange++;
        }
        if (match === negated) failed = true;
        break;
      }
      case "?":
        if (!failed) {
          if (str[0] === "/") failed = true;
          str = str.slice(1);
        }
        chunk = chunk.slice(1);
        break;
      case "\\":
        chunk = chunk.slice(1);
        if (chunk.length === 0) return bad;
        if (!failed) {
          if (chunk[0] !== str[0]) failed = true;
          str = str.slice(1);
        }
        chunk = chunk.slice(1);
        break;
      default:
        if (!failed) {
          if (chunk[0] !== str[0]) failed = true;
          str = str.slice(1);
        }
        chunk = chunk.slice(1);
    }
  }
  if (failed) return { rest: [], ok: false, bad: false };
  return { rest: str, ok: true, bad: false };
}

function cp(c: string): number {
  return c === "" ? -1 : (c.codePointAt(0) as number);
}

function getEsc(chunk: string[]): { ch: string; rest: string[] } | undefined {
  if (chunk.length === 0 || chunk[0] === "-" || chunk[0] === "]") return undefined;
  let c = chunk;
  if (c[0] === "\\") {
    c = c.slice(1);
    if (c.length === 0) return undefined;
  }
  const ch = c[0] as string;
  const rest = c.slice(1);
  if (rest.length === 0) return undefined;
  return { ch, rest };
}
