import { describe, expect, it } from "vitest";
import {
  artifactHubImages,
  compareImageLists,
  compareRenderedImages,
  compareWithAnnotation,
  extractImages,
  imagesJsonText,
  mergeImageLists,
  parseTemplateOutput,
} from "../../src/images/index.js";

const deployment = (template: string, name: string, image: string) =>
  `---\n# Source: ${template}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: ${image}\n`;

describe("parseTemplateOutput", () => {
  it("splits on Helm's headers and drops the newline Helm adds after each manifest", () => {
    const text = "---\n# Source: a/templates/x.yaml\nkind: A\n\n---\n# Source: a/templates/y.yaml\nkind: B\n";
    expect(parseTemplateOutput(text)).toEqual([
      { template: "a/templates/x.yaml", content: "kind: A\n" },
      { template: "a/templates/y.yaml", content: "kind: B" },
    ]);
  });

  it("keeps text without headers as one manifest", () => {
    expect(parseTemplateOutput("kind: A\n")).toEqual([{ template: "", content: "kind: A" }]);
    expect(parseTemplateOutput("")).toEqual([]);
  });
});

describe("artifactHubImages", () => {
  it("reads artifacthub.io/images, and Bitnami's images key", () => {
    const hub = artifactHubImages({
      annotations: {
        "artifacthub.io/images":
          "- name: app\n  image: quay.io/a/app:1\n  whitelisted: true\n  platforms: [linux/amd64]\n- name: bad\n  image: 'x:'\n- name: no-image\n",
      },
    });
    expect(hub.map(({ ref, ...rest }) => ({ ...rest, full: ref.invalid ? null : ref.full }))).toEqual([
      { name: "app", image: "quay.io/a/app:1", whitelisted: true, platforms: ["linux/amd64"], full: "quay.io/a/app:1" },
      { name: "bad", image: "x:", full: null },
    ]);
    const bitnami = artifactHubImages({
      annotations: { images: "- name: redis\n  image: docker.io/bitnami/redis:8\n" },
    });
    expect(bitnami.map((a) => a.image)).toEqual(["docker.io/bitnami/redis:8"]);
    expect(artifactHubImages({})).toEqual([]);
    expect(artifactHubImages(undefined)).toEqual([]);
  });

  it("rejects an annotation that is not a list, in one line", () => {
    expect(() => artifactHubImages({ annotations: { "artifacthub.io/images": "name: x" } })).toThrow(
      'Chart.yaml annotation "artifacthub.io/images" must be a YAML list of {name, image}',
    );
    expect(() => artifactHubImages({ annotations: { "artifacthub.io/images": "- [" } })).toThrow(
      /^Chart.yaml annotation "artifacthub.io\/images" is not valid YAML: /,
    );
  });
});

describe("compareWithAnnotation", () => {
  const list = extractImages(
    deployment("c/templates/a.yaml", "a", "nginx:1") +
      "---\n# Source: c/templates/cr.yaml\nkind: Prometheus\nmetadata:\n  name: p\nspec:\n  image: quay.io/prometheus/prometheus:v3\n",
  );
  const annotated = artifactHubImages({
    annotations: {
      "artifacthub.io/images": "- name: nginx\n  image: docker.io/library/nginx:1\n- name: x\n  image: quay.io/x:2\n",
    },
  });

  it("compares by normalised reference", () => {
    const c = compareWithAnnotation(list, annotated);
    expect(c.inBoth).toEqual(["docker.io/library/nginx:1"]);
    expect(c.onlyInRender.map((e) => e.image)).toEqual(["quay.io/prometheus/prometheus:v3"]);
    expect(c.onlyInAnnotation.map((a) => a.image)).toEqual(["quay.io/x:2"]);
  });

  it("can keep to workload images", () => {
    expect(compareWithAnnotation(list, annotated, { workloadOnly: true }).onlyInRender).toEqual([]);
  });
});

describe("mergeImageLists", () => {
  it("records which value set brought each image and occurrence", () => {
    const base = extractImages(deployment("c/templates/a.yaml", "a", "nginx:1"));
    const ci = extractImages(
      deployment("c/templates/a.yaml", "a", "docker.io/library/nginx:1") +
        deployment("c/templates/b.yaml", "b", "redis:7"),
    );
    const merged = mergeImageLists([
      { valueSet: "default", list: base },
      { valueSet: "ci/x-values.yaml", list: ci },
    ]);
    expect(merged.images.map((e) => [e.image, e.valueSets, e.sources.map((s) => `${s.valueSet} ${s.raw}`)])).toEqual([
      [
        "docker.io/library/nginx:1",
        ["default", "ci/x-values.yaml"],
        ["default nginx:1", "ci/x-values.yaml docker.io/library/nginx:1"],
      ],
      ["docker.io/library/redis:7", ["ci/x-values.yaml"], ["ci/x-values.yaml redis:7"]],
    ]);
    expect(merged.images[0]!.raw).toBe("nginx:1");
    expect(merged.images.every((e) => e.workload)).toBe(true);
    expect(imagesJsonText(merged)).toContain('"valueSets": [\n      "default",\n      "ci/x-values.yaml"\n    ]');
  });
});

describe("compareImageLists", () => {
  it("is null for equal lists and names every difference otherwise", () => {
    const a = deployment("c/templates/a.yaml", "a", "nginx:1") + deployment("c/templates/b.yaml", "b", "redis:7");
    expect(compareRenderedImages(a, a)).toBeNull();
    const b = deployment("c/templates/a.yaml", "a", "nginx:1") + deployment("c/templates/b.yaml", "b2", "redis:8");
    expect(compareImageLists(extractImages(a), extractImages(b))).toBe(
      [
        "image lists differ (- expected, + actual): 2 difference(s)",
        '- image docker.io/library/redis:7 (workload) at c/templates/b.yaml Deployment/b container=c spec.template.spec.containers[0].image (container) "redis:7"',
        '+ image docker.io/library/redis:8 (workload) at c/templates/b.yaml Deployment/b2 container=c spec.template.spec.containers[0].image (container) "redis:8"',
      ].join("\n"),
    );
  });

  it("tells a moved occurrence and a lost workload flag apart", () => {
    const a = deployment("c/templates/a.yaml", "a", "nginx:1");
    const b = "---\n# Source: c/templates/a.yaml\nkind: Widget\nmetadata:\n  name: a\nspec:\n  image: nginx:1\n";
    expect(compareRenderedImages(a, b)).toBe(
      [
        "image lists differ (- expected, + actual): 3 difference(s)",
        "~ image docker.io/library/nginx:1: workload true -> false",
        '~ image docker.io/library/nginx:1: - source c/templates/a.yaml Deployment/a container=c spec.template.spec.containers[0].image (container) "nginx:1"',
        '~ image docker.io/library/nginx:1: + source c/templates/a.yaml Widget/a spec.image (image-key) "nginx:1"',
      ].join("\n"),
    );
  });

  it("compares invalid references and problems too", () => {
    const a = deployment("c/templates/a.yaml", "a", '"nginx:"');
    const b = `${deployment("c/templates/a.yaml", "a", "nginx:1")}---\n# Source: c/templates/z.yaml\nimage: [\n`;
    const diff = compareRenderedImages(a, b)!;
    expect(diff.split("\n").slice(1, 3)).toEqual([
      '+ image docker.io/library/nginx:1 (workload) at c/templates/a.yaml Deployment/a container=c spec.template.spec.containers[0].image (container) "nginx:1"',
      '- invalid reference "nginx:" (invalid reference format) (workload) at c/templates/a.yaml Deployment/a container=c spec.template.spec.containers[0].image (container) "nginx:"',
    ]);
    expect(diff.split("\n")[3]).toMatch(/^\+ problem c\/templates\/z\.yaml: /);
  });
});
