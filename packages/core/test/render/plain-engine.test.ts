import { describe, expect, it } from "vitest";
import { expected, loadCases, plainTextEngine, runCase } from "./harness.js";

// The pipeline around the engine (splitting, sorting, hooks, CRDs, show-only) checked on
// fixtures without template actions, with an engine that returns the text unchanged: these
// expectations hold whatever state the real engine is in.
const PLAIN = new Set(["render-order", "render-badyaml", "render-library", "render-hooks-only", "render-empty"]);

describe("helm template pipeline with a plain-text engine", () => {
  for (const c of loadCases().filter((c) => PLAIN.has(c.chart))) {
    it(c.name, async () => {
      const want = expected(c.name);
      const got = await runCase(c, plainTextEngine);
      expect(got.stdout).toBe(want.stdout);
      expect(got.code).toBe(want.code);
      expect([...got.stderr].sort()).toEqual([...want.stderr].sort());
    });
  }
});
