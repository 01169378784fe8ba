import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTrivyReport } from "../../src/scan/parse-report.js";
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

  it("node-app: no OS, duplicate findings in two paths are both kept, secrets ignored", () => {
    const r = parsed(canned("node-app"));
    expect(r.os).toBeUndefined();
    expect(r.counts.HIGH).toBe(2);
    expect(r.vulnerabilities).toHaveLength(2);
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

/** Severity counts from the raw JSON, walked independently of the parser. */
function rawCounts(doc: { Results?: { Vulnerabilities?: { Severity: string }[] }[] }): Record<string, number> {
  const counts: Record<string, number> = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
  for (const result of doc.Results ?? []) {
    for (const v of result.Vulnerabilities ?? []) counts[v.Severity in counts ? v.Severity : "UNKNOWN"]!++;
  }
  return counts;
}

describe.skipIf(corpusFiles.length === 0)("parseTrivyReport on real trivy reports (../shared/corpus)", () => {
  it("finds the corpus", () => expect(corpusFiles.length).toBeGreaterThan(15));
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
