import { describe, expect, it } from "vitest";
import { expected, loadCases, plainTextEngine, runCase } from "./harness.js";

// Expected outputs come from real Helm 4.1.4: scripts/render-fixtures/gen-render.mjs.
// Until the template engine lands, fixtures whose templates hold no actions run on a
// plain-text stand-in (exact for such templates).
const PLAIN = new Set(["render-order", "render-badyaml", "render-library", "render-hooks-only", "render-empty"]);

describe("helm template conformance on fixtures/charts/render-*", () => {
  const cases = loadCases();
  it("has expectations", () => {
    expect(cases.length).toBeGreaterThan(10);
  });
  for (const c of cases.filter((c) => PLAIN.has(c.chart))) {
    it(c.name, async () => {
      const want = expected(c.name);
      const got = await runCase(c, plainTextEngine);
      expect(got.code).toBe(want.code);
      expect(got.stdout).toBe(want.stdout);
      // Helm's warnings come in Go map order; compare them as sets.
      expect([...got.stderr].sort()).toEqual([...want.stderr].sort());
    });
  }
});
