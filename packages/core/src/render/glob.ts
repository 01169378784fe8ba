/**
 * gobwas/glob patterns with '/' as separator, as Helm's `.Files.Glob` compiles them:
 * `*` (no '/'), `**` (anything), `?` (one non-'/' char), `[abc]`, `[a-z]`, `[!...]`,
 * `{alt1,alt2}` (nestable) and `\` escapes. A pattern that does not compile is reported as
 * undefined; Helm then falls back to `**`.
 */

function escapeRegExp(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

function escapeClass(c: string): string {
  return /[\\^\][-]/.test(c) ? `\\${c}` : c;
}

class GlobSyntaxError extends Error {}

function compileSeq(p: string[], pos: { i: number }, inAlt: boolean): string {
  let out = "";
  while (pos.i < p.length) {
    const c = p[pos.i] as string;
    if (inAlt && (c === "," || c === "}")) return out;
    pos.i++;
    switch (c) {
      case "\\": {
        const n = p[pos.i++];
        if (n === undefined) throw new GlobSyntaxError("unexpected end after escape");
        out += escapeRegExp(n);
        break;
      }
      case "*":
        if (p[pos.i] === "*") {
          while (p[pos.i] === "*") pos.i++;
          out += "[\\s\\S]*";
        } else {
          out += "[^/]*";
        }
        break;
      case "?":
        out += "[^/]";
        break;
      case "[": {
        let neg = false;
        if (p[pos.i] === "!") {
          neg = true;
          pos.i++;
        }
        let cls = "";
        let closed = false;
        while (pos.i < p.length) {
          const d = p[pos.i++] as string;
          if (d === "]") {
            closed = true;
            break;
          }
          if (p[pos.i] === "-" && p[pos.i + 1] !== undefined && p[pos.i + 1] !== "]") {
            const hi = p[pos.i + 1] as string;
            pos.i += 2;
            if (hi < d) throw new GlobSyntaxError("bad range");
            cls += `${escapeClass(d)}-${escapeClass(hi)}`;
          } else {
            cls += escapeClass(d);
          }
        }
        if (!closed || cls === "") throw new GlobSyntaxError("unclosed class");
        out += neg ? `[^${cls}]` : `[${cls}]`;
        break;
      }
      case "{": {
        const alts: string[] = [];
        for (;;) {
          alts.push(compileSeq(p, pos, true));
          const d = p[pos.i++];
          if (d === ",") continue;
          if (d === "}") break;
          throw new GlobSyntaxError("unclosed alternatives");
        }
        out += `(?:${alts.join("|")})`;
        break;
      }
      default:
        out += escapeRegExp(c);
    }
  }
  if (inAlt) throw new GlobSyntaxError("unclosed alternatives");
  return out;
}

/** A matcher for the pattern, or undefined when gobwas would refuse to compile it. */
export function compileGlob(pattern: string): ((name: string) => boolean) | undefined {
  try {
    const re = new RegExp(`^${compileSeq(Array.from(pattern), { i: 0 }, false)}$`, "u");
    return (name) => re.test(name);
  } catch {
    return undefined;
  }
}
