/**
 * One finding per (id, package, installed version) of an image: trivy reports the same advisory
 * of the same module once per go.mod, and the report must show and count it once.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { built, freshCacheHome, repoRoot, run } from "./helpers.js";
import { standInWithReports } from "./stand-in.js";

const chart = join(repoRoot, "packages/cli/test/fixtures/charts/annotated");

describe.skipIf(!built)("duplicate findings across trivy targets", () => {
  const trivy = standInWithReports();
  const home = freshCacheHome();
  const scan = (...args: string[]) => run([chart, "--trivy-path", trivy, "--no-cache", ...args], { cacheHome: home });

  it("the table lists the advisory once per installed version and counts it once", () => {
    const r = scan();
    expect(r.status).toBe(0);
    const rows = r.stdout.split("\n").filter((l) => l.includes("GHSA-fx95-0002-aaaa"));
    expect(rows).toHaveLength(2);
    expect(rows.map((l) => l.trim().split(/\s+/).slice(0, 4))).toEqual([
      ["HIGH", "GHSA-fx95-0002-aaaa", "example.com/fixture/yaml", "v2.2.6"],
      ["HIGH", "GHSA-fx95-0002-aaaa", "example.com/fixture/yaml", "v2.2.7"],
    ]);
    const imageRow = r.stdout.split("\n").find((l) => l.startsWith("registry.example/apps/multi-target:1.0.0 "));
    expect(imageRow?.split(/\s+/).slice(0, 6)).toEqual([
      "registry.example/apps/multi-target:1.0.0",
      "0",
      "2",
      "1",
      "0",
      "0",
    ]);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(
      /; 7 vulnerabilities \(1 CRITICAL, 3 HIGH, 2 MEDIUM, 1 LOW, 0 UNKNOWN\)$/,
    );
  });

  it("JSON: unique findings with every target, `target` the first, counts of the unique list", () => {
    const r = scan("-o", "json");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const img = doc.images.find((i: { image: string }) => i.image === "registry.example/apps/multi-target:1.0.0");
    expect(img.counts).toEqual({ CRITICAL: 0, HIGH: 2, MEDIUM: 1, LOW: 0, UNKNOWN: 0 });
    expect(img.vulnerabilities).toHaveLength(3);
    const v227 = img.vulnerabilities.find((v: { installed: string }) => v.installed === "v2.2.7");
    expect(v227.target).toBe("app/go.mod");
    expect(v227.targets).toEqual(["app/go.mod", "tools/go.mod"]);
    const v226 = img.vulnerabilities.find((v: { installed: string }) => v.installed === "v2.2.6");
    expect(v226.targets).toEqual(["tools/go.mod"]);
    expect(doc.summary.vulnerabilities).toBe(
      doc.images.reduce((n: number, i: { vulnerabilities: unknown[] }) => n + i.vulnerabilities.length, 0),
    );
  });

  it("--fail-on counts the unique findings too (SARIF has one result per unique finding)", () => {
    expect(scan("--fail-on", "HIGH").status).toBe(1);
    const sarif = JSON.parse(scan("-o", "sarif").stdout);
    const ids = sarif.runs[0].results
      .filter((x: { ruleId: string }) => x.ruleId === "GHSA-fx95-0002-aaaa")
      .map((x: { message: { text: string } }) => x.message.text);
    expect(ids).toHaveLength(2);
  });
});
