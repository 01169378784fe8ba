/**
 * `helm-trivy template --output-dir DIR` against Helm 4.1.4's recordings
 * (scripts/cli/gen-output-dir-fixtures.mjs): the same files byte for byte, the same `wrote PATH`
 * lines, stderr and status, including Helm's quirks (hooks appended on a second run into the same
 * directory, --show-only failing after writing) and nothing written when the render fails.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { built, freshCacheHome, repoRoot, run } from "./helpers.js";

interface OutputDirCase {
  name: string;
  chart: string;
  args: string[];
  runs?: number;
  setup?: Record<string, string>;
  stdout: string;
  stderr: string;
  status: number;
  files: Record<string, string>;
}

const fixtureDir = join(repoRoot, "packages/cli/test/fixtures/output-dir");
const cases: OutputDirCase[] = readdirSync(fixtureDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(fixtureDir, f), "utf8")) as OutputDirCase);

/** Every file under root, path -> content, like the generator records it. */
function tree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files[relative(root, p)] = readFileSync(p, "utf8");
    }
  };
  walk(root);
  return files;
}

describe.skipIf(!built)("helm-trivy template --output-dir (Helm 4.1.4 recordings)", () => {
  it("has the recorded cases", () => {
    expect(cases.map((c) => c.name)).toContain("render-error");
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const c of cases) {
    it(`${c.name}: same files, stdout, stderr and status as Helm`, () => {
      const work = mkdtempSync(join(tmpdir(), "helm-trivy-output-dir-"));
      for (const [p, content] of Object.entries(c.setup ?? {})) {
        mkdirSync(dirname(join(work, p)), { recursive: true });
        writeFileSync(join(work, p), content);
      }
      const cacheHome = freshCacheHome();
      const argv = c.args.map((a) => (a === "CHART" ? join(repoRoot, c.chart) : a));
      let r = run(argv, { cwd: work, cacheHome });
      for (let i = 1; i < (c.runs ?? 1); i++) r = run(argv, { cwd: work, cacheHome });
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
        stdout: c.stdout,
        stderr: c.stderr,
        status: c.status,
      });
      expect(tree(work)).toEqual(c.files);
    });
  }

  it("writes nothing when the render fails", () => {
    const failing = cases.find((c) => c.name === "render-error");
    expect(failing?.status).toBe(1);
    expect(failing?.files).toEqual({});
  });
});
