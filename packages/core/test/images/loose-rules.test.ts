import { describe, expect, it } from "vitest";
import { imagesInArgs, imagesInEnv, namesAnImage, splitImageList } from "../../src/images/index.js";

describe("namesAnImage", () => {
  it.each([
    ["STRIMZI_DEFAULT_KAFKA_IMAGE", true],
    ["acme-http01-solver-image", true],
    ["RELATED_IMAGE_X", true],
    ["IMAGE_PULL_SECRET", false],
    ["image-pull-policy", false],
    ["DEFAULT_IMAGE_POLICY", false],
    ["REGISTRY_SECRET_IMAGE", false],
    ["config", false],
  ])("%s -> %s", (name, expected) => {
    expect(namesAnImage(name)).toBe(expected);
  });
});

describe("imagesInArgs", () => {
  it("finds each form and nothing else", () => {
    const args = [
      "--acme-http01-solver-image=quay.io/jetstack/cert-manager-acmesolver:v1.21.1",
      "--prometheus-config-reloader=quay.io/prometheus-operator/prometheus-config-reloader:v0.93.1",
      "--engine-image",
      "docker.io/longhornio/longhorn-engine:v1.12.1",
      "--image-pull-policy=Always",
      "--image-tag=v1",
      "--registry=quay.io/untagged",
      "--url=http://example.com/x:1",
      "--addr=:8080",
      "--pair-image",
      "--next",
      "-single-dash-image=ghcr.io/a/b:1",
      undefined,
      "--engine-image",
    ];
    expect(imagesInArgs(args)).toEqual([
      { raw: "quay.io/jetstack/cert-manager-acmesolver:v1.21.1", rule: "arg-flag", index: 0, validOnly: false },
      {
        raw: "quay.io/prometheus-operator/prometheus-config-reloader:v0.93.1",
        rule: "arg-registry",
        index: 1,
        validOnly: true,
      },
      { raw: "docker.io/longhornio/longhorn-engine:v1.12.1", rule: "arg-pair", index: 3, validOnly: false },
      { raw: "ghcr.io/a/b:1", rule: "arg-flag", index: 11, validOnly: false },
    ]);
  });

  it("takes a pinned registry reference by digest as well as by tag", () => {
    const digest = `sha256:${"ab".repeat(32)}`;
    expect(imagesInArgs([`--sidecar=reg.local:5000/x@${digest}`]).map((h) => h.raw)).toEqual([
      `reg.local:5000/x@${digest}`,
    ]);
    expect(imagesInArgs(["--sidecar=bitnami/redis:7"])).toEqual([]);
  });
});

describe("image lists in flag values", () => {
  it("splits on commas and blanks when every part is a valid reference", () => {
    expect(splitImageList("quay.io/a/one:1,quay.io/a/two:2")).toEqual(["quay.io/a/one:1", "quay.io/a/two:2"]);
    expect(splitImageList("busybox:1.37  ghcr.io/b/c:2\n")).toEqual(["busybox:1.37", "ghcr.io/b/c:2"]);
    expect(splitImageList("quay.io/a/one:1, nginx")).toEqual(["quay.io/a/one:1", "nginx"]);
  });

  it("leaves one reference, a one-part list and a list with an invalid part alone", () => {
    expect(splitImageList("quay.io/a/one:1")).toBeUndefined();
    expect(splitImageList("quay.io/a/one:1,")).toBeUndefined();
    expect(splitImageList("quay.io/a/one:1,quay.io/a/Two:2")).toBeUndefined();
    expect(splitImageList("quay.io/a/one:1,quay.io/a/two:")).toBeUndefined();
  });

  it("gives one arg-list hit per part, at the index of the argument that holds the list", () => {
    expect(imagesInArgs(["--images=a/b:1,c/d:2", "--image-list", "e/f:3 g/h:4", "--extra-images=a/b:1,a/B:2"])).toEqual(
      [
        { raw: "a/b:1", rule: "arg-list", index: 0, validOnly: false },
        { raw: "c/d:2", rule: "arg-list", index: 0, validOnly: false },
        { raw: "e/f:3", rule: "arg-list", index: 2, validOnly: false },
        { raw: "g/h:4", rule: "arg-list", index: 2, validOnly: false },
        { raw: "a/b:1,a/B:2", rule: "arg-flag", index: 3, validOnly: false },
      ],
    );
    expect(imagesInArgs(["--image-pull-policy=Always,IfNotPresent", "--registry=quay.io/a:1,quay.io/b:2"])).toEqual([]);
  });
});

describe("imagesInEnv", () => {
  it("splits words and drops keys", () => {
    expect(
      imagesInEnv(
        "STRIMZI_KAFKA_IMAGES",
        "4.1.0=quay.io/strimzi/kafka:0.48.0-kafka-4.1.0\n4.2.0=quay.io/strimzi/kafka:0.48.0-kafka-4.2.0\n",
      ),
    ).toEqual(["quay.io/strimzi/kafka:0.48.0-kafka-4.1.0", "quay.io/strimzi/kafka:0.48.0-kafka-4.2.0"]);
  });

  it("keeps only words with / or :", () => {
    expect(imagesInEnv("OPERATOR_IMAGE_TAG", "latest")).toEqual([]);
    expect(imagesInEnv("SIDECAR_IMAGE", "busybox")).toEqual([]);
    expect(imagesInEnv("SIDECAR_IMAGE", "busybox:1.37")).toEqual(["busybox:1.37"]);
  });

  it("ignores pull secrets and policies and names without IMAGE", () => {
    expect(imagesInEnv("IMAGE_PULL_SECRET", "ns/secret")).toEqual([]);
    expect(imagesInEnv("IMAGE_PULL_POLICY", "Always")).toEqual([]);
    expect(imagesInEnv("WEBHOOK_URL", "https://example.com/x")).toEqual([]);
  });
});
