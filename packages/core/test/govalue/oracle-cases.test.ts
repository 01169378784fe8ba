// Every case in fixtures/oracle-cases.json was answered by Go itself (gotmpl-oracle: Go's
// text/template + Sprig + Helm functions) and cross-checked with Helm 4.1.4, which wins where they
// differ (scripts/govalue/gen-oracle-fixtures.mjs). fixtures/helm-cases.json holds the cases only
// Helm can answer, []byte operands (scripts/govalue/gen-helm-fixtures.mjs).
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { strval, toFloat64, toInt, toInt64 } from "../../src/govalue/convert.js";
import { sprintf } from "../../src/govalue/fmt.js";
import { decodeJson, marshalJson, marshalJsonIndent, unmarshalJson } from "../../src/govalue/json.js";
import { formatPipelineValue, formatValue, sprint, sprintln } from "../../src/govalue/print.js";
import { atoi, NumError } from "../../src/govalue/strconv.js";
import { isTrue } from "../../src/govalue/truth.js";
import { goKindName, goTypeName } from "../../src/govalue/typeof.js";
import { GoError, GoObject, type GoValue, newGoMap } from "../../src/govalue/value.js";

/** Helm 4.1.4's .Capabilities.KubeVersion as fmt sees it: a struct with a pointer-receiver String(). */
class KubeVersion extends GoObject {
  readonly goType = "common.KubeVersion";
  private readonly fields = [
    ["Version", "v1.35.0"],
    ["normalizedVersion", "v1.35.0"],
    ["Major", "1"],
    ["Minor", "35"],
  ] as const;
  field(name: string): GoValue | undefined {
    return this.fields.find(([n]) => n === name && n !== "normalizedVersion")?.[1];
  }
  format(): string {
    return "v1.35.0";
  }
  structFields() {
    return this.fields;
  }
  stringer() {
    return "pointer" as const;
  }
}

type Arg =
  | { i: string }
  | { f: string }
  | { s: string }
  | { b: boolean }
  | { nil: true }
  | { missing: true }
  | { j: string }
  | { bytes: string }
  | { list: Arg[] }
  | { kubeVersion: true };

interface Case {
  kind: string;
  template: string;
  format?: string;
  fn?: string;
  numbers?: "float64" | "int64";
  args: Arg[];
  expect: { output?: string; error?: string };
}

const load = (name: string): Case[] => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

const SPECIAL_FLOATS: Record<string, number> = { NaN: Number.NaN, "+Inf": Infinity, "-Inf": -Infinity };

function goValue(a: Arg, numbers: "float64" | "int64"): GoValue {
  if ("i" in a) return BigInt(a.i);
  if ("f" in a) return SPECIAL_FLOATS[a.f] ?? Number(a.f);
  if ("s" in a) return a.s;
  if ("b" in a) return a.b;
  if ("nil" in a) return null;
  if ("missing" in a) return undefined;
  if ("bytes" in a) return new Uint8Array(Buffer.from(a.bytes, "base64"));
  if ("list" in a) return a.list.map((e) => goValue(e, numbers));
  if ("kubeVersion" in a) return new KubeVersion();
  return unmarshalJson(a.j, { numbers });
}

function run(c: Case): string {
  const args = c.args.map((a) => goValue(a, c.numbers ?? "float64"));
  const [one] = args;
  switch (c.kind) {
    case "printf":
      return sprintf(c.format as string, args);
    case "print":
      return sprint(...args);
    case "println":
      return sprintln(...args);
    case "value":
      return formatPipelineValue(one);
    case "truth":
      return isTrue(one) ? "T" : "F";
    case "typeOf":
      return goTypeName(one);
    case "kindOf":
      return goKindName(one);
    case "cast":
      switch (c.fn) {
        case "int64":
          return formatValue(toInt64(one));
        case "int":
          return formatValue(toInt(one));
        case "float64":
          return formatValue(toFloat64(one));
        case "toString":
          return strval(one);
        case "atoi":
          // Sprig's atoi ignores the error and returns what strconv.Atoi returned with it.
          try {
            return formatValue(atoi(one as string));
          } catch (e) {
            if (e instanceof NumError) return formatValue(e.value);
            throw e;
          }
      }
      throw new Error(`unknown cast ${c.fn}`);
    case "json":
      return marshalJson(one);
    case "rawJson":
      return marshalJson(one, { escapeHTML: false });
    case "prettyJson":
      return marshalJsonIndent(one, "", "  ");
    case "fromJson": {
      // Helm's fromJson: an empty map filled by json.Unmarshal, with "Error" set on failure.
      const r = decodeJson(one as string, { into: "map" });
      const m = r.value === undefined || r.value === null ? newGoMap() : r.value;
      if (r.error !== undefined) (m as Record<string, GoValue>).Error = r.error;
      return sprintf("%#v", [m]);
    }
    case "fromJsonArray": {
      const r = decodeJson(one as string, { into: "slice" });
      return sprintf("%#v", [r.error !== undefined ? [r.error] : (r.value ?? [])]);
    }
  }
  throw new Error(`unknown kind ${c.kind}`);
}

function check(c: Case): void {
  if (c.expect.error !== undefined) {
    expect(() => run(c)).toThrow(GoError);
    expect(() => run(c)).toThrow(c.expect.error);
  } else {
    expect(run(c)).toBe(c.expect.output);
  }
}

describe("Go value semantics match the oracle (and Helm 4.1.4 where they differ)", () => {
  const cases = load("oracle-cases.json");
  test("the fixture file holds the expected number of cases", () => {
    expect(cases.length).toBeGreaterThan(1000);
  });
  for (const [n, c] of cases.entries()) test(`#${n} ${c.template}`, () => check(c));
});

describe("[]byte and struct printing match Helm 4.1.4", () => {
  const cases = load("helm-cases.json");
  test("the fixture file holds the expected number of cases", () => {
    expect(cases.length).toBeGreaterThan(60);
  });
  for (const [n, c] of cases.entries()) test(`#${n} ${c.template}`, () => check(c));
});
