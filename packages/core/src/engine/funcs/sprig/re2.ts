/**
 * Go regexp (RE2 syntax) on top of JS RegExp: the pattern is checked for the errors Go reports
 * (`error parsing regexp: ...`) and translated by re2-translate.ts; the matching loops here follow
 * Go's rules for empty matches, and Expand follows Go's reference rules.
 */
import { GoError } from "../../../govalue/value.js";
import { Re2ParseError, type Translation, translateRe2 } from "./re2-translate.js";

export class RegexpSyntaxError extends GoError {
  constructor(code: string, expr: string) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

const cache = new Map<string, RegExp>();
/** Go's SubexpNames per compiled pattern: JS group names cannot be Go's (`(?P<1a>`, repeats). */
const subexpNames = new WeakMap<RegExp, string[]>();

/** regexp.Compile: a global, unicode JS RegExp equivalent to the Go pattern. */
export function compileRegexp(expr: string): RegExp {
  const hit = cache.get(expr);
  if (hit) return hit;
  let t: Translation;
  try {
    t = translateRe2(expr);
  } catch (e) {
    if (e instanceof Re2ParseError) throw new RegexpSyntaxError(e.code, e.expr);
    throw e;
  }
  let re: RegExp;
  try {
    re = new RegExp(t.source, "gu");
  } catch {
    throw new RegexpSyntaxError("invalid or unsupported Perl syntax", expr);
  }
  subexpNames.set(re, t.names);
  if (cache.size > 500) cache.clear();
  cache.set(expr, re);
  return re;
}

function execAt(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  const m = re.exec(s);
  const names = subexpNames.get(re);
  if (m && names?.some((n) => n !== "")) {
    // Go's Expand takes the first group of that name that took part in the match.
    const groups: Record<string, string> = {};
    names.forEach((n, k) => {
      if (n !== "" && !Object.hasOwn(groups, n) && m[k] !== undefined) groups[n] = m[k];
    });
    (m as { groups?: Record<string, string> }).groups = groups;
  }
  return m;
}

const runeWidth = (s: string, i: number): number => ((s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);

/** Go's allMatches: an empty match right after a previous match is skipped. */
export function findAll(re: RegExp, s: string, n: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let pos = 0;
  let prevEnd = -1;
  while ((n < 0 || out.length < n) && pos <= s.length) {
    const m = execAt(re, s, pos);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    let accept = true;
    if (end === pos) {
      if (start === prevEnd) accept = false;
      pos += pos < s.length ? runeWidth(s, pos) : 1;
    } else {
      pos = end;
    }
    prevEnd = end;
    if (accept) out.push(m);
  }
  return out;
}

/** Regexp.ReplaceAllString's loop; `repl` gets each match. */
export function replaceAll(re: RegExp, s: string, repl: (m: RegExpExecArray) => string): string {
  let out = "";
  let lastEnd = 0;
  let pos = 0;
  while (pos <= s.length) {
    const m = execAt(re, s, pos);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    out += s.slice(lastEnd, start);
    if (end > lastEnd || start === 0) out += repl(m);
    lastEnd = end;
    const w = pos < s.length ? runeWidth(s, pos) : 1;
    if (pos + w > end) pos += w;
    else if (pos + 1 > end) pos++;
    else pos = end;
  }
  return out + s.slice(lastEnd);
}

/**
 * Regexp.Expand: `$name` or `${name}`, the name being the longest run of letters, digits and '_'
 * (so `$1x` is `${1x}`); an all-digit name without a leading zero is a group number; `$$` is '$';
 * a malformed reference leaves the '$' as text; an unknown or unmatched group expands to "".
 */
export function expand(template: string, m: RegExpExecArray): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== "$") {
      out += c;
      continue;
    }
    const rest = template.slice(i + 1);
    if (rest.startsWith("$")) {
      out += "$";
      i++;
      continue;
    }
    const ref = /^\{([\p{L}\p{Nd}_]+)\}|^([\p{L}\p{Nd}_]+)/u.exec(rest);
    if (!ref) {
      out += "$";
      continue;
    }
    const name = ref[1] ?? ref[2];
    i += ref[0].length;
    if (/^(0|[1-9][0-9]{0,8})$/.test(name) && Number(name) <= 1e8) {
      const k = Number(name);
      out += k < m.length ? (m[k] ?? "") : "";
    } else {
      out += m.groups?.[name] ?? "";
    }
  }
  return out;
}

/** Regexp.Split. */
export function split(re: RegExp, expr: string, s: string, n: number): string[] {
  if (n === 0) return [];
  if (expr.length > 0 && s.length === 0) return [""];
  const matches = findAll(re, s, n);
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of matches) {
    if (n > 0 && out.length === n - 1) break;
    end = m.index;
    if (m.index + m[0].length !== 0) out.push(s.slice(beg, end));
    beg = m.index + m[0].length;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
}
