import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  checkMinimumVersion,
  compareVersions,
  detectTrivy,
  MIN_TRIVY_VERSION,
  parseVersionJson,
  parseVersionText,
  TrivyUnavailableError,
} from "../../src/scan/trivy-version.js";
import { type Sandbox, sandbox, stubTrivy } from "./stand-in.js";

describe("parsing trivy --version", () => {
  it("reads JSON with DB metadata", () => {
    const json =
      '{"Version":"0.58.1","VulnerabilityDB":{"Version":2,"NextUpdate":"2024-12-01T12:00:00Z","UpdatedAt":"2024-12-01T06:00:00.5Z","DownloadedAt":"2024-12-01T07:00:00Z"},"JavaDB":{"Version":1,"UpdatedAt":"2024-11-30T01:00:00Z"},"CheckBundle":{"Digest":"sha256:ab"}}';
    expect(parseVersionJson(json)).toEqual({
      version: "0.58.1",
      vulnDbUpdatedAt: "2024-12-01T06:00:00.5Z",
      javaDbUpdatedAt: "2024-11-30T01:00:00Z",
    });
    expect(parseVersionJson('{"Version":"0.58.1"}')).toEqual({ version: "0.58.1" });
    expect(parseVersionJson("Version: 0.58.1")).toBeUndefined();
  });

  it("reads the text form with its sections (layout of trivy's own version test)", () => {
    const text = [
      "Version: dev",
      "Vulnerability DB:",
      "  Version: 2",
      "  UpdatedAt: 2023-07-20 12:11:37.696263932 +0000 UTC",
      "  NextUpdate: 2023-07-20 18:11:37.696263532 +0000 UTC",
      "Java DB:",
      "  Version: 1",
      "  UpdatedAt: 2023-07-25 01:03:52.169192765 +0000 UTC",
      "Check Bundle:",
      "  Digest: sha256:8298",
      "",
    ].join("\n");
    expect(parseVersionText(text)).toEqual({
      version: "dev",
      vulnDbUpdatedAt: "2023-07-20 12:11:37.696263932 +0000 UTC",
      javaDbUpdatedAt: "2023-07-25 01:03:52.169192765 +0000 UTC",
    });
    expect(parseVersionText("trivy version 0.4.1\n")).toEqual({ version: "0.4.1" });
    expect(parseVersionText("nonsense")).toBeUndefined();
  });

  it("compares versions numerically", () => {
    expect(compareVersions("0.53.0", "0.9.9")).toBe(1);
    expect(compareVersions("v0.53.0", "0.53")).toBe(0);
    expect(compareVersions("0.52.2", "0.53.0")).toBe(-1);
    expect(compareVersions("1.0.0-rc1", "0.99.0")).toBe(1);
  });

  it("enforces the minimum version", () => {
    expect(MIN_TRIVY_VERSION).toBe("0.53.0");
    expect(() => checkMinimumVersion("0.53.0")).not.toThrow();
    expect(() => checkMinimumVersion("dev")).not.toThrow();
    expect(() => checkMinimumVersion("0.52.2")).toThrow(
      "trivy 0.52.2 is too old: helm-trivy needs 0.53.0 or newer (for --cache-backend memory, which lets scans run in parallel); upgrade it (https://trivy.dev)",
    );
    expect(() => checkMinimumVersion("banana")).toThrow(TrivyUnavailableError);
  });
});

describe("detectTrivy with the stand-in", () => {
  let box: Sandbox;
  afterEach(() => box?.cleanup());

  it("gets version and DB time from --version --format json, for the given cache dir", async () => {
    box = sandbox({ TRIVY_STUB_DB_UPDATED_AT: "2024-12-01T06:00:00Z" });
    expect(await detectTrivy(stubTrivy, { env: box.env, cacheDir: box.cacheDir })).toEqual({ version: "0.58.1" });
    // After a DB download the same question reports the DB time.
    mkdirSync(join(box.cacheDir, "db"), { recursive: true });
    writeFileSync(
      join(box.cacheDir, "db", "metadata.json"),
      '{"Version":2,"UpdatedAt":"2024-12-01T06:00:00Z","NextUpdate":"2024-12-01T12:00:00Z"}',
    );
    expect(await detectTrivy(stubTrivy, { env: box.env, cacheDir: box.cacheDir })).toEqual({
      version: "0.58.1",
      vulnDbUpdatedAt: "2024-12-01T06:00:00Z",
    });
    expect(box.log().map((e) => e.argv)).toContainEqual(["--version", "--format", "json", "--cache-dir", box.cacheDir]);
  });

  it("falls back to the text form when --format json is refused", async () => {
    box = sandbox({ TRIVY_STUB_VERSION_TEXT_ONLY: "1", TRIVY_STUB_VERSION: "0.60.0" });
    expect(await detectTrivy(stubTrivy, { env: box.env })).toEqual({ version: "0.60.0" });
    expect(box.log().flatMap((e) => (e.argv ? [e.argv] : []))).toEqual([
      ["--version", "--format", "json"],
      ["--version"],
    ]);
  });

  it("rejects a too-old trivy", async () => {
    box = sandbox({ TRIVY_STUB_VERSION: "0.49.1" });
    await expect(detectTrivy(stubTrivy, { env: box.env })).rejects.toThrow(/^trivy 0.49.1 is too old: /);
  });

  it("says how to fix a missing trivy, on PATH or at a given path", async () => {
    box = sandbox();
    const env = { ...box.env, PATH: join(box.dir, "empty-bin") };
    await expect(detectTrivy("trivy", { env })).rejects.toThrow(
      new TrivyUnavailableError("trivy not found on PATH: install it (https://trivy.dev) or pass --trivy-path"),
    );
    await expect(detectTrivy(join(box.dir, "nope", "trivy"), { env })).rejects.toThrow(
      `trivy not found at ${join(box.dir, "nope", "trivy")}: install it (https://trivy.dev) or pass --trivy-path`,
    );
  });

  it("finds trivy on PATH by name", async () => {
    box = sandbox();
    const bin = join(box.dir, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "trivy"), `#!/bin/sh\nexec "${stubTrivy}" "$@"\n`);
    chmodSync(join(bin, "trivy"), 0o755);
    expect(await detectTrivy("trivy", { env: { ...box.env, PATH: `${bin}:${process.env.PATH}` } })).toEqual({
      version: "0.58.1",
    });
  });

  it("reports a trivy that prints no version", async () => {
    box = sandbox();
    const fake = join(box.dir, "fake-trivy");
    writeFileSync(fake, "#!/bin/sh\necho 'something else'\n");
    chmodSync(fake, 0o755);
    await expect(detectTrivy(fake, { env: box.env })).rejects.toThrow(
      `trivy --version printed no version (exit 0) at ${fake}`,
    );
  });
});
