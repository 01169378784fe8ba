#!/usr/bin/env node
// index.yaml parsing benchmark: a generated 20 MB bitnami-shaped index is parsed the way
// `helm-trivy template repo/chart` reads it (whole-text layout scan, then one chart's entries
// parsed, validated and sorted), and, for comparison, with the `yaml` package over the whole
// text. Fails (exit 1) when the lazy path takes 1 s or more.
//
//   node bench/repo/run.mjs [--mb 20]
//
// It compiles packages/core/src/repo with the workspace's tsc into a temporary directory
// (linked to the core package's node_modules for `yaml`), so it needs no build of the package.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { generateIndex } from "./generate-index.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values } = parseArgs({ options: { mb: { type: "string", default: "20" }, full: { type: "boolean" } } });
const out = mkdtempSync(join(tmpdir(), "helm-trivy-bench-repo-"));
try {
  symlinkSync(join(root, "packages", "core", "node_modules"), join(out, "node_modules"));
  writeFileSync(join(out, "package.json"), '{"type":"module"}');
  execFileSync(
    join(root, "node_modules", ".bin", "tsc"),
    [
      "--outDir",
      out,
      "--rootDir",
      join(root, "packages", "core", "src"),
      "--module",
      "NodeNext",
      "--moduleResolution",
      "NodeNext",
      "--target",
      "ES2022",
      "--skipLibCheck",
      "--types",
      "node",
      join(root, "packages", "core", "src", "repo", "index-file.ts"),
    ],
    { stdio: "inherit" },
  );
  const { RepoIndex } = await import(pathToFileURL(join(out, "repo", "index-file.js")).href);
  const text = generateIndex(Number(values.mb) * 1024 * 1024);
  const bytes = new TextEncoder().encode(text);
  const mb = (bytes.length / 1024 / 1024).toFixed(1);
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const idx = RepoIndex.parse(bytes);
    const names = idx.chartNames();
    const vs = idx.versions(names[names.length - 1]);
    runs.push(performance.now() - t0);
    if (vs.length === 0) throw new Error("no versions parsed");
    if (i === 0)
      console.log(`${mb} MB, ${names.length} charts, ${vs.length} versions of the last, newest ${vs[0].version}`);
  }
  const best = Math.min(...runs);
  console.log(`lazy parse + one chart: best ${best.toFixed(0)} ms, runs ${runs.map((r) => r.toFixed(0)).join(" ")} ms`);
  if (values.full) {
    const { parse } = await import(pathToFileURL(join(out, "node_modules", "yaml", "dist", "index.js")).href);
    const t0 = performance.now();
    parse(text, { schema: "failsafe" });
    console.log(`yaml package, whole document: ${(performance.now() - t0).toFixed(0)} ms`);
  }
  if (best >= 1000) {
    console.error("FAIL: index parsing took 1 s or more");
    process.exitCode = 1;
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
