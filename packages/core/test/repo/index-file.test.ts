import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { HelmTrivyError } from "../../src/errors.js";
import { findChartVersion } from "../../src/repo/chart-repository.js";
import { IndexParseError, RepoIndex } from "../../src/repo/index-file.js";
import { scanIndexLayout } from "../../src/repo/index-scan.js";
import { resolveReferenceUrl } from "../../src/repo/url.js";
import { effectiveVersion } from "../../src/repo/versions.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const helmIndex = readFileSync(path.join(root, "fixtures/repo/helm/index.yaml"), "utf8");
interface Sel {
  version: string;
  devel: boolean;
  picked?: string;
  error?: string;
}
const selections = JSON.parse(readFileSync(path.join(root, "fixtures/repo/helm/selection.json"), "utf8")) as Sel[];

describe("index.yaml parsing", () => {
  it("takes the fast path on Helm's own layout and lists versions newest first", () => {
    expect(scanIndexLayout(helmIndex)).toBeDefined();
    const idx = RepoIndex.parse(helmIndex);
    expect(idx.apiVersion).toBe("v1");
    expect(idx.chartNames()).toEqual(["demo"]);
    expect(idx.versions("demo").map((v) => v.version)).toEqual([
      "3.0.0-rc.1",
      "2.0.0+build.5",
      "2.0.0-beta.1",
      "1.10.0",
      "1.2.0",
      "1.1.0",
      "1.0.0",
      "0.9.0",
    ]);
    expect(idx.versions("demo")[0]?.appVersion).toBe("2.0");
    expect(idx.versions("nothing")).toEqual([]);
  });

  it("gives the same entries through the fast path, JSON and the full YAML parser", () => {
    const fast = RepoIndex.parse(helmIndex).versions("demo");
    const asJson = JSON.stringify({
      apiVersion: "v1",
      entries: { demo: fast.map((v) => ({ ...v, urls: [...v.urls] })) },
    });
    expect(RepoIndex.parse(asJson).versions("demo")).toEqual(fast);
    const flow = helmIndex.replace("entries:\n", "entries:\n  # a comment\n").replace(/^generated:.*$/m, "---");
    expect(scanIndexLayout(flow)).toBeUndefined();
  });

  it("keeps string-typed fields as written (version 1.10 is not the float 1.1)", () => {
    const idx = RepoIndex.parse("apiVersion: v1\nentries:\n  x:\n  - name: x\n    version: 1.10\n    urls: [x.tgz]\n");
    expect(idx.versions("x").map((v) => v.version)).toEqual(["1.10"]);
  });

  it("drops entries that fail validation, as Helm's loadIndex does", () => {
    const idx = RepoIndex.parse(
      "apiVersion: v1\nentries:\n  x:\n  - name: x\n    version: notsemver\n  - name: x\n    version: 1.0.0\n  - ~\n  - version: 2.0.0\n",
    );
    expect(idx.versions("x").map((v) => v.version)).toEqual(["1.0.0"]);
  });

  it("rejects what Helm rejects", () => {
    expect(() => RepoIndex.parse("")).toThrow("empty index.yaml file");
    expect(() => RepoIndex.parse("entries:\n  x: []\n")).toThrow("no API version specified");
    expect(() => RepoIndex.parse("<html>\n<body>: : :\n  - [")).toThrow(IndexParseError);
  });

  it("reports a broken chart slice when that chart is read", () => {
    const idx = RepoIndex.parse(
      'apiVersion: v1\nentries:\n  ok:\n  - name: ok\n    version: 1.0.0\n  bad:\n  - name: "bad\n',
    );
    expect(idx.versions("ok").map((v) => v.version)).toEqual(["1.0.0"]);
    expect(() => idx.versions("bad")).toThrow(IndexParseError);
  });
});

describe("version selection (expectations from `helm show chart --repo` of Helm 4.1.4)", () => {
  const idx = RepoIndex.parse(helmIndex);
  it.each(selections.map((s) => [`${s.version || "(none)"}${s.devel ? " --devel" : ""}`, s] as const))(
    "%s",
    (_name, s) => {
      const v = effectiveVersion(s.version, s.devel);
      if (s.picked !== undefined) {
        expect(findChartVersion(idx, "demo", v, { repoUrl: "URL" }).version).toBe(s.picked);
      } else {
        let err: unknown;
        try {
          findChartVersion(idx, "demo", v, { repoUrl: "URL" });
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(HelmTrivyError);
        // Helm's text, then our list of what is available.
        expect(`Error: ${(err as Error).message}`.startsWith(s.error as string)).toBe(true);
        expect((err as Error).message).toContain(": newest available: 3.0.0-rc.1, 2.0.0+build.5,");
      }
    },
  );
});

describe("chart URL resolution (repo.ResolveReferenceURL)", () => {
  it.each([
    ["https://h/charts", "demo-1.0.0.tgz", "https://h/charts/demo-1.0.0.tgz"],
    ["https://h/charts/", "demo-1.0.0.tgz", "https://h/charts/demo-1.0.0.tgz"],
    ["https://h/charts?token=1", "sub/demo.tgz", "https://h/charts/sub/demo.tgz?token=1"],
    ["https://h/charts", "https://cdn/x.tgz", "https://cdn/x.tgz"],
    ["https://h/charts", "/abs/x.tgz", "https://h/abs/x.tgz"],
  ])("%s + %s", (base, ref, want) => {
    expect(resolveReferenceUrl(base, ref)).toBe(want);
  });
});
