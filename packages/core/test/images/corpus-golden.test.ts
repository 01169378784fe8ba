/**
 * Extraction over Helm 4.1.4's own renders of the shared corpus (../shared/corpus/golden/*.yaml,
 * read at test time; skipped when the corpus is absent).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type AnnotatedImage,
  artifactHubImages,
  compareImageLists,
  compareWithAnnotation,
  extractImages,
  type ImageEntry,
} from "../../src/images/index.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const corpus = resolve(repoRoot, "../shared/corpus");
const golden = join(corpus, "golden");
const present = existsSync(golden);
if (!present) console.warn(`corpus-golden: ${golden} is absent; skipping the corpus tests`);

const goldenNames = present
  ? readdirSync(golden)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => f.slice(0, -".yaml".length))
      .sort()
  : [];

const renderOf = (name: string) => readFileSync(join(golden, `${name}.yaml`), "utf8");

/** Annotated images of a chart and of every chart under its charts/, recursively: subcharts list their own. */
function annotatedImages(chartDir: string): { chart: string; images: AnnotatedImage[] }[] {
  const out: { chart: string; images: AnnotatedImage[] }[] = [];
  const chartYaml = join(chartDir, "Chart.yaml");
  if (!existsSync(chartYaml)) return out;
  const metadata = parse(readFileSync(chartYaml, "utf8"), { uniqueKeys: false });
  out.push({ chart: metadata.name, images: artifactHubImages(metadata) });
  const sub = join(chartDir, "charts");
  if (existsSync(sub)) for (const d of readdirSync(sub).sort()) out.push(...annotatedImages(join(sub, d)));
  return out;
}

/** Helm test hooks run only on `helm test`; charts do not list their images as shipped. */
function onlyInTestHooks(e: ImageEntry): boolean {
  return e.sources.every((s) => s.template.includes("/templates/tests/"));
}

describe.skipIf(!present)("corpus goldens", () => {
  it("has goldens to read", () => {
    expect(goldenNames.length).toBeGreaterThan(30);
  });

  it.each(goldenNames)("%s: extracts without throwing, every document parsed, no invalid reference", (name) => {
    const list = extractImages(renderOf(name));
    expect(list.problems).toEqual([]);
    expect(list.invalid).toEqual([]);
    expect(list.images.length).toBeGreaterThan(name === "istio-base" ? -1 : 0);
  });

  it.each(goldenNames)("%s: the text prefilter changes nothing", (name) => {
    const text = renderOf(name);
    expect(compareImageLists(extractImages(text, { prefilter: false }), extractImages(text))).toBeNull();
  });

  it.each(goldenNames)("%s: searching CustomResourceDefinitions too changes nothing", (name) => {
    const text = renderOf(name);
    expect(compareImageLists(extractImages(text), extractImages(text, { searchCrds: true }))).toBeNull();
  });

  const annotatedCharts = goldenNames.filter((n) => annotatedImages(join(corpus, "charts", n))[0]?.images.length);

  it("finds the charts that annotate their images", () => {
    expect(annotatedCharts.length).toBeGreaterThanOrEqual(10);
  });

  it.each(annotatedCharts)("%s: every workload image is listed in the chart's (or a subchart's) annotation", (name) => {
    const list = extractImages(renderOf(name));
    const byChart = annotatedImages(join(corpus, "charts", name));
    const own = compareWithAnnotation(list, byChart[0]!.images, { workloadOnly: true });
    const allAnnotated = byChart.flatMap((c) => c.images);
    const any = compareWithAnnotation(list, allAnnotated, { workloadOnly: true });
    const report = [
      `${name}: ${own.inBoth.length} workload image(s) listed by the chart itself`,
      ...own.onlyInRender.map(
        (e) =>
          `  not in ${byChart[0]!.chart}'s annotation: ${e.image} -> ${
            any.onlyInRender.includes(e)
              ? onlyInTestHooks(e)
                ? "only in a Helm test hook"
                : "UNEXPLAINED"
              : `listed by subchart ${byChart.find((c) => c.images.some((a) => !a.ref.invalid && a.ref.full === e.image))!.chart}`
          }`,
      ),
      ...own.onlyInAnnotation.map((a) => `  annotated, not run with default values: ${a.image}`),
    ];
    console.log(report.join("\n"));
    const unexplained = any.onlyInRender.filter((e) => !onlyInTestHooks(e)).map((e) => e.image);
    expect(unexplained).toEqual([]);
  });

  it.skipIf(!goldenNames.includes("rook-ceph"))("rook-ceph: the CSI images of its image-set ConfigMap", () => {
    const csi = extractImages(renderOf("rook-ceph"))
      .images.filter((e) => e.sources.some((s) => s.rule === "configmap-data"))
      .map((e) => `${e.image} ${e.workload} ${e.sources.map((s) => `${s.name} ${s.path}`).join(" ")}`);
    const at = (image: string, key: string) => `${image} false rook-csi-operator-image-set-configmap data.${key}`;
    expect(csi).toEqual([
      at("quay.io/cephcsi/cephcsi:v3.17.0", "plugin"),
      at("quay.io/csiaddons/k8s-sidecar:v0.14.0", "addons"),
      at("registry.k8s.io/sig-storage/csi-attacher:v4.12.0", "attacher"),
      at("registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.17.0", "registrar"),
      at("registry.k8s.io/sig-storage/csi-provisioner:v6.2.0", "provisioner"),
      at("registry.k8s.io/sig-storage/csi-resizer:v2.1.0", "resizer"),
      at("registry.k8s.io/sig-storage/csi-snapshotter:v8.5.0", "snapshotter"),
    ]);
  });

  it("extracts the largest renders in well under a second each (tens of milliseconds warm)", () => {
    const sizes = goldenNames.map((n) => ({ n, text: renderOf(n) })).sort((a, b) => b.text.length - a.text.length);
    for (const { n, text } of sizes.slice(0, 4)) {
      extractImages(text);
      const t0 = performance.now();
      extractImages(text);
      const ms = performance.now() - t0;
      console.log(`${n}: ${text.split("\n").length} lines in ${ms.toFixed(1)} ms`);
      expect(ms).toBeLessThan(500);
    }
  });
});
