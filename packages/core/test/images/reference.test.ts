import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hasExplicitRegistry, parseImageRef } from "../../src/images/index.js";

/** Produced by scripts/images/gen-reference-fixtures.mjs from the docker CLI and distribution/reference. */
interface ExpectedCase {
  input: string;
  invalid: boolean;
  reason?: string;
  full?: string;
  registry?: string;
  repository?: string;
  tag?: string;
  digest?: string;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../../../../fixtures/manifests");
const cases: ExpectedCase[] = JSON.parse(readFileSync(join(fixtures, "reference-expected.json"), "utf8"));

describe("parseImageRef agrees with Docker's reference grammar", () => {
  it("has the generated cases", () => {
    expect(cases.length).toBeGreaterThan(80);
  });

  it.each(cases.map((c) => [JSON.stringify(c.input).slice(0, 80), c] as const))("%s", (_label, c) => {
    const got = parseImageRef(c.input);
    if (c.invalid) {
      expect(got).toMatchObject({ invalid: true, raw: c.input, reason: c.reason });
    } else {
      expect(got.invalid).toBe(false);
      if (got.invalid) return;
      expect({
        full: got.full,
        registry: got.registry,
        repository: got.repository,
        tag: got.tag,
        digest: got.digest,
      }).toEqual({ full: c.full, registry: c.registry, repository: c.repository, tag: c.tag, digest: c.digest });
      expect(got.name).toBe(`${c.registry}/${c.repository}`);
      expect(got.raw).toBe(c.input);
    }
  });
});

describe("parseImageRef details", () => {
  it("marks the default tag", () => {
    expect(parseImageRef("nginx")).toMatchObject({ tag: "latest", defaultTag: true });
    expect(parseImageRef("nginx:latest")).toMatchObject({ tag: "latest", defaultTag: false });
    const digestOnly = parseImageRef(`nginx@sha256:${"a".repeat(64)}`);
    expect(digestOnly).toMatchObject({ defaultTag: false });
    expect(digestOnly.invalid ? "" : digestOnly.tag).toBeUndefined();
  });

  it("explains the usual template slips", () => {
    expect(parseImageRef("")).toMatchObject({ hint: "empty image: a template rendered an empty value" });
    expect(parseImageRef("docker.io/bitnami/redis:")).toMatchObject({
      hint: "empty tag: a template rendered `repository:` with no tag",
    });
    expect(parseImageRef("redis:<no value>")).toMatchObject({
      hint: "contains <no value>: a template read a value that is not set",
    });
    expect(parseImageRef("a b")).toMatchObject({ hint: "contains whitespace" });
    expect(parseImageRef("Redis")).toMatchObject({
      hint: "upper case in the repository: Docker allows only lower case there",
    });
    expect(parseImageRef("nginx:1")).not.toHaveProperty("hint");
  });

  it("bounds the input it will look at", () => {
    expect(parseImageRef(`a${"/a".repeat(5000)}`)).toMatchObject({ invalid: true, reason: "invalid reference format" });
  });

  it("tells explicit registries from Docker Hub names", () => {
    expect(hasExplicitRegistry("quay.io/a/b")).toBe(true);
    expect(hasExplicitRegistry("localhost/a")).toBe(true);
    expect(hasExplicitRegistry("reg:5000/a")).toBe(true);
    expect(hasExplicitRegistry("bitnami/redis")).toBe(false);
    expect(hasExplicitRegistry("redis:7")).toBe(false);
  });
});
