import { describe, expect, it } from "vitest";
import { marshalJson } from "../../src/govalue/json.js";
import { GoError, type GoValue } from "../../src/govalue/value.js";
import { encodingFuncs } from "../../src/yaml/funcs.js";
import { fromJsonValue, loadFixture } from "./fixture-loader.js";

function call(name: string, ...args: GoValue[]): GoValue {
  const f = encodingFuncs[name];
  if (!f) throw new Error(`no function ${name}`);
  return f.fn(...args);
}

/** What Helm's `toJson` printed, normalised through JS (so -0 and 0, 1e3 and 1000 compare equal). */
function asJson(v: GoValue): unknown {
  const text = call("toJson", v) as string;
  return text === "" ? null : JSON.parse(JSON.stringify(JSON.parse(text)));
}
function norm(x: unknown): unknown {
  return x === null ? null : JSON.parse(JSON.stringify(x));
}

describe("toToml matches Helm 4.1.4 (BurntSushi/toml encoder)", () => {
  for (const { input, results } of loadFixture<{ value: unknown; toml: string }>("toml")) {
    if (!input.name.startsWith("to-")) continue;
    it(input.name, () => {
      expect(call("toToml", fromJsonValue(input.value))).toBe(results[0]);
    });
  }
  it("throws the reflect panic text for a nil value, as the template engine reports it", () => {
    expect(() => call("toToml", null)).toThrow(new GoError("reflect: call of reflect.Value.Type on zero Value"));
  });
});

/** `a.b = 1\na = 2`: BurntSushi accepts it (keeping a.b); smol-toml rightly rejects it. */
const TOML_KNOWN_DIFFERENCES = new Set(["from-23"]);

describe("fromToml matches Helm 4.1.4", () => {
  for (const { input, results } of loadFixture<{ value: unknown; toml: string }>("toml")) {
    if (!input.name.startsWith("from-")) continue;
    it.skipIf(TOML_KNOWN_DIFFERENCES.has(input.name))(input.name, () => {
      expect(asJson(call("fromToml", input.toml))).toEqual(norm(results[1]));
    });
  }
});

/**
 * json-13 (`tru`): Go's scanner reports a truncated literal as "invalid character ' ' in literal
 * true (expecting 'e')"; govalue/json.ts's decodeJson says "unexpected end of JSON input".
 */
const JSON_KNOWN_DIFFERENCES = new Set(["json-13"]);

describe("fromJson / fromJsonArray / toJson match Helm 4.1.4", () => {
  for (const { input, results } of loadFixture<{ json: string }>("json")) {
    it.skipIf(JSON_KNOWN_DIFFERENCES.has(input.name))(input.name, () => {
      expect(asJson(call("fromJson", input.json))).toEqual(norm(results[0]));
      expect(asJson(call("fromJsonArray", input.json))).toEqual(norm(results[1]));
      expect(call("toYaml", call("fromJson", input.json))).toBe(results[2]);
    });
  }
});

describe("toJson matches Helm 4.1.4 byte for byte", () => {
  for (const { input, results } of loadFixture<{ value: unknown }>("emit")) {
    it(input.name, () => {
      expect(call("toJson", fromJsonValue(input.value))).toBe(results[1]);
    });
  }
});

describe("Helm's error conventions", () => {
  it("toYaml prints nothing for a value encoding/json rejects; mustToYaml fails", () => {
    expect(call("toYaml", Number.NaN)).toBe("");
    expect(() => call("mustToYaml", Number.POSITIVE_INFINITY)).toThrow(
      new GoError("error marshaling into JSON: json: unsupported value: +Inf"),
    );
    expect(call("mustToYaml", { a: 1 } as GoValue)).toBe("a: 1");
  });
  it('an infinite float (`"inf" | float64`) as Helm 4.1.4 prints it in each encoder', () => {
    // Measured: "" "" "a = inf\n" "a: .inf"
    const m = { a: Number.POSITIVE_INFINITY } as GoValue;
    expect(call("toYaml", Number.POSITIVE_INFINITY)).toBe("");
    expect(call("toJson", Number.POSITIVE_INFINITY)).toBe("");
    expect(call("toToml", m)).toBe("a = inf\n");
    expect(call("toYamlPretty", m)).toBe("a: .inf");
  });
  it("toJson prints nothing for NaN", () => {
    expect(call("toJson", Number.NaN)).toBe("");
    expect(marshalJson(1.5)).toBe("1.5");
  });
});
