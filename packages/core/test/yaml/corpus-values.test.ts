import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { toYaml } from "../../src/yaml/emit.js";
import { unmarshalYamlMap } from "../../src/yaml/from.js";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "../../../..");
const corpus = join(repoRoot, "../shared/corpus/charts");
const expected = JSON.parse(readFileSync(join(here, "fixtures/corpus-values.expected.json"), "utf8")) as Record<
  string,
  { sha256: string; length: number; error: boolean }
>;

describe.skipIf(!existsSync(corpus))("every corpus values.yaml reads and writes back like Helm 4.1.4", () => {
  for (const [chart, want] of Object.entries(expected)) {
    it(`${chart}: toYaml(values) is byte-identical to Helm's`, () => {
      const text = readFileSync(join(corpus, chart, "values.yaml"), "utf8");
      const out = toYaml(unmarshalYamlMap(text));
      expect(Buffer.byteLength(out, "utf8")).toBe(want.length);
      expect(createHash("sha256").update(out, "utf8").digest("hex")).toBe(want.sha256);
    });
  }

  it("reads kube-prometheus-stack's values.yaml (~5000 lines) in well under a second", () => {
    const text = readFileSync(join(corpus, "kube-prometheus-stack", "values.yaml"), "utf8");
    unmarshalYamlMap(text);
    const start = performance.now();
    for (let i = 0; i < 5; i++) unmarshalYamlMap(text);
    const perRead = (performance.now() - start) / 5;
    expect(perRead).toBeLessThan(250);
  });
});

if (!existsSync(corpus)) console.warn(`corpus not found at ${corpus}: corpus round trips skipped`);
