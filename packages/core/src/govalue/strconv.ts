/**
 * Go's strconv: float formatting ('e', 'f', 'g', 'b', 'x' with shortest or fixed precision),
 * number parsing with Go's error texts, and string quoting.
 *
 * Digits: the shortest round-trip digits of JS (`toExponential()`) are the same as Go's (both
 * pick the shortest string that reads back to the same float, closest to the exact value), so
 * only the layout rules are Go's. Fixed precisions are rounded from the exact binary value,
 * half to even on exact ties, as Go does (JS's toFixed rounds ties up and stops at 100 digits).
 */
import { GoError } from "./value.js";

/** A decimal number 0.d1d2d3... × 10^dp; `d` has no trailing zeros ("" is zero). */
interface Decimal {
  d: string;
  dp: number;
}

const F64 = new DataView(new ArrayBuffer(8));

/** The float's sign, mantissa and binary exponent: |x| = mant × 2^exp (mantbits 52, or 23 for float32). */
function floatBits(x: number, bitSize: 32 | 64 = 64): { neg: boolean; mant: bigint; exp: number; mantBits: number } {
  if (bitSize === 32) {
    F64.setFloat32(0, x);
    const w = F64.getUint32(0);
    const biased = (w >>> 23) & 0xff;
    let mant = BigInt(w & 0x7fffff);
    if (biased !== 0) mant |= 1n << 23n;
    return { neg: w >>> 31 === 1, mant, exp: (biased === 0 ? 1 : biased) - 127 - 23, mantBits: 23 };
  }
  F64.setFloat64(0, x);
  const hi = F64.getUint32(0);
  const lo = F64.getUint32(4);
  const neg = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) mant |= 1n << 52n;
  return { neg, mant, exp: (biased === 0 ? 1 : biased) - 1023 - 52, mantBits: 52 };
}

function trimZeros(d: Decimal): Decimal {
  let n = d.d.length;
  while (n > 0 && d.d.charCodeAt(n - 1) === 48) n--;
  return n === 0 ? { d: "", dp: 0 } : { d: d.d.slice(0, n), dp: d.dp };
}

const pow5Cache = new Map<number, bigint>();
function pow5(k: number): bigint {
  let p = pow5Cache.get(k);
  if (p === undefined) {
    p = 5n ** BigInt(k);
    pow5Cache.set(k, p);
  }
  return p;
}

/** Every digit of |x| (a double is a finite binary fraction, hence a finite decimal). */
function exactDecimal(x: number): Decimal {
  const { mant, exp } = floatBits(x); // exact for a float32 too: it is a double
  if (mant === 0n) return { d: "", dp: 0 };
  if (exp >= 0) {
    const s = (mant << BigInt(exp)).toString();
    return trimZeros({ d: s, dp: s.length });
  }
  const s = (mant * pow5(-exp)).toString();
  return trimZeros({ d: s, dp: s.length + exp });
}

function decimalOfExponential(s: string): Decimal {
  const e = s.indexOf("e");
  const digits = s.slice(0, e).replace(".", "");
  return trimZeros({ d: digits, dp: Number(s.slice(e + 1)) + 1 });
}

/** The shortest digits that read back as x (as a float32 when bitSize is 32). */
function shortestDecimal(x: number, bitSize: 32 | 64): Decimal {
  if (x === 0) return { d: "", dp: 0 };
  const a = Math.abs(x);
  if (bitSize === 64) return decimalOfExponential(a.toExponential());
  // float32: the fewest digits inside the float's rounding interval, the closest to it when
  // several are (the interval is lopsided at powers of two, so the rounded digits' neighbours
  // compete). Exact arithmetic: reading a decimal through a double first would round twice.
  const { mant, exp } = floatBits(a, 32);
  const target = binaryScaled(mant, exp);
  const lowerGap = mant === 1n << 23n && exp > -149 ? 1n : 2n; // quarter-ulp units below
  const lo = binaryScaled(mant * 4n - lowerGap, exp - 2);
  const hi = binaryScaled(mant * 4n + 2n, exp - 2);
  const inclusive = mant % 2n === 0n; // ties round to even: the bounds belong to an even mantissa
  for (let p = 1; p <= 9; p++) {
    const rounded = decimalOfExponential(a.toExponential(p - 1));
    let best: Decimal | undefined;
    let bestDist = -1n;
    for (const c of [rounded, ...neighbours(rounded, p)]) {
      const v = decimalScaled(c);
      if (inclusive ? v < lo || v > hi : v <= lo || v >= hi) continue;
      const dist = v > target ? v - target : target - v;
      if (best === undefined || dist < bestDist) {
        best = c;
        bestDist = dist;
      }
    }
    if (best) return best;
  }
  return decimalOfExponential(a.toExponential(8));
}

// Exact values for the float32 search, all over one denominator 10^64 × 2^160 (enough for
// float32's smallest exponent, 2^-151, and 9 significant digits down to 1e-54).
const SCALE10 = 64;
const SCALE2 = 160;
function binaryScaled(m: bigint, e: number): bigint {
  return m * 2n ** BigInt(e + SCALE2) * 10n ** BigInt(SCALE10);
}
function decimalScaled(d: Decimal): bigint {
  const q = d.dp - d.d.length;
  return BigInt(d.d || "0") * 10n ** BigInt(q + SCALE10) * 2n ** BigInt(SCALE2);
}

/** The p-digit decimals just above and below d. */
function neighbours(d: Decimal, p: number): Decimal[] {
  const digits = BigInt(d.d.padEnd(p, "0") || "0");
  const out: Decimal[] = [];
  for (const n of [digits + 1n, digits - 1n]) {
    if (n <= 0n) continue;
    const s = n.toString();
    // A carry adds a digit (999 + 1 = 1000), a borrow may drop one (100 - 1 = 99).
    out.push(trimZeros({ d: s, dp: d.dp + (s.length - p) }));
  }
  return out;
}

/** Round to nd digits, half to even on exact ties (the decimal is exact, never truncated). */
function roundDecimal(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const c = a.d.charCodeAt(nd);
  let up: boolean;
  if (c === 53 && nd + 1 === a.d.length) up = nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = c >= 53;
  if (!up) return trimZeros({ d: a.d.slice(0, nd), dp: a.dp });
  for (let i = nd - 1; i >= 0; i--) {
    const ch = a.d.charCodeAt(i);
    if (ch < 57) return { d: a.d.slice(0, i) + String.fromCharCode(ch + 1), dp: a.dp };
  }
  return { d: "1", dp: a.dp + 1 };
}

function fmtE(neg: boolean, d: Decimal, prec: number, fmt: string): string {
  let out = neg ? "-" : "";
  out += d.d.length > 0 ? d.d[0] : "0";
  if (prec > 0) {
    out += ".";
    const m = Math.min(d.d.length, prec + 1);
    out += d.d.slice(1, m);
    if (prec + 1 > Math.max(m, 1)) out += "0".repeat(prec + 1 - Math.max(m, 1));
  }
  let exp = d.d.length === 0 ? 0 : d.dp - 1;
  out += fmt;
  if (exp < 0) {
    out += "-";
    exp = -exp;
  } else out += "+";
  return out + (exp < 10 ? `0${exp}` : String(exp));
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let out = neg ? "-" : "";
  if (d.dp > 0) {
    const m = Math.min(d.d.length, d.dp);
    out += d.d.slice(0, m) + "0".repeat(d.dp - m);
  } else out += "0";
  if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) {
      const j = d.dp + i;
      out += j >= 0 && j < d.d.length ? d.d[j] : "0";
    }
  }
  return out;
}

function formatDigits(shortest: boolean, neg: boolean, d: Decimal, prec: number, fmt: string): string {
  switch (fmt) {
    case "e":
    case "E":
      return fmtE(neg, d, prec, fmt);
    case "f":
      return fmtF(neg, d, prec);
    default: {
      // 'g'/'G': %e when the exponent is < -4 or >= the precision (6 for shortest).
      const nd = d.d.length;
      let eprec = prec;
      if (eprec > nd && nd >= d.dp) eprec = nd;
      if (shortest) eprec = 6;
      const exp = d.dp - 1;
      if (exp < -4 || exp >= eprec) {
        return fmtE(neg, d, Math.min(prec, nd) - 1, fmt === "g" ? "e" : "E");
      }
      if (prec > d.dp) prec = nd;
      return fmtF(neg, d, Math.max(prec - d.dp, 0));
    }
  }
}

function fmtB(neg: boolean, mant: bigint, exp: number): string {
  return `${neg ? "-" : ""}${mant}p${exp >= 0 ? "+" : ""}${exp}`;
}

/** %x: mant0 × 2^(exp0 - mantissa bits), exp0 being the exponent of the leading bit. */
function fmtX(prec: number, fmt: "x" | "X", neg: boolean, mant0: bigint, exp0: number, mantBits = 52): string {
  // Normalise to 1.xxx × 2^exp with the leading bit at position 60.
  let mant = mant0;
  let exp = mant === 0n ? 0 : exp0;
  mant <<= BigInt(60 - mantBits);
  const bit60 = 1n << 60n;
  while (mant !== 0n && (mant & bit60) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (bit60 - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === "X" ? "0123456789ABCDEF" : "0123456789abcdef";
  const mask = (1n << 64n) - 1n;
  let out = `${neg ? "-" : ""}0${fmt}${(mant >> 60n) & 1n}`;
  mant = (mant << 4n) & mask;
  if (prec < 0 && mant !== 0n) {
    out += ".";
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & mask;
    }
  } else if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & mask;
    }
  }
  out += fmt === "X" ? "P" : "p";
  if (exp < 0) {
    out += "-";
    exp = -exp;
  } else out += "+";
  return out + (exp < 10 ? `0${exp}` : String(exp));
}

export type FloatFormat = "e" | "E" | "f" | "g" | "G" | "b" | "x" | "X";

/**
 * strconv.FormatFloat(x, fmt, prec, bitSize): prec -1 means the fewest digits that read back as
 * x; bitSize 32 formats x rounded to a float32, as Go does for float32 values.
 */
export function formatFloat(x: number, fmt: FloatFormat, prec: number, bitSize: 32 | 64 = 64): string {
  if (bitSize === 32) x = Math.fround(x);
  if (Number.isNaN(x)) return "NaN";
  if (x === Number.POSITIVE_INFINITY) return "+Inf";
  if (x === Number.NEGATIVE_INFINITY) return "-Inf";
  const bits = floatBits(x, bitSize);
  if (fmt === "b") return fmtB(bits.neg, bits.mant, bits.exp);
  if (fmt === "x" || fmt === "X") {
    return fmtX(prec, fmt, bits.neg, bits.mant, bits.exp + bits.mantBits, bits.mantBits);
  }
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(x, bitSize);
    if (fmt === "e" || fmt === "E") prec = Math.max(d.d.length - 1, 0);
    else if (fmt === "f") prec = Math.max(d.d.length - d.dp, 0);
    else prec = d.d.length;
  } else {
    const exact = exactDecimal(x);
    if (fmt === "e" || fmt === "E") d = roundDecimal(exact, prec + 1);
    else if (fmt === "f") d = roundDecimal(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      d = roundDecimal(exact, prec);
    }
  }
  return formatDigits(shortest, bits.neg, d, prec, fmt);
}

// ---------------------------------------------------------------------------------------------
// Integers

/** strconv.FormatInt(i, base) for base 2..36. */
export function formatInt(i: bigint, base: number): string {
  return i.toString(base);
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Wrap to int64, as Go's integer conversions and arithmetic do. */
export function toInt64Wrap(i: bigint): bigint {
  return BigInt.asIntN(64, i);
}

/**
 * strconv.NumError. `value` is what Go returns beside the error: 0 for bad syntax, the nearest
 * limit when out of range (Sprig's atoi, which ignores the error, prints that value); a float
 * out of range gives ±Inf.
 */
export class NumError extends GoError {
  constructor(
    message: string,
    readonly value: bigint | number,
  ) {
    super(message);
  }
}

function syntaxError(fn: string, s: string, zero: bigint | number = 0n): NumError {
  return new NumError(`strconv.${fn}: parsing ${quote(s)}: invalid syntax`, zero);
}
function rangeError(fn: string, s: string, limit: bigint | number = 0n): NumError {
  return new NumError(`strconv.${fn}: parsing ${quote(s)}: value out of range`, limit);
}
function baseError(fn: string, s: string, base: number): NumError {
  return new NumError(`strconv.${fn}: parsing ${quote(s)}: invalid base ${base}`, 0n);
}
function bitSizeError(fn: string, s: string, bitSize: number): NumError {
  return new NumError(`strconv.${fn}: parsing ${quote(s)}: invalid bit size ${bitSize}`, 0n);
}

/** Go's rule for `_` in number literals: only between digits (a base prefix counts as one). */
function underscoreOK(s0: string): boolean {
  let s = s0;
  let saw = "^";
  let i = 0;
  if (s.length >= 1 && (s[0] === "-" || s[0] === "+")) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0") {
    const c = s[1].toLowerCase();
    if (c === "b" || c === "o" || c === "x") {
      i = 2;
      saw = "0";
      hex = c === "x";
    }
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= "0" && c <= "9") || (hex && c.toLowerCase() >= "a" && c.toLowerCase() <= "f")) {
      saw = "0";
      continue;
    }
    if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 97 + 10;
  if (c >= 65 && c <= 90) return c - 65 + 10;
  return 99;
}

/**
 * strconv.ParseUint: base 0 reads a prefix (0x, 0o, 0b, or a leading 0 for octal) and allows
 * underscores; bitSize 0 means 64. Throws GoError with Go's text (`fn` names the caller).
 */
export function parseGoUint(s: string, base: number, bitSize: number, fn = "ParseUint"): bigint {
  if (s === "") throw syntaxError(fn, s);
  const base0 = base === 0;
  const s0 = s;
  let str = s;
  if (base >= 2 && base <= 36) {
    // fixed base
  } else if (base === 0) {
    base = 10;
    if (str[0] === "0") {
      const c = str.length >= 3 ? str[1].toLowerCase() : "";
      if (c === "b") {
        base = 2;
        str = str.slice(2);
      } else if (c === "o") {
        base = 8;
        str = str.slice(2);
      } else if (c === "x") {
        base = 16;
        str = str.slice(2);
      } else {
        base = 8;
        str = str.slice(1);
      }
    }
  } else {
    throw baseError(fn, s0, base);
  }
  if (bitSize === 0) bitSize = 64;
  else if (bitSize < 0 || bitSize > 64) throw bitSizeError(fn, s0, bitSize);
  const max = (1n << BigInt(bitSize)) - 1n;
  const b = BigInt(base);
  let n = 0n;
  let underscores = false;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c === 95 && base0) {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) throw syntaxError(fn, s0);
    n = n * b + BigInt(d);
    // Go stops at the first overflow: a later bad character is not reported.
    if (n > max) throw rangeError(fn, s0, max);
  }
  if (underscores && !underscoreOK(s0)) throw syntaxError(fn, s0);
  return n;
}

/** strconv.ParseInt(s, base, bitSize) with Go's errors. */
export function parseGoInt(s: string, base: number, bitSize: number, fn = "ParseInt"): bigint {
  if (s === "") throw syntaxError(fn, s);
  const s0 = s;
  let neg = false;
  let body = s;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    body = s.slice(1);
  }
  if (bitSize === 0) bitSize = 64;
  const cutoff = 1n << BigInt(bitSize - 1);
  let un: bigint;
  try {
    un = parseGoUint(body, base, bitSize, fn);
  } catch (e) {
    if (!(e instanceof NumError)) throw e;
    if (!e.message.endsWith("value out of range")) {
      // Go reports the whole input, sign included.
      throw new NumError(e.message.replace(`parsing ${quote(body)}`, `parsing ${quote(s0)}`), 0n);
    }
    un = (1n << BigInt(bitSize)) - 1n; // as Go: ParseUint's maximum, out of range either way
  }
  if (!neg && un >= cutoff) throw rangeError(fn, s0, cutoff - 1n);
  if (neg && un > cutoff) throw rangeError(fn, s0, -cutoff);
  return neg ? -un : un;
}

/** strconv.Atoi: base 10, Go's int (64-bit), errors under the name Atoi. */
export function atoi(s: string): bigint {
  return parseGoInt(s, 10, 0, "Atoi");
}

export { INT64_MAX, INT64_MIN };

// ---------------------------------------------------------------------------------------------
// Floats

const DEC_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))[pP]([+-]?\d+)$/;

/** strconv.ParseFloat(s, 64), with Go's syntax (underscores, hex floats, Inf/NaN) and errors. */
export function parseGoFloat(s: string, fn = "ParseFloat"): number {
  const special = specialFloat(s);
  if (special !== undefined) return special;
  let body = s;
  if (s.includes("_")) {
    if (!underscoreOK(s)) throw syntaxError(fn, s, 0);
    body = s.replaceAll("_", "");
  }
  let v: number;
  if (DEC_FLOAT.test(body)) {
    v = Number(body);
  } else {
    const m = HEX_FLOAT.exec(body);
    if (!m) throw syntaxError(fn, s, 0);
    v = parseHexFloat(m[2], Number(m[3]));
    if (m[1] === "-") v = -v;
  }
  if (!Number.isFinite(v)) throw rangeError(fn, s, v);
  return v;
}

function specialFloat(s: string): number | undefined {
  let t = s;
  let sign = 1;
  if (t[0] === "+" || t[0] === "-") {
    if (t[0] === "-") sign = -1;
    t = t.slice(1);
  }
  const l = t.toLowerCase();
  if (l === "inf" || l === "infinity") return sign * Number.POSITIVE_INFINITY;
  if (l === "nan" && t.length === s.length) return Number.NaN;
  return undefined;
}

function parseHexFloat(mantissa: string, exp: number): number {
  const dot = mantissa.indexOf(".");
  const digits = mantissa.replace(".", "");
  const fracDigits = dot < 0 ? 0 : mantissa.length - dot - 1;
  if (digits === "") return 0;
  let m = BigInt(`0x${digits}`);
  let e = exp - 4 * fracDigits;
  if (m === 0n) return 0;
  // Keep 64 significant bits plus a sticky bit, then let the FPU do the final rounding.
  const len = m.toString(2).length;
  if (len > 64) {
    const drop = len - 64;
    const sticky = (m & ((1n << BigInt(drop)) - 1n)) !== 0n ? 1n : 0n;
    m = (m >> BigInt(drop)) | sticky;
    e += drop;
  }
  return Number(m) * 2 ** e;
}

// ---------------------------------------------------------------------------------------------
// Quoting

const PRINT_RE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** unicode.IsPrint as strconv sees it: letters, marks, numbers, punctuation, symbols, ASCII space. */
export function isPrint(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  return PRINT_RE.test(String.fromCodePoint(r));
}

const HEX = "0123456789abcdef";

function escapeRune(r: number, quoteChar: number, asciiOnly: boolean): string {
  if (r === quoteChar || r === 92) return `\\${String.fromCharCode(r)}`;
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCharCode(r);
  } else if (isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 7:
      return "\\a";
    case 8:
      return "\\b";
    case 12:
      return "\\f";
    case 10:
      return "\\n";
    case 13:
      return "\\r";
    case 9:
      return "\\t";
    case 11:
      return "\\v";
  }
  if (r < 0x20 || r === 0x7f) return `\\x${HEX[r >> 4]}${HEX[r & 15]}`;
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r < 0x10000) return `\\u${r.toString(16).padStart(4, "0")}`;
  return `\\U${r.toString(16).padStart(8, "0")}`;
}

function quoteWith(s: string, quoteChar: number, asciiOnly: boolean): string {
  const q = String.fromCharCode(quoteChar);
  let out = q;
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    // A lone surrogate stands for bytes Go would have decoded as U+FFFD.
    out += escapeRune(r >= 0xd800 && r <= 0xdfff ? 0xfffd : r, quoteChar, asciiOnly);
  }
  return out + q;
}

/** strconv.Quote: a double-quoted Go string literal, non-printable runes escaped. */
export function quote(s: string): string {
  return quoteWith(s, 34, false);
}

/** strconv.QuoteToASCII: like quote, every non-ASCII rune escaped. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, 34, true);
}

/** strconv.QuoteRune / QuoteRuneToASCII. */
export function quoteRune(r: number, asciiOnly = false): string {
  if (r > 0x10ffff || r < 0 || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  return `'${escapeRune(r, 39, asciiOnly)}'`;
}

/** strconv.CanBackquote: representable as a raw string literal without control characters. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    if (r === 0xfeff) return false;
    if (r >= 0xd800 && r <= 0xdfff) return false;
    if ((r < 0x20 && r !== 9) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

/** Go's names (strconv.ParseFloat/ParseInt/ParseUint), for modules that spell them so. */
export { parseGoFloat as parseFloat, parseGoInt as parseInt, parseGoUint as parseUint };
