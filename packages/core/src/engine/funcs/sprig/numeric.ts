/** Sprig's integer and float arithmetic (numeric.go and the inline lambdas of functions.go). */

import { randomInt } from "node:crypto";
import { toFloat64, toInt64 } from "../../../govalue/convert.js";
import { formatValue } from "../../../govalue/print.js";
import { GoError, type GoFunc, type GoValue } from "../../../govalue/value.js";
import {
  type Decimal,
  decimalAdd,
  decimalDiv,
  decimalFromFloat,
  decimalMul,
  decimalSub,
  decimalToFloat,
} from "./decimal.js";
import { goFunc, goVariadic, intArg } from "./gofunc.js";
import { withGoType } from "./reflect.js";

/** Longest list until/untilStep/seq will build; Go would try and exhaust memory. */
const MAX_RANGE = 1 << 24;

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Go's int64 arithmetic wraps around on overflow. */
const wrapInt64 = (n: bigint): bigint => BigInt.asIntN(64, n);

function intDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new GoError("runtime error: integer divide by zero");
  return wrapInt64(a / b);
}

function intMod(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new GoError("runtime error: integer divide by zero");
  return a % b;
}

export function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const v: bigint[] = [];
  const push = (i: bigint) => {
    if (v.length >= MAX_RANGE) throw new GoError(`untilStep: more than ${MAX_RANGE} elements`);
    v.push(i);
  };
  withGoType(v, "[]int");
  if (stop < start) {
    if (step >= 0n) return v;
    for (let i = start; i > stop; i += step) push(i);
    return v;
  }
  if (step <= 0n) return v;
  for (let i = start; i < stop; i += step) push(i);
  return v;
}

function seq(...params: bigint[]): string {
  let inc = 1n;
  switch (params.length) {
    case 1: {
      const end = params[0];
      if (end < 1n) inc = -1n;
      return untilStep(1n, end + inc, inc).join(" ");
    }
    case 2: {
      const [start, end] = params;
      const step = end < start ? -1n : 1n;
      return untilStep(start, end + step, step).join(" ");
    }
    case 3: {
      const [start, step, end] = params;
      if (end < start) {
        inc = -1n;
        if (step > 0n) return "";
      }
      return untilStep(start, end + inc, step).join(" ");
    }
    default:
      return "";
  }
}

function round(a: GoValue, p: bigint, ...rOpt: number[]): number {
  const roundOn = rOpt.length > 0 ? rOpt[0] : 0.5;
  const val = toFloat64(a);
  const pow = 10 ** Number(p);
  const digit = pow * val;
  const frac = digit - Math.trunc(digit);
  const r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}

/** strconv.Atoi with the error dropped: syntax errors give 0, range errors the clamped value. */
function atoi(s: string): bigint {
  const m = /^([+-]?)(\d+)$/.exec(s);
  if (!m) return 0n;
  const n = BigInt(s);
  return n > INT64_MAX ? INT64_MAX : n < INT64_MIN ? INT64_MIN : n;
}

/** strconv.ParseInt(fmt.Sprint(v), 8, 64), 0 on any error. */
function toDecimal(v: GoValue): bigint {
  const s = formatValue(v);
  if (!/^[+-]?[0-7]+$/.test(s)) return 0n;
  const mag = BigInt(`0o${s.replace(/^[+-]/, "")}`);
  const n = s.startsWith("-") ? -mag : mag;
  return n > INT64_MAX || n < INT64_MIN ? 0n : n;
}

function decimalOp(first: GoValue, rest: GoValue[], op: (a: Decimal, b: Decimal) => Decimal): number {
  let acc = decimalFromFloat(toFloat64(first));
  for (const x of rest) acc = op(acc, decimalFromFloat(toFloat64(x)));
  return decimalToFloat(acc);
}

function goMax(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  return Math.max(a, b);
}

function goMin(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  return Math.min(a, b);
}

const maxInt = goVariadic(["interface {}"], "interface {}", (a: GoValue, ...xs: GoValue[]) => {
  let m = toInt64(a);
  for (const x of xs) {
    const b = toInt64(x);
    if (b > m) m = b;
  }
  return m;
});

export const numericFuncs: Record<string, GoFunc> = {
  atoi: goFunc(["string"], atoi),
  int64: goFunc(["interface {}"], toInt64),
  int: goFunc(["interface {}"], toInt64),
  float64: goFunc(["interface {}"], toFloat64),
  seq: goVariadic([], "int", seq),
  toDecimal: goFunc(["interface {}"], toDecimal),
  until: goFunc(["int"], (n: bigint) => untilStep(0n, n, n < 0n ? -1n : 1n)),
  untilStep: goFunc(["int", "int", "int"], untilStep),
  add1: goFunc(["interface {}"], (i: GoValue) => wrapInt64(toInt64(i) + 1n)),
  add: goVariadic([], "interface {}", (...xs: GoValue[]) => xs.reduce<bigint>((a, b) => wrapInt64(a + toInt64(b)), 0n)),
  sub: goFunc(["interface {}", "interface {}"], (a: GoValue, b: GoValue) => wrapInt64(toInt64(a) - toInt64(b))),
  div: goFunc(["interface {}", "interface {}"], (a: GoValue, b: GoValue) => intDiv(toInt64(a), toInt64(b))),
  mod: goFunc(["interface {}", "interface {}"], (a: GoValue, b: GoValue) => intMod(toInt64(a), toInt64(b))),
  mul: goVariadic(["interface {}"], "interface {}", (a: GoValue, ...xs: GoValue[]) =>
    xs.reduce<bigint>((acc, b) => wrapInt64(acc * toInt64(b)), toInt64(a)),
  ),
  randInt: goFunc(["int", "int"], (min: bigint, max: bigint) => {
    const n = max - min;
    if (n <= 0n) throw new GoError("invalid argument to Intn");
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) return min + BigInt(Math.floor(Math.random() * Number(n)));
    return min + BigInt(randomInt(intArg(n)));
  }),
  add1f: goFunc(["interface {}"], (i: GoValue) => decimalOp(i, [1n], decimalAdd)),
  addf: goVariadic([], "interface {}", (...xs: GoValue[]) => decimalOp(0, xs, decimalAdd)),
  subf: goVariadic(["interface {}"], "interface {}", (a: GoValue, ...xs: GoValue[]) => decimalOp(a, xs, decimalSub)),
  divf: goVariadic(["interface {}"], "interface {}", (a: GoValue, ...xs: GoValue[]) => decimalOp(a, xs, decimalDiv)),
  mulf: goVariadic(["interface {}"], "interface {}", (a: GoValue, ...xs: GoValue[]) => decimalOp(a, xs, decimalMul)),
  biggest: maxInt,
  max: maxInt,
  min: goVariadic(["interface {}"], "interface {}", (a: GoValue, ...xs: GoValue[]) => {
    let m = toInt64(a);
    for (const x of xs) {
      const b = toInt64(x);
      if (b < m) m = b;
    }
    return m;
  }),
  maxf: goVariadic(["interface {}"], "interface {}", (a: GoValue, ...xs: GoValue[]) =>
    xs.reduce<number>((acc, b) => goMax(acc, toFloat64(b)), toFloat64(a)),
  ),
  minf: goVariadic(["interface {}"], "interface {}", (a: GoValue, ...xs: GoValue[]) =>
    xs.reduce<number>((acc, b) => goMin(acc, toFloat64(b)), toFloat64(a)),
  ),
  ceil: goFunc(["interface {}"], (a: GoValue) => Math.ceil(toFloat64(a))),
  floor: goFunc(["interface {}"], (a: GoValue) => Math.floor(toFloat64(a))),
  round: goVariadic(["interface {}", "int"], "float64", round),
};
