/**
 * spf13/cast conversions (v1.7, as Helm 4.1.4 links it), the way Sprig's int/int64/float64
 * and arithmetic functions call them: conversion errors are dropped and give 0.
 */
import { parseGoFloat as goParseFloat, parseGoInt as goParseInt } from "../../../govalue/strconv.js";
import type { GoValue } from "../../../govalue/value.js";

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Go's int64(f) on amd64: truncation; NaN, infinities and out-of-range give MinInt64. */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f)) return INT64_MIN;
  const t = BigInt(Math.trunc(f));
  return t < INT64_MIN || t > INT64_MAX ? INT64_MIN : t;
}

/** Wraps a bigint to int64 two's complement, as Go's integer arithmetic does on overflow. */
export function wrapInt64(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

/** cast's trimZeroDecimal: "10.00" -> "10", so that such strings parse as integers. */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === ".") {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === "0") {
      foundZero = true;
    } else {
      return s;
    }
  }
  return s;
}

/** strconv.ParseInt(s, 0, 64) (Go literal syntax), or undefined on error. */
export function parseGoInt(s: string): bigint | undefined {
  try {
    return goParseInt(s, 0, 64);
  } catch {
    return undefined;
  }
}

/** strconv.ParseFloat(s, 64), or undefined on error. */
export function parseGoFloat(s: string): number | undefined {
  try {
    return goParseFloat(s);
  } catch {
    return undefined;
  }
}

/** cast.ToInt64E, or undefined where cast reports an error. */
export function toInt64E(v: GoValue): bigint | undefined {
  if (v === undefined || v === null) return 0n;
  switch (typeof v) {
    case "bigint":
      return v;
    case "number":
      return floatToInt64(v);
    case "boolean":
      return v ? 1n : 0n;
    case "string":
      return parseGoInt(trimZeroDecimal(v));
  }
  return undefined;
}

/** cast.ToInt64 (errors become 0). */
export function toInt64(v: GoValue): bigint {
  return toInt64E(v) ?? 0n;
}

/** cast.ToFloat64E, or undefined where cast reports an error. */
export function toFloat64E(v: GoValue): number | undefined {
  if (v === undefined || v === null) return 0;
  switch (typeof v) {
    case "bigint":
      return Number(v);
    case "number":
      return v;
    case "boolean":
      return v ? 1 : 0;
    case "string":
      return parseGoFloat(v);
  }
  return undefined;
}

export function toFloat64(v: GoValue): number {
  return toFloat64E(v) ?? 0;
}
