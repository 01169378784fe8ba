// Properties that must hold for every value, not just the oracle's examples.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { sprintf } from "../../src/govalue/fmt.js";
import { marshalJson, marshalJsonIndent, unmarshalJson } from "../../src/govalue/json.js";
import { formatPipelineValue, formatValue, sprint, sprintln } from "../../src/govalue/print.js";
import { compareGoStrings } from "../../src/govalue/printer.js";
import { formatFloat, parseGoFloat, parseGoInt, quote } from "../../src/govalue/strconv.js";
import { isTrue } from "../../src/govalue/truth.js";
import { goKindName, goTypeName } from "../../src/govalue/typeof.js";
import { GoObject, type GoValue, newGoMap } from "../../src/govalue/value.js";

class Point extends GoObject {
  readonly goType = "*main.Point";
  constructor(readonly x: GoValue) {
    super();
  }
  field(name: string): GoValue | undefined {
    return name === "X" ? this.x : undefined;
  }
  format(): string {
    return `&{${formatValue(this.x)}}`;
  }
}

const scalar = fc.oneof(
  fc.constantFrom<GoValue>(undefined, null, true, false, "", 0, -0, Number.NaN, Infinity, -Infinity),
  fc.string({ unit: "binary" }),
  fc.double(),
  fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
  fc.uint8Array({ maxLength: 8 }),
);

const goValue: fc.Arbitrary<GoValue> = fc.letrec<{ v: GoValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: "binary" }), tie("v"), { maxKeys: 4 }).map((o) => newGoMap(Object.entries(o))),
    tie("v").map((x) => new Point(x)),
  ),
})).v;

/** Formats built from the pieces Go's parser knows, so that odd combinations come up often. */
const format = fc
  .array(
    fc.oneof(
      fc.constantFrom("%", "%%", "[", "]", "*", ".", "-", "+", "#", " ", "0", "1", "2", "9", "[1]", "[0]", "[x]"),
      fc.constantFrom(..."vTsqdxXoObeEfFgGcUtpzä☃"),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("printing never throws", () => {
  test("formatValue, formatPipelineValue, sprint, sprintln accept any Go value", () => {
    fc.assert(
      fc.property(fc.array(goValue, { maxLength: 4 }), (vs) => {
        for (const v of vs) {
          expect(typeof formatValue(v)).toBe("string");
          expect(typeof formatPipelineValue(v)).toBe("string");
          expect(typeof goTypeName(v)).toBe("string");
          expect(typeof goKindName(v)).toBe("string");
          expect(typeof isTrue(v)).toBe("boolean");
        }
        expect(typeof sprint(...vs)).toBe("string");
        expect(sprintln(...vs).endsWith("\n")).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test("sprintf accepts any format with any operands", () => {
    fc.assert(
      fc.property(format, fc.array(goValue, { maxLength: 4 }), (f, args) => {
        expect(typeof sprintf(f, args)).toBe("string");
      }),
      { numRuns: 2000 },
    );
  });

  test("a format without verbs prints itself, and reports every operand as EXTRA", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes("%")),
        fc.array(fc.bigInt(), { maxLength: 3 }),
        (s, args) => {
          const extra = args.length === 0 ? "" : `%!(EXTRA ${args.map((a) => `int=${a}`).join(", ")})`;
          expect(sprintf(s, args)).toBe(s + extra);
        },
      ),
    );
  });
});

describe("float formatting", () => {
  test("formatFloat with the shortest precision reads back as the same float", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        for (const f of ["g", "e", "f", "G", "E"] as const) {
          const s = formatFloat(x, f, -1);
          expect(Object.is(Number.parseFloat(s), x)).toBe(true);
          expect(Object.is(parseGoFloat(s), x)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test("fixed precisions agree with JavaScript's except on exact ties (Go rounds those to even)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e20, max: 1e20 }), fc.nat(15), (x, p) => {
        const go = formatFloat(x, "e", p);
        // JS drops the sign of -0 and writes one-digit exponents.
        const js = (Object.is(x, -0) ? "-" : "") + x.toExponential(p).replace(/e([+-])(\d)$/, "e$10$2");
        if (go !== js) {
          // Only an exact tie may round differently: the exact digits stop at p+2, on a 5.
          const exact = formatFloat(x, "e", 60);
          const digits = exact.slice(0, exact.indexOf("e")).replace(/[-.]/g, "").replace(/0+$/, "");
          expect(digits.length === p + 2 && digits.endsWith("5")).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("map key order", () => {
  test("Go's string order is the order of the UTF-8 bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (a, b) => {
        const bytes = Math.sign(Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
        expect(Math.sign(compareGoStrings(a, b))).toBe(bytes);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("parsing and quoting", () => {
  test("parseGoInt reads back every int64 written in base 10, 16, 8 and 2", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), (n) => {
        expect(parseGoInt(n.toString(), 10, 64)).toBe(n);
        const sign = n < 0n ? "-" : "";
        const a = n < 0n ? -n : n;
        expect(parseGoInt(`${sign}0x${a.toString(16)}`, 0, 64)).toBe(n);
        expect(parseGoInt(`${sign}0${a.toString(8)}`, 0, 64)).toBe(n);
        expect(parseGoInt(`${sign}0b${a.toString(2)}`, 0, 64)).toBe(n);
      }),
    );
  });

  test("a quoted string is a JSON-compatible literal of the same text when it has no \\x escapes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const q = quote(s);
        if (!/\\[xaUv]/.test(q)) expect(JSON.parse(q)).toBe(s);
      }),
    );
  });
});

describe("encoding/json", () => {
  const jsonValue: fc.Arbitrary<GoValue> = fc.letrec<{ v: GoValue }>((tie) => ({
    v: fc.oneof(
      { depthSize: "small" },
      fc.constantFrom<GoValue>(null, true, false),
      fc.string({ unit: "binary" }),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
      fc.array(tie("v"), { maxLength: 4 }),
      fc.dictionary(fc.string({ unit: "binary" }), tie("v"), { maxKeys: 4 }).map((o) => newGoMap(Object.entries(o))),
    ),
  })).v;

  test("unmarshal(marshal(v)) is v, compact or indented", () => {
    fc.assert(
      fc.property(jsonValue, (v) => {
        expect(unmarshalJson(marshalJson(v))).toEqual(v);
        expect(unmarshalJson(marshalJsonIndent(v, "", "  "))).toEqual(v);
        expect(unmarshalJson(marshalJson(v, { escapeHTML: false }))).toEqual(v);
      }),
      { numRuns: 1000 },
    );
  });

  test("Go's output is valid JSON for JavaScript too", () => {
    fc.assert(
      fc.property(jsonValue, (v) => {
        expect(() => JSON.parse(marshalJson(v))).not.toThrow();
      }),
    );
  });
});
