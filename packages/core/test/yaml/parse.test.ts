import { describe, expect, it } from "vitest";
import { GoError } from "../../src/govalue/value.js";
import { fromYaml, fromYamlArray } from "../../src/yaml/from.js";
import { parseYaml, parseYamlDocuments } from "../../src/yaml/parse.js";
import { KNOWN_PARSE_DIFFERENCES, loadFixture, toPlain } from "./fixture-loader.js";

describe("fromYaml matches Helm 4.1.4 (sigs.k8s.io/yaml.Unmarshal)", () => {
  for (const { input, results } of loadFixture<{ yaml: string }>("parse")) {
    it.skipIf(KNOWN_PARSE_DIFFERENCES.has(input.name))(input.name, () => {
      expect(toPlain(fromYaml(input.yaml))).toEqual(results[0]);
    });
  }
});

describe("seeded random values-style documents read like Helm 4.1.4", () => {
  for (const { input, results } of loadFixture<{ yaml: string }>("parse-random")) {
    it(input.name, () => {
      expect(toPlain(fromYaml(input.yaml))).toEqual(results[0]);
    });
  }
});

describe("fromYamlArray matches Helm 4.1.4", () => {
  for (const { input, results } of loadFixture<{ yaml: string }>("parse-array")) {
    it(input.name, () => {
      expect(toPlain(fromYamlArray(input.yaml))).toEqual(results[0]);
    });
  }
});

describe("parseYaml", () => {
  it("reads only the first document, like go-yaml's Unmarshal", () => {
    expect(toPlain(parseYaml("a: 1\n---\nb: [\n"))).toEqual({ a: 1 });
  });
  it("gives null for an empty document and a Go error with sigs' prefix for bad YAML", () => {
    expect(parseYaml("# nothing\n")).toBeNull();
    expect(() => parseYaml("a: b: c\n")).toThrow(
      new GoError("error converting YAML to JSON: yaml: mapping values are not allowed in this context"),
    );
  });
  it("makes maps with no prototype, so __proto__ is a plain key", () => {
    const v = parseYaml("__proto__: 1\nconstructor: 2\n") as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(Object.hasOwn(v, "__proto__")).toBe(true);
    expect(v.constructor).toBe(2);
  });
  it("refuses alias bombs as go-yaml does", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    expect(() => parseYaml(lines.join("\n"))).toThrow("yaml: document contains excessive aliasing");
  });
  it("parseYamlDocuments reads every document of a stream", () => {
    expect(parseYamlDocuments("a: 1\n---\n- 2\n---\n").map(toPlain)).toEqual([{ a: 1 }, [2], null]);
  });
});

describe("bounded nesting", () => {
  it("refuses flow collections nested past 1000 levels with one clear error, not a crash", () => {
    expect(() => parseYaml(`a: ${"[".repeat(5000)}${"]".repeat(5000)}`)).toThrow(
      new GoError("error converting YAML to JSON: yaml: exceeded max depth of 1000"),
    );
  });
  it("refuses block sequences nested past 1000 levels", () => {
    expect(() => parseYaml(`${"- ".repeat(20000)}x`)).toThrow("exceeded max depth of 1000");
  });
  it("still reads 500 levels", () => {
    expect(parseYaml(`${"- ".repeat(500)}x`)).toBeTruthy();
  });
});
