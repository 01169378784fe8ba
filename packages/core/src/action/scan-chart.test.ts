import { describe, expect, it } from "vitest";
import { sampleReport } from "../../test/report/sample-report.js";
import { ExitCode } from "../errors.js";
import { zeroCounts } from "../scan/types.js";
import { diffReports } from "./diff-charts.js";
import { buildScanReport, parseSeverity, scanExitCode, severitiesAtLeast } from "./scan-chart.js";

describe("scanExitCode", () => {
  it("findings at or above --fail-on win; else a failed image gives Scan; else Ok", () => {
    const r = sampleReport(); // 1 CRITICAL, 1 LOW, one failed image
    expect(scanExitCode(r, "CRITICAL")).toBe(ExitCode.Findings);
    expect(scanExitCode(r)).toBe(ExitCode.Scan);
    const noCritical = { ...r, summary: { ...r.summary, counts: { ...zeroCounts(), LOW: 1 } } };
    expect(scanExitCode(noCritical, "HIGH")).toBe(ExitCode.Scan);
    expect(scanExitCode({ ...noCritical, summary: { ...noCritical.summary, failed: 0 } }, "HIGH")).toBe(ExitCode.Ok);
    expect(scanExitCode({ ...noCritical, summary: { ...noCritical.summary, failed: 0 } }, "LOW")).toBe(
      ExitCode.Findings,
    );
  });

  it("severity words", () => {
    expect(severitiesAtLeast("HIGH")).toEqual(["CRITICAL", "HIGH"]);
    expect(parseSeverity(" medium ")).toBe("MEDIUM");
    expect(parseSeverity("severe")).toBeUndefined();
  });
});

describe("buildScanReport", () => {
  it("joins results to images and marks images without a result as not scanned", () => {
    const list = {
      images: [
        { image: "a:1", raw: "a:1", ref: {} as never, workload: true, sources: [] },
        { image: "b:1", raw: "b:1", ref: {} as never, workload: false, sources: [] },
      ],
      invalid: [],
      problems: [],
    };
    const report = buildScanReport({ name: "c", version: "1", source: "./c" }, list, [
      {
        image: "a:1",
        status: "ok",
        // As an older result cache holds them: one entry per trivy target, counts of that list.
        vulnerabilities: [
          { id: "CVE-1", pkg: "p", installed: "1", severity: "HIGH", target: "x/go.mod" },
          { id: "CVE-1", pkg: "p", installed: "1", severity: "HIGH", target: "y/go.mod" },
          { id: "CVE-2", pkg: "p", installed: "1", severity: "HIGH", target: "x/go.mod" },
        ],
        counts: { ...zeroCounts(), HIGH: 3 },
      },
    ]);
    expect(report.images.map((i) => [i.image, i.result.status, i.result.error])).toEqual([
      ["a:1", "ok", undefined],
      ["b:1", "error", "not scanned"],
    ]);
    expect(report.summary).toMatchObject({ images: 2, scanned: 1, failed: 1, invalid: 0 });
    expect(report.summary.counts.HIGH).toBe(2);
    expect(report.summary.vulnerabilities).toBe(2);
    expect(report.images[0]!.result.counts.HIGH).toBe(2);
    expect(report.images[0]!.result.vulnerabilities[0]!.targets).toEqual(["x/go.mod", "y/go.mod"]);
  });
});

describe("diffReports", () => {
  it("a vulnerability still present in another image is not removed", () => {
    const before = sampleReport();
    const after = sampleReport();
    // The upgrade drops alpine's LOW finding and moves the CRITICAL one to another image.
    after.images[0]!.result = {
      ...after.images[0]!.result,
      vulnerabilities: after.images[0]!.result.vulnerabilities.filter((v) => v.severity === "CRITICAL"),
    };
    after.chart = { ...after.chart, version: "1.3.0" };
    const d = diffReports(before, after);
    expect(d.images).toEqual({
      added: [],
      removed: [],
      unchanged: ["docker.io/library/alpine:3.19", "docker.io/example/missing:1.0"],
    });
    expect(d.vulnerabilities.removed.map((v) => v.id)).toEqual(["CVE-2024-2"]);
    expect(d.vulnerabilities.added).toEqual([]);
    expect(d.vulnerabilities.unchanged).toBe(1);
    expect(d.failed.map((f) => f.side)).toEqual(["from", "to"]);
    expect(d.to.version).toBe("1.3.0");
  });
});
