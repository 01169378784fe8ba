/**
 * `.helmignore` rules, as Helm's pkg/ignore evaluates them. Quirks kept on purpose because
 * Helm has them: rules are tried in file order and the first decision wins; a negated rule
 * (`!x`) that does NOT match a path ignores that path; `**` is rejected; a rule without `/`
 * matches the base name only; a leading `/` anchors at the chart root.
 */
import { BadPatternError, compileGoMatch, goMatch } from "../gopath/match.js";
import { basePath } from "../gopath/path.js";

/** The file name Helm looks for at the chart root. */
export const helmIgnoreFile = ".helmignore";

interface IgnorePattern {
  readonly raw: string;
  readonly negate: boolean;
  readonly mustDir: boolean;
  readonly match: (path: string) => boolean;
}

export class IgnoreRules {
  private readonly patterns: IgnorePattern[] = [];

  /** Parses `.helmignore` text; throws Error with Helm's message for a bad rule. */
  static parse(text: string): IgnoreRules {
    const r = new IgnoreRules();
    // bufio.Scanner's ScanLines: split on \n, drop one trailing \r per line.
    const lines = text.split("\n");
    if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    for (const line of lines) r.addRule(line.endsWith("\r") ? line.slice(0, -1) : line);
    return r;
  }

  static empty(): IgnoreRules {
    return new IgnoreRules();
  }

  /** Helm's AddDefaults: dotfiles directly in templates/ are never loaded. */
  addDefaults(): void {
    this.addRule("templates/.?*");
  }

  get length(): number {
    return this.patterns.length;
  }

  /** Whether `path` (chart-relative, `/`-separated) is ignored. */
  ignores(path: string, isDir: boolean): boolean {
    if (path === "" || path === "." || path === "./") return false;
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true;
        if (!p.match(path)) return true;
        continue;
      }
      if (p.mustDir && !isDir) continue;
      if (p.match(path)) return true;
    }
    return false;
  }

  private addRule(line: string): void {
    let rule = goTrimSpace(line);
    if (rule === "" || rule.startsWith("#")) return;
    if (rule.includes("**")) throw new Error("double-star (**) syntax is not supported");
    // Helm compiles every rule against a non-empty name to surface syntax errors early.
    goMatch(rule, "abc");
    const raw = rule;
    let negate = false;
    let mustDir = false;
    if (rule.startsWith("!")) {
      negate = true;
      rule = rule.slice(1);
    }
    if (rule.endsWith("/")) {
      mustDir = true;
      rule = rule.slice(0, -1);
    }
    const pat = rule;
    let match: (path: string) => boolean;
    if (pat.startsWith("/")) {
      const anchored = safeMatcher(pat.slice(1));
      match = (n) => anchored(n);
    } else if (pat.includes("/")) {
      match = safeMatcher(pat);
    } else {
      const base = safeMatcher(pat);
      match = (n) => base(basePath(n));
    }
    this.patterns.push({ raw, negate, mustDir, match });
  }
}

/** Helm logs a bad pattern at match time and treats it as "no match". */
function safeMatcher(pattern: string): (name: string) => boolean {
  const match = compileGoMatch(pattern);
  return (name) => {
    try {
      return match(name);
    } catch (e) {
      if (e instanceof BadPatternError) return false;
      throw e;
    }
  };
}

const GO_SPACE = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const GO_SPACE_EDGES = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, "gu");

/** Go's strings.TrimSpace (unicode.IsSpace, which unlike JS's \s excludes U+FEFF). */
function goTrimSpace(s: string): string {
  return s.replace(GO_SPACE_EDGES, "");
}
