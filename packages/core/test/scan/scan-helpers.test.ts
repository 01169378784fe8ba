import { describe, expect, it } from "vitest";
import { defaultConcurrency, invalidImageReason, parseGoDuration, summarize } from "../../src/scan/scan-images.js";
import { type ImageScanResult, zeroCounts } from "../../src/scan/types.js";

describe("parseGoDuration", () => {
  it.each([
    ["5m0s", 300_000],
    ["90s", 90_000],
    ["1h30m", 5_400_000],
    ["1.5m", 90_000],
    ["250ms", 250],
  ])("%s = %d ms", (text, ms) => expect(parseGoDuration(text)).toBe(ms));
  it.each(["", "5", "5 m", "m5", "5x", "5m junk"])("rejects %j", (text) =>
    expect(parseGoDuration(text)).toBeUndefined(),
  );
});

describe("invalidImageReason", () => {
  it("accepts ordinary references", () => {
    for (const image of ["nginx", "ghcr.io/a/b:1.0", `x@sha256:${"a".repeat(64)}`, "localhost:5000/x"]) {
      expect(invalidImageReason(image)).toBeUndefined();
    }
  });
  it("rejects what would not reach trivy as one image argument", () => {
    expect(invalidImageReason("")).toBe("empty image reference");
    expect(invalidImageReason("-v")).toBe('invalid image reference "-v": starts with "-"');
    expect(invalidImageReason("a\nb")).toBe('invalid image reference "a\\nb": contains whitespace');
    expect(invalidImageReason("x".repeat(5000))).toBe("image reference longer than 4096 characters");
  });
});

describe("summarize", () => {
  it("counts findings of ok results only, and cached ones", () => {
    const ok = (image: string, high: number, cached = false): ImageScanResult => ({
      image,
      status: "ok",
      vulnerabilities: [],
      counts: { ...zeroCounts(), HIGH: high },
      cached,
    });
    const err: ImageScanResult = { image: "e", status: "error", error: "x", vulnerabilities: [], counts: zeroCounts() };
    expect(summarize([ok("a", 2), ok("b", 3, true), err])).toEqual({
      images: 3,
      scanned: 2,
      failed: 1,
      cached: 1,
      counts: { ...zeroCounts(), HIGH: 5 },
    });
  });
});

describe("defaultConcurrency", () => {
  it("is between 1 and 4", () => {
    expect(defaultConcurrency()).toBeGreaterThanOrEqual(1);
    expect(defaultConcurrency()).toBeLessThanOrEqual(4);
  });
});
