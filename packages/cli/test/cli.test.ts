import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { built, freshCacheHome, repoRoot, run, stubTrivy } from "./helpers.js";

const cacheHome = freshCacheHome();
const T = ["--trivy-path", stubTrivy];
const cli = (args: string[], env?: NodeJS.ProcessEnv) => run(args, { cacheHome, ...(env ? { env } : {}) });
const rel = "fixtures/charts/demo";

describe.skipIf(!built)("helm-trivy scan (default command)", () => {
  it("prints the table and exits 0 with nothing on stderr when stderr is not a terminal", () => {
    const r = cli([rel, ...T]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("demo 1.2.0 (fixtures/charts/demo)");
    expect(r.stdout).toMatch(/registry\.example\/library\/alpine:3\.19\.1\s+1\s+1\s+1\s+1\s+0\s+alpine 3\.19\.1/);
    expect(r.stdout).toMatch(/CRITICAL\s+CVE-2024-90001\s+libcrypto3\s+3\.1\.4-r5\s+3\.1\.4-r6/);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe(
      // node-app's advisory at two package paths is one finding.
      "4 images, 4 scanned; 10 vulnerabilities (2 CRITICAL, 3 HIGH, 1 MEDIUM, 2 LOW, 2 UNKNOWN)",
    );
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("`scan CHART` is the same as `CHART`", () => {
    expect(cli(["scan", rel, ...T]).stdout).toBe(cli([rel, ...T]).stdout);
  });

  it("-o json / --json / the original -json print one JSON document", () => {
    for (const flags of [["-o", "json"], ["--json"], ["-json"]]) {
      const r = cli([rel, ...T, ...flags]);
      expect(r.status).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.schemaVersion).toBe(1);
      expect(doc.chart).toEqual({ name: "demo", version: "1.2.0", appVersion: "2.3.0", source: rel });
      expect(doc.images.map((i: { image: string }) => i.image)).toEqual([
        "registry.example/apps/debian-app:2.3.0",
        "registry.example/apps/node-app:1.4.2",
        "registry.example/library/alpine:3.19.1",
        "registry.example/tools/os-only:5.4",
      ]);
      expect(doc.summary.counts).toEqual({ CRITICAL: 2, HIGH: 3, MEDIUM: 1, LOW: 2, UNKNOWN: 2 });
      expect(doc.trivyVersion).toBe("0.58.1");
    }
  });

  it("-o sarif locates findings at the chart's templates", () => {
    const r = cli([rel, ...T, "-o", "sarif"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe("2.1.0");
    const results = doc.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
    expect(results).toHaveLength(10);
    const alpine = results.find((x) => x.ruleId === "CVE-2024-90001")!;
    expect(alpine.locations.map((l) => l.physicalLocation.artifactLocation.uri)).toEqual([
      "fixtures/charts/demo/templates/deployment.yaml",
      "fixtures/charts/demo/templates/worker.yaml",
    ]);
  });

  it("-o markdown", () => {
    const r = cli([rel, ...T, "-o", "markdown"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("## helm-trivy: demo 1.2.0");
    expect(r.stdout).toContain("| `registry.example/tools/os-only:5.4` | 0 | 0 | 0 | 0 | 0 | slem 5.4 | scanned |");
  });

  it("--fail-on: 1 at or above the threshold, 0 below it", () => {
    expect(cli([rel, ...T, "--fail-on", "critical"]).status).toBe(1);
    expect(cli([rel, ...T, "--fail-on", "HIGH", "--severity", "LOW,MEDIUM"]).status).toBe(0);
    const r = cli([
      rel,
      ...T,
      "--fail-on",
      "LOW",
      "--set",
      "sidecar.enabled=false",
      "--set",
      "worker.enabled=false",
      "--set",
      "image.repository=tools/clean",
      "--set",
      "image.tag=1",
    ]);
    expect(r.stdout).toContain("0 vulnerabilities");
    expect(r.status).toBe(0);
  });

  it("--severity and --ignore-unfixed reach trivy", () => {
    const doc = JSON.parse(cli([rel, ...T, "--json", "--severity", "CRITICAL", "--ignore-unfixed"]).stdout);
    expect(doc.summary.counts).toEqual({ CRITICAL: 2, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 });
  });

  it("an image trivy cannot scan: its row says why, the others are reported, status 4", () => {
    const r = cli([rel, ...T, "--set", "sidecar.image=registry.example/library/missing-thing:1.0"]);
    expect(r.status).toBe(4);
    expect(r.stdout).toMatch(/registry\.example\/library\/missing-thing:1\.0\s+-\s+-\s+-\s+-\s+-\s+Fatal error/);
    expect(r.stdout).toMatch(
      /\nScan errors\n {2}registry\.example\/library\/missing-thing:1\.0: .*MANIFEST_UNKNOWN: manifest unknown\n/,
    );
    expect(r.stdout).toContain("4 images, 3 scanned, 1 failed");
    // A definite finding at --fail-on wins over an incomplete scan.
    expect(
      cli([rel, ...T, "--set", "sidecar.image=registry.example/library/missing-thing:1.0", "--fail-on", "high"]).status,
    ).toBe(1);
  });

  it("--output-file writes the report atomically and prints nothing on stdout", () => {
    const dir = mkdtempSync(join(tmpdir(), "helm-trivy-out-"));
    const file = join(dir, "report.json");
    const r = cli([rel, ...T, "-o", "json", "--output-file", file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(file, "utf8")).schemaVersion).toBe(1);
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });

  it("--output-file leaves no file when the run fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "helm-trivy-out-"));
    const file = join(dir, "report.json");
    const r = cli(["fixtures/charts/render-badyaml", ...T, "--output-file", file]);
    expect(r.status).toBe(3);
    expect(readdirSync(dir)).toEqual([]);
    const r2 = cli([rel, ...T, "--output-file", join(dir, "no/such/dir/r.txt")]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/^Error: cannot write .*ENOENT; check that the directory exists and is writable\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("--version after a chart selects the chart version (ignored for a local chart, like Helm)", () => {
    const r = cli([rel, "--version", "1.2.3", ...T]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("demo 1.2.0");
  });

  it("--trivyargs are split like a shell and passed to trivy", () => {
    const log = join(mkdtempSync(join(tmpdir(), "helm-trivy-log-")), "argv.log");
    const r = cli([rel, ...T, "--no-cache", "--trivyargs", "--platform 'linux/arm64'"], { TRIVY_STUB_LOG: log });
    expect(r.status).toBe(0);
    const scans = readFileSync(log, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .filter((e) => e.argv?.[0] === "image" && e.argv.includes("--format"));
    expect(scans).toHaveLength(4);
    for (const s of scans) expect(s.argv.join(" ")).toContain("--platform linux/arm64");
  });
});

describe.skipIf(!built)("errors and exit statuses", () => {
  it("usage errors: status 2 and one Error line", () => {
    const r = cli([rel, "--bogus"]);
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("Error: unknown flag: --bogus");
    const r2 = cli([rel, ...T, "--fail-on", "severe"]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toBe('Error: invalid --fail-on "severe": use CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN\n');
    expect(cli([rel, "-o", "xml"]).status).toBe(2);
    expect(cli(["images"]).status).toBe(2);
  });

  it("a chart path that does not exist: status 12 with Helm's text", () => {
    const r = cli(["./no-such-chart", ...T]);
    expect(r.status).toBe(12);
    expect(r.stderr).toBe('Error: path "./no-such-chart" not found\n');
  });

  it("an unknown repository: status 10", () => {
    const r = cli(["nosuchrepo/app", ...T]);
    expect(r.status).toBe(10);
    expect(r.stderr).toMatch(/^Error: repo nosuchrepo not found\b.*\n$/);
    expect(r.stderr.split("\n")).toHaveLength(2);
  });

  it("a chart that does not render: status 3, Helm's message, no stack trace", () => {
    const r = cli(["fixtures/charts/render-badyaml", ...T]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^Error: YAML parse error on render-badyaml\//);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });

  it("--debug adds the stack trace", () => {
    const r = cli(["fixtures/charts/render-badyaml", ...T, "--debug"]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it("a values file that does not exist: status 3 with Go's text", () => {
    const r = cli([rel, ...T, "-f", "nope.yaml"]);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe("Error: open nope.yaml: no such file or directory\n");
  });

  it("trivy missing: status 4 and what to do", () => {
    const r = cli([rel, "--trivy-path", "/nonexistent/trivy"]);
    expect(r.status).toBe(4);
    expect(r.stderr.split("\n")).toHaveLength(2);
    expect(r.stderr).toMatch(/^Error: .*trivy/);
  });
});

describe.skipIf(!built)("top level", () => {
  it("--version alone prints the tool version", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "packages/cli/package.json"), "utf8"));
    const r = cli(["--version"]);
    expect(r).toMatchObject({ status: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("--help for the program and each command", () => {
    const top = cli(["--help"]);
    expect(top.status).toBe(0);
    for (const c of ["scan", "images", "template", "diff"]) expect(top.stdout).toContain(c);
    for (const c of ["scan", "images", "template", "diff"]) {
      const r = cli([c, "--help"]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: helm-trivy ${c} `));
    }
    expect(cli(["scan", "--help"]).stdout).toContain("--fail-on <severity>");
  });
});

describe.skipIf(!built)("helm-trivy images", () => {
  it("prints one image a line by default (what Chart.yaml's annotation does not list: on stderr)", () => {
    const r = cli(["images", rel]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      [
        "registry.example/apps/node-app:1.4.2",
        "registry.example/library/alpine:3.19.1",
        "registry.example/tools/os-only:5.4",
      ]
        .map((i) => `note: Chart.yaml's artifacthub.io/images annotation: only in the render: ${i}\n`)
        .join(""),
    );
    expect(r.stdout).toBe(
      [
        "registry.example/apps/debian-app:2.3.0",
        "registry.example/apps/node-app:1.4.2",
        "registry.example/library/alpine:3.19.1",
        "registry.example/tools/os-only:5.4",
        "",
      ].join("\n"),
    );
  });

  it("--values-set adds each ci/*-values.yaml render and tells which set brings each image", () => {
    const r = cli(["images", rel, "--values-set", "-o", "json"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { image: string; valueSets: string[] }[];
    expect(doc.map((i) => [i.image, i.valueSets])).toEqual([
      ["registry.example/apps/debian-app:2.3.0", ["default", "ci/minimal-values.yaml"]],
      ["registry.example/apps/node-app:1.4.2", ["default"]],
      // Still named by the worker's HELPER_IMAGE variable when the sidecar is off.
      ["registry.example/library/alpine:3.19.1", ["default", "ci/minimal-values.yaml"]],
      ["registry.example/tools/clean:1.0", ["ci/minimal-values.yaml"]],
      ["registry.example/tools/os-only:5.4", ["default", "ci/minimal-values.yaml"]],
    ]);
  });

  it("honours HELM_NAMESPACE like helm does", () => {
    const doc = JSON.parse(cli(["images", rel, "-o", "json"], { HELM_NAMESPACE: "team-a" }).stdout);
    expect(doc.length).toBe(4);
  });
});

describe.skipIf(!built)("helm-trivy diff", () => {
  function upgradedDemo(): string {
    const dir = mkdtempSync(join(tmpdir(), "helm-trivy-diff-"));
    cpSync(join(repoRoot, rel), join(dir, "demo"), { recursive: true });
    const chartYaml = join(dir, "demo/Chart.yaml");
    writeFileSync(chartYaml, readFileSync(chartYaml, "utf8").replace("version: 1.2.0", "version: 1.3.0"));
    const values = join(dir, "demo/values.yaml");
    writeFileSync(
      values,
      readFileSync(values, "utf8").replace(
        "registry.example/library/alpine:3.19.1",
        "registry.example/tools/clean:2.0",
      ),
    );
    return join(dir, "demo");
  }

  it("says which images and vulnerabilities an upgrade adds and removes", () => {
    const next = upgradedDemo();
    const r = cli(["diff", rel, next, ...T]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("demo 1.2.0 -> demo 1.3.0");
    expect(r.stdout).toContain("  - registry.example/library/alpine:3.19.1\n");
    expect(r.stdout).toContain("  + registry.example/tools/clean:2.0\n");
    expect(r.stdout).toMatch(/-\s+CRITICAL\s+CVE-2024-90001\s+libcrypto3/);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe(
      "1 image(s) added, 1 removed; 0 vulnerabilities added, 4 removed, 6 unchanged",
    );
    const json = JSON.parse(cli(["diff", rel, next, ...T, "-o", "json"]).stdout);
    expect(json.vulnerabilities.removed.map((v: { id: string }) => v.id)).toEqual([
      "CVE-2024-90001",
      "CVE-2024-90002",
      "CVE-2024-90003",
      "CVE-2024-90004",
    ]);
    // Reversed, the upgrade adds a CRITICAL: --fail-on sees it.
    expect(cli(["diff", next, rel, ...T, "--fail-on", "critical"]).status).toBe(1);
  });

  it("needs two charts or both versions", () => {
    const r = cli(["diff", rel, ...T]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "Error: diff needs two charts (diff OLD NEW) or one chart with --from-version and --to-version\n",
    );
  });
});

describe.skipIf(!built)("images agree with Helm 4.1.4's own render", () => {
  // Fixtures from scripts/cli/gen-fixtures.mjs (helm template of the demo chart).
  const fixture = (name: string) => readFileSync(join(repoRoot, "packages/cli/test/fixtures", name), "utf8");
  const core = async () =>
    (await import(join(repoRoot, "packages/core/dist/images/index.js"))) as typeof import("@helm-trivy/core");

  for (const [file, args] of [
    ["demo.helm-template.yaml", []],
    ["demo-ci-minimal.helm-template.yaml", ["-f", `${rel}/ci/minimal-values.yaml`]],
    ["demo-set.helm-template.yaml", ["--set", "sidecar.enabled=false", "--namespace", "prod", "--release-name", "x"]],
  ] as const) {
    it(`images ${args.join(" ") || "(defaults)"} = the images of helm template`, async () => {
      const { extractImages, imagesJsonText } = await core();
      const r = cli(["images", rel, ...args, "-o", "json"]);
      expect(r.status).toBe(0);
      // The demo chart has an artifacthub.io/images annotation: every entry says if it lists it.
      const ours = JSON.parse(r.stdout) as { annotated?: unknown }[];
      for (const i of ours) {
        expect(typeof i.annotated).toBe("boolean");
        delete i.annotated;
      }
      expect(ours).toEqual(JSON.parse(imagesJsonText(extractImages(fixture(file)))));
    });
  }
});
