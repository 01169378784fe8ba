#!/usr/bin/env node
// Scan benchmark: N unique images at concurrency C against the stand-in trivy, which sleeps a
// fixed time per scan. Ideal wall time is ceil(N/C) x sleep; the benchmark fails (exit 1) when
// the measured wall time is more than 10% above it, and prints what the tool itself costs.
//
//   node bench/scan/run.mjs [--images N] [--concurrency C] [--sleep MS]
//
// Defaults: 12 images, concurrency = helm-trivy's default (min(4, CPUs)), 2000 ms per scan.
// The stand-in counts its sleep from its own process start, so its Node start-up is inside the
// fixed time per scan (unless start-up alone exceeds it on a loaded machine). To separate what
// remains (process exit, pipes, scheduling) from helm-trivy's own cost, the same N scans are
// also run by a bare spawn pool (no parsing, no cache, nothing): helm-trivy's own overhead is
// the difference between the two wall times.
//
// It compiles packages/core/src/scan (self-contained: Node built-ins only) with the workspace's
// tsc into a temporary directory, so it needs neither a build of the package nor a TS loader.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values } = parseArgs({
  options: {
    images: { type: "string", default: "12" },
    concurrency: { type: "string" },
    sleep: { type: "string", default: "2000" },
  },
});
const N = Number(values.images);
const { availableParallelism } = await import("node:os");
const C = Number(values.concurrency ?? Math.min(4, availableParallelism()));
const SLEEP = Number(values.sleep);
const stub = join(root, "fixtures", "trivy", "trivy");

const work = mkdtempSync(join(tmpdir(), "helm-trivy-bench-"));
try {
  const out = join(work, "js");
  writeFileSync(join(work, "package.json"), '{"type":"module"}');
  execFileSync(
    join(root, "node_modules", ".bin", "tsc"),
    [
      "--outDir",
      out,
      "--rootDir",
      join(root, "packages", "core", "src", "scan"),
      "--module",
      "NodeNext",
      "--moduleResolution",
      "NodeNext",
      "--target",
      "ES2022",
      "--lib",
      "ES2023",
      "--types",
      "node",
      "--typeRoots",
      join(root, "node_modules", "@types"),
      "--strict",
      "--skipLibCheck",
      join(root, "packages", "core", "src", "scan", "index.ts"),
    ],
    { stdio: "inherit" },
  );
  writeFileSync(join(out, "package.json"), '{"type":"module"}');
  const { scanImages } = await import(pathToFileURL(join(out, "index.js")).href);

  const env = {
    ...process.env,
    TRIVY_STUB_LOG: "",
    TRIVY_STUB_SLEEP_MS: String(SLEEP),
    TRIVY_STUB_DOWNLOAD_MS: "0",
  };
  delete env.TRIVY_STUB_LOG;
  const options = {
    trivyPath: stub,
    env,
    cacheDir: join(work, "trivy-cache"),
    resultCacheDir: join(work, "results"),
    concurrency: C,
  };

  const images = Array.from({ length: N }, (_, i) => `registry.example/library/alpine-${i}:bench`);
  const phases = [];
  const start = performance.now();
  const run = await scanImages(images, options, {
    onProgress: (e) => {
      if (e.type === "started" && phases.length === 0) phases.push(performance.now());
    },
  });
  const wall = performance.now() - start;
  const prep = phases[0] - start;
  if (run.summary.scanned !== N) throw new Error(`only ${run.summary.scanned}/${N} scans succeeded`);

  const cachedStart = performance.now();
  const again = await scanImages(images, options);
  const cachedWall = performance.now() - cachedStart;

  // Baseline: the same scans through a bare spawn pool, on the DB prepared above.
  const baseStart = performance.now();
  let next = 0;
  const bare = async () => {
    while (next < N) {
      const image = images[next++];
      await new Promise((done) => {
        const argv = ["image", "--format", "json", "--quiet", "--cache-dir", options.cacheDir];
        argv.push("--cache-backend", "memory", "--skip-db-update", "--skip-java-db-update", image);
        const child = spawn(stub, argv, { env, stdio: ["ignore", "pipe", "ignore"] });
        child.stdout.resume();
        child.on("close", done);
      });
    }
  };
  await Promise.all(Array.from({ length: C }, bare));
  const baseWall = performance.now() - baseStart;

  const rounds = Math.ceil(N / C);
  const ideal = rounds * SLEEP;
  const overhead = wall - ideal;
  const ownOverhead = wall - prep - baseWall;
  const fmt = (ms) => `${Math.round(ms)} ms`;
  console.log(`images ${N}, concurrency ${C}, stand-in sleep ${SLEEP} ms per scan`);
  console.log(
    `wall time              ${fmt(wall)}  (ideal ceil(N/C) x sleep = ${fmt(ideal)}, ratio ${(wall / ideal).toFixed(3)})`,
  );
  console.log(`  before first scan    ${fmt(prep)}  (version check, DB download, version again)`);
  console.log(`  total overhead       ${fmt(overhead)}  (${fmt(overhead / rounds)} per round of ${C})`);
  console.log(
    `  bare spawn pool      ${fmt(baseWall)}  (same scans without helm-trivy: ${fmt(baseWall - ideal)} over ideal)`,
  );
  console.log(
    `  helm-trivy's own     ${fmt(ownOverhead)}  (scan phase minus bare pool, ${fmt(ownOverhead / N)} per image; below 0 is noise)`,
  );
  console.log(`second run, all cached ${fmt(cachedWall)}  (${again.summary.cached}/${N} from the result cache)`);
  console.log("");

  if (wall > ideal * 1.1) {
    console.error(`FAIL: wall time is ${((wall / ideal - 1) * 100).toFixed(1)}% above ideal (limit 10%)`);
    process.exitCode = 1;
  } else {
    console.log(`OK: within ${((wall / ideal - 1) * 100).toFixed(1)}% of ideal (limit 10%)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
