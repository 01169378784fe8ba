import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chartCacheDir, dockerConfigPath, resolveHelmPaths } from "../../src/repo/helm-paths.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
interface EnvCase {
  env: Record<string, string>;
  home: string;
  expected: Record<string, string>;
}
const cases = JSON.parse(readFileSync(path.join(root, "fixtures/repo/helm/helm-env.json"), "utf8")) as EnvCase[];

describe("Helm paths (expectations from `helm env` of Helm 4.1.4)", () => {
  it.each(cases.map((c, i) => [i, c] as const))("case %i resolves like helm env", (_i, c) => {
    const p = resolveHelmPaths(c.env, { platform: "linux", home: c.home });
    expect({
      HELM_CONFIG_HOME: p.configHome,
      HELM_CACHE_HOME: p.cacheHome,
      HELM_DATA_HOME: p.dataHome,
      HELM_REPOSITORY_CONFIG: p.repositoryConfig,
      HELM_REPOSITORY_CACHE: p.repositoryCache,
      HELM_REGISTRY_CONFIG: p.registryConfig,
      HELM_CONTENT_CACHE: p.contentCache,
    }).toEqual(c.expected);
  });

  it("uses macOS library folders", () => {
    const p = resolveHelmPaths({}, { platform: "darwin", home: "/Users/u" });
    expect([p.configHome, p.cacheHome, p.dataHome]).toEqual([
      "/Users/u/Library/Preferences/helm",
      "/Users/u/Library/Caches/helm",
      "/Users/u/Library/helm",
    ]);
  });

  it("finds Docker's config and our chart cache", () => {
    const lin = { platform: "linux", home: "/home/u" } as const;
    expect(dockerConfigPath({}, lin)).toBe("/home/u/.docker/config.json");
    expect(dockerConfigPath({ DOCKER_CONFIG: "/d" }, lin)).toBe("/d/config.json");
    expect(chartCacheDir({}, lin)).toBe("/home/u/.cache/helm-trivy/charts");
    expect(chartCacheDir({ HELM_TRIVY_CACHE_DIR: "/c" }, lin)).toBe("/c");
  });
});
