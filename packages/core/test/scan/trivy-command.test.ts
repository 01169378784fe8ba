import { describe, expect, it } from "vitest";
import { buildDownloadDbArgv, buildScanArgv, buildVersionArgv } from "../../src/scan/trivy-command.js";

describe("buildScanArgv", () => {
  it("always asks for a quiet JSON report and ends with the image", () => {
    expect(buildScanArgv("nginx:1.25", {})).toEqual(["image", "--format", "json", "--quiet", "nginx:1.25"]);
  });

  it("places every local-mode option, user arguments last before the image", () => {
    expect(
      buildScanArgv("nginx:1.25", {
        severity: ["CRITICAL", "HIGH"],
        ignoreUnfixed: true,
        ignoreFile: "/p/.trivyignore",
        scanners: ["vuln"],
        timeout: "10m",
        cacheDir: "/c",
        memoryCache: true,
        skipDbUpdate: true,
        extraArgs: ["--skip-files", "a b"],
      }),
    ).toEqual([
      "image",
      "--format",
      "json",
      "--quiet",
      "--severity",
      "CRITICAL,HIGH",
      "--ignore-unfixed",
      "--ignorefile",
      "/p/.trivyignore",
      "--scanners",
      "vuln",
      "--timeout",
      "10m",
      "--cache-dir",
      "/c",
      "--cache-backend",
      "memory",
      "--skip-db-update",
      "--skip-java-db-update",
      "--skip-files",
      "a b",
      "nginx:1.25",
    ]);
  });

  it("in server mode sends server, token and header, and no local cache or DB flags", () => {
    const argv = buildScanArgv("nginx:1.25", {
      server: { url: "http://trivy:4954", token: "s3cret", tokenHeader: "X-Trivy" },
      cacheDir: "/c",
      memoryCache: true,
      skipDbUpdate: true,
    });
    expect(argv).toEqual([
      "image",
      "--format",
      "json",
      "--quiet",
      "--server",
      "http://trivy:4954",
      "--token",
      "s3cret",
      "--token-header",
      "X-Trivy",
      "nginx:1.25",
    ]);
  });

  it("omits empty lists", () => {
    expect(buildScanArgv("a", { severity: [], scanners: [] })).toEqual(["image", "--format", "json", "--quiet", "a"]);
  });
});

describe("DB and version argv", () => {
  it("downloads each DB into the given cache dir", () => {
    expect(buildDownloadDbArgv("vuln", "/c")).toEqual(["image", "--download-db-only", "--quiet", "--cache-dir", "/c"]);
    expect(buildDownloadDbArgv("java")).toEqual(["image", "--download-java-db-only", "--quiet"]);
  });
  it("asks the version in JSON, about the DB of the given cache dir", () => {
    expect(buildVersionArgv("/c")).toEqual(["--version", "--format", "json", "--cache-dir", "/c"]);
    expect(buildVersionArgv()).toEqual(["--version", "--format", "json"]);
  });
});
