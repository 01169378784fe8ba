// strconv, spf13/cast and encoding/json calls answered by Go itself
// (scripts/govalue/go-oracle/main.go through scripts/govalue/gen-go-fixtures.mjs).
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { toBoolE, toFloat64E, toInt64E, toIntE, toStringE } from "../../src/govalue/convert.js";
import { sprintf } from "../../src/govalue/fmt.js";
import { decodeJson, marshalJsonIndent, unmarshalJson } from "../../src/govalue/json.js";
import {
  atoi,
  canBackquote,
  type FloatFormat,
  formatFloat,
  NumError,
  parseGoFloat,
  parseGoInt,
  parseGoUint,
  quote,
  quoteRune,
  quoteToASCII,
} from "../../src/govalue/strconv.js";
import { GoError, type GoValue, newGoMap } from "../../src/govalue/value.js";

type Operand =
  | { t: "string"; v: string }
  | { t: "float64"; v: string }
  | { t: "int"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "nil" }
  | { t: "json"; v: string };

interface Case {
  fn: string;
  args: Operand[];
  expect: { out: string; err?: string };
}

const cases: Case[] = JSON.parse(readFileSync(new URL("./fixtures/go-cases.json", import.meta.url), "utf8"));

const SPECIAL: Record<string, number> = { NaN: Number.NaN, "+Inf": Infinity, "-Inf": -Infinity };

function value(o: Operand): GoValue {
  switch (o.t) {
    case "nil":
      return null;
    case "string":
    case "bool":
      return o.v;
    case "int":
      return BigInt(o.v);
    case "float64":
      return SPECIAL[o.v] ?? Number(o.v);
    case "json":
      return unmarshalJson(o.v);
  }
}

const g = (f: number): string => formatFloat(f, "g", -1);

/** Go's (result, error) pair as the fixture records it. */
function call(c: Case): { out: string; err?: string } {
  const a = c.args.map(value);
  const str = (k: number) => a[k] as string;
  const int = (k: number) => Number(a[k] as bigint);
  const attempt = (f: () => string, zero: (e: GoError) => string): { out: string; err?: string } => {
    try {
      return { out: f() };
    } catch (e) {
      if (!(e instanceof GoError)) throw e;
      return { out: zero(e), err: e.message };
    }
  };
  const numZero = (e: GoError) =>
    e instanceof NumError ? String(typeof e.value === "number" ? g(e.value) : e.value) : "?";
  switch (c.fn) {
    case "ParseFloat":
      return attempt(() => g(parseGoFloat(str(0))), numZero);
    case "ParseInt":
      return attempt(() => String(parseGoInt(str(0), int(1), int(2))), numZero);
    case "ParseUint":
      return attempt(() => String(parseGoUint(str(0), int(1), int(2))), numZero);
    case "Atoi":
      return attempt(() => String(atoi(str(0))), numZero);
    case "FormatFloat":
      return { out: formatFloat(a[0] as number, str(1) as FloatFormat, int(2)) };
    case "FormatFloat32":
      return { out: formatFloat(a[0] as number, str(1) as FloatFormat, int(2), 32) };
    case "Quote":
      return { out: quote(str(0)) };
    case "QuoteToASCII":
      return { out: quoteToASCII(str(0)) };
    case "QuoteRune":
      return { out: quoteRune(int(0)) };
    case "CanBackquote":
      return { out: String(canBackquote(str(0))) };
    case "ToBoolE":
      return attempt(
        () => String(toBoolE(a[0])),
        () => "false",
      );
    case "ToStringE":
      return attempt(
        () => toStringE(a[0]),
        () => "",
      );
    case "ToInt64E":
      return attempt(
        () => String(toInt64E(a[0])),
        () => "0",
      );
    case "ToIntE":
      return attempt(
        () => String(toIntE(a[0])),
        () => "0",
      );
    case "ToFloat64E":
      return attempt(
        () => g(toFloat64E(a[0])),
        () => "0",
      );
    case "Unmarshal":
    case "UnmarshalMap":
    case "UnmarshalSlice": {
      const into = c.fn === "Unmarshal" ? "interface" : c.fn === "UnmarshalMap" ? "map" : "slice";
      const r = decodeJson(str(0), { into });
      // The target keeps its initial value when nothing is stored: nil, or an empty map/slice.
      const initial: GoValue = into === "map" ? newGoMap() : into === "slice" ? [] : null;
      const out = sprintf("%#v", [r.value === undefined ? initial : r.value]);
      return r.error === undefined ? { out } : { out, err: r.error };
    }
    case "MarshalIndent":
      return attempt(
        () => marshalJsonIndent(a[0], str(1), str(2)),
        () => "",
      );
  }
  throw new Error(`unknown function ${c.fn}`);
}

describe("strconv, cast and encoding/json match Go", () => {
  test("the fixture file holds the expected number of cases", () => {
    expect(cases.length).toBeGreaterThan(2000);
  });
  for (const [n, c] of cases.entries()) {
    // A typed nil map/slice (json null decoded into one) has no counterpart in the value model.
    if (c.expect.out.endsWith("(nil)")) continue;
    test(`#${n} ${c.fn}(${c.args.map((o) => ("v" in o ? JSON.stringify(o.v) : o.t)).join(", ")})`, () => {
      expect(call(c)).toEqual(c.expect.err === undefined ? { out: c.expect.out } : c.expect);
    });
  }
});
