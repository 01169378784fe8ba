import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countBySeverity, parseTrivyReport, uniqueVulnerabilities } from "../../src/scan/parse-report.js";
import type { Vulnerability } from "../../src/scan/types.js";
import { repoRoot, reportsDir } from "./stand-in.js";

const canned = (name: string) => readFileSync(join(reportsDir, `${name}.json`), "utf8");

function parsed(text: string) {
  const outcome = parseTrivyReport(text);
  if (!outcome.ok) throw new Error(`expected a report, got: ${outcome.error}`);
  return outcome.report;
}

describe("parseTrivyReport on each canned report shape", () => {
  it("alpine: every field of a vulnerability, one per severity, OS from Metadata", () => {
    const r = parsed(canned("alpine"));
    expect(r.os).toBe("alpine 3.19.1");
    expect(r.counts).toEqual({ CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 1, UNKNOWN: 0 });
    expect(r.vulnerabilities[0]).toEqual({
      id: "CVE-2024-90001",
      pkg: "libcrypto3",
      installed: "3.1.4-r5",
      fixed: "3.1.4-r6",
      severity: "CRITICAL",
      title: "openssl: fixture heap overflow in certificate parsing",
      url: "https://avd.aquasec.com/nvd/cve-2024-90001",
      target: "registry.example/library/alpine:3.19.1 (alpine 3.19.1)",
      targets: ["registry.example/library/alpine:3.19.1 (alpine 3.19.1)"],
      status: "fixed",
    });
    // No FixedVersion in the report: no `fixed` key at all, not an empty string.
    expect(r.vulnerabilities[3]).not.toHaveProperty("fixed");
    expect(r.vulnerabilities[3]!.status).toBe("affected");
  });

  it("clean: no Results key is a clean scan, not an error", () => {
    const r = parsed(canned("clean"));
    expect(r.os).toBe("alpine 3.20.3");
    expect(r.vulnerabilities).toEqual([]);
    expect(r.counts).toEqual({ CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 });
  });

  it("os-only: a Result without Vulnerabilities", () => {
    const r = parsed(canned("os-only"));
    expect(r.os).toBe("slem 5.4");
    expect(r.vulnerabilities).toEqual([]);
  });

  it("debian-app: several Result classes, unknown fields, unknown severities folded to UNKNOWN", () => {
    const r = parsed(canned("debian-app"));
    expect(r.os).toBe("debian 12.5");
    expect(r.counts).toEqual({ CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 1, UNKNOWN: 2 });
    expect(r.vulnerabilities.map((v) => v.target)).toEqual([
      "registry.example/apps/debian-app:2.3.0 (debian 12.5)",
      "registry.example/apps/debian-app:2.3.0 (debian 12.5)",
      "registry.example/apps/debian-app:2.3.0 (debian 12.5)",
      "Java",
      "Java",
    ]);
    expect(r.vulnerabilities.find((v) => v.id === "CVE-2024-91005")!.severity).toBe("UNKNOWN");
    expect(r.vulnerabilities.find((v) => v.id === "CVE-2024-91002")!.status).toBe("will_not_fix");
  });

  it("node-app: no OS, one finding for the package found at two paths of one target, secrets ignored", () => {
    const r = parsed(canned("node-app"));
    expect(r.os).toBeUndefined();
    expect(r.counts.HIGH).toBe(1);
    expect(r.vulnerabilities).toHaveLength(1);
    expect(r.vulnerabilities[0]).toMatchObject({ id: "CVE-2024-92001", target: "Node.js", targets: ["Node.js"] });
  });
});

describe("parseTrivyReport on what is not a report", () => {
  it.each([
    ["", "trivy printed no report"],
    ["<html>502 Bad Gateway</html>", 'trivy output is not JSON: "<html>502 Bad Gateway</html>"'],
    ["[]", "trivy report is not a JSON object (trivy older than 0.20?)"],
    ['{"SchemaVersion": 1}', "unsupported trivy report SchemaVersion 1"],
    ["{}", "unsupported trivy report SchemaVersion null"],
    ['{"SchemaVersion": 2, "Results": {}}', "trivy report Results is not a list"],
  ])("%j -> %s", (text, error) => {
    expect(parseTrivyReport(text)).toEqual({ ok: false, error });
  });

  it("shortens long garbage in the message", () => {
    const outcome = parseTrivyReport(`x${"y".repeat(500)}`);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.length).toBeLessThan(100);
  });

  it("tolerates nulls and odd entries where trivy omits things", () => {
    const r = parsed(
      JSON.stringify({
        SchemaVersion: 2,
        Metadata: { OS: { Family: "alpine" } },
        Results: [null, { Target: "t", Vulnerabilities: null }, { Vulnerabilities: [1, { VulnerabilityID: "X" }] }],
      }),
    );
    expect(r.os).toBe("alpine");
    expect(r.vulnerabilities).toEqual([{ id: "X", pkg: "", installed: "", severity: "UNKNOWN" }]);
  });
});

// Real trivy output from trivy's own integration tests, read in place (never copied).
const corpus = join(repoRoot, "..", "shared", "corpus", "trivy-reports");
const corpusFiles = existsSync(corpus)
  ? readdirSync(corpus).filter((f) => f.endsWith(".json.golden") || f.endsWith(".json"))
  : [];
if (corpusFiles.length === 0) console.warn(`skipping real trivy reports: ${corpus} not found`);

interface RawVuln {
  VulnerabilityID: string;
  PkgName: string;
  InstalledVersion: string;
  Severity: string;
}

/**
 * Severity counts from the raw JSON, walked independently of the parser: one finding per
 * (id, package, installed version), at its most severe severity across targets.
 */
function rawCounts(doc: { Results?: { Vulnerabilities?: RawVuln[] }[] }): Record<string, number> {
  const order = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"];
  const unique = new Map<string, number>();
  for (const result of doc.Results ?? []) {
    for (const v of result.Vulnerabilities ?? []) {
      const key = `${v.VulnerabilityID}\u0000${v.PkgName}\u0000${v.InstalledVersion}`;
      const rank = order.includes(v.Severity) ? order.indexOf(v.Severity) : 4;
      unique.set(key, Math.min(rank, unique.get(key) ?? 4));
    }
  }
  const counts: Record<string, number> = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
  for (const rank of unique.values()) counts[order[rank]!]!++;
  return counts;
}

describe.skipIf(corpusFiles.length === 0)("parseTrivyReport on real trivy reports (../shared/corpus)", () => {
  it("finds the corpus", () => expect(corpusFiles.length).toBeGreaterThan(15));
  it.skipIf(!corpusFiles.includes("gomod.json.golden"))(
    "gomod: one advisory in three go.mod files is one finding",
    () => {
      const r = parsed(readFileSync(join(corpus, "gomod.json.golden"), "utf8"));
      const gms = r.vulnerabilities.filter((v) => v.id === "GMS-2022-20");
      expect(gms).toHaveLength(1);
      expect(gms[0]!.targets).toEqual(["go.mod", "submod/go.mod", "submod2/go.mod"]);
      expect(gms[0]!.target).toBe("go.mod");
      expect(r.counts).toEqual({ CRITICAL: 0, HIGH: 0, MEDIUM: 1, LOW: 0, UNKNOWN: 2 });
    },
  );
  for (const file of corpusFiles) {
    it(file, () => {
      const text = readFileSync(join(corpus, file), "utf8");
      const raw = JSON.parse(text);
      const outcome = parseTrivyReport(text);
      if (raw.SchemaVersion !== 2) {
        // CycloneDX / SARIF documents are not trivy JSON reports: a clean error, never a crash.
        expect(outcome.ok).toBe(false);
        return;
      }
      if (!outcome.ok) throw new Error(outcome.error);
      expect(outcome.report.counts).toEqual(rawCounts(raw));
      const total = Object.values(rawCounts(raw)).reduce((a, b) => a + b, 0);
      expect(outcome.report.vulnerabilities).toHaveLength(total);
      const os = raw.Metadata?.OS;
      // Family "none" is trivy's placeholder for "no OS detected".
      const expectedOs = os && os.Family !== "none" ? [os.Family, os.Name].filter(Boolean).join(" ") : undefined;
      expect(outcome.report.os).toBe(expectedOs);
      for (const v of outcome.report.vulnerabilities) {
        expect(v.id).not.toBe("");
        expect(v.pkg).not.toBe("");
        expect(v.installed).not.toBe("");
      }
    });
  }
});

describe("one finding per (id, package, installed version) of an image", () => {
  const report = (results: unknown[]) => JSON.stringify({ SchemaVersion: 2, Results: results });
  const vuln = (id: string, pkg: string, installed: string, extra: Record<string, string> = {}) => ({
    VulnerabilityID: id,
    PkgName: pkg,
    InstalledVersion: installed,
    Severity: "HIGH",
    ...extra,
  });

  it("the same CVE of the same package in two targets is one vulnerability with both targets, counted once", () => {
    const r = parsed(
      report([
        {
          Target: "app/package-lock.json",
          Vulnerabilities: [vuln("CVE-1", "lodash", "4.17.20"), vuln("CVE-2", "x", "1")],
        },
        {
          Target: "lib/package-lock.json",
          Vulnerabilities: [vuln("CVE-1", "lodash", "4.17.20", { FixedVersion: "4.17.21" })],
        },
      ]),
    );
    expect(r.vulnerabilities).toEqual([
      {
        id: "CVE-1",
        pkg: "lodash",
        installed: "4.17.20",
        severity: "HIGH",
        fixed: "4.17.21",
        target: "app/package-lock.json",
        targets: ["app/package-lock.json", "lib/package-lock.json"],
      },
      {
        id: "CVE-2",
        pkg: "x",
        installed: "1",
        severity: "HIGH",
        target: "app/package-lock.json",
        targets: ["app/package-lock.json"],
      },
    ]);
    expect(r.counts).toEqual({ CRITICAL: 0, HIGH: 2, MEDIUM: 0, LOW: 0, UNKNOWN: 0 });
  });

  it("another installed version or another package stays a separate finding", () => {
    const r = parsed(
      report([
        { Target: "a", Vulnerabilities: [vuln("CVE-1", "lodash", "4.17.20"), vuln("CVE-1", "lodash", "4.17.19")] },
        { Target: "b", Vulnerabilities: [vuln("CVE-1", "lodash-es", "4.17.20")] },
      ]),
    );
    expect(r.vulnerabilities.map((v) => [v.pkg, v.installed, v.targets])).toEqual([
      ["lodash", "4.17.20", ["a"]],
      ["lodash", "4.17.19", ["a"]],
      ["lodash-es", "4.17.20", ["b"]],
    ]);
    expect(r.counts.HIGH).toBe(3);
  });

  it("copies that disagree on severity keep the most severe", () => {
    const r = parsed(
      report([
        { Target: "a", Vulnerabilities: [vuln("CVE-1", "p", "1", { Severity: "LOW" })] },
        { Target: "b", Vulnerabilities: [vuln("CVE-1", "p", "1", { Severity: "CRITICAL" })] },
      ]),
    );
    expect(r.vulnerabilities).toHaveLength(1);
    expect(r.vulnerabilities[0]!.severity).toBe("CRITICAL");
    expect(r.counts).toEqual({ CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 });
  });

  it("is idempotent and takes the one-entry-per-target lists older caches hold", () => {
    const old: Vulnerability[] = [
      { id: "CVE-1", pkg: "p", installed: "1", severity: "HIGH", target: "a" },
      { id: "CVE-1", pkg: "p", installed: "1", severity: "HIGH", target: "b" },
      { id: "CVE-1", pkg: "p", installed: "1", severity: "HIGH", target: "a" },
      { id: "CVE-3", pkg: "q", installed: "2", severity: "LOW" },
    ];
    const once = uniqueVulnerabilities(old);
    expect(once).toEqual([
      { id: "CVE-1", pkg: "p", installed: "1", severity: "HIGH", target: "a", targets: ["a", "b"] },
      { id: "CVE-3", pkg: "q", installed: "2", severity: "LOW" },
    ]);
    expect(uniqueVulnerabilities(once)).toEqual(once);
    expect(countBySeverity(once)).toEqual({ CRITICAL: 0, HIGH: 1, MEDIUM: 0, LOW: 1, UNKNOWN: 0 });
    // The input is left as it was.
    expect(old[0]).toEqual({ id: "CVE-1", pkg: "p", installed: "1", severity: "HIGH", target: "a" });
  });
});
