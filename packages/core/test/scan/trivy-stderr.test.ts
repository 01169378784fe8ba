import { describe, expect, it } from "vitest";
import { isRateLimited, lastMeaningfulLine } from "../../src/scan/trivy-stderr.js";

describe("lastMeaningfulLine", () => {
  it("takes the FATAL line without timestamp and level, with its continuation lines", () => {
    const stderr = [
      "2024-10-10T04:30:01Z\tINFO\t[vulndb] Need to update DB",
      "2024-10-10T04:30:03Z\tFATAL\tFatal error\trun error: image scan error: 1 error occurred:",
      "\t* remote error: MANIFEST_UNKNOWN: manifest unknown",
      "",
    ].join("\n");
    expect(lastMeaningfulLine(stderr)).toBe(
      "Fatal error: run error: image scan error: 1 error occurred: * remote error: MANIFEST_UNKNOWN: manifest unknown",
    );
  });

  it("prefers FATAL over a later ERROR, and ERROR over INFO", () => {
    expect(lastMeaningfulLine("2024-01-01T00:00:00Z\tFATAL\tboom\n2024-01-01T00:00:00Z\tINFO\tbye")).toBe("boom");
    expect(lastMeaningfulLine("2024-01-01T00:00:00+09:00\tERROR\tbad\n2024-01-01T00:00:00Z\tINFO\tok")).toBe("bad");
  });

  it("finds the panic line of a Go crash, not the goroutine trace", () => {
    const stderr = "panic: runtime error: nil map\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:10 +0x1d\n";
    expect(lastMeaningfulLine(stderr)).toBe("panic: runtime error: nil map");
  });

  it("falls back to the last plain line, and strips colour codes", () => {
    expect(lastMeaningfulLine("Error: unknown flag: --bogus\n")).toBe("Error: unknown flag: --bogus");
    expect(lastMeaningfulLine("\u001b[31m2024-01-01T00:00:00Z\tFATAL\u001b[0m\tred")).toBe("red");
    expect(lastMeaningfulLine("2024-01-01T00:00:00Z\tINFO\tonly info")).toBe("only info");
    expect(lastMeaningfulLine("\n \n")).toBeUndefined();
  });

  it("caps the length", () => {
    expect(lastMeaningfulLine(`2024-01-01T00:00:00Z\tFATAL\t${"x".repeat(2000)}`)!.length).toBe(500);
  });
});

describe("isRateLimited", () => {
  it.each([
    ["GET https://index.docker.io/v2/x/manifests/1: TOOMANYREQUESTS: You have reached your pull rate limit", true],
    ["unexpected status code 429 Too Many Requests", true],
    ["API rate limit exceeded for 1.2.3.4", true],
    ["MANIFEST_UNKNOWN: manifest unknown", false],
    ["UNAUTHORIZED: authentication required", false],
  ])("%s -> %s", (stderr, expected) => expect(isRateLimited(stderr)).toBe(expected));
});
