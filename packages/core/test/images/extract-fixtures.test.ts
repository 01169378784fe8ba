import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractImages, type ImageJson, imagesToJson, parseTemplateOutput } from "../../src/images/index.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../../../../fixtures/manifests");
const read = (name: string) => readFileSync(join(fixtures, name), "utf8");

/** The contract minus the parts of a reference that reference.test.ts pins (registry, repository, tag, digest). */
function comparable(list: ImageJson[]): unknown[] {
  return list.map(({ registry: _r, repository: _p, tag: _t, digest: _d, ...rest }) => rest);
}

describe("extractImages over our manifest fixtures (expected lists written by hand from the rules)", () => {
  const all = ["workloads", "loose", "invalid", "image-volumes", "image-lists", "configmap-data"];

  it.each(all)("%s.yaml", (name) => {
    const got = comparable(imagesToJson(extractImages(read(`${name}.yaml`))));
    const expected = JSON.parse(read(`${name}.expected.json`));
    expect(got).toEqual(expected);
  });

  it.each(all)("%s.yaml: the text prefilter changes nothing", (name) => {
    const text = read(`${name}.yaml`);
    expect(extractImages(text, { prefilter: false })).toEqual(extractImages(text));
  });

  it("takes {template, content} pairs as well as helm template's text", () => {
    const text = read("workloads.yaml");
    expect(extractImages(parseTemplateOutput(text))).toEqual(extractImages(text));
  });

  it("reports a document that is not YAML as a problem and goes on", () => {
    const list = extractImages(read("invalid.yaml"));
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]!.template).toBe("broken/templates/bad.yaml");
    expect(list.problems[0]!.message).not.toContain("\n");
    expect(list.problems[0]!.message.length).toBeGreaterThan(0);
  });

  it("searches CustomResourceDefinitions only when asked", () => {
    const only = (text: string) => extractImages(text, { searchCrds: true }).images.map((e) => e.image);
    expect(only(read("invalid.yaml"))).toContain("docker.io/crd-examples/are-skipped:1");
    expect(extractImages(read("invalid.yaml")).images.map((e) => e.image)).not.toContain(
      "docker.io/crd-examples/are-skipped:1",
    );
  });

  it("never reports pull policies, pull secrets or bare tags as images", () => {
    const all = imagesToJson(extractImages(read("loose.yaml"))).flatMap((e) => e.sources.map((s) => s.raw));
    for (const notImage of [
      "Always",
      "v1.2.3",
      "ops/registry-credentials",
      "Always:now",
      "latest",
      "/etc/operator/config.yaml",
      "0.0.0.0:8080",
      "https://example.com/ui:1",
      "quay.io/example/untagged",
      "quay.io/not/an-image-key:1",
    ]) {
      expect(all).not.toContain(notImage);
    }
  });
});

describe("the gaps closed after the first extractor (negative cases of the fixtures)", () => {
  const json = (name: string) => imagesToJson(extractImages(read(`${name}.yaml`)));
  const raws = (name: string) => json(name).flatMap((e) => e.sources.map((s) => s.raw));

  it("image volumes: pulled by the pod, so workload images; only `{reference}` maps count", () => {
    const list = json("image-volumes");
    const volume = list.find((e) => e.image === "quay.io/x/y:1")!;
    expect(volume.workload).toBe(true);
    expect(volume.sources.map((s) => `${s.path} ${s.rule}`)).toEqual([
      "spec.template.spec.volumes[2].image.reference image-volume",
    ]);
    // a volume named `image`, a schema's `reference: {type: string}` and a pull-policy-only map
    expect(list.flatMap((e) => e.sources.map((s) => s.path))).not.toContain("spec.template.spec.volumes[1].image");
    expect(
      list
        .flatMap((e) => e.sources.map((s) => s.path))
        .filter((p) => p.includes("schemaLike") || p.includes("pullOnly")),
    ).toEqual([]);
    expect(list.filter((e) => e.invalid).map((e) => e.sources[0]!.name)).toEqual(["vols-pod", "vols-pod"]);
  });

  it("image lists: split only when every part is a reference; never for pull policies or other flags", () => {
    const found = raws("image-lists");
    for (const notFound of [
      "quay.io/acme/ok:1",
      "quay.io/acme/trailing:1",
      "quay.io/acme/six:6",
      "Always",
      "IfNotPresent",
    ]) {
      expect(found).not.toContain(notFound);
    }
    expect(found).toContain("quay.io/acme/ok:1,quay.io/acme/Bad:1");
  });

  it("ConfigMap data: IMAGE-named keys of ConfigMaps only, words with / or :", () => {
    const found = raws("configmap-data");
    for (const notFound of [
      "IfNotPresent",
      "v1",
      "INFO",
      "quay.io/acme/inside-a-string:1",
      "quay.io/acme/inside-a-string:2",
      "cXVheS5pby9hY21lL2JpbmFyeTox",
      "quay.io/acme/secret:1",
      "quay.io/acme/secret-data:1",
      "quay.io/acme/widget:1",
      "0.0.0.0:8080",
      "conf/app.yaml",
      "https://example.com/x:1",
      "quay.io/acme/untagged",
      "quay.io/acme/Bad:1",
      "quay.io/acme/not-an-image-set:1",
      "quay.io/acme/pull-settings:1",
    ]) {
      expect(found).not.toContain(notFound);
    }
    expect(json("configmap-data").every((e) => !e.workload)).toBe(true);
    // `image:` in data is the image-key rule's, reported once
    expect(
      json("configmap-data")
        .find((e) => e.image === "quay.io/acme/image-key:1")!
        .sources.map((s) => s.rule),
    ).toEqual(["image-key"]);
  });
});

describe("extractImages on small inline manifests", () => {
  const one = (content: string) => extractImages([{ template: "t.yaml", content }]);

  it("keeps a numeric-looking map tag as written", () => {
    const list = one("kind: Widget\nspec:\n  image:\n    repository: busybox\n    tag: 1.10\n");
    expect(list.images.map((e) => e.image)).toEqual(["docker.io/library/busybox:1.10"]);
  });

  it("follows aliases and merge keys", () => {
    const content = [
      "kind: Pod",
      "metadata: {name: p}",
      "spec:",
      "  containers:",
      "    - &base {name: a, image: 'nginx:1'}",
      "    - <<: *base",
      "      name: b",
    ].join("\n");
    const list = one(content);
    expect(list.images).toHaveLength(1);
    expect(list.images[0]!.sources.map((s) => `${s.container} ${s.path}`)).toEqual([
      "a spec.containers[0].image",
      "b spec.containers[1].image",
    ]);
  });

  it("spells awkward keys in paths with brackets", () => {
    const list = one("kind: Widget\nspec:\n  a.b/c:\n    image: nginx\n");
    expect(list.images[0]!.sources[0]!.path).toBe('spec["a.b/c"].image');
  });

  it("bounds alias expansion", () => {
    const lines = ["kind: Widget", "a0: &a0 [image: x]"];
    for (let i = 1; i < 30; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    const list = one(lines.join("\n"));
    expect(list.problems.length).toBe(1);
    expect(list.problems[0]!.message).toMatch(/more than 250000 nodes/);
  });

  it("skips manifests that hold no image without parsing them", () => {
    expect(one("this: is: not: yaml: but: has no such words").problems).toEqual([]);
    expect(one("image: {").problems).toHaveLength(1);
  });
});
