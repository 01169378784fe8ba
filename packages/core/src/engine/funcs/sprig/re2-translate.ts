/**
 * Go's regexp/syntax parser (Perl flags, as regexp.Compile uses), emitting an equivalent JS
 * source for the `u` flag. Go's flags (?i) (?m) (?s) (?U) may change anywhere and last to the end
 * of the enclosing group; JS (Node 20) has no modifier groups, so no JS flag is used and each
 * construct is spelled out under the flags in force: folded literals and classes, `.` as [^\n],
 * (?m)^ as (?<![^\n]). Go's rejections come back with Go's exact texts.
 */
import { foldAdditions, foldOrbit } from "./re2-fold.js";
import { unicodeClass } from "./re2-unicode.js";

/** A parse error: Go's error code and the offending text (`error parsing regexp: code: `text``). */
export class Re2ParseError extends Error {
  constructor(
    readonly code: string,
    readonly expr: string,
  ) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

export interface Translation {
  source: string;
  /** Go's SubexpNames: index 0 is the whole match, "" for an unnamed group. */
  names: string[];
}

interface Flags {
  fold: boolean;
  multiLine: boolean;
  dotNL: boolean;
  ungreedy: boolean;
}

/** Go's OpRepeat nesting, for repeatIsValid (x{n} inside y{m} counts n*m against 1000). */
interface RepNode {
  max: number;
  subs: RepNode[];
}

type Range = [number, number];

const hex = (cp: number): string => `\\u{${cp.toString(16)}}`;
const MAX_RUNE = 0x10ffff;

const perlRanges: Record<string, Range[]> = {
  d: [[0x30, 0x39]],
  s: [
    [0x09, 0x0a],
    [0x0c, 0x0d],
    [0x20, 0x20],
  ],
  w: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
};

const posixRanges: Record<string, Range[]> = {
  alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  ascii: [[0, 0x7f]],
  blank: [
    [0x09, 0x09],
    [0x20, 0x20],
  ],
  cntrl: [
    [0, 0x1f],
    [0x7f, 0x7f],
  ],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e],
  ],
  space: [
    [0x09, 0x0d],
    [0x20, 0x20],
  ],
  upper: [[0x41, 0x5a]],
  word: perlRanges.w,
  xdigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66],
  ],
};

function negateRanges(rs: Range[]): Range[] {
  const sorted = [...rs].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

const rangesBody = (rs: Range[]): string =>
  rs.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join("");

/** A class under construction: explicit ranges, JS \p bodies, and negated \p bodies. */
class ClassBuilder {
  ranges: Range[] = [];
  bodies: string[] = [];
  negBodies: string[] = [];
  constructor(private readonly fold: boolean) {}

  addRanges(rs: Range[], negated: boolean): void {
    if (this.fold) {
      const inSet = (cp: number) => rs.some(([lo, hi]) => cp >= lo && cp <= hi);
      rs = [...rs, ...foldAdditions(inSet).map((c): Range => [c, c])];
    }
    this.ranges.push(...(negated ? negateRanges(rs) : rs));
  }

  addBody(body: string, negated: boolean): void {
    let b = body;
    if (this.fold) {
      const re = new RegExp(`[${body}]`, "u");
      b += rangesBody(foldAdditions((cp) => re.test(String.fromCodePoint(cp))).map((c): Range => [c, c]));
    }
    (negated ? this.negBodies : this.bodies).push(b);
  }

  emit(negated: boolean): string {
    const pos = rangesBody(this.ranges) + this.bodies.join("");
    if (this.negBodies.length === 0) return negated ? `[^${pos}]` : `[${pos}]`;
    const alts = [...(pos ? [`[${pos}]`] : []), ...this.negBodies.map((b) => `[^${b}]`)].join("|");
    return negated ? `(?:(?!${alts})[\\s\\S])` : `(?:${alts})`;
  }
}

/** Go's parseEscape for a single-character escape; `at` indexes the backslash. */
function parseEscape(expr: string, at: number): { cp: number; end: number } {
  const fail = (end: number): never => {
    throw new Re2ParseError("invalid escape sequence", expr.slice(at, end));
  };
  let i = at + 1;
  const c = expr.codePointAt(i);
  if (c === undefined) throw new Re2ParseError("trailing backslash at end of expression", "");
  i += c > 0xffff ? 2 : 1;
  const ch = String.fromCodePoint(c);
  if (c < 0x80 && !/[0-9A-Za-z]/.test(ch)) return { cp: c, end: i };
  if (/[1-7]/.test(ch) && !/[0-7]/.test(expr[i] ?? "")) fail(i);
  if (/[0-7]/.test(ch)) {
    let v = c - 0x30;
    for (let k = 0; k < 2 && /[0-7]/.test(expr[i] ?? ""); k++) v = v * 8 + (expr.charCodeAt(i++) - 0x30);
    return { cp: v, end: i };
  }
  if (ch === "x") {
    if (i >= expr.length) fail(i);
    if (expr[i] === "{") {
      i++;
      let v = 0;
      let n = 0;
      for (;;) {
        if (i >= expr.length) fail(i);
        const d = expr.codePointAt(i) as number;
        i += d > 0xffff ? 2 : 1;
        if (d === 0x7d) break;
        const h = Number.parseInt(String.fromCodePoint(d), 16);
        if (Number.isNaN(h)) fail(i);
        v = v * 16 + h;
        if (v > MAX_RUNE) fail(i);
        n++;
      }
      if (n === 0) fail(i);
      return { cp: v, end: i };
    }
    const x = Number.parseInt(expr[i], 16);
    const d2 = expr.codePointAt(i + 1);
    const end = i + 1 + (d2 === undefined ? 0 : d2 > 0xffff ? 2 : 1);
    const y = d2 === undefined ? Number.NaN : Number.parseInt(String.fromCodePoint(d2), 16);
    if (Number.isNaN(x) || Number.isNaN(y) || !/[0-9A-Fa-f]/.test(expr[i])) fail(end);
    return { cp: x * 16 + y, end };
  }
  const simple: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
  if (ch in simple) return { cp: simple[ch], end: i };
  return fail(i);
}

/** \pN, \p{Name}, \P{^Name} at `at`: the class and where it ends, or Go's error. */
function parseUnicodeClass(expr: string, at: number): { body: string; negated: boolean; end: number } {
  let negated = expr[at + 1] === "P";
  let name: string;
  let end: number;
  if (expr[at + 2] === "{") {
    const close = expr.indexOf("}", at + 3);
    if (close < 0) throw new Re2ParseError("invalid character class range", expr.slice(at));
    name = expr.slice(at + 3, close);
    end = close + 1;
  } else {
    const c = expr.codePointAt(at + 2);
    name = c === undefined ? "" : String.fromCodePoint(c);
    end = at + 2 + name.length;
  }
  const seq = expr.slice(at, end);
  if (name.startsWith("^")) {
    negated = !negated;
    name = name.slice(1);
  }
  const u = unicodeClass(name);
  if (!u) throw new Re2ParseError("invalid character class range", seq);
  return { body: u.body, negated: negated !== u.negated, end };
}

function literal(cp: number, flags: Flags): string {
  const orbit = flags.fold ? foldOrbit(cp) : [cp];
  if (orbit.length > 1) return `[${orbit.map(hex).join("")}]`;
  return cp < 0x80 && /[0-9A-Za-z_ ]/.test(String.fromCharCode(cp)) ? String.fromCharCode(cp) : hex(cp);
}

/** Go's parseClass from the '[' at `start`. */
function parseClass(expr: string, start: number, flags: Flags): { source: string; end: number } {
  let j = start + 1;
  const negated = expr[j] === "^";
  if (negated) j++;
  const cls = new ClassBuilder(flags.fold);
  let first = true;
  while (first || expr[j] !== "]") {
    if (j >= expr.length) throw new Re2ParseError("missing closing ]", expr.slice(start));
    first = false;
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(expr.slice(j));
    if (posix) {
      const rs = posixRanges[posix[2]];
      if (!rs) throw new Re2ParseError("invalid character class range", posix[0]);
      cls.addRanges(rs, posix[1] === "^");
      j += posix[0].length;
      continue;
    }
    if (expr[j] === "\\" && (expr[j + 1] === "p" || expr[j + 1] === "P")) {
      const u = parseUnicodeClass(expr, j);
      cls.addBody(u.body, u.negated);
      j = u.end;
      continue;
    }
    if (expr[j] === "\\" && /[dswDSW]/.test(expr[j + 1] ?? "")) {
      const k = expr[j + 1];
      cls.addRanges(perlRanges[k.toLowerCase()], k !== k.toLowerCase());
      j += 2;
      continue;
    }
    const lo = classChar(expr, j, start);
    let hi = lo;
    j = lo.end;
    if (expr[j] === "-" && j + 1 < expr.length && expr[j + 1] !== "]") {
      hi = classChar(expr, j + 1, start);
      if (hi.cp < lo.cp) throw new Re2ParseError("invalid character class range", expr.slice(lo.at, hi.end));
      j = hi.end;
    }
    cls.addRanges([[lo.cp, hi.cp]], false);
  }
  return { source: cls.emit(negated), end: j + 1 };
}

function classChar(expr: string, j: number, start: number): { cp: number; at: number; end: number } {
  if (j >= expr.length) throw new Re2ParseError("missing closing ]", expr.slice(start));
  if (expr[j] === "\\") {
    if (j + 1 >= expr.length) throw new Re2ParseError("missing closing ]", expr.slice(start));
    const e = parseEscape(expr, j);
    return { cp: e.cp, at: j, end: e.end };
  }
  const cp = expr.codePointAt(j) as number;
  return { cp, at: j, end: j + (cp > 0xffff ? 2 : 1) };
}

function repeatIsValid(nodes: RepNode[], n: number): boolean {
  for (const r of nodes) {
    let m = n;
    if (r.max > m) return false;
    if (r.max > 0) m = Math.trunc(m / r.max);
    if (!repeatIsValid(r.subs, m)) return false;
  }
  return true;
}

/** Go's parseInt for repeat counts: no leading zeros; huge values become -1. */
function repeatInt(s: string): number {
  if (s.length >= 2 && s[0] === "0") return Number.NaN;
  return s.length > 8 ? -1 : Number(s);
}

interface Frame {
  saved: Flags;
  outStart: number;
  rep: RepNode[];
}

/** Translates a Go pattern, or throws Re2ParseError with Go's text. */
export function translateRe2(expr: string): Translation {
  let flags: Flags = { fold: false, multiLine: false, dotNL: false, ungreedy: false };
  const names = [""];
  const stack: Frame[] = [];
  let out = "";
  let rep: RepNode[] = []; // the current group's finished atoms
  let last: { start: number; rep: RepNode[] } | undefined; // the atom a repetition applies to
  let lastRepeat = "";
  const commit = () => {
    if (last) rep.push(...last.rep);
    last = undefined;
  };
  const atom = (text: string, r: RepNode[] = []) => {
    commit();
    last = { start: out.length, rep: r };
    out += text;
  };
  let i = 0;
  while (i < expr.length) {
    const c = expr[i];
    let repeatText = "";
    if (c === "(") {
      if (expr[i + 1] === "?") {
        const t = expr.slice(i);
        if ((t.startsWith("(?P<") && t.length > 4) || (t.startsWith("(?<") && t.length > 3)) {
          const begin = t[2] === "P" ? 4 : 3;
          const end = t.indexOf(">");
          if (end < 0) throw new Re2ParseError("invalid named capture", t);
          const name = t.slice(begin, end);
          if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Re2ParseError("invalid named capture", t.slice(0, end + 1));
          commit();
          stack.push({ saved: flags, outStart: out.length, rep });
          rep = [];
          names.push(name);
          out += "(";
          i += end + 1;
          lastRepeat = "";
          continue;
        }
        // Perl flags: (?flags) or (?flags:re).
        let j = i + 2;
        const f = { ...flags };
        let sign = 1;
        let saw = false;
        let done = false;
        while (j < expr.length) {
          const d = expr[j++];
          if ("imsU".includes(d)) {
            const on = sign > 0;
            if (d === "i") f.fold = on;
            if (d === "m") f.multiLine = on;
            if (d === "s") f.dotNL = on;
            if (d === "U") f.ungreedy = on;
            saw = true;
            continue;
          }
          if (d === "-" && sign > 0) {
            sign = -1;
            saw = false;
            continue;
          }
          if ((d === ":" || d === ")") && (sign > 0 || saw)) {
            if (d === ":") {
              commit();
              stack.push({ saved: flags, outStart: out.length, rep });
              rep = [];
              out += "(?:";
            }
            flags = f;
            done = true;
          }
          break;
        }
        if (!done) throw new Re2ParseError("invalid or unsupported Perl syntax", expr.slice(i, j));
        i = j;
        lastRepeat = "";
        continue;
      }
      commit();
      stack.push({ saved: flags, outStart: out.length, rep });
      rep = [];
      names.push("");
      out += "(";
      i++;
      lastRepeat = "";
      continue;
    }
    if (c === "|") {
      commit();
      out += "|";
      i++;
      lastRepeat = "";
      continue;
    }
    if (c === ")") {
      const frame = stack.pop();
      if (!frame) throw new Re2ParseError("unexpected )", expr);
      commit();
      const inner = rep;
      rep = frame.rep;
      flags = frame.saved;
      out += ")";
      last = { start: frame.outStart, rep: inner };
      i++;
      lastRepeat = "";
      continue;
    }
    let op: string | undefined;
    let min = 0;
    let max = -1;
    if (c === "*" || c === "+" || c === "?") {
      op = c;
      [min, max] = c === "*" ? [0, -1] : c === "+" ? [1, -1] : [0, 1];
    } else if (c === "{") {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(expr.slice(i));
      if (m) {
        const lo = repeatInt(m[1]);
        const hi = m[2] === undefined ? lo : m[3] === "" ? -1 : repeatInt(m[3]);
        if (!Number.isNaN(lo) && !Number.isNaN(hi)) {
          op = m[0];
          if (lo < 0 || lo > 1000 || hi > 1000 || (hi >= 0 && lo > hi)) {
            throw new Re2ParseError("invalid repeat count", op);
          }
          min = lo;
          max = hi;
        }
      }
    }
    if (op !== undefined) {
      let text = op;
      let lazy = false;
      if (expr[i + op.length] === "?") {
        text += "?";
        lazy = true;
      }
      if (lastRepeat) throw new Re2ParseError("invalid nested repetition operator", lastRepeat + text);
      if (!last) throw new Re2ParseError("missing argument to repetition operator", text);
      let r = last.rep;
      if (c === "{") {
        r = [{ max: max < 0 ? min : max, subs: r }];
        if ((min >= 2 || max >= 2) && !repeatIsValid(r, 1000)) throw new Re2ParseError("invalid repeat count", op);
      }
      const greedy = lazy === flags.ungreedy;
      const body = out.slice(last.start);
      out = `${out.slice(0, last.start)}(?:${body})${op}${greedy ? "" : "?"}`;
      last.rep = r;
      i += text.length;
      repeatText = text;
      lastRepeat = repeatText;
      continue;
    }
    lastRepeat = "";
    if (c === "[") {
      const cls = parseClass(expr, i, flags);
      atom(cls.source);
      i = cls.end;
      continue;
    }
    if (c === ".") {
      atom(flags.dotNL ? "[\\s\\S]" : "[^\\n]");
      i++;
      continue;
    }
    if (c === "^") {
      atom(flags.multiLine ? "(?:(?<![^\\n]))" : "(?:^)");
      i++;
      continue;
    }
    if (c === "$") {
      atom(flags.multiLine ? "(?:(?![^\\n]))" : "(?:$)");
      i++;
      continue;
    }
    if (c === "\\") {
      const n = expr[i + 1];
      if (n === "A" || n === "z") {
        atom(n === "A" ? "(?:^)" : "(?:$)");
        i += 2;
        continue;
      }
      if (n === "b" || n === "B") {
        atom(`(?:\\${n})`);
        i += 2;
        continue;
      }
      if (n === "Q") {
        const end = expr.indexOf("\\E", i + 2);
        const lit = end < 0 ? expr.slice(i + 2) : expr.slice(i + 2, end);
        for (const ch of lit) atom(literal(ch.codePointAt(0) as number, flags));
        i = end < 0 ? expr.length : end + 2;
        continue;
      }
      if (n === "p" || n === "P") {
        const u = parseUnicodeClass(expr, i);
        const cls = new ClassBuilder(flags.fold);
        cls.addBody(u.body, u.negated);
        atom(cls.emit(false));
        i = u.end;
        continue;
      }
      if (n !== undefined && /[dswDSW]/.test(n)) {
        const cls = new ClassBuilder(flags.fold);
        cls.addRanges(perlRanges[n.toLowerCase()], n !== n.toLowerCase());
        atom(cls.emit(false));
        i += 2;
        continue;
      }
      const e = parseEscape(expr, i);
      atom(literal(e.cp, flags));
      i = e.end;
      continue;
    }
    const cp = expr.codePointAt(i) as number;
    atom(literal(cp, flags));
    i += cp > 0xffff ? 2 : 1;
  }
  if (stack.length > 0) throw new Re2ParseError("missing closing )", expr);
  return { source: out, names };
}
