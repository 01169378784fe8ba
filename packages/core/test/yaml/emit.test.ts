import { describe, expect, it } from "vitest";
import { toYaml } from "../../src/yaml/emit.js";
import { toYamlPretty } from "../../src/yaml/emit-pretty.js";
import { fromYaml } from "../../src/yaml/from.js";
import { fromJsonValue, KNOWN_PARSE_DIFFERENCES, loadFixture } from "./fixture-loader.js";

describe("toYaml matches Helm 4.1.4 (sigs.k8s.io/yaml.Marshal)", () => {
  for (const { input, results } of loadFixture<{ value: unknown }>("emit")) {
    it(input.name, () => {
      expect(toYaml(fromJsonValue(input.value))).toBe(results[0]);
    });
  }
});

describe("toYaml of what fromYaml read matches Helm 4.1.4", () => {
  for (const { input, results } of loadFixture<{ yaml: string }>("parse")) {
    it.skipIf(KNOWN_PARSE_DIFFERENCES.has(input.name))(input.name, () => {
      expect(toYaml(fromYaml(input.yaml))).toBe(results[1]);
    });
  }
});

describe("toYamlPretty matches Helm 4.1.4 (go-yaml v3, indent 2)", () => {
  for (const { input, results } of loadFixture<{ value: unknown }>("emit")) {
    it(input.name, () => {
      expect(toYamlPretty(fromJsonValue(input.value))).toBe(results[2]);
    });
  }
});
