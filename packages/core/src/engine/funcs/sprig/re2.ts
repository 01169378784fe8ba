/**
 * Go regexp (RE2 syntax) on top of JS RegExp: the pattern is checked for the errors Go reports
 * (`error parsing regexp: ...`) and translated where the syntaxes differ ((?P<n>), \z, \A, \Q..\E,
 * [[:alpha:]], \pL, leading (?flags)); matching loops follow Go's rules for empty matches.
 */
import { GoError } from "../../../govalue/value.js";

const posixClasses: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-/:-@[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

export class RegexpSyntaxError extends GoError {
  constructor(code: string, expr: string) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

const escapeJs = (c: string): string => (/[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c);

/** Translates one RE2 pattern to a JS source and flags, or throws Go's parse error. */
function translate(expr: string): { source: string; flags: string } {
  let flags = "u";
  let i = 0;
  const lead = /^\(\?([imsU]+)\)/.exec(expr);
  if (lead) {
    if (lead[1].includes("i")) flags += "i";
    if (lead[1].includes("m")) flags += "m";
    if (lead[1].includes("s")) flags += "s";
    i = lead[0].length;
  }
  let out = "";
  let depth = 0;
  const opens: number[] = [];
  let lastAtom = false; // whether a repetition operator has something to repeat
  let lastWasRepeat = false;
  while (i < expr.length) {
    const c = expr[i];
    if (c === "\\") {
      const n = expr[i + 1];
      if (n === undefined) throw new RegexpSyntaxError("trailing backslash at end of expression", "");
      if (n === "Q") {
        const end = expr.indexOf("\\E", i + 2);
        const lit = end < 0 ? expr.slice(i + 2) : expr.slice(i + 2, end);
        out += [...lit].map(escapeJs).join("");
        i = end < 0 ? expr.length : end + 2;
        lastAtom = lit.length > 0;
        lastWasRepeat = false;
        continue;
      }
      if (n === "z") out += "(?![\\s\\S])";
      else if (n === "A") out += "(?<![\\s\\S])";
      else if ((n === "p" || n === "P") && expr[i + 2] !== "{") {
        out += `\\${n}{${expr[i + 2]}}`;
        i += 3;
        lastAtom = true;
        lastWasRepeat = false;
        continue;
      } else if (/[dDsSwWbBpPtnrfvax0-7]/.test(n) || /[^\w]/.test(n)) {
        if (n === "a") out += "\\x07";
        else if (n === "x" && expr[i + 2] === "{") {
          const end = expr.indexOf("}", i);
          out += `\\u{${expr.slice(i + 3, end)}}`;
          i = end + 1;
          lastAtom = true;
          lastWasRepeat = false;
          continue;
        } else if (/[0-7]/.test(n)) {
          if (n !== "0" && !/[0-7]/.test(expr[i + 2] ?? "")) {
            throw new RegexpSyntaxError("invalid escape sequence", `\\${n}`);
          }
          const m = /^[0-7]{1,3}/.exec(expr.slice(i + 1)) as RegExpExecArray;
          out += `\\x${Number.parseInt(m[0], 8).toString(16).padStart(2, "0")}`;
          i += 1 + m[0].length;
          lastAtom = true;
          lastWasRepeat = false;
          continue;
        } else if (n === "s") out += "[\\t\\n\\f\\r ]";
        else if (n === "S") out += "[^\\t\\n\\f\\r ]";
        else out += `\\${n}`;
      } else {
        throw new RegexpSyntaxError("invalid escape sequence", `\\${n}`);
      }
      i += 2;
      lastAtom = !(n === "b" || n === "B" || n === "z" || n === "A");
      lastWasRepeat = false;
      continue;
    }
    if (c === "[") {
      const start = i;
      let j = i + 1;
      let cls = "[";
      if (expr[j] === "^") {
        cls += "^";
        j++;
      }
      let first = true;
      // Go's parseClass: a '-' makes a range only right after a single character (not after a
      // class such as \w or [:alpha:], nor after a finished range); anywhere else it is a
      // literal, which JS (u flag) needs escaped.
      let rangeLo: { ch: string; at: number } | undefined;
      let closing: { ch: string; at: number } | undefined;
      const single = (ch: string, at: number, emitted: string, end: number) => {
        cls += emitted;
        if (closing !== undefined) {
          if ((ch.codePointAt(0) ?? 0) < (closing.ch.codePointAt(0) ?? 0)) {
            throw new RegexpSyntaxError("invalid character class range", expr.slice(closing.at, end));
          }
          closing = undefined;
          rangeLo = undefined;
        } else {
          rangeLo = { ch, at };
        }
      };
      const classItem = () => {
        rangeLo = undefined;
      };
      for (;;) {
        if (j >= expr.length) throw new RegexpSyntaxError("missing closing ]", expr.slice(start));
        const d = expr[j];
        if (d === "]" && !first) break;
        first = false;
        // After `x-`, Go reads the range's end as one character, even a '['.
        const posix = closing === undefined ? /^\[:(\^?)([a-z]+):\]/.exec(expr.slice(j)) : null;
        if (posix) {
          const set = posixClasses[posix[2]];
          if (!set) throw new RegexpSyntaxError("invalid character class range", posix[0]);
          if (posix[1]) throw new RegexpSyntaxError("invalid character class range", posix[0]); // rare
          classItem();
          cls += set;
          j += posix[0].length;
          continue;
        }
        if (d === "\\") {
          const n = expr[j + 1];
          if (n === undefined) throw new RegexpSyntaxError("missing closing ]", expr.slice(start));
          if (closing !== undefined && /[dswDSWpP]/.test(n)) {
            throw new RegexpSyntaxError("invalid escape sequence", `\\${n}`);
          }
          if (/[dswDSW]/.test(n)) {
            classItem();
            cls += n === "s" ? "\\t\\n\\f\\r " : `\\${n}`;
            j += 2;
            continue;
          }
          if (n === "p" || n === "P") {
            classItem();
            const close = expr[j + 2] === "{" ? expr.indexOf("}", j + 3) : -1;
            if (expr[j + 2] !== "{") {
              cls += `\\${n}{${expr[j + 2]}}`;
              j += 3;
            } else if (close < 0) {
              cls += `\\${n}`;
              j += 2;
            } else {
              cls += expr.slice(j, close + 1);
              j = close + 1;
            }
            continue;
          }
          single(n, j, `\\${n}`, j + 2);
          j += 2;
          continue;
        }
        if (d === "-" && rangeLo !== undefined && closing === undefined && j + 1 < expr.length && expr[j + 1] !== "]") {
          closing = rangeLo;
          cls += "-";
          j++;
          continue;
        }
        single(d, j, d === "[" || d === "/" || d === "-" ? `\\${d}` : d, j + 1);
        j++;
      }
      out += `${cls}]`;
      i = j + 1;
      lastAtom = true;
      lastWasRepeat = false;
      continue;
    }
    if (c === "(") {
      let j = i + 1;
      if (expr[j] === "?") {
        const named = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(expr.slice(i));
        const group = /^\(\?([imsU-]*):/.exec(expr.slice(i));
        if (named) {
          out += `(?<${named[1]}>`;
          j = i + named[0].length;
        } else if (group) {
          // Inline flag groups cannot be expressed in every Node: case folding is approximated by the group itself.
          out += "(?:";
          j = i + group[0].length;
        } else {
          const bad = /^\(\?[^)]*\)?/.exec(expr.slice(i))?.[0] ?? "(?";
          throw new RegexpSyntaxError("invalid or unsupported Perl syntax", bad.slice(0, 3));
        }
      } else {
        out += "(";
      }
      opens.push(i);
      depth++;
      i = j;
      lastAtom = false;
      lastWasRepeat = false;
      continue;
    }
    if (c === ")") {
      if (depth === 0) throw new RegexpSyntaxError("unexpected )", expr);
      depth--;
      opens.pop();
      out += ")";
      i++;
      lastAtom = true;
      lastWasRepeat = false;
      continue;
    }
    if (c === "*" || c === "+" || c === "?" || (c === "{" && /^\{\d+(,\d*)?\}/.test(expr.slice(i)))) {
      const op = c === "{" ? (/^\{\d+(,\d*)?\}/.exec(expr.slice(i)) as RegExpExecArray)[0] : c;
      let len = op.length;
      if (expr[i + len] === "?") len++;
      const opText = expr.slice(i, i + len);
      if (lastWasRepeat)
        throw new RegexpSyntaxError("invalid nested repetition operator", `${lastRepeatText}${opText}`);
      if (!lastAtom) throw new RegexpSyntaxError("missing argument to repetition operator", opText);
      if (c === "{") {
        const m = /^\{(\d+)(?:,(\d*))?\}/.exec(op) as RegExpExecArray;
        if (
          Number(m[1]) > 1000 ||
          (m[2] !== undefined && m[2] !== "" && (Number(m[2]) > 1000 || Number(m[2]) < Number(m[1])))
        ) {
          throw new RegexpSyntaxError("invalid repeat count", op);
        }
      }
      out += opText;
      lastRepeatText = opText;
      i += len;
      lastWasRepeat = true;
      continue;
    }
    if (c === "|") {
      out += c;
      i++;
      lastAtom = false;
      lastWasRepeat = false;
      continue;
    }
    if (c === "^" || c === "$") {
      // Go's ^/$ without (?m) anchor at text ends only, as in JS without the m flag.
      out += c;
      i++;
      lastAtom = true;
      lastWasRepeat = false;
      continue;
    }
    const cp = expr.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    out += c === "{" || c === "}" || c === "]" || c === "/" ? `\\${c}` : ch;
    i += ch.length;
    lastAtom = true;
    lastWasRepeat = false;
  }
  if (depth > 0) throw new RegexpSyntaxError("missing closing )", expr);
  return { source: out, flags };
}
let lastRepeatText = "";

const cache = new Map<string, RegExp>();

/** regexp.Compile: a global, unicode JS RegExp equivalent to the Go pattern. */
export function compileRegexp(expr: string): RegExp {
  const hit = cache.get(expr);
  if (hit) return hit;
  const { source, flags } = translate(expr);
  let re: RegExp;
  try {
    re = new RegExp(source, `${flags}g`);
  } catch {
    throw new RegexpSyntaxError("invalid or unsupported Perl syntax", expr);
  }
  if (cache.size > 500) cache.clear();
  cache.set(expr, re);
  return re;
}

function execAt(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
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

/** Regexp.Expand: $1, ${1}, $name, ${name}, $$; unknown groups expand to "". */
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
    const braced = /^\{([A-Za-z0-9_]+)\}/.exec(rest);
    const bare = /^[A-Za-z0-9_]+/.exec(rest);
    const name = braced ? braced[1] : bare ? bare[0] : undefined;
    if (name === undefined) {
      out += "$";
      continue;
    }
    i += (braced ? braced[0] : (bare as RegExpExecArray)[0]).length;
    if (/^\d+$/.test(name)) {
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
