/**
 * The slice of shopspring/decimal that Sprig's addf/subf/mulf/divf use: floats enter through
 * their shortest decimal form (NewFromFloat), arithmetic is exact, division keeps 16 places.
 */
import { GoError } from "../../../govalue/value.js";

/** value = coef * 10^exp */
export interface Decimal {
  readonly coef: bigint;
  readonly exp: number;
}

const DIVISION_PRECISION = 16;

export function decimalFromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) {
    throw new GoError(`Cannot create a Decimal from ${Number.isNaN(f) ? "NaN" : f > 0 ? "+Inf" : "-Inf"}`);
  }
  // JS prints the shortest round-tripping decimal, as Go's strconv 'g' -1 does.
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(f));
  if (!m) return { coef: 0n, exp: 0 };
  const frac = m[3] ?? "";
  const coef = BigInt(`${m[1]}${m[2]}${frac}`);
  return { coef, exp: Number(m[4] ?? 0) - frac.length };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.coef * 10n ** BigInt(a.exp - exp), b.coef * 10n ** BigInt(b.exp - exp), exp];
}

export function decimalAdd(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x + y, exp };
}

export function decimalSub(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x - y, exp };
}

export function decimalMul(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, exp: a.exp + b.exp };
}

/** Decimal.Div: DivRound to 16 places, halves rounded away from zero. */
export function decimalDiv(a: Decimal, b: Decimal): Decimal {
  if (b.coef === 0n) throw new GoError("decimal division by 0");
  // a/b scaled to 10^-16: (a.coef * 10^(a.exp - b.exp + 16)) / b.coef
  const shift = a.exp - b.exp + DIVISION_PRECISION;
  let num = a.coef;
  let den = b.coef;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  let q = num / den;
  const r = num % den;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  if (2n * abs(r) >= abs(den)) q += num < 0n !== den < 0n ? -1n : 1n;
  return { coef: q, exp: -DIVISION_PRECISION };
}

export function decimalToFloat(d: Decimal): number {
  if (d.coef === 0n) return 0;
  return Number(`${d.coef}e${d.exp}`);
}
