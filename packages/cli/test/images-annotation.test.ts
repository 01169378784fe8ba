/**
 * `helm-trivy images` against the chart's `artifacthub.io/images` (or Bitnami `images`)
 * annotation: a section after the table, a note on stderr for text, `annotated` in JSON.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { built, freshCacheHome, repoRoot, run } from "./helpers.js";

const annotated = join(repoRoot, "packages/cli/test/fixtures/charts/annotated");
const plain = join(repoRoot, "fixtures/repo/charts/demo");
const RENDER_ONLY = "registry.example/library/alpine:3.19.1";
const ANNOTATION_ONLY = "registry.example/apps/retired:0.9.0";

/** The annotated chart with another Chart.yaml annotations block. */
function variant(annotations: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), "helm-trivy-annot-")), "annotated");
  cpSync(annotated, dir, { recursive: true });
  const chartYaml = readFileSync(join(dir, "Chart.yaml"), "utf8");
  writeFileSync(join(dir, "Chart.yaml"), chartYaml.replace(/^annotations:[\s\S]*$/m, annotations));
  return dir;
}

describe.skipIf(!built)("helm-trivy images and the chart's images annotation", () => {
  const home = freshCacheHome();
  const images = (...args: string[]) => run(["images", ...args], { cacheHome: home });

  it("text: the images on stdout only; the disagreement as notes on stderr", () => {
    const r = images(annotated);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`registry.example/apps/multi-target:1.0.0\n${RENDER_ONLY}\n`);
    expect(r.stderr).toBe(
      `note: Chart.yaml's artifacthub.io/images annotation: only in the render: ${RENDER_ONLY}\n` +
        `note: Chart.yaml's artifacthub.io/images annotation: only in the annotation: ${ANNOTATION_ONLY}\n`,
    );
  });

  it("text with --quiet: no note", () => {
    const r = images(annotated, "--quiet");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")).toHaveLength(3);
  });

  it("table: a section after the table", () => {
    const r = images(annotated, "-o", "table");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n").slice(3)).toEqual([
      "",
      "Compared with Chart.yaml's artifacthub.io/images annotation",
      `  only in the render: ${RENDER_ONLY}`,
      `  only in the annotation: ${ANNOTATION_ONLY}`,
      "",
    ]);
  });

  it("json: each image says whether the annotation lists it; still one array", () => {
    const r = images(annotated, "-o", "json");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { image: string; annotated?: boolean }[];
    expect(Array.isArray(doc)).toBe(true);
    expect(doc.map((i) => [i.image, i.annotated])).toEqual([
      ["registry.example/apps/multi-target:1.0.0", true],
      [RENDER_ONLY, false],
    ]);
    expect(r.stderr).toBe("");
  });

  it("a chart without the annotation: no section, no note, no `annotated` field", () => {
    expect(images(plain).stderr).toBe("");
    expect(images(plain, "-o", "table").stdout).not.toContain("annotation");
    const doc = JSON.parse(images(plain, "-o", "json").stdout) as object[];
    expect(doc.length).toBeGreaterThan(0);
    for (const i of doc) expect(i).not.toHaveProperty("annotated");
  });

  it("Bitnami's `images` annotation; references compared normalised; agreement said once in the table", () => {
    const dir = variant(
      "annotations:\n  images: |\n    - name: app\n      image: registry.example/apps/multi-target:1.0.0\n" +
        "    - name: sidecar\n      image: registry.example/library/alpine:3.19.1@sha256:" +
        `${"a".repeat(64)}\n`,
    );
    const table = images(dir, "-o", "table");
    expect(table.stdout).toContain("Compared with Chart.yaml's images annotation");
    expect(table.stdout).toContain(`only in the render: ${RENDER_ONLY}`);
    const same = variant(
      "annotations:\n  images: |\n    - name: app\n      image: registry.example/apps/multi-target:1.0.0\n" +
        "    - name: sidecar\n      image: registry.example/library/alpine:3.19.1\n",
    );
    const r = images(same, "-o", "table");
    expect(r.stdout).toContain("Compared with Chart.yaml's images annotation: the same images\n");
    expect(images(same).stderr).toBe("");
  });

  it("an annotation that is not a YAML list: a warning, the images still listed", () => {
    const dir = variant('annotations:\n  artifacthub.io/images: "name: x"\n');
    const r = images(dir);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")).toHaveLength(3);
    expect(r.stderr).toBe(
      `warning: Chart.yaml annotation "artifacthub.io/images" must be a YAML list of {name, image} (not compared)\n`,
    );
  });
});
