import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { shouldColor, visibleLength } from "../../src/report/color.js";
import { formatReport, REPORT_FORMATS } from "../../src/report/format.js";
import { formatJson, reportToJson } from "../../src/report/json.js";
import { formatMarkdown, mdCell } from "../../src/report/markdown.js";
import { reportToSarif } from "../../src/report/sarif.js";
import { formatTable, summaryLine } from "../../src/report/table.js";
import { sampleReport } from "./sample-report.js";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "../../../..");
const require = createRequire(import.meta.url);

function ajv() {
  // unicodeRegExp off: the SARIF schema's `language` pattern is not valid with the u flag.
  return new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
}

describe("table", () => {
  it("prints one row per image, findings most severe first, then the summary line", () => {
    const text = formatTable(sampleReport());
    const lines = text.split("\n");
    expect(lines[0]).toBe("demo 1.2.0 (charts/demo)");
    expect(lines[2]).toMatch(/^IMAGE\s+CRITICAL\s+HIGH\s+MEDIUM\s+LOW\s+UNKNOWN\s+OS\s+ERROR$/);
    expect(lines[3]).toMatch(/^docker\.io\/library\/alpine:3\.19\s+1\s+0\s+0\s+1\s+0\s+alpine 3\.19\.1$/);
    expect(lines[4]).toMatch(
      /^docker\.io\/example\/missing:1\.0\s+-\s+-\s+-\s+-\s+-\s+MANIFEST_UNKNOWN: manifest unknown$/,
    );
    const critical = text.indexOf("CRITICAL  CVE-2024-1");
    const low = text.indexOf("LOW       CVE-2024-2");
    expect(critical).toBeGreaterThan(0);
    expect(low).toBeGreaterThan(critical);
    expect(text).toContain("3.1.4-r6");
    expect(text).toContain("Invalid image references (not scanned)");
    expect(lines.at(-2)).toBe(
      "2 images, 1 scanned, 1 failed, 1 invalid reference; 2 vulnerabilities (1 CRITICAL, 0 HIGH, 0 MEDIUM, 1 LOW, 0 UNKNOWN)",
    );
  });

  it("has no escape codes without colour, and aligned columns with it", () => {
    const plain = formatTable(sampleReport());
    expect(plain).not.toContain("\u001b[");
    const colored = formatTable(sampleReport(), { color: true });
    expect(colored).toContain("\u001b[1;31m");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes start with ESC.
    const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");
    expect(strip(colored)).toBe(plain);
  });

  it("says so when a chart has no image", () => {
    const r = sampleReport();
    r.images = [];
    r.invalid = [];
    r.summary = { ...r.summary, images: 0, scanned: 0, failed: 0, invalid: 0, vulnerabilities: 0 };
    expect(formatTable(r)).toContain("No container images found in the rendered chart.");
  });

  it("summary line uses singulars", () => {
    const s = sampleReport().summary;
    expect(summaryLine({ ...s, images: 1, failed: 0, invalid: 0, vulnerabilities: 1 })).toMatch(
      /^1 image, 1 scanned; 1 vulnerability \(/,
    );
  });
});

describe("colour decision", () => {
  it("colours only a TTY, never with NO_COLOR or --no-color", () => {
    expect(shouldColor(true, {})).toBe(true);
    expect(shouldColor(false, {})).toBe(false);
    expect(shouldColor(true, { NO_COLOR: "1" })).toBe(false);
    expect(shouldColor(true, { NO_COLOR: "" })).toBe(true);
    expect(shouldColor(true, {}, true)).toBe(false);
    expect(visibleLength("\u001b[31mabc\u001b[0m")).toBe(3);
  });
});

describe("JSON", () => {
  it("validates against docs/report.schema.json", () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, "docs/report.schema.json"), "utf8"));
    const validate = ajv().compile(schema);
    const doc = JSON.parse(formatJson(sampleReport(), { toolVersion: "9.9.9" }));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it("the schema rejects what the contract forbids", () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, "docs/report.schema.json"), "utf8"));
    const validate = ajv().compile(schema);
    const doc = reportToJson(sampleReport()) as unknown as Record<string, unknown>;
    expect(validate({ ...doc, schemaVersion: 2 })).toBe(false);
    expect(validate({ ...doc, extra: 1 })).toBe(false);
  });

  it("keeps the documented key order and sorts findings", () => {
    const doc = reportToJson(sampleReport(), { toolVersion: "1.0.0" });
    expect(Object.keys(doc)).toEqual([
      "schemaVersion",
      "tool",
      "chart",
      "trivyVersion",
      "images",
      "invalid",
      "summary",
    ]);
    expect(doc.images[0]!.vulnerabilities.map((v) => v.id)).toEqual(["CVE-2024-1", "CVE-2024-2"]);
    expect(doc.images[1]).toMatchObject({ status: "error", error: "MANIFEST_UNKNOWN: manifest unknown" });
    expect(doc.invalid[0]).toMatchObject({ raw: "repo:", invalid: true, reason: "invalid reference format" });
    expect(doc.tool).toEqual({ name: "helm-trivy", version: "1.0.0" });
  });
});

describe("SARIF", () => {
  const schemaPath = (() => {
    try {
      return require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
    } catch {
      return undefined;
    }
  })();

  it.skipIf(!schemaPath)("is valid against the official SARIF 2.1.0 schema", () => {
    const schema = JSON.parse(readFileSync(schemaPath!, "utf8"));
    // The shipped schema is draft-04; it uses no keyword whose meaning changed since, except the
    // schema's own `id` (now `$id`), so Ajv's default draft validates it as written.
    expect(schema.$schema).toBe("http://json-schema.org/draft-04/schema#");
    schema.$id = schema.id;
    delete schema.id;
    delete schema.$schema;
    const validate = ajv().compile(schema);
    const doc = reportToSarif(sampleReport(), { toolVersion: "1.0.0", artifactRoot: "charts/demo" });
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    // With the template sources: real lines, logical locations and their messages.
    const withLines = reportToSarif(sampleReport(), {
      toolVersion: "1.0.0",
      artifactRoot: "charts/demo",
      templateText: (t) => (t === "demo/templates/deployment.yaml" ? "kind: Pod\nspec:\n  image: x\n" : undefined),
    }) as { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(withLines.runs[0]!.results[0]!.locations.map((l) => l.physicalLocation.region.startLine)).toEqual([3, 1]);
    expect(validate(withLines), JSON.stringify(validate.errors)).toBe(true);
    // The check has teeth: a wrong version or a result without a message is refused.
    expect(validate({ ...doc, version: "2.0.0" })).toBe(false);
    const runs = (doc as { runs: { results: Record<string, unknown>[] }[] }).runs;
    const broken = structuredClone(doc) as typeof doc & { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0]!.results[0]!.message;
    expect(runs[0]!.results[0]!.message).toBeDefined();
    expect(validate(broken)).toBe(false);
  });

  it("locates each finding at the templates that bring the image, below the chart directory", () => {
    const doc = reportToSarif(sampleReport(), { artifactRoot: "./charts/demo/" }) as {
      runs: {
        results: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
        tool: { driver: { rules: { id: string; properties: Record<string, unknown> }[] } };
        invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[];
      }[];
    };
    const run = doc.runs[0]!;
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ["CVE-2024-1", "error"],
      ["CVE-2024-2", "note"],
      ["helm-trivy/invalid-image-reference", "error"],
    ]);
    expect(run.results[0]!.locations.map((l) => l.physicalLocation.artifactLocation.uri)).toEqual([
      "charts/demo/templates/deployment.yaml",
      "charts/demo/charts/sub/templates/job.yaml",
    ]);
    expect(run.tool.driver.rules[0]!.properties["security-severity"]).toBe("9.5");
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(run.invocations[0]!.toolExecutionNotifications).toHaveLength(1);
  });
});

describe("Markdown", () => {
  it("escapes table cells", () => {
    expect(mdCell("a|b\nc <x>")).toBe("a\\|b c \\<x\\>");
  });

  it("has an image table, collapsible findings and the summary", () => {
    const md = formatMarkdown(sampleReport());
    expect(md).toContain("## helm-trivy: demo 1.2.0");
    expect(md).toContain("| `docker.io/library/alpine:3.19` | 1 | 0 | 0 | 1 | 0 | alpine 3.19.1 | scanned |");
    expect(md).toContain("error: MANIFEST\\_UNKNOWN: manifest unknown");
    expect(md).toContain("<details><summary><code>docker.io/library/alpine:3.19</code>: 2 vulnerabilities</summary>");
    expect(md).toContain("| CRITICAL | [CVE-2024-1](https://avd.aquasec.com/nvd/cve-2024-1) | libssl3 |");
    expect(md).toContain("musl \\| issue");
    expect(md.trimEnd().split("\n").at(-1)).toMatch(/^\*\*Summary:\*\* 2 images/);
  });
});

describe("formatReport", () => {
  it("dispatches every format", () => {
    for (const f of REPORT_FORMATS) expect(formatReport(sampleReport(), f).length).toBeGreaterThan(100);
  });
});
