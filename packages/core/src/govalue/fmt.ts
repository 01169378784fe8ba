/**
 * Go's fmt.Sprintf over template values: every verb and flag, `*` widths, `%[n]` argument
 * indexes, and Go's in-band error outputs (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA ...)`,
 * `%!(NOVERB)`, `%!(BADWIDTH)`, `%!(BADPREC)`, `%!d(BADINDEX)`).
 */
import { Printer } from "./printer.js";
import { goTypeName } from "./typeof.js";
import type { GoValue } from "./value.js";

/** Go refuses widths and precisions above a million (a guard against absurd padding). */
const MAX_NUM = 1e6;
const tooLarge = (x: number): boolean => x > MAX_NUM || x < -MAX_NUM;

/** parsenum: a decimal number at format[start:end], if any. */
function parseNum(format: string, start: number, end: number): { num: number; isNum: boolean; next: number } {
  if (start >= end) return { num: 0, isNum: false, next: end };
  let num = 0;
  let isNum = false;
  let i = start;
  for (; i < end; i++) {
    const c = format.charCodeAt(i);
    if (c < 48 || c > 57) break;
    if (tooLarge(num)) return { num: 0, isNum: false, next: end };
    num = num * 10 + (c - 48);
    isNum = true;
  }
  return { num, isNum, next: i };
}

/** intFromArg: a `*` width or precision must be a Go integer operand. */
function intFromArg(args: GoValue[], argNum: number): { num: number; isInt: boolean; next: number } {
  let num = 0;
  let isInt = false;
  let next = argNum;
  if (argNum < args.length) {
    const a = args[argNum];
    if (typeof a === "bigint" && a >= -(1n << 63n) && a < 1n << 63n) {
      isInt = true;
      num = tooLarge(Number(a)) ? 0 : Number(a);
      if (tooLarge(Number(a))) isInt = false;
    }
    next = argNum + 1;
  }
  return { num, isInt, next };
}

/** parseArgNumber: `[n]` at the start of s; `wid` is how many characters it used. */
function parseArgNumber(s: string): { index: number; wid: number; ok: boolean } {
  if (s.length < 3) return { index: 0, wid: 1, ok: false };
  for (let i = 1; i < s.length; i++) {
    if (s[i] === "]") {
      const { num, isNum, next } = parseNum(s, 1, i);
      if (!isNum || next !== i) return { index: 0, wid: i + 1, ok: false };
      return { index: num - 1, wid: i + 1, ok: true };
    }
  }
  return { index: 0, wid: 1, ok: false };
}

class FormatState {
  reordered = false;
  goodArgNum = true;

  argNumber(argNum: number, format: string, i: number, numArgs: number): { argNum: number; i: number; found: boolean } {
    if (format.length <= i || format[i] !== "[") return { argNum, i, found: false };
    this.reordered = true;
    const { index, wid, ok } = parseArgNumber(format.slice(i));
    if (ok && index >= 0 && index < numArgs) return { argNum: index, i: i + wid, found: true };
    this.goodArgNum = false;
    return { argNum, i: i + wid, found: ok };
  }
}

/** fmt.Sprintf(format, args...). Undefined operands are Go's nil. Never throws. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  const a = args as GoValue[];
  const p = new Printer();
  const st = new FormatState();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let i = 0;
  formatLoop: while (i < end) {
    st.goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== "%") i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++; // skip %
    p.clearFlags();
    simple: for (; i < end; i++) {
      const c = format[i];
      switch (c) {
        case "#":
          p.sharp = true;
          break;
        case "0":
          p.zero = !p.minus; // zero padding only to the left
          break;
        case "+":
          p.plus = true;
          break;
        case "-":
          p.minus = true;
          p.zero = false;
          break;
        case " ":
          p.space = true;
          break;
        default:
          // Fast path: a lower-case verb straight after the flags.
          if (c >= "a" && c <= "z" && argNum < a.length) {
            if (c === "v") {
              p.sharpV = p.sharp;
              p.sharp = false;
              p.plusV = p.plus;
              p.plus = false;
            }
            p.printArg(a[argNum], c);
            argNum++;
            i++;
            continue formatLoop;
          }
          break simple;
      }
    }

    let r = st.argNumber(argNum, format, i, a.length);
    argNum = r.argNum;
    i = r.i;
    afterIndex = r.found;

    if (i < end && format[i] === "*") {
      i++;
      const w = intFromArg(a, argNum);
      p.wid = w.num;
      p.widPresent = w.isInt;
      argNum = w.next;
      if (!p.widPresent) p.buf += "%!(BADWIDTH)";
      if (p.wid < 0) {
        p.wid = -p.wid;
        p.minus = true;
        p.zero = false;
      }
      afterIndex = false;
    } else {
      const n = parseNum(format, i, end);
      p.wid = n.num;
      p.widPresent = n.isNum;
      i = n.next;
      if (afterIndex && p.widPresent) st.goodArgNum = false; // "%[3]2d"
    }

    if (i + 1 < end && format[i] === ".") {
      i++;
      if (afterIndex) st.goodArgNum = false; // "%[3].2d"
      r = st.argNumber(argNum, format, i, a.length);
      argNum = r.argNum;
      i = r.i;
      afterIndex = r.found;
      if (i < end && format[i] === "*") {
        i++;
        const w = intFromArg(a, argNum);
        p.prec = w.num;
        p.precPresent = w.isInt;
        argNum = w.next;
        if (p.prec < 0) {
          p.prec = 0;
          p.precPresent = false;
        }
        if (!p.precPresent) p.buf += "%!(BADPREC)";
        afterIndex = false;
      } else {
        const n = parseNum(format, i, end);
        p.prec = n.num;
        p.precPresent = n.isNum;
        i = n.next;
        if (!p.precPresent) {
          p.prec = 0;
          p.precPresent = true;
        }
      }
    }

    if (!afterIndex) {
      r = st.argNumber(argNum, format, i, a.length);
      argNum = r.argNum;
      i = r.i;
      afterIndex = r.found;
    }

    if (i >= end) {
      p.buf += "%!(NOVERB)";
      break;
    }

    const cp = format.codePointAt(i) as number;
    const verb = String.fromCodePoint(cp);
    i += verb.length;

    if (verb === "%") {
      p.buf += "%"; // absorbs no operand, ignores width and precision
    } else if (!st.goodArgNum) {
      p.buf += `%!${verb}(BADINDEX)`;
    } else if (argNum >= a.length) {
      p.buf += `%!${verb}(MISSING)`;
    } else {
      if (verb === "v") {
        p.sharpV = p.sharp;
        p.sharp = false;
        p.plusV = p.plus;
        p.plus = false;
      }
      p.printArg(a[argNum], verb);
      argNum++;
    }
  }

  if (!st.reordered && argNum < a.length) {
    p.clearFlags();
    p.buf += "%!(EXTRA ";
    a.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.buf += ", ";
      if (arg === null || arg === undefined) p.buf += "<nil>";
      else {
        p.buf += `${goTypeName(arg)}=`;
        p.printArg(arg, "v");
      }
    });
    p.buf += ")";
  }
  return p.buf;
}
