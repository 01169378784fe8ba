/** Sprig's string functions (strings.go) with the Go library behaviour they wrap. */
import { formatValue } from "../../../govalue/print.js";
import { compareGoStrings } from "../../../govalue/printer.js";
import { quote as goQuote } from "../../../govalue/strconv.js";
import { GoError, type GoFunc, type GoMap, GoObject, type GoValue, newGoMap } from "../../../govalue/value.js";
import { goFunc, goVariadic, intArg } from "./gofunc.js";
import {
  byteLen,
  byteSlice,
  bytesOf,
  isDigit,
  isLetter,
  isLower,
  isSpace,
  isTitle,
  isUpper,
  mapRunes,
  stringOf,
  toLower,
  toTitle,
  toUpper,
} from "./gounicode.js";
import { asSlice, withGoType } from "./reflect.js";
import { toCamelCase, toLowerWords } from "./xstrings.js";

/** Sprig's strval: strings and []byte as they are, Stringers via String(), the rest via %v. */
export function strval(v: GoValue): string {
  if (typeof v === "string") return v;
  if (v instanceof Uint8Array) return stringOf(v);
  if (v instanceof GoObject) return v.format();
  return formatValue(v ?? null); // a missing value reaches a function as Go's nil
}

/** fmt's %v of one function argument (a missing value is nil there). */
export function sprintArg(v: GoValue): string {
  return formatValue(v ?? null);
}

/** Sprig's strslice (toStrings): nil elements are dropped, a non-list becomes a one-element list. */
export function strslice(v: GoValue): string[] {
  const l = asSlice(v);
  if (l) return withGoType(l.filter((x) => x !== null && x !== undefined).map(strval), "[]string");
  if (v === null || v === undefined) return withGoType([], "[]string");
  return withGoType([strval(v)], "[]string");
}

const MAX_STRING = 1 << 28;

/** strings.Repeat, with its panics; very large results are refused instead of exhausting memory. */
export function goRepeat(s: string, count: number): string {
  if (count < 0) throw new GoError("strings: negative Repeat count");
  if (s.length * count > MAX_STRING) throw new GoError("strings: Repeat output length overflow");
  return s.repeat(count);
}

function trimSpace(s: string): string {
  const r = [...s];
  let a = 0;
  let b = r.length;
  while (a < b && isSpace(r[a].codePointAt(0) ?? 0)) a++;
  while (b > a && isSpace(r[b - 1].codePointAt(0) ?? 0)) b--;
  return r.slice(a, b).join("");
}

/** strings.Trim: strips runes of the cutset from both ends. */
function trimCutset(s: string, cutset: string): string {
  if (s === "" || cutset === "") return s;
  const set = new Set(cutset);
  const r = [...s];
  let a = 0;
  let b = r.length;
  while (a < b && set.has(r[a])) a++;
  while (b > a && set.has(r[b - 1])) b--;
  return r.slice(a, b).join("");
}

/** strings.Title's word boundary test. */
function isSeparator(c: string): boolean {
  const cp = c.codePointAt(0) ?? 0;
  if (cp <= 0x7f) return !/[0-9a-zA-Z_]/.test(c);
  if (isLetter(c) || isDigit(c)) return false;
  return isSpace(cp);
}

function title(s: string): string {
  let prev = " ";
  return mapRunes(s, (c) => {
    const out = isSeparator(prev) ? toTitle(c) : c;
    prev = c;
    return out;
  });
}

/** goutils.Uncapitalize: lower-cases the first rune of each space-separated word. */
function untitle(s: string): string {
  let next = true;
  return mapRunes(s, (c) => {
    if (isSpace(c.codePointAt(0) ?? 0)) {
      next = true;
      return c;
    }
    if (next) {
      next = false;
      return toLower(c);
    }
    return c;
  });
}

/** goutils.SwapCase: title-cases a lower-case letter that starts a word. */
function swapcase(s: string): string {
  let whitespace = true;
  return mapRunes(s, (c) => {
    if (isUpper(c) || isTitle(c)) {
      whitespace = false;
      return toLower(c);
    }
    if (isLower(c)) {
      const out = whitespace ? toTitle(c) : toUpper(c);
      whitespace = false;
      return out;
    }
    whitespace = isSpace(c.codePointAt(0) ?? 0);
    return c;
  });
}

// goutils works on bytes (a Go string indexed by position); a latin1 JS string is a byte string.
const toBin = (s: string): string => bytesOf(s).toString("latin1");
const fromBin = (b: string): string => Buffer.from(b, "latin1").toString("utf8");

/** goutils.DeleteWhiteSpace: byte by byte, each kept byte re-encoded as a rune (Latin-1). */
function nospace(s: string): string {
  const b = toBin(s);
  let out = "";
  for (const c of b) if (!isSpace(c.charCodeAt(0))) out += c;
  return out.length === b.length ? s : out;
}

/** goutils.Initials: the first byte (as a rune) of every whitespace-separated word. */
function initials(s: string): string {
  let gap = true;
  let out = "";
  for (const c of toBin(s)) {
    if (isSpace(c.charCodeAt(0))) gap = true;
    else if (gap) {
      out += c;
      gap = false;
    }
  }
  return out;
}

/** goutils.AbbreviateFull on bytes; an error yields "" as Sprig ignores it. */
function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  if (str === "") return "";
  if (maxWidth < 4) return "";
  const len = str.length;
  if (len <= maxWidth) return str;
  let off = Math.min(offset, len);
  if (len - off < maxWidth - 3) off = len - (maxWidth - 3);
  if (off <= 4) return `${str.slice(0, maxWidth - 3)}...`;
  if (maxWidth < 7) return "";
  if (off + maxWidth - 3 < len) return `...${abbreviateFull(str.slice(off), 0, maxWidth - 3)}`;
  return `...${str.slice(len - (maxWidth - 3))}`;
}

function abbrev(width: bigint, s: string): string {
  const w = intArg(width);
  if (w < 4) return s;
  return fromBin(abbreviateFull(toBin(s), 0, w));
}

function abbrevboth(left: bigint, right: bigint, s: string): string {
  const l = intArg(left);
  const r = intArg(right);
  if (r < 4 || (l > 0 && r < 7)) return s;
  return fromBin(abbreviateFull(toBin(s), l, r));
}

/** goutils.WrapCustom on bytes. */
function wrapCustom(s: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (s === "") return "";
  const str = toBin(s);
  const nl = toBin(newLine === "" ? "\n" : newLine);
  const width = Math.max(wrapLength, 1);
  const len = str.length;
  let offset = 0;
  let out = "";
  while (len - offset > width) {
    if (str[offset] === " ") {
      offset++;
      continue;
    }
    const end = width + offset + 1;
    let spaceAt = str.slice(offset, end).lastIndexOf(" ") + offset;
    if (spaceAt >= offset) {
      out += str.slice(offset, spaceAt) + nl;
      offset = spaceAt + 1;
    } else if (wrapLongWords) {
      out += str.slice(offset, width + offset) + nl;
      offset += width;
    } else {
      const e = width + offset;
      const idx = str.slice(e).indexOf(" ");
      if (idx === -1) {
        out += str.slice(offset);
        offset = len;
      } else {
        spaceAt = idx + e;
        out += str.slice(offset, spaceAt) + nl;
        offset = spaceAt + 1;
      }
    }
  }
  out += str.slice(offset);
  return fromBin(out);
}

function trunc(c: bigint, s: string): string {
  const n = intArg(c);
  const len = byteLen(s);
  if (n < 0 && len + n > 0) return byteSlice(s, len + n);
  if (n >= 0 && len > n) return byteSlice(s, 0, n);
  return s;
}

function substr(start: bigint, end: bigint, s: string): string {
  const a = intArg(start);
  const b = intArg(end);
  if (a < 0) return byteSlice(s, 0, b);
  if (b < 0 || b > byteLen(s)) return byteSlice(s, a);
  return byteSlice(s, a, b);
}

function indent(spaces: bigint, v: string): string {
  const pad = goRepeat(" ", intArg(spaces));
  return pad + v.replaceAll("\n", `\n${pad}`);
}

/** strings.SplitN (n < 0: all); an empty separator splits into runes. */
export function goSplitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === "") {
    const r = [...s];
    if (n < 0 || n >= r.length) return r;
    return [...r.slice(0, n - 1), r.slice(n - 1).join("")];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function indexMap(parts: string[]): GoMap {
  return withGoType(newGoMap(parts.map((p, i) => [`_${i}`, p])), "map[string]string");
}

function sortAlpha(list: GoValue): string[] {
  if (asSlice(list)) return withGoType(strslice(list).sort(compareGoStrings), "[]string");
  return withGoType([strval(list)], "[]string");
}

// Go's base64/base32 decoders are strict about padding and report the offending byte.
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function b64decode(s: string): string {
  const src = bytesOf(s);
  const out: number[] = [];
  let si = 0;
  const fail = (n: number) => `illegal base64 data at input byte ${n}`;
  const isNl = (c: number) => c === 0x0a || c === 0x0d;
  for (;;) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing = -1;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return stringOf(Uint8Array.from(out));
        return fail(si - j);
      }
      const c = src[si++];
      const d = B64.indexOf(String.fromCharCode(c));
      if (c < 0x80 && d >= 0) {
        dbuf[j] = d;
        continue;
      }
      if (isNl(c)) {
        j--;
        continue;
      }
      if (c !== 0x3d) return fail(si - 1);
      if (j < 2) return fail(si - 1);
      if (j === 2) {
        while (si < src.length && isNl(src[si])) si++;
        if (si === src.length) return fail(src.length);
        if (src[si] !== 0x3d) return fail(si - 1);
        si++;
      }
      while (si < src.length && isNl(src[si])) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (trailing >= 0) return fail(trailing);
    if (dlen < 4) return stringOf(Uint8Array.from(out));
  }
}

function b32decode(s: string): string {
  const src = bytesOf(s).filter((c) => c !== 0x0a && c !== 0x0d);
  const olen = src.length;
  const out: number[] = [];
  let pos = 0;
  const fail = (n: number) => `illegal base32 data at input byte ${n}`;
  let end = false;
  while (pos < src.length && !end) {
    const dbuf = new Array<number>(8).fill(0);
    let dlen = 8;
    for (let j = 0; j < 8; ) {
      if (pos === src.length) return fail(olen - (src.length - pos) - j);
      const c = src[pos++];
      const left = src.length - pos;
      if (c === 0x3d && j >= 2 && left < 8) {
        if (left + j < 7) return fail(olen);
        for (let k = 0; k < 7 - j; k++) {
          if (left > k && src[pos + k] !== 0x3d) return fail(olen - left + k - 1);
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) return fail(olen - left - 1);
        break;
      }
      const d = c < 0x80 ? B32.indexOf(String.fromCharCode(c)) : -1;
      if (d < 0) return fail(olen - left - 1);
      dbuf[j++] = d;
    }
    let bits = 0n;
    for (const d of dbuf) bits = (bits << 5n) | BigInt(d);
    const bytes: number[] = [];
    for (let i = 4; i >= 0; i--) bytes.push(Number((bits >> BigInt(i * 8)) & 0xffn));
    const n = { 8: 5, 7: 4, 5: 3, 4: 2, 2: 1 }[dlen] ?? 0;
    out.push(...bytes.slice(0, n));
  }
  return stringOf(Uint8Array.from(out));
}

function b32encode(s: string): string {
  const b = bytesOf(s);
  let out = "";
  for (let i = 0; i < b.length; i += 5) {
    const chunk = b.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    const chars = Math.ceil((chunk.length * 8) / 5);
    for (let k = 0; k < 8; k++) out += k < chars ? B32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : "=";
  }
  return out;
}

export const stringFuncs: Record<string, GoFunc> = {
  abbrev: goFunc(["int", "string"], abbrev),
  abbrevboth: goFunc(["int", "int", "string"], abbrevboth),
  trunc: goFunc(["int", "string"], trunc),
  trim: goFunc(["string"], trimSpace),
  upper: goFunc(["string"], (s: string) => mapRunes(s, toUpper)),
  lower: goFunc(["string"], (s: string) => mapRunes(s, toLower)),
  title: goFunc(["string"], title),
  untitle: goFunc(["string"], untitle),
  substr: goFunc(["int", "int", "string"], substr),
  repeat: goFunc(["int", "string"], (n: bigint, s: string) => goRepeat(s, intArg(n))),
  trimall: goFunc(["string", "string"], (a: string, b: string) => trimCutset(b, a)),
  trimAll: goFunc(["string", "string"], (a: string, b: string) => trimCutset(b, a)),
  trimSuffix: goFunc(["string", "string"], (a: string, b: string) =>
    a !== "" && b.endsWith(a) ? b.slice(0, b.length - a.length) : b,
  ),
  trimPrefix: goFunc(["string", "string"], (a: string, b: string) =>
    a !== "" && b.startsWith(a) ? b.slice(a.length) : b,
  ),
  nospace: goFunc(["string"], nospace),
  initials: goFunc(["string"], initials),
  swapcase: goFunc(["string"], swapcase),
  snakecase: goFunc(["string"], (s: string) => toLowerWords(s, "_")),
  camelcase: goFunc(["string"], toCamelCase),
  kebabcase: goFunc(["string"], (s: string) => toLowerWords(s, "-")),
  wrap: goFunc(["int", "string"], (l: bigint, s: string) => wrapCustom(s, intArg(l), "", false)),
  wrapWith: goFunc(["int", "string", "string"], (l: bigint, sep: string, s: string) =>
    wrapCustom(s, intArg(l), sep, true),
  ),
  contains: goFunc(["string", "string"], (sub: string, s: string) => s.includes(sub)),
  hasPrefix: goFunc(["string", "string"], (sub: string, s: string) => s.startsWith(sub)),
  hasSuffix: goFunc(["string", "string"], (sub: string, s: string) => s.endsWith(sub)),
  quote: goVariadic([], "interface {}", (...xs: GoValue[]) =>
    xs
      .filter((x) => x !== null && x !== undefined)
      .map((x) => goQuote(strval(x)))
      .join(" "),
  ),
  squote: goVariadic([], "interface {}", (...xs: GoValue[]) =>
    xs
      .filter((x) => x !== null && x !== undefined)
      .map((x) => `'${sprintArg(x)}'`)
      .join(" "),
  ),
  cat: goVariadic([], "interface {}", (...xs: GoValue[]) =>
    xs
      .filter((x) => x !== null && x !== undefined)
      .map(sprintArg)
      .join(" "),
  ),
  indent: goFunc(["int", "string"], indent),
  nindent: goFunc(["int", "string"], (n: bigint, s: string) => `\n${indent(n, s)}`),
  replace: goFunc(["string", "string", "string"], (o: string, n: string, src: string) => goReplaceAll(src, o, n)),
  plural: goFunc(["string", "string", "int"], (one: string, many: string, n: bigint) => (n === 1n ? one : many)),
  toString: goFunc(["interface {}"], strval),
  toStrings: goFunc(["interface {}"], strslice),
  split: goFunc(["string", "string"], (sep: string, s: string) => indexMap(goSplitN(s, sep, -1))),
  splitList: goFunc(["string", "string"], (sep: string, s: string) => withGoType(goSplitN(s, sep, -1), "[]string")),
  splitn: goFunc(["string", "int", "string"], (sep: string, n: bigint, s: string) =>
    indexMap(goSplitN(s, sep, intArg(n))),
  ),
  join: goFunc(["string", "interface {}"], (sep: string, v: GoValue) => strslice(v).join(sep)),
  sortAlpha: goFunc(["interface {}"], sortAlpha),
  b64enc: goFunc(["string"], (s: string) => bytesOf(s).toString("base64")),
  b64dec: goFunc(["string"], b64decode),
  b32enc: goFunc(["string"], b32encode),
  b32dec: goFunc(["string"], b32decode),
};

/** strings.Replace(s, old, new, -1): an empty `old` inserts `new` around every rune. */
function goReplaceAll(s: string, old: string, repl: string): string {
  if (old === "") return repl + [...s].join(repl) + (s === "" ? "" : repl);
  return s.split(old).join(repl);
}
