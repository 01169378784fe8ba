import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  defaultResultCacheDir,
  imageIdentity,
  ResultCache,
  type ResultCacheKeyParts,
  resultCacheKey,
} from "../../src/scan/result-cache.js";
import type { ImageScanResult } from "../../src/scan/types.js";
import { type Sandbox, sandbox } from "./stand-in.js";

const parts: ResultCacheKeyParts = {
  image: "nginx:1.25",
  trivyVersion: "0.58.1",
  vulnDbUpdatedAt: "2024-12-01T06:00:00Z",
  options: { severity: ["HIGH"], ignoreUnfixed: false },
};

const okResult: ImageScanResult = {
  image: "nginx:1.25",
  status: "ok",
  os: "debian 12.5",
  vulnerabilities: [{ id: "CVE-1", pkg: "p", installed: "1", severity: "HIGH" }],
  counts: { CRITICAL: 0, HIGH: 1, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
  durationMs: 1234,
};

describe("resultCacheKey", () => {
  it("does not depend on option order", () => {
    expect(resultCacheKey({ ...parts, options: { ignoreUnfixed: false, severity: ["HIGH"] } })).toBe(
      resultCacheKey(parts),
    );
  });
  it.each([
    ["image", { image: "nginx:1.26" }],
    ["trivy version", { trivyVersion: "0.59.0" }],
    ["vulnerability DB time", { vulnDbUpdatedAt: "2024-12-01T12:00:00Z" }],
    ["Java DB time", { javaDbUpdatedAt: "2024-12-01T12:00:00Z" }],
    ["an option", { options: { severity: ["HIGH", "CRITICAL"], ignoreUnfixed: false } }],
  ])("changes with the %s", (_what, change) => {
    expect(resultCacheKey({ ...parts, ...change })).not.toBe(resultCacheKey(parts));
  });
  it("keys a digest reference by its digest", () => {
    const digest = `sha256:${"ab".repeat(32)}`;
    expect(imageIdentity(`docker.io/library/nginx:1.25@${digest}`)).toBe(digest);
    expect(imageIdentity("nginx:1.25")).toBe("nginx:1.25");
    expect(resultCacheKey({ ...parts, image: `nginx@${digest}` })).toBe(
      resultCacheKey({ ...parts, image: `mirror.example/nginx:1.25@${digest}` }),
    );
  });
});

describe("defaultResultCacheDir", () => {
  it("follows XDG_CACHE_HOME, else ~/.cache", () => {
    expect(defaultResultCacheDir({ XDG_CACHE_HOME: "/x" }, "/home/u")).toBe("/x/helm-trivy/scans");
    expect(defaultResultCacheDir({}, "/home/u")).toBe("/home/u/.cache/helm-trivy/scans");
    expect(defaultResultCacheDir({ XDG_CACHE_HOME: "" }, "/home/u")).toBe("/home/u/.cache/helm-trivy/scans");
  });
});

describe("ResultCache", () => {
  let box: Sandbox;
  afterEach(() => box?.cleanup());

  it("stores ok results and reads them back as cached, under the asked name", async () => {
    box = sandbox();
    const cache = new ResultCache(box.resultCacheDir);
    const key = resultCacheKey(parts);
    expect(await cache.get(key, "nginx:1.25")).toBeUndefined();
    await cache.put(key, okResult);
    const { durationMs: _d, ...rest } = okResult;
    expect(await cache.get(key, "alias/nginx:1.25")).toEqual({ ...rest, image: "alias/nginx:1.25", cached: true });
    // Atomic write: only the entry, no temporary file left behind.
    expect(readdirSync(box.resultCacheDir)).toEqual([`${key}.json`]);
  });

  it("never stores errors", async () => {
    box = sandbox();
    const cache = new ResultCache(box.resultCacheDir);
    await cache.put("k", { ...okResult, status: "error", error: "x" });
    expect(await cache.get("k", "nginx:1.25")).toBeUndefined();
  });

  it("treats corrupt or foreign entries as misses", async () => {
    box = sandbox();
    const cache = new ResultCache(box.resultCacheDir);
    mkdirSync(box.resultCacheDir, { recursive: true });
    const entries = {
      truncated: '{"format":1,"storedAt":',
      notAnEntry: "[1,2]",
      wrongFormat: JSON.stringify({ format: 99, storedAt: Date.now(), result: okResult }),
      badCounts: JSON.stringify({ format: 1, storedAt: Date.now(), result: { ...okResult, counts: {} } }),
      badSeverity: JSON.stringify({
        format: 1,
        storedAt: Date.now(),
        result: { ...okResult, vulnerabilities: [{ id: "x", severity: "BAD" }] },
      }),
    };
    for (const [k, text] of Object.entries(entries)) {
      writeFileSync(join(box.resultCacheDir, `${k}.json`), text);
      expect(await cache.get(k, "nginx:1.25"), k).toBeUndefined();
    }
  });

  it("expires entries after the TTL", async () => {
    box = sandbox();
    let now = 1_000_000;
    const cache = new ResultCache(box.resultCacheDir, { ttlMs: 1000, now: () => now });
    await cache.put("k", okResult);
    now += 999;
    expect(await cache.get("k", "nginx:1.25")).toBeDefined();
    now += 2;
    expect(await cache.get("k", "nginx:1.25")).toBeUndefined();
    expect(JSON.parse(readFileSync(join(box.resultCacheDir, "k.json"), "utf8")).storedAt).toBe(1_000_000);
  });

  it("ignores a cache dir it cannot write", async () => {
    box = sandbox();
    writeFileSync(join(box.dir, "file"), "");
    const cache = new ResultCache(join(box.dir, "file", "sub"));
    await expect(cache.put("k", okResult)).resolves.toBeUndefined();
  });
});
