/**
 * The packaged CLI (dist/main.js launcher + dist/cli.cjs bundle + its code cache + the bundled
 * large-stack worker) renders what the core renders: the deep-include cases, whose expected
 * outputs came from Helm 4.1.4 (packages/core/test/render/expected, scripts/render cases), need
 * the worker beside the bundle; and the code cache is one V8 accepts.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { built, freshCacheHome, repoRoot, run } from "../helpers.js";

const dist = join(repoRoot, "packages/cli/dist");
const expected = join(repoRoot, "packages/core/test/render/expected");
const chart = join(repoRoot, "fixtures/charts/render-deep-include");

interface Case {
  name: string;
  chart: string;
  flags?: { set?: string[] };
}
const cases = (
  JSON.parse(readFileSync(join(repoRoot, "packages/core/test/render/cases.json"), "utf8")) as Case[]
).filter((c) => c.chart === "render-deep-include");

describe.skipIf(!built)("the bundled CLI", () => {
  const cacheHome = freshCacheHome();

  it("has its parts beside the launcher", () => {
    for (const f of ["main.js", "cli.cjs", "cli.cjs.cache", "large-stack-worker.js"]) {
      expect(existsSync(join(dist, f)), f).toBe(true);
    }
  });

  it("has a code cache that V8 accepts for the bundle", () => {
    const bundle = join(dist, "cli.cjs");
    const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(bundle, "utf8")}\n});`;
    const script = new Script(source, { filename: bundle, cachedData: readFileSync(`${bundle}.cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it("finds at least the deep-include cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  for (const c of cases) {
    it(`renders ${c.name} like Helm 4.1.4 (large-stack worker included)`, () => {
      const args = ["template", chart];
      for (const s of c.flags?.set ?? []) args.push("--set", s);
      const r = run(args, { cacheHome });
      expect(r.stdout).toBe(readFileSync(join(expected, `${c.name}.out`), "utf8"));
      expect(r.stderr.replaceAll(chart, "CHART")).toBe(
        readFileSync(join(expected, `${c.name}.err`), "utf8").replaceAll(chart, "CHART"),
      );
      expect(String(r.status)).toBe(readFileSync(join(expected, `${c.name}.code`), "utf8").trim());
    }, 60_000);
  }
});
