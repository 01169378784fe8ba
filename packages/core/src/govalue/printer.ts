/**
 * Go's fmt printer state (`pp` + `fmt` in Go's fmt package): the flags of one verb and the
 * rules that print one operand under it. print.ts (Sprint/Sprintln) and fmt.ts (Sprintf) drive it.
 *
 * An undefined operand is printed as Go's nil: text/template passes a missing value to a
 * function's `interface{}` parameter as nil.
 */
import { canBackquote, type FloatFormat, formatFloat, isPrint, quote, quoteRune, quoteToASCII } from "./strconv.js";
import { goTypeName } from "./typeof.js";
import { GoError, GoObject, type GoValue } from "./value.js";

const NIL_ANGLE = "<nil>";
/**
 * Go's fmt follows nesting without limit (a cyclic map crashes Go with a stack overflow); we stop
 * with an error well before JavaScript's stack runs out.
 */
export const MAX_PRINT_DEPTH = 5000;
const LDIGITS = "0123456789abcdefx";
const UDIGITS = "0123456789ABCDEFX";
const MAX_RUNE = 0x10ffff;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8");

/** Number of runes (code points) in a string, as utf8.RuneCountInString counts them. */
export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Go's string order (bytewise UTF-8), which differs from JS's UTF-16 order above U+FFFF. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (U+10000 and above) sort after U+E000..U+FFFF in UTF-8.
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys && x >= 0xd800 && y >= 0xd800) return xs ? 1 : -1;
      return x < y ? -1 : 1;
    }
  }
  return a.length - b.length;
}

/** Keys of a Go map in fmt's (and encoding/json's) order. */
export function sortedKeys(m: object): string[] {
  return Object.keys(m).sort(compareGoStrings);
}

export class Printer {
  buf = "";
  widPresent = false;
  precPresent = false;
  minus = false;
  plus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;
  wid = 0;
  prec = 0;
  /** Guards against a GoObject whose format() prints itself through us. */
  private depthGuard = 0;

  clearFlags(): void {
    this.widPresent = false;
    this.precPresent = false;
    this.minus = false;
    this.plus = false;
    this.sharp = false;
    this.space = false;
    this.zero = false;
    this.plusV = false;
    this.sharpV = false;
    this.wid = 0;
    this.prec = 0;
  }

  // ----- padding -------------------------------------------------------------------------

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.zero ? "0" : " ").repeat(n);
  }

  /** Pad to the width with spaces (or zeros), on the left unless the minus flag is set. */
  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  // ----- operands --------------------------------------------------------------------------

  /** printArg: one top-level operand. */
  printArg(arg: GoValue, verb: string): void {
    if (arg === undefined || arg === null) {
      if (verb === "T" || verb === "v") this.pad(NIL_ANGLE);
      else this.badVerb(verb, null);
      return;
    }
    if (verb === "T") {
      this.fmtS(goTypeName(arg));
      return;
    }
    if (verb === "p") {
      this.fmtPointer(arg, verb);
      return;
    }
    if (this.printScalar(arg, verb)) return;
    if (arg instanceof Uint8Array) {
      this.fmtBytes(arg, verb, "[]byte");
      return;
    }
    this.printValue(arg, verb, 0);
  }

  /** A bool, float64, int or string operand, printed the same at top level and inside composites; false for others. */
  private printScalar(v: GoValue, verb: string): v is boolean | number | bigint | string {
    switch (typeof v) {
      case "boolean":
        this.fmtBool(v, verb, v);
        return true;
      case "number":
        this.fmtFloat(v, verb, v);
        return true;
      case "bigint":
        this.fmtInteger(v, true, verb, v);
        return true;
      case "string":
        this.fmtString(v, verb, v);
        return true;
      default:
        return false;
    }
  }

  /** printValue: an operand reached through reflection (elements, map keys and values). */
  printValue(v: GoValue, verb: string, depth: number): void {
    if (depth > MAX_PRINT_DEPTH) {
      throw new GoError(`value nested more than ${MAX_PRINT_DEPTH} levels deep (or cyclic) cannot be printed`);
    }
    if (v === undefined || v === null) {
      // A nil interface inside a composite: printed whatever the verb.
      this.buf += this.sharpV ? "interface {}(nil)" : NIL_ANGLE;
      return;
    }
    if (this.printScalar(v, verb)) return;
    if (v instanceof GoObject) {
      this.printObject(v, verb, depth);
      return;
    }
    if (v instanceof Uint8Array) {
      // Reached through reflection the type is spelt []uint8, and only s/q/x/X see bytes.
      if (verb === "s" || verb === "q" || verb === "x" || verb === "X") this.fmtBytes(v, verb, "[]uint8");
      else this.printByteElements(v, verb, "[]uint8");
      return;
    }
    if (Array.isArray(v)) {
      this.buf += this.sharpV ? "[]interface {}{" : "[";
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.buf += this.sharpV ? ", " : " ";
        this.printValue(v[i], verb, depth + 1);
      }
      this.buf += this.sharpV ? "}" : "]";
      return;
    }
    this.buf += this.sharpV ? "map[string]interface {}{" : "map[";
    const keys = sortedKeys(v);
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) this.buf += this.sharpV ? ", " : " ";
      this.fmtString(keys[i], verb, keys[i]);
      this.buf += ":";
      this.printValue(v[keys[i]], verb, depth + 1);
    }
    this.buf += this.sharpV ? "}" : "]";
  }

  /** A struct or named type: its String() (format()) where Go calls it, else its fields. */
  private printObject(o: GoObject, verb: string, depth: number): void {
    const fields = o.structFields();
    const pointer = o.goType.startsWith("*");
    const stringer = o.stringer();
    const callsString = fields === undefined || stringer === "value" || (stringer === "pointer" && pointer);
    if (callsString && !this.sharpV && (fields === undefined || "vsxXq".includes(verb))) {
      this.printString(o, verb);
      return;
    }
    if (fields === undefined) {
      this.printString(o, verb);
      return;
    }
    if (pointer && depth > 0) {
      // Go prints a nested pointer as its address; there is none here, so a fixed one.
      this.fmtPointer(o, verb === "v" ? "v" : verb);
      return;
    }
    if (pointer) this.buf += "&";
    if (this.sharpV) this.buf += pointer ? o.goType.slice(1) : o.goType;
    this.buf += "{";
    fields.forEach(([name, value], i) => {
      if (i > 0) this.buf += this.sharpV ? ", " : " ";
      if (this.plusV || this.sharpV) this.buf += `${name}:`;
      this.printValue(value, verb, depth + 1);
    });
    this.buf += "}";
  }

  /** handleMethods' Stringer call: String()'s result printed as a string under the verb. */
  private printString(o: GoObject, verb: string): void {
    if (this.depthGuard > 100) {
      this.buf += "<...>";
      return;
    }
    this.depthGuard++;
    let s: string;
    try {
      s = o.format();
    } catch (e) {
      // Go's fmt recovers a panicking String method and prints it in place.
      this.buf += `%!${verb}(PANIC=String method: ${e instanceof Error ? e.message : String(e)})`;
      return;
    } finally {
      this.depthGuard--;
    }
    switch (verb) {
      case "v":
      case "s":
        this.fmtS(s);
        return;
      case "q":
        this.fmtQ(s);
        return;
      case "x":
        this.fmtSbx(utf8Encoder.encode(s), LDIGITS);
        return;
      case "X":
        this.fmtSbx(utf8Encoder.encode(s), UDIGITS);
        return;
      default:
        this.buf += `%!${verb}(${o.goType}=${s})`;
    }
  }

  /** fmt's `%!verb(TYPE=value)` for an operand the verb does not apply to. */
  badVerb(verb: string, v: GoValue, typeName?: string): void {
    this.buf += `%!${verb}(`;
    if (v === null || v === undefined) this.buf += NIL_ANGLE;
    else {
      this.buf += `${typeName ?? goTypeName(v)}=`;
      const saveSharpV = this.sharpV;
      if (typeof v === "number" && typeName === "uint8") this.fmtInteger(BigInt(v), false, "v", v);
      else this.printArg(v, "v");
      this.sharpV = saveSharpV;
    }
    this.buf += ")";
  }

  fmtPointer(v: GoValue, verb: string): void {
    // Go prints a heap address here; there is none to print, so composites show a fixed one.
    if (Array.isArray(v) || v instanceof Uint8Array || v instanceof GoObject || (typeof v === "object" && v !== null)) {
      this.fmtInteger(0xc000010000n, false, "v", v, true);
      return;
    }
    this.badVerb(verb, v);
  }

  fmtBool(b: boolean, verb: string, orig: GoValue): void {
    if (verb === "t" || verb === "v") this.pad(b ? "true" : "false");
    else this.badVerb(verb, orig);
  }

  // ----- integers --------------------------------------------------------------------------

  fmtInteger(v: bigint, signed: boolean, verb: string, orig: GoValue, leading0x?: boolean): void {
    switch (verb) {
      case "v":
        if (leading0x !== undefined) {
          const sharp = this.sharp;
          this.sharp = leading0x;
          this.fmtIntegerBase(v, 16, signed, verb, LDIGITS);
          this.sharp = sharp;
        } else if (this.sharpV && !signed) {
          const sharp = this.sharp;
          this.sharp = true;
          this.fmtIntegerBase(v, 16, signed, verb, LDIGITS);
          this.sharp = sharp;
        } else this.fmtIntegerBase(v, 10, signed, verb, LDIGITS);
        return;
      case "d":
        this.fmtIntegerBase(v, 10, signed, verb, LDIGITS);
        return;
      case "b":
        this.fmtIntegerBase(v, 2, signed, verb, LDIGITS);
        return;
      case "o":
      case "O":
        this.fmtIntegerBase(v, 8, signed, verb, LDIGITS);
        return;
      case "x":
        this.fmtIntegerBase(v, 16, signed, verb, LDIGITS);
        return;
      case "X":
        this.fmtIntegerBase(v, 16, signed, verb, UDIGITS);
        return;
      case "c":
        this.pad(runeString(BigInt.asUintN(64, v)));
        return;
      case "q":
        this.fmtQc(BigInt.asUintN(64, v));
        return;
      case "U":
        this.fmtUnicode(BigInt.asUintN(64, v));
        return;
      default:
        this.badVerb(verb, orig, signed ? undefined : "uint8");
    }
  }

  private fmtIntegerBase(v: bigint, base: number, signed: boolean, verb: string, digits: string): void {
    const negative = signed && v < 0n;
    const u = negative ? -v : v;
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let s = u.toString(base);
    if (digits === UDIGITS) s = s.toUpperCase();
    if (s.length < prec) s = "0".repeat(prec - s.length) + s;
    if (this.sharp) {
      if (base === 2) s = `0b${s}`;
      else if (base === 8) {
        if (s[0] !== "0") s = `0${s}`;
      } else if (base === 16) s = `0${digits[16]}${s}`;
    }
    if (verb === "O") s = `0o${s}`;
    if (negative) s = `-${s}`;
    else if (this.plus) s = `+${s}`;
    else if (this.space) s = ` ${s}`;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  private fmtQc(c: bigint): void {
    const r = c > BigInt(MAX_RUNE) ? 0xfffd : Number(c);
    this.pad(quoteRune(r, this.plus));
  }

  private fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let hex = u.toString(16).toUpperCase();
    if (hex.length < prec) hex = "0".repeat(prec - hex.length) + hex;
    let s = `U+${hex}`;
    if (this.sharp && u <= BigInt(MAX_RUNE) && isPrint(Number(u))) s += ` '${String.fromCodePoint(Number(u))}'`;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  // ----- floats ----------------------------------------------------------------------------

  fmtFloat(v: number, verb: string, orig: GoValue): void {
    switch (verb) {
      case "v":
        this.fmtFloatWith(v, "g", -1, "v");
        return;
      case "b":
      case "g":
      case "G":
      case "x":
      case "X":
        this.fmtFloatWith(v, verb, -1, verb);
        return;
      case "f":
      case "e":
      case "E":
        this.fmtFloatWith(v, verb, 6, verb);
        return;
      case "F":
        this.fmtFloatWith(v, "f", 6, verb);
        return;
      default:
        this.badVerb(verb, orig);
    }
  }

  private fmtFloatWith(v: number, fmt: FloatFormat, prec0: number, verb: string): void {
    const prec = this.precPresent ? this.prec : prec0;
    let num = formatFloat(v, fmt, prec);
    if (num[0] !== "-" && num[0] !== "+") num = `+${num}`;
    if (this.space && num[0] === "+" && !this.plus) num = ` ${num.slice(1)}`;
    if (num[1] === "I" || num[1] === "N") {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === "N" && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp && fmt !== "b") {
      // '#' keeps the decimal point and trailing zeros.
      let digits = 0;
      if (verb === "v" || fmt === "g" || fmt === "G" || fmt === "x") {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = "";
      let body = num;
      let hasPoint = false;
      let sawNonzero = false;
      for (let i = 1; i < body.length; i++) {
        const c = body[i];
        if (c === ".") hasPoint = true;
        else if (c === "p" || c === "P" || ((c === "e" || c === "E") && fmt !== "x" && fmt !== "X")) {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else {
          if (c !== "0") sawNonzero = true;
          if (sawNonzero) digits--;
        }
      }
      if (!hasPoint) {
        if (body.length === 2 && body[1] === "0") digits--;
        body += ".";
      }
      if (digits > 0) body += "0".repeat(digits);
      num = body + tail;
    }
    if (this.plus || num[0] !== "+") {
      if (this.zero && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  // ----- strings and bytes -------------------------------------------------------------------

  fmtString(s: string, verb: string, orig: GoValue): void {
    switch (verb) {
      case "v":
        if (this.sharpV) this.fmtQ(s);
        else this.fmtS(s);
        return;
      case "s":
        this.fmtS(s);
        return;
      case "x":
        this.fmtSbx(utf8Encoder.encode(s), LDIGITS);
        return;
      case "X":
        this.fmtSbx(utf8Encoder.encode(s), UDIGITS);
        return;
      case "q":
        this.fmtQ(s);
        return;
      default:
        this.badVerb(verb, orig);
    }
  }

  private truncateString(s: string): string {
    if (!this.precPresent) return s;
    let n = this.prec;
    let i = 0;
    for (const ch of s) {
      n--;
      if (n < 0) return s.slice(0, i);
      i += ch.length;
    }
    return s;
  }

  fmtS(s: string): void {
    this.pad(this.truncateString(s));
  }

  fmtQ(s0: string): void {
    const s = this.truncateString(s0);
    if (this.sharp && canBackquote(s)) {
      this.pad(`\`${s}\``);
      return;
    }
    this.pad(this.plus ? quoteToASCII(s) : quote(s));
  }

  private fmtSbx(b: Uint8Array, digits: string): void {
    let length = b.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) width += 2;
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = "";
    if (this.sharp) out += `0${digits[16]}`;
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += " ";
        if (this.sharp) out += `0${digits[16]}`;
      }
      const c = b[i];
      out += digits[c >> 4] + digits[c & 15];
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  fmtBytes(b: Uint8Array, verb: string, typeName: string): void {
    switch (verb) {
      case "v":
      case "d":
        if (this.sharpV) {
          this.buf += `${typeName}{`;
          b.forEach((c, i) => {
            if (i > 0) this.buf += ", ";
            this.fmtInteger(BigInt(c), false, "v", c, true);
          });
          this.buf += "}";
        } else {
          this.buf += "[";
          b.forEach((c, i) => {
            if (i > 0) this.buf += " ";
            this.fmtIntegerBase(BigInt(c), 10, false, verb, LDIGITS);
          });
          this.buf += "]";
        }
        return;
      case "s": {
        let s = utf8Decoder.decode(b);
        s = this.truncateString(s);
        this.pad(s);
        return;
      }
      case "x":
        this.fmtSbx(b, LDIGITS);
        return;
      case "X":
        this.fmtSbx(b, UDIGITS);
        return;
      case "q":
        this.fmtQ(utf8Decoder.decode(b));
        return;
      default:
        this.printByteElements(b, verb, typeName === "[]byte" ? "[]uint8" : typeName);
    }
  }

  /** A byte slice under a verb for its elements: each byte printed as a uint8. */
  private printByteElements(b: Uint8Array, verb: string, typeName: string): void {
    if (this.sharpV) {
      this.buf += `${typeName}{`;
      b.forEach((c, i) => {
        if (i > 0) this.buf += ", ";
        this.fmtInteger(BigInt(c), false, verb, c);
      });
      this.buf += "}";
      return;
    }
    this.buf += "[";
    b.forEach((c, i) => {
      if (i > 0) this.buf += " ";
      this.fmtInteger(BigInt(c), false, verb, c);
    });
    this.buf += "]";
  }
}

/** utf8.EncodeRune of a Go rune: invalid code points become U+FFFD. */
function runeString(c: bigint): string {
  if (c > BigInt(MAX_RUNE)) return "\ufffd";
  const r = Number(c);
  if (r >= 0xd800 && r <= 0xdfff) return "\ufffd";
  return String.fromCodePoint(r);
}
