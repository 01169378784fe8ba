import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type ScanOptions, type ScanProgressEvent, scanImages } from "../../src/scan/scan-images.js";
import { ShellWordsError } from "../../src/scan/shell-words.js";
import { TrivyUnavailableError } from "../../src/scan/trivy-version.js";
import { type Sandbox, sandbox, stubTrivy } from "./stand-in.js";

let box: Sandbox;
afterEach(() => box?.cleanup());

function opts(extra: Partial<ScanOptions> = {}): ScanOptions {
  return {
    trivyPath: stubTrivy,
    env: box.env,
    cacheDir: box.cacheDir,
    resultCacheDir: box.resultCacheDir,
    ...extra,
  };
}

const ALPINE = "registry.example/library/alpine:3.19.1";
const CLEAN = "registry.example/library/clean:1.0";
const OS_ONLY = "registry.example/tools/os-only:5.4";

describe("scanImages: the normal path", () => {
  it("prepares the DB once, then scans each image with skip-update and the memory cache", async () => {
    box = sandbox({ TRIVY_STUB_DB_UPDATED_AT: "2024-12-01T06:00:00Z" });
    const events: ScanProgressEvent[] = [];
    const run = await scanImages([ALPINE, CLEAN, OS_ONLY], opts(), { onProgress: (e) => events.push(e) });

    expect(run.trivyVersion).toBe("0.58.1");
    expect(run.results.map((r) => [r.image, r.status, r.os])).toEqual([
      [ALPINE, "ok", "alpine 3.19.1"],
      [CLEAN, "ok", "alpine 3.20.3"],
      [OS_ONLY, "ok", "slem 5.4"],
    ]);
    expect(run.results[0]!.counts).toEqual({ CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 1, UNKNOWN: 0 });
    expect(run.results[1]!.vulnerabilities).toEqual([]);
    expect(run.results.every((r) => typeof r.durationMs === "number" && !r.cached)).toBe(true);
    expect(run.summary).toEqual({
      images: 3,
      scanned: 3,
      failed: 0,
      cached: 0,
      counts: { CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 1, UNKNOWN: 0 },
    });

    const argvs = box.log().flatMap((e) => (e.argv ? [e.argv] : []));
    expect(argvs.slice(0, 4)).toEqual([
      ["--version", "--format", "json", "--cache-dir", box.cacheDir],
      ["image", "--download-db-only", "--quiet", "--cache-dir", box.cacheDir],
      ["image", "--download-java-db-only", "--quiet", "--cache-dir", box.cacheDir],
      ["--version", "--format", "json", "--cache-dir", box.cacheDir],
    ]);
    expect(box.scans().sort()).toEqual(
      [ALPINE, CLEAN, OS_ONLY]
        .map((image) => [
          "image",
          "--format",
          "json",
          "--quiet",
          "--scanners",
          "vuln",
          "--cache-dir",
          box.cacheDir,
          "--cache-backend",
          "memory",
          "--skip-db-update",
          "--skip-java-db-update",
          image,
        ])
        .sort(),
    );

    expect(events.filter((e) => e.type === "db-update").map((e) => `${e.db}:${e.phase}`)).toEqual([
      "vuln:start",
      "vuln:done",
      "java:start",
      "java:done",
    ]);
    expect(events.filter((e) => e.type === "started")).toHaveLength(3);
    const finished = events.filter((e) => e.type === "finished");
    expect(finished.map((e) => e.done)).toEqual([1, 2, 3]);
    expect(finished.every((e) => e.total === 3)).toBe(true);
  });

  it("scans each unique image once, however often it is referenced", async () => {
    box = sandbox();
    const run = await scanImages([ALPINE, CLEAN, ALPINE, ALPINE, CLEAN], opts({ concurrency: 3 }));
    expect(run.results.map((r) => r.image)).toEqual([ALPINE, CLEAN]);
    expect(run.summary.images).toBe(2);
    expect(
      box
        .scans()
        .map((a) => a.at(-1))
        .sort(),
    ).toEqual([ALPINE, CLEAN]);
  });

  it("passes options and the user's trivy arguments, split like a shell, before the image", async () => {
    box = sandbox();
    const ignore = join(box.dir, ".trivyignore");
    writeFileSync(ignore, "CVE-2024-90001\n");
    const run = await scanImages(
      [ALPINE],
      opts({
        severity: ["CRITICAL", "HIGH"],
        ignoreUnfixed: true,
        ignoreFile: ignore,
        timeout: "2m",
        trivyArgs: `--skip-files '/etc/a b' --platform=linux/arm64`,
      }),
    );
    expect(run.results[0]!.status).toBe("ok");
    expect(run.results[0]!.counts).toEqual({ CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 0, UNKNOWN: 0 });
    const [argv] = box.scans();
    expect(argv).toEqual([
      "image",
      "--format",
      "json",
      "--quiet",
      "--severity",
      "CRITICAL,HIGH",
      "--ignore-unfixed",
      "--ignorefile",
      ignore,
      "--scanners",
      "vuln",
      "--timeout",
      "2m",
      "--cache-dir",
      box.cacheDir,
      "--cache-backend",
      "memory",
      "--skip-db-update",
      "--skip-java-db-update",
      "--skip-files",
      "/etc/a b",
      "--platform=linux/arm64",
      ALPINE,
    ]);
  });

  it("takes a report with trivy's --exit-code failure status as findings", async () => {
    box = sandbox();
    const run = await scanImages([ALPINE, CLEAN], opts({ trivyArgs: "--exit-code 1" }));
    expect(run.results.map((r) => r.status)).toEqual(["ok", "ok"]);
    expect(box.log().find((e) => e.image === ALPINE)?.exit).toBe(1);
  });
});

describe("scanImages: failures stay with their image", () => {
  it("non-zero exit, garbage, a Go panic and a killed trivy, while the others succeed", async () => {
    box = sandbox();
    const run = await scanImages(
      ["registry.example/x/fail-pull:1", "garbage-out:1", "crash-now:1", "oom-big:1", ALPINE],
      opts({ concurrency: 2 }),
    );
    const byImage = Object.fromEntries(run.results.map((r) => [r.image, r]));
    expect(byImage["registry.example/x/fail-pull:1"]).toMatchObject({ status: "error", vulnerabilities: [] });
    expect(byImage["registry.example/x/fail-pull:1"]!.error).toMatch(
      /^Fatal error: run error: image scan error: .*unable to find the specified image "registry.example\/x\/fail-pull:1".* \* remote error: .*MANIFEST_UNKNOWN: manifest unknown$/,
    );
    expect(byImage["garbage-out:1"]!.error).toBe(
      'trivy output is not JSON: "<html><body>502 Bad Gateway</body></html> not a trivy report"',
    );
    expect(byImage["crash-now:1"]!.error).toBe(
      "panic: runtime error: invalid memory address or nil pointer dereference",
    );
    expect(byImage["oom-big:1"]!.error).toBe("trivy was killed by SIGKILL");
    expect(byImage[ALPINE]!.status).toBe("ok");
    expect(run.summary).toMatchObject({ images: 5, scanned: 1, failed: 4 });
    expect(run.summary.counts.CRITICAL).toBe(1);
  });

  it("kills a hung trivy and its whole process group at the deadline", async () => {
    box = sandbox();
    const t0 = Date.now();
    const run = await scanImages(["hang-forever:1", CLEAN], opts({ processTimeoutMs: 700, concurrency: 2 }));
    expect(Date.now() - t0).toBeLessThan(6000);
    expect(run.results[0]).toMatchObject({ status: "error", error: "trivy timed out after 1s and was killed" });
    expect(run.results[1]!.status).toBe("ok");
    const helper = box.log().find((e) => e.helper)!.helper!;
    await new Promise((r) => setTimeout(r, 200));
    expect(() => process.kill(helper, 0)).toThrow();
  });

  it("stops on abort: the running trivy group is killed, the image is an error", async () => {
    box = sandbox();
    const controller = new AbortController();
    const pending = scanImages(["hang-a:1"], opts({ signal: controller.signal }), {
      onProgress: (e) => {
        if (e.type === "started") setTimeout(() => controller.abort(), 300);
      },
    });
    const run = await pending;
    expect(run.results[0]).toMatchObject({ status: "error", error: "scan aborted" });
    const helper = box.log().find((e) => e.helper)?.helper;
    await new Promise((r) => setTimeout(r, 200));
    if (helper !== undefined) expect(() => process.kill(helper, 0)).toThrow();
  });

  it("retries a rate-limited pull with exponential backoff", async () => {
    box = sandbox({ TRIVY_STUB_RATELIMIT_COUNT: "2" });
    const sleeps: number[] = [];
    const events: ScanProgressEvent[] = [];
    const run = await scanImages(
      ["registry.example/library/ratelimit-alpine:3"],
      opts({ sleep: async (ms) => void sleeps.push(ms), retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 150 } }),
      { onProgress: (e) => events.push(e) },
    );
    expect(run.results[0]!.status).toBe("ok");
    expect(run.results[0]!.counts.CRITICAL).toBe(1);
    expect(sleeps).toEqual([100, 150]);
    expect(box.scans()).toHaveLength(3);
    const retries = events.filter((e) => e.type === "retry");
    expect(retries.map((e) => e.attempt)).toEqual([1, 2]);
    expect(events.filter((e) => e.type === "started")).toHaveLength(1);
  });

  it("gives up after the last attempt with trivy's rate-limit message", async () => {
    box = sandbox({ TRIVY_STUB_RATELIMIT_COUNT: "10" });
    const sleeps: number[] = [];
    const run = await scanImages(
      ["ratelimit-alpine:3"],
      opts({ sleep: async (ms) => void sleeps.push(ms), retry: { attempts: 3, baseDelayMs: 10 } }),
    );
    expect(run.results[0]!.status).toBe("error");
    expect(run.results[0]!.error).toContain("TOOMANYREQUESTS: You have reached your pull rate limit");
    expect(sleeps).toEqual([10, 20]);
    expect(box.scans()).toHaveLength(3);
  });

  it("does not retry failures that are not rate limits", async () => {
    box = sandbox();
    const sleeps: number[] = [];
    await scanImages(["fail-x:1"], opts({ sleep: async (ms) => void sleeps.push(ms) }));
    expect(sleeps).toEqual([]);
    expect(box.scans()).toHaveLength(1);
  });

  it("refuses image references that would read as flags, without running trivy on them", async () => {
    box = sandbox();
    const run = await scanImages(["--help", "a b", ALPINE], opts());
    expect(run.results.map((r) => r.error)).toEqual([
      'invalid image reference "--help": starts with "-"',
      'invalid image reference "a b": contains whitespace',
      undefined,
    ]);
    expect(box.scans().map((a) => a.at(-1))).toEqual([ALPINE]);
  });
});

describe("scanImages: concurrency without the cache lock", () => {
  it("runs scans side by side and never trips the stand-in's cache lock", async () => {
    // A lock wait shorter than one scan: any two scans sharing trivy's fs cache would collide.
    box = sandbox({ TRIVY_STUB_SLEEP_MS: "300", TRIVY_STUB_LOCK_TIMEOUT_MS: "200" });
    const images = Array.from({ length: 8 }, (_, i) => `registry.example/library/alpine-${i}:1`);
    const run = await scanImages(images, opts({ concurrency: 4 }));
    expect(run.results.map((r) => r.status)).toEqual(Array(8).fill("ok"));
    expect(box.log().filter((e) => e.lockTimeout)).toEqual([]);
    // They really overlapped: at some moment four trivy scans were running together.
    const log = box.log();
    const spans = log
      .filter((e) => e.scanning)
      .map((e) => [e.scanning!, log.find((x) => x.pid === e.pid && x.end)!.end!] as const);
    expect(spans).toHaveLength(8);
    const peak = Math.max(...spans.map(([s]) => spans.filter(([a, b]) => a <= s && s < b).length));
    expect(peak).toBe(4);
  });

  it("the stand-in's lock is real: two fs-cache scans on one cache dir collide", async () => {
    box = sandbox({ TRIVY_STUB_SLEEP_MS: "2500", TRIVY_STUB_LOCK_TIMEOUT_MS: "500" });
    // Prepare a DB, then start two scans the way a naive runner would.
    await scanImages([CLEAN], opts({ noCache: true }));
    const runOne = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(stubTrivy, ["image", "--quiet", "--skip-db-update", "--cache-dir", box.cacheDir, CLEAN], {
          env: box.env,
        });
        let stderr = "";
        child.stderr.on("data", (d) => {
          stderr += d;
        });
        child.on("close", (code) => resolve({ code, stderr }));
      });
    const [a, b] = await Promise.all([runOne(), runOne()]);
    const failed = [a, b].filter((r) => r.code !== 0);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.stderr).toContain("cache may be in use by another process: timeout");
  });
});

describe("scanImages: result cache", () => {
  it("hits on the second run, misses when options, DB time or the ignore file change", async () => {
    box = sandbox({ TRIVY_STUB_DB_UPDATED_AT: "2024-12-01T06:00:00Z" });
    const ignore = join(box.dir, ".trivyignore");
    writeFileSync(ignore, "CVE-1\n");
    const first = await scanImages([ALPINE, CLEAN], opts({ ignoreFile: ignore }));
    expect(first.summary.cached).toBe(0);
    expect(box.scans()).toHaveLength(2);

    const second = await scanImages([ALPINE, CLEAN], opts({ ignoreFile: ignore }));
    expect(second.summary).toMatchObject({ cached: 2, scanned: 2 });
    expect(second.results.every((r) => r.cached)).toBe(true);
    expect(second.results[0]!.vulnerabilities).toEqual(first.results[0]!.vulnerabilities);
    expect(box.scans()).toHaveLength(2);

    await scanImages([ALPINE], opts({ ignoreFile: ignore, severity: ["CRITICAL"] }));
    expect(box.scans()).toHaveLength(3);

    writeFileSync(ignore, "CVE-2\n");
    await scanImages([ALPINE], opts({ ignoreFile: ignore }));
    expect(box.scans()).toHaveLength(4);

    // A newer DB: the stand-in's next download reports another UpdatedAt.
    box.env.TRIVY_STUB_DB_UPDATED_AT = "2024-12-01T12:00:00Z";
    rmSync(join(box.cacheDir, "db"), { recursive: true });
    const fresh = await scanImages([ALPINE], opts({ ignoreFile: ignore }));
    expect(fresh.summary.cached).toBe(0);
    expect(box.scans()).toHaveLength(5);
  });

  it("noCache neither reads nor writes", async () => {
    box = sandbox();
    await scanImages([ALPINE], opts({ noCache: true }));
    expect(() => readdirSync(box.resultCacheDir)).toThrow();
    await scanImages([ALPINE], opts());
    await scanImages([ALPINE], opts({ noCache: true }));
    expect(box.scans()).toHaveLength(3);
  });

  it("ignores a corrupt entry and rescans", async () => {
    box = sandbox();
    await scanImages([ALPINE], opts());
    const [file] = readdirSync(box.resultCacheDir);
    writeFileSync(join(box.resultCacheDir, file!), "{garbage");
    const run = await scanImages([ALPINE], opts());
    expect(run.results[0]).toMatchObject({ status: "ok" });
    expect(run.results[0]!.cached).toBeFalsy();
    expect(box.scans()).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(box.resultCacheDir, file!), "utf8")).result.image).toBe(ALPINE);
  });

  it("does not cache failures", async () => {
    box = sandbox();
    await scanImages(["fail-x:1"], opts());
    await scanImages(["fail-x:1"], opts());
    expect(box.scans()).toHaveLength(2);
  });
});

describe("scanImages: server mode", () => {
  it("sends scans to the server with the token, downloads no DB, uses no result cache", async () => {
    box = sandbox({ TRIVY_STUB_SERVER_TOKEN: "s3cret" });
    const server = { url: "http://trivy.example:4954", token: "s3cret", tokenHeader: "X-Trivy-Token" };
    const run = await scanImages([ALPINE], opts({ server }));
    expect(run.results[0]!.status).toBe("ok");
    const argvs = box.log().flatMap((e) => (e.argv ? [e.argv] : []));
    expect(argvs).toEqual([
      ["--version", "--format", "json"],
      [
        "image",
        "--format",
        "json",
        "--quiet",
        "--scanners",
        "vuln",
        "--server",
        "http://trivy.example:4954",
        "--token",
        "s3cret",
        "--token-header",
        "X-Trivy-Token",
        ALPINE,
      ],
    ]);
    await scanImages([ALPINE], opts({ server }));
    expect(box.scans()).toHaveLength(2);
  });

  it("reports the server's refusal per image", async () => {
    box = sandbox({ TRIVY_STUB_SERVER_TOKEN: "s3cret" });
    const run = await scanImages([ALPINE], opts({ server: { url: "http://trivy.example:4954", token: "wrong" } }));
    expect(run.results[0]!.error).toBe(
      "Fatal error: run error: image scan error: scan error: twirp error unauthenticated: invalid token",
    );
  });
});

describe("scanImages: what stops the whole run", () => {
  it("an unbalanced quote in the trivy arguments, before anything runs", async () => {
    box = sandbox();
    await expect(scanImages([ALPINE], opts({ trivyArgs: "--skip-files 'x" }))).rejects.toThrow(ShellWordsError);
    expect(box.log()).toEqual([]);
  });

  it("a missing trivy", async () => {
    box = sandbox();
    await expect(
      scanImages([ALPINE], opts({ trivyPath: "trivy", env: { ...box.env, PATH: join(box.dir, "none") } })),
    ).rejects.toThrow("trivy not found on PATH: install it (https://trivy.dev) or pass --trivy-path");
  });

  it("a too-old trivy, before any DB download or scan", async () => {
    box = sandbox({ TRIVY_STUB_VERSION: "0.52.2" });
    await expect(scanImages([ALPINE], opts())).rejects.toThrow(/^trivy 0.52.2 is too old/);
    expect(box.log().filter((e) => e.argv)).toHaveLength(1);
  });

  it("no DB and no way to download one", async () => {
    box = sandbox({ TRIVY_STUB_DOWNLOAD_FAIL: "1" });
    await expect(scanImages([ALPINE], opts())).rejects.toThrow(
      new TrivyUnavailableError(
        "cannot download the trivy vulnerability DB: Fatal error: init error: DB error: failed to download vuln DB: OCI repository error: fixture network is down",
      ),
    );
  });

  it("but a failed refresh of an existing DB only warns", async () => {
    box = sandbox();
    await scanImages([CLEAN], opts({ noCache: true }));
    box.env.TRIVY_STUB_DOWNLOAD_FAIL = "1";
    const events: ScanProgressEvent[] = [];
    const run = await scanImages([ALPINE], opts(), { onProgress: (e) => events.push(e) });
    expect(run.results[0]!.status).toBe("ok");
    expect(events.filter((e) => e.type === "warning")).toHaveLength(2);
  });

  it("skipDbUpdate with no DB at all", async () => {
    box = sandbox();
    await expect(scanImages([ALPINE], opts({ skipDbUpdate: true }))).rejects.toThrow(
      "no trivy vulnerability DB in the cache dir, and DB updates are skipped",
    );
  });
});
