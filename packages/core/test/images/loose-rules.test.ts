import { describe, expect, it } from "vitest";
import { imagesInArgs, imagesInEnv, namesAnImage } from "../../src/images/index.js";

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
